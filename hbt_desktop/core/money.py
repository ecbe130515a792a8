"""Money in Vietnamese bulletins: formatting in the styles the district uses, and parsing.

Money is always an ``int`` of đồng (reference §1 "Money": 4.115 tỷ 081 triệu = 4 115 081
000 000 đồng fits in 64 bits). A float is refused with TypeError, so no amount is ever
rounded by binary arithmetic; scaling to tỷ or triệu is done on Decimal digits, exactly.

Prose always says ``đồng`` — never ``VND`` or ``₫`` — though the parser accepts both,
since clerks paste from spreadsheets and bank statements.

The same figure is written differently in one document: ``hơn 1 nghìn tỷ đồng`` in a
headline, ``1.012 tỷ đồng`` in a table. A template names the style of one sentence in
words (:func:`money_style_from_words`: ``'nghìn tỷ'``, ``'tỷ'`` …), and a qualifier chosen
there must still be true of the rounded amount (:func:`qualifier_holds`): ``hơn 1 nghìn
tỷ`` for 1.012 tỷ, never for 998 tỷ.
"""

from __future__ import annotations

import decimal
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum

from hbt_desktop.core.errors import AmbiguousInput, InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.numbers import (
    QUALIFIERS,
    Convention,
    format_decimal,
    parse_number,
    split_qualifier,
)
from hbt_desktop.core.text import clean, fold, nfc

__all__ = [
    "DEFAULT_FORMAT",
    "MAX_DONG",
    "MoneyFormat",
    "MoneyStyle",
    "MoneyUnit",
    "format_money",
    "money_style_from_words",
    "parse_money",
    "printed_dong",
    "qualifier_holds",
]

MAX_DONG = 10**18  # a million times the national budget; far inside 64 bits

register(
    {
        "money.empty": {"vi": "Chưa nhập số tiền.", "en": "No amount was entered."},
        "money.invalid": {
            "vi": 'Không đọc được số tiền "{text}". Ví dụ cách viết đúng: '
            "4.115 tỷ 081 triệu đồng; 70,759 tỷ; 748870 triệu; 1.234.567 đồng.",
            "en": 'Cannot read the amount "{text}". Examples of valid amounts: '
            "4.115 tỷ 081 triệu đồng; 70,759 tỷ; 748870 triệu; 1.234.567 đồng.",
        },
        "money.missing_unit": {
            "vi": 'Số tiền "{text}": hãy ghi đơn vị (tỷ, triệu, nghìn) sau mỗi số, '
            "ví dụ 4 tỷ 081 triệu.",
            "en": 'Amount "{text}": write a unit (tỷ, triệu, nghìn) after every number, '
            "e.g. 4 tỷ 081 triệu.",
        },
        "money.unit_order": {
            "vi": 'Số tiền "{text}": các đơn vị phải đi từ lớn đến nhỏ và không lặp lại, '
            "ví dụ 4 tỷ 081 triệu.",
            "en": 'Amount "{text}": units must go from largest to smallest without '
            "repeating, e.g. 4 tỷ 081 triệu.",
        },
        "money.part_too_large": {
            "vi": 'Số tiền "{text}": phần "{part}" phải nhỏ hơn 1 {previous} '
            "(viết 5 tỷ 200 triệu, không viết 4 tỷ 1200 triệu).",
            "en": 'Amount "{text}": the part "{part}" must be less than 1 {previous} '
            "(write 5 tỷ 200 triệu, not 4 tỷ 1200 triệu).",
        },
        "money.part_not_whole": {
            "vi": 'Số tiền "{text}": phần "{part}" đứng trước một đơn vị nhỏ hơn nên phải '
            "là số nguyên.",
            "en": 'Amount "{text}": the part "{part}" is followed by a smaller unit, so it '
            "must be a whole number.",
        },
        "money.not_whole": {
            "vi": 'Số tiền "{text}" có phần lẻ dưới 1 đồng; hãy bớt chữ số thập phân.',
            "en": 'The amount "{text}" has a fraction of a đồng; use fewer decimals.',
        },
        "money.too_large": {
            "vi": 'Số tiền "{text}" quá lớn (tối đa 1.000.000.000 tỷ đồng).',
            "en": 'The amount "{text}" is too large (at most 1.000.000.000 tỷ đồng).',
        },
        "money.negative": {
            "vi": 'Số tiền "{text}" không được là số âm ở đây.',
            "en": 'The amount "{text}" cannot be negative here.',
        },
        "money.bad_style": {
            "vi": "Không có cách viết số tiền «{text}»; dùng một trong: {allowed}.",
            "en": "There is no way of writing money called «{text}»; use one of: {allowed}.",
        },
        "money.bad_style_decimals": {
            "vi": "Cách viết «{text}» in từ {low} đến {high} chữ số thập phân, không in được "
            "{decimals}.",
            "en": "The style «{text}» prints {low} to {high} decimals, not {decimals}.",
        },
        "money.qualifier": {
            "vi": 'Số tiền "{text}" có từ "{qualifier}". Hãy chọn "{qualifier}" ở ô riêng '
            "và chỉ nhập con số: {rest}.",
            "en": 'The amount "{text}" contains "{qualifier}". Choose "{qualifier}" in its '
            "own field and enter only the figure: {rest}.",
        },
    }
)


