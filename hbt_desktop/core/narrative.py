"""Narrative templates: clerk-written text in which figures are placeholders.

A section of a bulletin is text such as::

    {% set thu = so_lieu("NS_THU_DIA_BAN", "2023YTD02@20230215") %}
    {{ thu.ky_dau_cau }}, tổng số thu ngân sách trên địa bàn quận là {{ thu }},
    {{ thu.so_voi("DT_TP_HDND_Q", ten="ngắn") }} và {{ thu.tang_truong() }}.

rendered with today's figures: "Tính đến 15/2/2023, … là 4.115 tỷ 081 triệu đồng, đạt
34% so với dự toán và tăng 59% so với cùng kỳ." Changing the figure changes every
sentence that uses it. The placeholders are documented for clerks, in Vietnamese, in
docs/mau-van-ban.md; what a figure offers is ``core.figure_view``.

What is printed: only text the program's formatters wrote (:class:`Formatted`, or a
figure view, worded on output). Anything else inside ``{{ }}`` — a method without its
parentheses, a number or a word typed there, a yes/no value, an unknown name — prints a
visible marker and is listed as a problem, as is a missing figure
(``[thiếu số liệu: …]``) and a figure of another period printed without its own period
(``core.period_claims``). Every problem is one Vietnamese sentence; the editor lists them
and ``--strict`` refuses to print while there is one.

Safety: the text comes from people, so it is rendered by Jinja2's
``SandboxedEnvironment``, narrowed further: only the statements a sentence needs
(``{{ … }}``, ``{% set %}``, ``{% if %}``) are allowed — no loops, macros, includes or
imports — and template code can reach only the attributes listed for the objects handed
to it (``figure_view.VIEW_NAMES``), never a database, a file or Python internals. Every
exception that template code can provoke is caught at this boundary and becomes a
Vietnamese problem: no English message from Python or Jinja reaches a document.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import TemplateSyntaxError, Undefined, nodes, pass_context
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import missing

from hbt_desktop.core.dates import format_date
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.figure_view import (
    MISSING_CLOSE,
    MISSING_OPEN,
    VIEW_NAMES,
    FigureView,
    Formatted,
    MarkerView,
    Problem,
    RenderContext,
    RenderResult,
    Role,
    format_figure_value,
)
from hbt_desktop.core.figures import FigureSource, resolve
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.core.numbers import format_decimal
from hbt_desktop.core.period_claims import Piece, excerpt, unlabelled
from hbt_desktop.core.periods import Period, format_cutoff_period, format_period, parse_period
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit

__all__ = [
    "MISSING_CLOSE",
    "MISSING_OPEN",
    "Problem",
    "RenderResult",
    "TemplateError",
    "check_template",
    "format_figure_value",
    "render",
]

register(
    {
        "narrative.syntax": {
            "vi": "Mẫu văn bản có lỗi ở dòng {line}: {detail}",
            "en": "The template has an error on line {line}: {detail}",
        },
        "narrative.forbidden": {
            "vi": "Mẫu văn bản dùng {what}, là thứ không được phép; chỉ dùng {{{{ … }}}}, "
            "{{% set %}} và {{% if %}}.",
            "en": "The template uses {what}, which is not allowed; use only {{{{ … }}}}, "
            "{{% set %}} and {{% if %}}.",
        },
        "narrative.too_long": {
            "vi": "Mẫu văn bản quá dài ({length} ký tự, tối đa {limit}).",
            "en": "The template is too long ({length} characters, at most {limit}).",
        },
        "narrative.undefined": {
            "vi": "chưa rõ: {name}",
            "en": "unknown: {name}",
        },
        "narrative.not_allowed": {
            "vi": "«{name}» không dùng được trong mẫu văn bản",
            "en": "«{name}» cannot be used in a template",
        },
        "narrative.unknown_argument": {
            "vi": "«{name}» không có tham số «{argument}»; các tham số là: {allowed}",
            "en": "«{name}» has no parameter «{argument}»; its parameters are: {allowed}",
        },
        "narrative.missing_argument": {
            "vi": "«{name}» cần ghi {argument}, ví dụ {example}",
            "en": "«{name}» needs {argument}, e.g. {example}",
        },
        "narrative.too_many_arguments": {
            "vi": "«{name}» nhận nhiều nhất {count} giá trị ({allowed})",
            "en": "«{name}» takes at most {count} values ({allowed})",
        },
        "narrative.not_called": {
            "vi": "«{name}» phải viết kèm dấu ngoặc: {name}(…); không có ngoặc thì không in "
            "được số liệu",
            "en": "«{name}» must be written with brackets: {name}(…); without them no figure "
            "can be printed",
        },
        "narrative.truth_value": {
            "vi": "giá trị đúng/sai (như co_so_lieu) chỉ dùng sau {{% if %}}, không in ra được",
            "en": "a yes/no value (such as co_so_lieu) is only for {{% if %}}; it cannot be "
            "printed",
        },
        "narrative.typed_number": {
            "vi": "số «{text}» gõ trong {{{{ }}}} không phải số liệu; số liệu phải lấy bằng "
            "so_lieu(…), còn chữ số thường thì gõ thẳng vào câu",
            "en": "the number «{text}» typed inside {{{{ }}}} is not a figure; take figures "
            "with so_lieu(…) and type plain numbers straight into the sentence",
        },
        "narrative.typed_text": {
            "vi": "chữ «{text}» trong {{{{ }}}} không phải do chương trình viết; hãy gõ thẳng "
            "chữ đó vào câu",
            "en": "the text «{text}» inside {{{{ }}}} was not written by the program; type "
            "it straight into the sentence",
        },
        "narrative.not_printable": {
            "vi": "chỗ {{{{ }}}} này không cho ra chữ in được",
            "en": "this {{{{ }}}} does not give printable text",
        },
        "narrative.failed": {
            "vi": "mẫu có chỗ không tính được (thường do so sánh hoặc ghép hai thứ khác loại); "
            "hãy kiểm tra lại các chỗ {{{{ }}}} và {{% if %}}",
            "en": "part of the template cannot be computed (usually a comparison or a join of "
            "two different things); check the {{{{ }}}} and {{% if %}} parts",
        },
    }
)

log = logging.getLogger(__name__)

MAX_TEMPLATE_CHARS = 50_000
MAX_OUTPUT_CHARS = 200_000


class TemplateError(HbtError):
    """The template itself cannot be used (syntax, forbidden statement, size)."""


# Around every printed piece while rendering, so that each figure's place in the text is
# known (for the period rule); removed before anyone sees the text. Private-use
# characters: a clerk's text cannot carry them (they are stripped from it first).
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_PIECE = re.compile(f"{_OPEN}([0-9]+){_MID}(.*?){_CLOSE}", re.DOTALL)
_PRIVATE = str.maketrans("", "", _OPEN + _MID + _CLOSE)

# The render in progress (one per thread or task: the editor renders in the GUI thread,
# prints run in a worker). Never reachable from template code.
_CURRENT: ContextVar[_Render] = ContextVar("narrative_render")


class _Render(RenderContext):
    """A render context that also collects the printed pieces."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.pieces: list[Formatted] = []

    def emit(self, piece: Formatted) -> str:
        self.printed(piece)
        self.pieces.append(piece)
        return f"{_OPEN}{len(self.pieces) - 1}{_MID}{str(piece).translate(_PRIVATE)}{_CLOSE}"

    def refuse(self, key: str, kind: str, **params: object) -> str:
        return self.emit(self.problem(kind, tr(key, "vi", **params)))

    def finish(self, raw: str) -> None:
        """Strip the piece marks, then check the periods of what was printed."""
        text = clean(raw)
        pieces: list[Piece] = []
        out: list[str] = []
        length = 0
        last = 0
        for match in _PIECE.finditer(text):
            out.append(text[last : match.start()])
            length += match.start() - last
            body = match.group(2)
            pieces.append(Piece(length, length + len(body), self.pieces[int(match.group(1))]))
            out.append(body)
            length += len(body)
            last = match.end()
        out.append(text[last:])
        plain = "".join(out).translate(_PRIVATE)
        for figure, printed, sentence in unlabelled(plain, pieces, self.period):
            self.problem(
                "period",
                tr(
                    "period.unlabelled",
                    "vi",
                    name=f"{printed} ({figure.indicator.name})",
                    sentence=excerpt(sentence),
                    own=format_cutoff_period(figure.period),
                    document=format_period(self.period),
                ),
            )
        self.result.text = plain[:MAX_OUTPUT_CHARS]


