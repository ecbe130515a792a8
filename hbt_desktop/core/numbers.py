"""Vietnamese numbers: formatting, rounding, parsing, qualifiers and Roman numerals.

Bulletins write ``4.115`` (thousands grouped with ``.``, four-digit numbers too), ``12,33``
(decimal ``,``) and ``11,7%`` (no space before ``%``) — reference §1 "Numbers". Every value
here is a :class:`~decimal.Decimal` or an ``int``; a ``float`` is refused at the door, so
binary-float noise can never reach an official document.

Parsing is where the harm is. ``4.115`` is four thousand one hundred and fifteen to a
Vietnamese clerk and four point one one five to anyone used to English software, and
both readings are plausible for a district budget. So the parser never guesses: it reads
a string under each convention that could apply (:class:`Convention`) and refuses with
both readings (:class:`~hbt_desktop.core.errors.AmbiguousInput`) when they disagree.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from hbt_desktop.core.errors import AmbiguousInput, InputError
from hbt_desktop.core.text import clean

__all__ = [
    "MAX_DECIMALS",
    "MAX_INTEGER_DIGITS",
    "QUALIFIERS",
    "ROUNDING",
    "Convention",
    "ParsedNumber",
    "format_decimal",
    "format_percent",
    "from_roman",
    "infer_convention",
    "parse_decimal",
    "parse_number",
    "parse_percent",
    "round_half_up",
    "split_qualifier",
    "to_decimal",
    "to_roman",
]

# Vietnamese schools and offices round 0,5 up (away from zero), not to even.
ROUNDING = decimal.ROUND_HALF_UP

# Limits of what a clerk may type: 18 integer digits hold any amount in đồng (10^18 is
# a million times the national budget); 6 decimals are more than any bulletin prints.
MAX_INTEGER_DIGITS = 18
MAX_DECIMALS = 6

QUALIFIERS: tuple[str, ...] = ("trên", "hơn", "gần", "xấp xỉ", "khoảng")


# --- values and rounding ----------------------------------------------------------------


def to_decimal(value: Decimal | int) -> Decimal:
    """``value`` as a finite Decimal. Floats (and bools) are refused: TypeError."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected Decimal or int, got {type(value).__name__}: {value!r}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def _quantum(decimals: int) -> Decimal:
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be an int >= 0, got {decimals!r}")
    return Decimal((0, (1,), -decimals))


def round_half_up(value: Decimal | int, decimals: int) -> Decimal:
    """``value`` rounded half away from zero to exactly ``decimals`` places."""
    value = to_decimal(value)
    quantum = _quantum(decimals)
    # A local context wide enough for every digit of the result: the default context
    # (28 digits) could otherwise round a long value a second time, or raise.
    context = decimal.Context(prec=max(value.adjusted(), 0) + decimals + 3, rounding=ROUNDING)
    return value.quantize(quantum, context=context)


# --- formatting -------------------------------------------------------------------------