class MoneyStyle(StrEnum):
    """How an amount is written (reference §1 "Money" table)."""

    TY_TRIEU = "ty_trieu"  # 4.115 tỷ 081 triệu đồng
    TY_DECIMAL = "ty_decimal"  # 70,759 tỷ đồng (1–3 decimals)
    TY = "ty"  # 11.406 tỷ đồng
    NGHIN_TY = "nghin_ty"  # 4,6 nghìn tỷ đồng
    TRIEU = "trieu"  # 748.870 triệu đồng
    DONG = "dong"  # 1.234.567 đồng


# Decimals each style may print. TY_TRIEU and TY are whole by definition; TRIEU with 6
# decimals is exact to the đồng.
_ALLOWED_DECIMALS = {
    MoneyStyle.TY_TRIEU: range(1),
    MoneyStyle.TY_DECIMAL: range(1, 4),
    MoneyStyle.TY: range(1),
    MoneyStyle.NGHIN_TY: range(4),
    MoneyStyle.TRIEU: range(7),
    MoneyStyle.DONG: range(1),
}
_TY_WORDS = ("tỷ", "tỉ")  # "tỷ" is standard; some offices write "tỉ" (§1)


@dataclass(frozen=True)
class MoneyFormat:
    """A money style with its precision and spelling; ``with_unit=False`` only drops the
    trailing " đồng" (for a caller that writes "đồng/người" itself)."""

    style: MoneyStyle = MoneyStyle.TY_TRIEU
    decimals: int = 0
    ty_word: str = "tỷ"
    with_unit: bool = True

    def __post_init__(self) -> None:
        # Settings may come from the database as plain strings, possibly NFD.
        object.__setattr__(self, "style", MoneyStyle(self.style))
        object.__setattr__(self, "ty_word", nfc(self.ty_word))
        if self.ty_word not in _TY_WORDS:
            raise ValueError(f"ty_word must be one of {_TY_WORDS}, got {self.ty_word!r}")
        allowed = _ALLOWED_DECIMALS[self.style]
        if isinstance(self.decimals, bool) or self.decimals not in allowed:
            raise ValueError(
                f"{self.style.value} allows {allowed.start}..{allowed.stop - 1} decimals, "
                f"got {self.decimals!r}"
            )


DEFAULT_FORMAT = MoneyFormat()

_TRIEU = 10**6


def _shifted(dong: int, power: int) -> Decimal:
    """``dong / 10**power`` exactly: the same digits with a smaller exponent."""
    sign, digits, exponent = Decimal(dong).as_tuple()
    assert isinstance(exponent, int)  # Decimal(int) is always finite
    return Decimal((sign, digits, exponent - power))