class _MarkedUndefined(Undefined):
    """An unknown name: printed (through the finalize hook) as a visible marker."""

    def __str__(self) -> str:
        return f"{MISSING_OPEN}{_undefined_text(self)}{MISSING_CLOSE}"


def _undefined_text(value: Undefined) -> str:
    name = str(value._undefined_name or "")
    if value._undefined_obj is missing:
        return tr("narrative.undefined", "vi", name=name)
    return tr("narrative.not_allowed", "vi", name=name)


def _undefined_kind(value: Undefined) -> str:
    return "undefined" if value._undefined_obj is missing else "forbidden"


@pass_context
def _finalize(_: Context, value: object) -> str:
    """Every ``{{ … }}`` passes here: only the program's formatted text is printed."""
    render = _CURRENT.get()
    try:
        if isinstance(value, FigureView):
            value = value.gia_tri
        elif isinstance(value, MarkerView):
            value = value.marker
    except HbtError as exc:
        return render.emit(render.problem("error", exc.message_in("vi")))
    if isinstance(value, Formatted):
        return render.emit(value)
    if isinstance(value, Undefined):
        return render.emit(render.problem(_undefined_kind(value), _undefined_text(value)))
    return render.emit(render.problem("unformatted", _unformatted(value)))


def _unformatted(value: object) -> str:
    """Why a value a template produced cannot be printed, in Vietnamese."""
    if callable(value):
        name = getattr(value, "__name__", "") or "…"
        return tr("narrative.not_called", "vi", name=name)
    if isinstance(value, bool):
        return tr("narrative.truth_value", "vi")
    if isinstance(value, int | float):
        return tr("narrative.typed_number", "vi", text=value)
    if isinstance(value, str):
        return tr("narrative.typed_text", "vi", text=excerpt(value))
    return tr("narrative.not_printable", "vi")


