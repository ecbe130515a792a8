"""Whether a document's templates can be used in this database, checked before storing.

A template that comes in a file was written elsewhere — another district's catalogue,
last year's file, a text editor without the program's preview — so before a document is
stored each of its templates is checked against the database it goes into, for the unit
and period it goes to:

1. its syntax and statements (``core.narrative.check_template``), with the line;
2. what its placeholders name, read from the template's syntax tree without running it,
   with the line: the indicator, period and unit of every ``so_lieu(…)`` and the kind of
   base of every ``so_voi``/``ty_le``/``tren_tong`` written as text (a name that is a
   variable is left to step 4);
3. every name it reads that no ``{% set %}`` defines and the renderer does not know
   (``{{ thu_nhap }}`` for ``{{ thu }}``), and every attribute of a figure that figures
   do not have (``{{ thu.tang_truongg() }}``) — known or not exactly as
   ``core.narrative`` renders the name alone, so this follows the renderer whatever
   names it offers;
4. then the template is rendered as printing would render it, and any problem it reports
   is a fault — except a missing figure: a figure not entered yet is no fault of the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.figures import FigureSource
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.core.narrative import TemplateError, check_template, render
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit

register(
    {
        "doccheck.syntax": {
            "vi": "mẫu viết sai cú pháp; hãy kiểm tra các cặp ngoặc {{{{ … }}}} và {{% … %}} "
            "(chi tiết: {detail}).",
            "en": "the template's syntax is wrong; check the {{{{ … }}}} and {{% … %}} pairs "
            "(detail: {detail}).",
        },
        "doccheck.unknown_indicator": {
            "vi": "không có chỉ tiêu «{code}» trong danh mục của tệp dữ liệu này (mã chỉ tiêu "
            "xem ở màn hình Danh mục chỉ tiêu).",
            "en": "there is no indicator «{code}» in this data file's catalogue (the codes are "
            "on the catalogue screen).",
        },
        "doccheck.unknown_base": {
            "vi": "không có loại chỉ tiêu giao «{code}» trong danh mục của tệp dữ liệu này.",
            "en": "there is no kind of base «{code}» in this data file's catalogue.",
        },
        "doccheck.bad_period": {
            "vi": "kỳ «{text}» không đọc được: {reason}",
            "en": "the period «{text}» cannot be read: {reason}",
        },
        "doccheck.bad_unit": {
            "vi": "đơn vị «{text}» không dùng được: {reason}",
            "en": "the unit «{text}» cannot be used: {reason}",
        },
        "doccheck.undefined": {
            "vi": "tên «{name}» chưa có: viết sai tên, hoặc thiếu {{% set {name} = so_lieu(…) %}} "
            "ở phía trên.",
            "en": "the name «{name}» is not defined: misspelt, or {{% set {name} = so_lieu(…) "
            "%}} is missing above.",
        },
        "doccheck.unknown_attribute": {
            "vi": "số liệu không có cách viết «{name}.{attribute}» (các cách viết xem bảng "
            "«Viết số liệu và các so sánh» trong hướng dẫn).",
            "en": "a figure has no «{name}.{attribute}» (the forms are in the guide's table "
            "of figures and comparisons).",
        },
        "doccheck.at_line": {
            "vi": "dòng {line} của mẫu: {reason}",
            "en": "line {line} of the template: {reason}",
        },
    }
)

# The figure's methods whose first argument (or ``ma_goc=``) is a kind of base
# (docs/mau-van-ban.md, "Viết số liệu và các so sánh").
_BASE_METHODS = frozenset({"so_voi", "ty_le", "tren_tong"})
_FIGURE = "so_lieu"
# A name no template can mean: how the renderer shows an unknown name, to compare with.
_NOBODY = "ten_khong_co_trong_mau_nao"
_PARSER = jinja2.Environment(autoescape=False)


@dataclass(frozen=True)
class TemplateFault:
    line: int  # line of the template as stored, from 1; 0 for the template as a whole
    text: str  # the reason, one Vietnamese clause

    def located(self, language: str | None = None) -> str:
        """The reason with the template's own line (for a file without line numbers)."""
        if not self.line:
            return self.text
        return tr("doccheck.at_line", language, line=self.line, reason=self.text)