def _ty_trieu(dong: int, fmt: MoneyFormat) -> str:
    magnitude = abs(dong)
    if magnitude < _TRIEU:
        return format_decimal(dong, 0)  # "500.000": no triệu to speak of
    trieu = (magnitude + _TRIEU // 2) // _TRIEU  # half up, in integers: exact
    ty, rest = divmod(trieu, 1000)
    if not ty:
        text = f"{rest} triệu"
    elif not rest:
        text = f"{format_decimal(ty, 0)} {fmt.ty_word}"
    else:
        # The triệu part is always three digits after a tỷ part: "4.115 tỷ 081 triệu".
        text = f"{format_decimal(ty, 0)} {fmt.ty_word} {rest:03d} triệu"
    return ("-" if dong < 0 else "") + text


def _body(dong: int, fmt: MoneyFormat) -> str:
    if fmt.style is MoneyStyle.TY_TRIEU:
        return _ty_trieu(dong, fmt)
    if fmt.style is MoneyStyle.DONG:
        return format_decimal(dong, 0)
    power, word = {
        MoneyStyle.TY_DECIMAL: (9, fmt.ty_word),
        MoneyStyle.TY: (9, fmt.ty_word),
        MoneyStyle.NGHIN_TY: (12, f"nghìn {fmt.ty_word}"),
        MoneyStyle.TRIEU: (6, "triệu"),
    }[fmt.style]
    return f"{format_decimal(_shifted(dong, power), fmt.decimals)} {word}"


def format_money(
    dong: int, fmt: MoneyFormat = DEFAULT_FORMAT, *, qualifier: str | None = None
) -> str:
    """``4_115_081_000_000`` → ``"4.115 tỷ 081 triệu đồng"``; rounding is half up.

    ``qualifier`` (one of :data:`~hbt_desktop.core.numbers.QUALIFIERS`) is the clerk's
    choice and is only ever printed when given: ``"trên 7.743 tỷ đồng"``.
    """
    if isinstance(dong, bool) or not isinstance(dong, int):
        raise TypeError(f"money must be an int of đồng, got {type(dong).__name__}: {dong!r}")
    prefix = ""
    if qualifier is not None:
        if nfc(qualifier) not in QUALIFIERS:
            raise ValueError(f"qualifier must be one of {QUALIFIERS}, got {qualifier!r}")
        prefix = nfc(qualifier) + " "
    unit = " đồng" if fmt.with_unit else ""
    return f"{prefix}{_body(dong, fmt)}{unit}"


# --- a style named in words, and qualifiers that must stay true ------------------------

# What a template may call a style, accents and case aside (fold), with the decimals it
# takes when none are asked. "tỷ" with decimals is the decimal tỷ style.
_STYLE_WORDS: dict[str, MoneyStyle] = {
    "ty trieu": MoneyStyle.TY_TRIEU,
    "ty va trieu": MoneyStyle.TY_TRIEU,
    "ty": MoneyStyle.TY,
    "nghin ty": MoneyStyle.NGHIN_TY,
    "ngan ty": MoneyStyle.NGHIN_TY,
    "trieu": MoneyStyle.TRIEU,
    "dong": MoneyStyle.DONG,
}
STYLE_NAMES = ("tỷ triệu", "tỷ", "nghìn tỷ", "triệu", "đồng")


def money_style_from_words(text: str, decimals: int | None = None) -> MoneyFormat:
    """The style a clerk names: ``'nghìn tỷ'`` → 4,6 nghìn tỷ đồng, ``'tỷ'`` → 1.012 tỷ
    đồng (``decimals=3``: 70,759 tỷ đồng), ``'tỷ triệu'`` → 4.115 tỷ 081 triệu đồng,
    ``'triệu'``, ``'đồng'``. Written with "tỉ", the amount is printed with "tỉ".

    Refused with a Vietnamese :class:`InputError` when there is no such style or it
    cannot print that many decimals.
    """
    cleaned = clean(str(text))
    tokens = fold(cleaned).replace(",", " ").split()
    spelling = "tỉ" if "ti" in tokens else "tỷ"
    style = _STYLE_WORDS.get(" ".join("ty" if t == "ti" else t for t in tokens))
    if style is None:
        raise InputError("money.bad_style", text=cleaned, allowed=", ".join(STYLE_NAMES))
    wanted = 0 if decimals is None else decimals
    if style is MoneyStyle.TY and wanted:
        style = MoneyStyle.TY_DECIMAL
    allowed = _ALLOWED_DECIMALS[style]
    if style is MoneyStyle.TY_DECIMAL:
        allowed = range(allowed.stop)  # "tỷ" reaches both whole and decimal tỷ
    if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted not in allowed:
        raise InputError(
            "money.bad_style_decimals",
            text=cleaned,
            low=allowed.start,
            high=allowed.stop - 1,
            decimals=wanted,
        )
    return MoneyFormat(style=style, decimals=wanted, ty_word=spelling)


def printed_dong(dong: int, fmt: MoneyFormat) -> int:
    """The amount, in đồng, that ``format_money(dong, fmt)`` shows: rounded half up to the
    style's last printed digit (what a reader takes the text to say)."""
    if fmt.style is MoneyStyle.DONG or (fmt.style is MoneyStyle.TY_TRIEU and abs(dong) < _TRIEU):
        return dong
    power = {
        MoneyStyle.TY_TRIEU: 6,
        MoneyStyle.TRIEU: 6 - fmt.decimals,
        MoneyStyle.TY_DECIMAL: 9 - fmt.decimals,
        MoneyStyle.TY: 9,
        MoneyStyle.NGHIN_TY: 12 - fmt.decimals,
    }[fmt.style]
    step: int = 10**power
    magnitude = (abs(dong) + step // 2) // step * step  # half up, in integers: exact
    return -magnitude if dong < 0 else magnitude


# "trên 7.743 tỷ" says the real amount is at least what is printed; "gần" at most.
_AT_LEAST = ("trên", "hơn")
_AT_MOST = ("gần",)


def qualifier_holds(qualifier: str, dong: int, printed: int, *, strict: bool) -> bool:
    """Whether "``qualifier`` ``printed``" is true of the amount ``dong``.

    ``trên``/``hơn`` need the amount at least the printed one, ``gần`` at most; ``xấp xỉ``
    and ``khoảng`` hold for any rounding. ``strict`` (a qualifier the template adds, not
    one the clerk typed with the figure) also refuses equality: "hơn 1 nghìn tỷ" is false
    of exactly 1 nghìn tỷ, whereas a clerk who typed "trên 7.743 tỷ" knew more than the
    stored figure says.
    """
    word = nfc(qualifier)
    if word in _AT_LEAST:
        return dong > printed or (dong == printed and not strict)
    if word in _AT_MOST:
        return dong < printed or (dong == printed and not strict)
    return word in QUALIFIERS


# --- parsing ----------------------------------------------------------------------------


class MoneyUnit(Enum):
    """The size of a unit word, in đồng."""

    DONG = 1
    NGHIN = 1_000
    TRIEU = 1_000_000
    TY = 1_000_000_000
    NGHIN_TY = 10**12


_UNIT_NAMES = {
    MoneyUnit.DONG: "đồng",
    MoneyUnit.NGHIN: "nghìn",
    MoneyUnit.TRIEU: "triệu",
    MoneyUnit.TY: "tỷ",
    MoneyUnit.NGHIN_TY: "nghìn tỷ",
}
_CURRENCY = re.compile(r"\s*(?:đồng|vnđ|vnd|đ|₫)$")
# One "number unit" part. A space inside the number only when a digit follows, so that
# "4 tỷ" splits into "4" and "tỷ" while "4 115 tỷ" keeps its grouped number. "ngàn" is
# the southern word for "nghìn".
_PART = re.compile(
    r"\s*(?P<number>[0-9](?:[0-9.,]|\s(?=[0-9]))*)\s*"
    r"(?P<unit>(?:nghìn|ngàn)\s*t[ỷỉ]|t[ỷỉ]|triệu|nghìn|ngàn)?"
)
_UNIT_WORDS = {"tỷ": MoneyUnit.TY, "tỉ": MoneyUnit.TY, "triệu": MoneyUnit.TRIEU}


def _unit_of(word: str) -> MoneyUnit:
    if word in _UNIT_WORDS:
        return _UNIT_WORDS[word]
    return MoneyUnit.NGHIN_TY if word.endswith(("tỷ", "tỉ")) else MoneyUnit.NGHIN


def _split_parts(text: str) -> list[tuple[str, str, str | None]]:
    """``"4.115 tỷ 081 triệu"`` → [(part, number, unit word), …]; [] if unreadable."""
    parts: list[tuple[str, str, str | None]] = []
    pos = 0
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match:
            return []
        parts.append((match.group(0).strip(), match.group("number"), match.group("unit")))
        pos = match.end()
    return parts


def parse_money(
    text: str,
    *,
    convention: Convention = Convention.TYPED,
    default_unit: MoneyUnit = MoneyUnit.DONG,
    allow_negative: bool = False,
) -> int:
    """An amount written as in a bulletin or a spreadsheet, in đồng.

    ``"4.115 tỷ 081 triệu đồng"``, ``"4115,081 tỷ"``, ``"70,759 tỉ"``, ``"4,6 nghìn tỷ"``,
    ``"1.234.567 đ"``; a bare number is in ``default_unit`` (a grid column "triệu đồng"
    passes ``MoneyUnit.TRIEU``). Each number obeys ``convention`` (under TYPED
    ``"748.870 triệu"`` is ambiguous), except that a part followed by a smaller unit must
    be whole, which settles ``"4.115 tỷ 081 triệu"``. Text with a qualifier ("trên …")
    is refused: callers split it off with ``split_qualifier`` first.
    """
    cleaned = clean(text)
    if not cleaned:
        raise InputError("money.empty")
    qualifier, rest = split_qualifier(cleaned)
    if qualifier:
        raise InputError("money.qualifier", text=cleaned, qualifier=qualifier, rest=rest)
    body = cleaned.lower()
    negative = body.startswith(("-", "\u2212"))
    if negative or body.startswith("+"):
        body = body[1:]
    body, had_currency = _CURRENCY.sub("", body), bool(_CURRENCY.search(body))
    # A sign must touch the digits: "- 4 tỷ" is more likely a list dash than a minus.
    parts = [] if body[:1].isspace() else _split_parts(body)
    if not parts:
        raise InputError("money.invalid", text=cleaned)
    bare_unit = MoneyUnit.DONG if had_currency else default_unit
    units = _units([word for _, _, word in parts], bare_unit, cleaned)

    total = Decimal(0)
    context = decimal.Context(prec=60)  # 18 + 6 digits and more: never rounds here
    for index, ((part, number, _), unit) in enumerate(zip(parts, units, strict=True)):
        value = _part_value(number, convention, last=index == len(parts) - 1)
        if value is None:
            raise InputError("money.part_not_whole", text=cleaned, part=part)
        amount = context.multiply(value, Decimal(unit.value))
        if index and amount >= units[index - 1].value:
            previous = _UNIT_NAMES[units[index - 1]]
            raise InputError("money.part_too_large", text=cleaned, part=part, previous=previous)
        total = context.add(total, amount)
    if total != total.to_integral_value(context=context):
        raise InputError("money.not_whole", text=cleaned)
    if total > MAX_DONG:
        raise InputError("money.too_large", text=cleaned)
    if negative and total and not allow_negative:
        raise InputError("money.negative", text=cleaned)
    return -int(total) if negative else int(total)


def _units(words: list[str | None], bare_unit: MoneyUnit, text: str) -> list[MoneyUnit]:
    """The unit of each part, largest first and none repeated; a lone number is in
    ``bare_unit``."""
    if words == [None]:
        return [bare_unit]
    if None in words:
        raise InputError("money.missing_unit", text=text)
    units = [_unit_of(word) for word in words if word]
    if any(big.value <= small.value for big, small in itertools.pairwise(units)):
        raise InputError("money.unit_order", text=text)
    return units


def _part_value(number: str, convention: Convention, *, last: bool) -> Decimal | None:
    """The value of one part's number; None if a non-last part is not whole."""
    if last:
        return parse_number(number, convention=convention).value
    try:
        value = parse_number(number, convention=convention).value
    except AmbiguousInput as err:
        # "4.115" before "tỷ 081 triệu" cannot be 4,115: a decimal followed by a smaller
        # unit is refused anyway, so only the whole-number reading is left.
        whole = err.readings[0]
        assert isinstance(whole, Decimal)
        value = whole
    return value if value == value.to_integral_value() else None