# Statements a sentence needs; anything else (loops, macros, imports…) is refused.
_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Assign,
    nodes.If,
    nodes.Name,
    nodes.Const,
    nodes.Getattr,
    nodes.Call,
    nodes.Keyword,
    nodes.CondExpr,
    nodes.Compare,
    nodes.Operand,
    nodes.Not,
    nodes.And,
    nodes.Or,
    nodes.Concat,
    nodes.Tuple,
    nodes.List,
)
# How a refused construct is named to the clerk.
_NODE_NAMES = {
    "For": "vòng lặp «for»",
    "Macro": "macro",
    "CallBlock": "khối «call»",
    "Include": "lệnh nạp mẫu khác («include»)",
    "Import": "lệnh nạp mẫu khác («import»)",
    "FromImport": "lệnh nạp mẫu khác («from … import»)",
    "Extends": "lệnh «extends»",
    "Block": "khối «block»",
    "Filter": "bộ lọc «|»",
    "FilterBlock": "khối bộ lọc",
    "Test": "phép thử «is»",
    "Getitem": "phép lấy phần tử «[…]»",
    "Slice": "phép cắt «[…:…]»",
    "Dict": "từ điển «{…}»",
    "AssignBlock": "khối «{% set %}…{% endset %}»",
    "With": "khối «with»",
    "Add": "phép cộng «+»",
    "Sub": "phép trừ «-»",
    "Mul": "phép nhân «*»",
    "Div": "phép chia «/»",
    "FloorDiv": "phép chia «//»",
    "Mod": "phép chia lấy dư «%»",
    "Pow": "phép lũy thừa «**»",
    "Neg": "dấu âm «-»",
    "Pos": "dấu dương «+»",
}

# Harmless text methods a clerk may want ("{{ ten_don_vi.upper() }}"); nothing that can be
# asked to build a huge string (center, ljust, zfill, format…) or reach an object.
_STRING_METHODS = frozenset({"upper", "lower", "capitalize", "title", "strip"})
_ALLOWED: dict[type, frozenset[str]] = {FigureView: VIEW_NAMES, MarkerView: VIEW_NAMES}
# Example calls for the message about a missing argument.
_EXAMPLES = {
    "so_lieu": "so_lieu('NS_THU_DIA_BAN')",
    "ty_le": "ty_le('DT_TP')",
    "so_voi": "so_voi('DT_TP')",
}