class TemplateChecker:
    """Checks templates for one unit and period of one database; remembers the names it
    has asked the renderer about."""

    def __init__(self, src: FigureSource, unit: OrgUnit, period: Period) -> None:
        self.src = src
        self.unit = unit
        self.period = period
        self._known: dict[str, bool] = {}

    def first_fault(self, template: str, names: Sequence[str] = ()) -> TemplateFault | None:
        faults = self.faults(template, names)
        return faults[0] if faults else None

    def faults(self, template: str, names: Sequence[str] = ()) -> list[TemplateFault]:
        """Everything that makes ``template`` unusable here, those with a line first;
        ``names`` are those the program fills for the template's place (HeaderField.names)."""
        text = clean(template)
        if not text:
            return []
        offset = _leading_blank_lines(template)
        try:
            check_template(text)
        except TemplateError as exc:
            line = int(str(exc.params.get("line") or 0))
            reason = (
                tr("doccheck.syntax", None, detail=exc.params["detail"])
                if exc.key == "narrative.syntax"
                else exc.message
            )
            return [TemplateFault(line + offset if line else 0, reason)]
        tree = _PARSER.parse(text)
        found = [TemplateFault(line + offset, reason) for line, reason in self._static(tree, names)]
        found.sort(key=lambda f: f.line)
        rendered = render(text, self.src, self.unit, self.period, dict.fromkeys(names, "…"))
        found += [TemplateFault(0, p.text) for p in rendered.problems if p.kind != "missing"]
        return found

    # -- reading the syntax tree ---------------------------------------------------------

    def _static(self, tree: nodes.Template, names: Sequence[str]) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for call in tree.find_all(nodes.Call):
            callee = call.node
            if isinstance(callee, nodes.Name) and callee.name == _FIGURE:
                found += self._figure_call(call)
            elif isinstance(callee, nodes.Getattr) and callee.attr in _BASE_METHODS:
                code = _text_argument(call, 0, "ma_goc")
                if code is not None and not self._base_exists(code):
                    found.append(
                        (call.lineno, tr("doccheck.unknown_base", None, code=clean(code).upper()))
                    )
        defined = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"} | set(names)
        for name in tree.find_all(nodes.Name):
            if name.ctx == "load" and name.name not in defined and not self._is_known(name.name):
                found.append((name.lineno, tr("doccheck.undefined", None, name=name.name)))
        figures = {
            a.target.name
            for a in tree.find_all(nodes.Assign)
            if isinstance(a.target, nodes.Name)
            and isinstance(a.node, nodes.Call)
            and isinstance(a.node.node, nodes.Name)
            and a.node.node.name == _FIGURE
        }
        for attr in tree.find_all(nodes.Getattr):
            target = attr.node
            if (
                isinstance(target, nodes.Name)
                and target.name in figures
                and not self._figure_has(attr.attr)
            ):
                message = tr(
                    "doccheck.unknown_attribute", None, name=target.name, attribute=attr.attr
                )
                found.append((attr.lineno, message))
        return found

    def _figure_call(self, call: nodes.Call) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        code = _text_argument(call, 0, "ma")
        if code is not None and clean(code).upper() not in self.src.catalogue.indicators:
            found.append(
                (call.lineno, tr("doccheck.unknown_indicator", None, code=clean(code).upper()))
            )
        when = self.period
        ky = _text_argument(call, 1, "ky")
        if ky:
            try:
                when = parse_period(ky)
            except HbtError as exc:
                reason = tr("doccheck.bad_period", None, text=ky, reason=exc.message)
                return [*found, (call.lineno, reason)]
        unit = _text_argument(call, 2, "don_vi")
        if unit:
            try:
                self.src.units.by_code(unit, when.nominal_end)
            except HbtError as exc:
                found.append(
                    (call.lineno, tr("doccheck.bad_unit", None, text=unit, reason=exc.message))
                )
        return found

    def _base_exists(self, code: str) -> bool:
        try:
            self.src.catalogue.base_kind(clean(code).upper())
        except HbtError:
            return False
        return True

    def _is_known(self, name: str) -> bool:
        """Whether the renderer knows the name ``name``."""
        return self._renders_apart("", "{{ %s }}", name)

    def _figure_has(self, attribute: str) -> bool:
        """Whether a figure (what ``so_lieu`` gives) has ``attribute``."""
        code = next(iter(self.src.catalogue.indicators), None)
        if code is None:
            return True  # no catalogue to try with: left to the render
        return self._renders_apart(f"{{% set x = {_FIGURE}('{code}') %}}", "{{ x.%s }}", attribute)

    def _renders_apart(self, prefix: str, pattern: str, name: str) -> bool:
        """Whether ``pattern % name`` renders otherwise than ``pattern`` with a name nothing
        has (compared with ``name`` put in place of that one): the renderer's own answer."""
        key = prefix + pattern % name
        if key not in self._known:
            alone = render(key, self.src, self.unit, self.period)
            nobody = render(prefix + pattern % _NOBODY, self.src, self.unit, self.period)
            self._known[key] = (alone.text, [p.text for p in alone.problems]) != (
                nobody.text.replace(_NOBODY, name),
                [p.text.replace(_NOBODY, name) for p in nobody.problems],
            )
        return self._known[key]


def _text_argument(call: nodes.Call, position: int, keyword: str) -> str | None:
    """The argument at ``position`` or named ``keyword`` when it is written as text."""
    value: nodes.Node | None = call.args[position] if len(call.args) > position else None
    for kw in call.kwargs:
        if kw.key == keyword:
            value = kw.value
    if isinstance(value, nodes.Const) and isinstance(value.value, str):
        return value.value
    return None


def _leading_blank_lines(template: str) -> int:
    """Lines the renderer drops before the first one with text (``clean`` strips them), to
    give line numbers of the template as stored."""
    text = template.replace("\r\n", "\n").replace("\r", "\n")
    return text[: len(text) - len(text.lstrip())].count("\n")