def _group(digits: str, separator: str = ".") -> str:
    """``"1234567"`` → ``"1.234.567"``; four-digit numbers are grouped too (§1)."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def format_decimal(value: Decimal | int, decimals: int) -> str:
    """``value`` the Vietnamese way with exactly ``decimals`` places: ``"1.234,50"``.

    Never exponent notation, never ``-0``: a value that rounds to zero prints unsigned.
    """
    rounded = round_half_up(value, decimals)
    sign, digit_tuple, _ = rounded.as_tuple()
    digits = "".join(map(str, digit_tuple)).rjust(decimals + 1, "0")
    if decimals:
        whole, fraction = digits[:-decimals], "," + digits[-decimals:]
    else:
        whole, fraction = digits, ""
    minus = "-" if sign and not rounded.is_zero() else ""
    return f"{minus}{_group(whole)}{fraction}"


def format_percent(value: Decimal | int, decimals: int) -> str:
    """``"11,7%"`` — no space before the sign (§1)."""
    return format_decimal(value, decimals) + "%"


# --- parsing ----------------------------------------------------------------------------


class Convention(Enum):
    """Which separators a piece of text uses; see :func:`parse_number`."""

    TYPED = "typed"
    """Typed by a clerk into this app: ``,`` is the decimal mark, ``.`` groups thousands —
    but ``4.115`` (one dot before 3 digits) is refused as ambiguous, since many people
    type ``.`` as a decimal point; ``1.5`` can only be one-point-five."""
    VI = "vi"
    """A known Vietnamese source: ``.`` and spaces group, ``,`` is the decimal mark."""
    EN = "en"
    """A known English source: ``,`` and spaces group, ``.`` is the decimal mark."""
    UNKNOWN = "unknown"
    """Pasted or imported text with no evidence: any string that reads differently under
    the Vietnamese and English conventions is refused."""


@dataclass(frozen=True)
class ParsedNumber:
    """A number as typed: its exact value, its decimals as typed (the figure's display
    precision: ``"12,30"`` → 2) and whether it carried a ``%`` sign. A percent's value is
    the number written (``"12,33%"`` → 12.33), not divided by 100."""

    value: Decimal
    decimals: int
    percent: bool


@dataclass(frozen=True)
class _Reading:
    whole: str  # integer digits, separators removed
    fraction: str  # decimal digits as typed (may be "")

    def value(self, negative: bool) -> Decimal:
        # Built from the digit string: exact whatever the context precision, and with
        # the typed number of decimals as its exponent ("12,30" → Decimal("12.30")).
        digits = f"{self.whole}.{self.fraction}" if self.fraction else self.whole
        result = Decimal(("-" if negative else "") + digits)
        return result.copy_abs() if result.is_zero() else result


class _BadGrouping:
    """Marker: the string is shaped like a grouped number but a group has the wrong size."""


_BAD_GROUPING = _BadGrouping()
_VN = (". ", ",")  # (group separators, decimal mark)
_EN = (", ", ".")
EXAMPLES = {"vi": "1.234,5", "en": "1,234.5"}  # a number written right, for messages
_BODY_CHARS = frozenset("0123456789., ")
_MINUS = ("-", "\u2212")  # hyphen-minus and the true minus sign


def _read(body: str, separators: str, decimal_mark: str) -> _Reading | _BadGrouping | None:
    """``body`` (digits and separators only) read with one convention, or why not."""
    whole, mark, fraction = body.partition(decimal_mark)
    if mark and not fraction.isdigit():
        return None  # a second decimal mark, a separator after it, or nothing after it
    if not whole or any(ch not in separators and not ch.isdigit() for ch in whole):
        return None
    groups = re.split(f"[{re.escape(separators)}]", whole)
    if len(groups) == 1:
        return _Reading(whole, fraction)
    if any(not group for group in groups):
        return None  # separators side by side, or at either end
    if len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:]):
        return _BAD_GROUPING
    return _Reading("".join(groups), fraction)


def _readings(body: str, convention: Convention) -> list[_Reading | _BadGrouping | None]:
    if any(ch not in _BODY_CHARS for ch in body):
        return [None]
    if convention is Convention.VI:
        return [_read(body, *_VN)]
    if convention is Convention.EN:
        return [_read(body, *_EN)]
    if convention is Convention.TYPED and "," in body:
        return [_read(body, *_VN)]  # "," is only ever the decimal mark when typed here
    head, _, tail = body.partition(".")
    if convention is Convention.TYPED and len(tail) == 3 and head.isdigit() and tail.isdigit():
        # One dot before exactly 3 digits: "2130.879" may be 2130879 grouped carelessly
        # as much as 2130,879, even though "2130" is no proper group. Both readings stand.
        return [_Reading(head + tail, ""), _read(body, *_EN)]
    # UNKNOWN, or TYPED without a comma: "." may be a decimal point ("1.5").
    return [_read(body, *_VN), _read(body, *_EN)]


def _split_sign_percent(text: str) -> tuple[bool, str, bool]:
    """(negative, body, percent) of a cleaned text."""
    percent = text.endswith("%")
    body = text[:-1].rstrip() if percent else text
    negative = body.startswith(_MINUS)
    if negative or body.startswith("+"):
        body = body[1:]
    return negative, body, percent


def parse_number(text: str, *, convention: Convention = Convention.TYPED) -> ParsedNumber:
    """Read a number typed or pasted in Vietnamese (or, if told, English) style.

    Accepts surrounding spaces, spaces (also non-breaking) grouping thousands, a leading
    ``-``/``−``/``+`` attached to the digits and a trailing ``%``. Raises
    :class:`InputError` (``number.empty``, ``number.invalid``, ``number.bad_grouping``,
    ``number.too_long``, ``number.too_precise``) or :class:`AmbiguousInput`
    (``number.ambiguous``) whose ``readings`` are (the whole-number reading, the
    decimal reading).
    """
    cleaned = clean(text)
    if not cleaned:
        raise InputError("number.empty")
    example = EXAMPLES["en" if convention is Convention.EN else "vi"]
    negative, body, percent = _split_sign_percent(cleaned)
    candidates = _readings(body, convention)
    valid: dict[Decimal, _Reading] = {}
    for reading in candidates:  # Vietnamese first: it wins when both agree ("0.000")
        if isinstance(reading, _Reading):
            valid.setdefault(reading.value(negative), reading)
    if not valid:
        key = "number.bad_grouping" if _BAD_GROUPING in candidates else "number.invalid"
        raise InputError(key, text=cleaned, example=example)
    if len(valid) > 1:
        raise _ambiguity(cleaned, negative, percent, list(valid.values()))
    value, reading = next(iter(valid.items()))
    if len(reading.whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise InputError("number.too_long", text=cleaned, max=MAX_INTEGER_DIGITS)
    if len(reading.fraction) > MAX_DECIMALS:
        raise InputError("number.too_precise", text=cleaned, max=MAX_DECIMALS)
    return ParsedNumber(value, len(reading.fraction), percent)


def _ambiguity(text: str, negative: bool, percent: bool, readings: list[_Reading]) -> Exception:
    # Two readings can only disagree when one separator kind occurs once, before 3 digits:
    # one reading is then a whole number, the other has 3 decimals. Whole number first.
    whole, fractional = sorted(readings, key=lambda r: len(r.fraction))
    a, b = whole.value(negative), fractional.value(negative)
    suffix = "%" if percent else ""
    return AmbiguousInput(
        "number.ambiguous",
        readings=(a, b),
        text=text,
        a=format_decimal(a, 0) + suffix,
        b=format_decimal(b, len(fractional.fraction)) + suffix,
        # What to type so that the app cannot misread it: no separators at all for the
        # whole number, the Vietnamese decimal comma for the other.
        a_typed=f"{a}{suffix}",
        b_typed=format_decimal(b, len(fractional.fraction)) + suffix,
    )


def parse_decimal(text: str, *, convention: Convention = Convention.TYPED) -> Decimal:
    """The value of :func:`parse_number` (a ``%`` sign is accepted and ignored)."""
    return parse_number(text, convention=convention).value


def parse_percent(text: str, *, convention: Convention = Convention.TYPED) -> ParsedNumber:
    """A percentage, with or without its ``%`` sign; ``percent`` is always True."""
    parsed = parse_number(text, convention=convention)
    return ParsedNumber(parsed.value, parsed.decimals, True)


def infer_convention(texts: Iterable[str]) -> Convention | None:
    """The convention a block of pasted cells (or a CSV column) shows evidence of.

    VI if some cell reads only the Vietnamese way (``4.115.081``, ``12,33``), EN if some
    cell reads only the English way (``1,234.5``, ``1.5``); None when there is no
    evidence or the evidence contradicts itself — the caller must then refuse every
    ambiguous cell (parse with ``Convention.UNKNOWN``).
    """
    seen: set[Convention] = set()
    for text in texts:
        _, body, _ = _split_sign_percent(clean(text))
        vn_ok, en_ok = (isinstance(_read(body, *c), _Reading) for c in (_VN, _EN))
        if vn_ok != en_ok and set(body) <= _BODY_CHARS:
            seen.add(Convention.VI if vn_ok else Convention.EN)
    return seen.pop() if len(seen) == 1 else None


# --- qualifiers -------------------------------------------------------------------------


def split_qualifier(text: str) -> tuple[str | None, str]:
    """``"trên 7.743 tỷ đồng"`` → ``("trên", "7.743 tỷ đồng")``; no qualifier → None.

    Qualifiers are the clerk's explicit choice (§1 "Money"), kept apart from the figure.
    """
    cleaned = clean(text)
    lowered = cleaned.lower()
    # Longest first, and only as a whole word followed by something.
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        if lowered.startswith(qualifier + " "):
            return qualifier, cleaned[len(qualifier) + 1 :].strip()
    return None, cleaned


# --- Roman numerals (quarters "quý IV", sections "II.", appendices "Phụ lục III") --------

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    """1..3999 in Roman numerals: ``to_roman(4) == "IV"``."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals are defined for 1..3999, got {n!r}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int:
    """The value of a Roman numeral in canonical form (any case); ``"IIII"`` is refused."""
    cleaned = clean(text)
    upper = cleaned.upper()
    total, pos = 0, 0
    for value, letters in _ROMAN:
        while upper.startswith(letters, pos):
            total += value
            pos += len(letters)
    # Re-encoding catches every non-canonical spelling (IIII, IC, VX) in one check.
    if pos != len(upper) or not 1 <= total <= 3999 or to_roman(total) != upper:
        raise InputError("roman.invalid", text=cleaned)
    return total