class _Environment(SandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        for kind, names in _ALLOWED.items():
            if isinstance(obj, kind):
                return attr in names
        if isinstance(obj, str):
            return attr in _STRING_METHODS
        return False

    def wrap_str_format(self, value: Any) -> None:
        # Jinja lets str.format through whatever is_safe_attribute says (sandboxed, but it
        # can still build a huge string or a text no formatter wrote): it is not allowed.
        return None

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Undefined):
            return obj  # "{{ chua_co.x }}": the same unknown name, not a crash
        render = _CURRENT.get()
        try:
            return super().getattr(obj, attribute)
        except HbtError as exc:  # a property that refuses ("so" of a fall)
            return render.problem("error", exc.message_in("vi"))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        render = _CURRENT.get()
        answer = _answer_without_calling(render, __obj, args, kwargs)
        if answer is not None:
            return answer
        try:
            return super().call(__context, __obj, *args, **kwargs)
        except HbtError as exc:
            return render.problem("error", exc.message_in("vi"))
        except SecurityError:
            name = getattr(__obj, "__name__", "…")
            return render.problem("forbidden", tr("narrative.not_allowed", "vi", name=name))
        except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
            # A wrong type handed to a method: logged for a developer, worded for the clerk.
            log.info("a template call failed: %s", exc)
            return render.problem("error", tr("narrative.failed", "vi"))


def _answer_without_calling(
    render: _Render, obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Formatted | None:
    """What a call gives without being made: the marker of an unknown name or of wrong
    arguments, or a text written with brackets ("{{ thu.ky() }}"); None to call."""
    if isinstance(obj, Undefined):
        return render.problem(_undefined_kind(obj), _undefined_text(obj))
    if isinstance(obj, Formatted):
        return obj
    wrong = _argument_problem(obj, args, kwargs)
    return None if wrong is None else render.problem("call", wrong)


def _argument_problem(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """Why the call's arguments do not fit one of the program's functions, in Vietnamese;
    None when they fit (or ``obj`` is not one of ours)."""
    if not isinstance(getattr(obj, "__self__", None), FigureView) and obj is not so_lieu:
        return None
    name = obj.__name__
    parameters = list(inspect.signature(obj).parameters.values())
    allowed = ", ".join(p.name for p in parameters) or "không có"
    for key in kwargs:
        if key not in {p.name for p in parameters}:
            return tr("narrative.unknown_argument", "vi", name=name, argument=key, allowed=allowed)
    if len(args) > len(parameters):
        return tr(
            "narrative.too_many_arguments", "vi", name=name, count=len(parameters), allowed=allowed
        )
    for index, parameter in enumerate(parameters):
        given = index < len(args) or parameter.name in kwargs
        if parameter.default is inspect.Parameter.empty and not given:
            example = _EXAMPLES.get(name, f"{name}(…)")
            return tr(
                "narrative.missing_argument",
                "vi",
                name=name,
                argument=parameter.name,
                example=example,
            )
    return None


def so_lieu(ma: str, ky: str | None = None, don_vi: str | None = None) -> FigureView | MarkerView:
    """A figure: ``so_lieu("NS_THU_DIA_BAN")`` for the document's period and unit,
    ``so_lieu("NS_THU_DIA_BAN", "quý I/2023")`` for another period,
    ``so_lieu(…, don_vi="00241")`` for another unit (by code)."""
    render = _CURRENT.get()
    code = clean(str(ma)).upper()
    if code not in render.src.catalogue.indicators:
        return MarkerView(render.problem("unknown_indicator", f"không có chỉ tiêu {code}"))
    try:
        when = parse_period(str(ky)) if ky else render.period
    except HbtError as exc:
        return MarkerView(
            render.problem("bad_period", f"kỳ «{ky}» không đọc được: {exc.message_in('vi')}")
        )
    target = render.unit
    if don_vi:
        try:
            target = render.src.units.by_code(str(don_vi), when.nominal_end)
        except HbtError as exc:
            return MarkerView(render.problem("bad_unit", exc.message_in("vi")))
    return FigureView(render, resolve(render.src, code, target.uid, when))


_ENV = _Environment(
    autoescape=False,
    undefined=_MarkedUndefined,
    finalize=_finalize,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters.clear()
_ENV.tests.clear()
_ENV.globals.clear()


# Jinja's syntax messages, in words a clerk can act on. Matched in order; the fallback
# names the line, which the message carries anyway.
_TOKEN_NAMES = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "name": "một tên",
    "end of template": "hết mẫu",
}
_SYNTAX: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"unexpected end of template", re.IGNORECASE),
        lambda m: "mẫu hết khi còn thiếu phần đóng («}}», «%}» hoặc {% endif %})",
    ),
    (
        re.compile(r"expected token '(.+?)', got '(.+?)'"),
        lambda m: f"chỗ «{_TOKEN_NAMES.get(m[2], m[2])}» cần «{_TOKEN_NAMES.get(m[1], m[1])}»",
    ),
    (
        re.compile(r"Encountered unknown tag '(.+?)'"),
        lambda m: f"không có câu lệnh «{m[1]}» (chỉ dùng set, if, elif, else, endif)",
    ),
    (
        re.compile(r"unexpected char '(.+?)'"),
        lambda m: f"ký tự «{m[1]}» không dùng được ở đây",
    ),
    (re.compile(r"unexpected '(.+?)'"), lambda m: f"«{m[1]}» đặt không đúng chỗ"),
    (re.compile(r"missing end of comment"), lambda m: "ghi chú «{#» chưa có «#}» để đóng"),
    (re.compile(r"tag name expected"), lambda m: "sau «{%» cần tên câu lệnh (set hoặc if)"),
    (re.compile(r"expected an expression"), lambda m: "thiếu nội dung bên trong dấu ngoặc"),
)


def _syntax_detail(exc: TemplateSyntaxError, text: str) -> str:
    for pattern, word in _SYNTAX:
        match = pattern.search(exc.message or "")
        if match:
            return word(match)
    lines = text.split("\n")
    line = lines[exc.lineno - 1].strip() if 0 < exc.lineno <= len(lines) else ""
    return f"cú pháp không đúng ở «{excerpt(line)}»" if line else "cú pháp không đúng"


def check_template(text: str) -> None:
    """Raise :class:`TemplateError` if ``text`` cannot be used as a template."""
    _compiled(_own_text(text))


def _own_text(text: str) -> str:
    return clean(text).translate(_PRIVATE)


@lru_cache(maxsize=512)
def _compiled(text: str) -> jinja2.Template:
    """Check and compile once per distinct text: the same sections are rendered again at
    every preview keystroke and every print."""
    if len(text) > MAX_TEMPLATE_CHARS:
        raise TemplateError("narrative.too_long", length=len(text), limit=MAX_TEMPLATE_CHARS)
    try:
        tree = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        detail = _syntax_detail(exc, text)
        raise TemplateError("narrative.syntax", line=exc.lineno, detail=detail) from exc
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            what = _NODE_NAMES.get(type(node).__name__, "một câu lệnh khác")
            raise TemplateError("narrative.forbidden", what=what)
    return _ENV.from_string(tree)


def render(
    text: str,
    src: FigureSource,
    unit: OrgUnit,
    period: Period,
    names: Mapping[str, str] | None = None,
) -> RenderResult:
    """Render a clerk's template for ``unit`` and ``period`` (the document's).

    ``names`` are texts the program wrote for one place of the document only, such as
    ``phu_luc`` ("Phụ lục I, II") in the sentence pointing to the appendices.

    Never raises for content problems: they become markers and ``problems``. A template
    that cannot be parsed raises :class:`TemplateError` (the editor shows it).
    """
    template = _compiled(_own_text(text))
    ctx = _Render(src, unit, period)
    token = _CURRENT.set(ctx)
    try:
        output = template.render(
            _globals(ctx) | {k: Formatted(v, Role.LABEL) for k, v in (names or {}).items()}
        )
    except jinja2.UndefinedError:
        output = ctx.refuse("narrative.failed", "undefined")
    except SecurityError:
        output = ctx.refuse("narrative.not_allowed", "forbidden", name="…")
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
        # A comparison of unlike things in {% if %}, a join that fails: the clerk sees
        # one Vietnamese sentence, the details go to the log.
        log.info("template could not be rendered: %s", exc)
        output = ctx.refuse("narrative.failed", "error")
    finally:
        _CURRENT.reset(token)
    ctx.finish(output)
    return ctx.result


def _globals(ctx: _Render) -> dict[str, object]:
    period, unit = ctx.period, ctx.unit
    # Counted on the period's last day: "làm việc với 18 phường".
    children = ctx.src.units.children(unit.uid, period.nominal_end)
    wards = [c for c in children if c.kind.value == "phường"]
    return {
        "so_lieu": so_lieu,
        "ky": Formatted(format_period(period), Role.LABEL, period=period),
        "ky_day_du": Formatted(format_cutoff_period(period), Role.LABEL, period=period),
        "nam": Formatted(str(period.year)),
        "don_vi": Formatted(unit.full_name),
        "ten_don_vi": Formatted(unit.name),
        "so_don_vi_truc_thuoc": Formatted(format_decimal(len(children), 0)),
        "so_phuong": Formatted(format_decimal(len(wards), 0)),
        "ngay_cuoi_ky": Formatted(format_date(period.end)),
    }
