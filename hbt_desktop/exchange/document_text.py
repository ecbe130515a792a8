"""The text form of a document: a plain UTF-8 file that a person writes in any editor.

::

    số: 45
    ký hiệu: BC-UBND
    ngày: 05/10/2026
    trích yếu: Tình hình kinh tế - xã hội {{ ky }}
    kính gửi: Ủy ban nhân dân Thành phố Hà Nội
    nơi nhận:
    - Như trên;
    - Lưu: VT.

    ## Kinh tế
    Tổng thu ngân sách trên địa bàn phường {{ ky }} là {{ so_lieu('NS_THU_DIA_BAN') }}.

    ### Đầu tư công [báo cáo]
    …

The head of the file is ``khóa: giá trị`` lines (the keys of
``core.document_fields.HEADER_FIELDS``, plus «đơn vị» and «kỳ», which only say where the
file came from, and «tên loại», which can only be «Báo cáo»); keys are read without
regard to accents or case. A value goes on for the following lines that are indented (a
line is a paragraph). A key of several lines (nơi nhận, kính gửi, thẩm quyền ký) takes
its lines as ``- `` items below it, or by repeating the key. ``#`` at the start of a line
of the head is a note. Then each section starts with ``## Tên mục`` (``###`` for a
sub-section), optionally ending with ``[bản tin]``, ``[báo cáo]`` or ``[không in]`` (where
the section prints; nothing means both); the lines below it are its template. A template
line that itself begins with ``#`` is written with a ``\\`` before it.

Reading is strict: a byte-order mark, Windows line ends, decomposed (NFD) letters and tabs
are accepted; anything that cannot be read is refused with the line it is on, in one
sentence, before anything is stored. Placeholders are checked against the database by
``exchange.document_check``, not here: this module knows only the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hbt_desktop import __version__
from hbt_desktop.core.dates import parse_date
from hbt_desktop.core.document_fields import (
    HEADER_FIELDS,
    FieldKind,
    HeaderField,
    field_for_key,
)
from hbt_desktop.core.documents import SECTION_LEVELS, DocumentSpec, SectionSpec
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period, format_period, parse_period
from hbt_desktop.core.text import clean, fold, nfc
from hbt_desktop.exchange.where import FileInputError, Where

register(
    {
        "doctext.not_utf8": {
            "vi": "Tệp {file} không phải văn bản UTF-8; trong Notepad hãy chọn Lưu dưới dạng, "
            "mục Mã hóa chọn «UTF-8», rồi nhập lại.",
            "en": "{file} is not UTF-8 text; in Notepad choose Save As, set Encoding to "
            "«UTF-8», then import it again.",
        },
        "doctext.not_text": {
            "vi": "Tệp {file} không phải tệp chữ (có ký tự điều khiển ở dòng {line}).",
            "en": "{file} is not a text file (there is a control character on line {line}).",
        },
        "doctext.empty": {
            "vi": "Tệp không có nội dung văn bản nào: không có dòng «khóa: giá trị» nào và "
            "không có mục «## Tên mục» nào.",
            "en": "The file holds no document: no «key: value» line and no «## Heading» section.",
        },
        "doctext.unknown_key": {
            "vi": "không có khóa «{key}»; các khóa dùng được là {keys}.",
            "en": "there is no key «{key}»; the keys are {keys}.",
        },
        "doctext.not_a_key": {
            "vi": "phần đầu tệp chỉ gồm các dòng «khóa: giá trị»; nếu đây là nội dung của "
            "một mục, hãy viết dòng «## Tên mục» ở phía trên nó.",
            "en": "the head of the file holds only «key: value» lines; if this is the text "
            "of a section, write a «## Heading» line above it.",
        },
        "doctext.duplicate_key": {
            "vi": "khóa «{key}» đã ghi ở dòng {first}; mỗi khóa này chỉ ghi một lần.",
            "en": "the key «{key}» is already given on line {first}; it may be given once.",
        },
        "doctext.item_without_key": {
            "vi": "dòng «- …» phải nằm ngay dưới một khóa nhiều dòng ({keys}).",
            "en": "a «- …» line must come under a key of several lines ({keys}).",
        },
        "doctext.continuation_without_key": {
            "vi": "dòng thụt đầu dòng viết tiếp một giá trị, nhưng phía trên chưa có khóa nào.",
            "en": "an indented line continues a value, but no key comes before it.",
        },
        "doctext.single_line": {
            "vi": "khóa «{key}» chỉ ghi trên một dòng; dòng thụt đầu dòng này không thuộc về nó.",
            "en": "the key «{key}» takes one line; this indented line does not belong to it.",
        },
        "doctext.bad_kind": {
            "vi": "chương trình chỉ in loại văn bản «Báo cáo» (và bản tin), không in «{text}».",
            "en": "the program prints only «Báo cáo» reports (and bulletins), not «{text}».",
        },
        "doctext.bad_level": {
            "vi": "«{marks}» không phải đầu mục: viết «##» cho một mục, «###» cho mục con.",
            "en": "«{marks}» is not a heading mark: write «##» for a section, «###» for a "
            "sub-section.",
        },
        "doctext.bad_flag": {
            "vi": "«[{text}]» ở cuối đầu mục không rõ nghĩa; ghi [bản tin], [báo cáo] hoặc "
            "[không in] (không ghi gì là in ở cả hai).",
            "en": "«[{text}]» at the end of the heading is not understood; write [bản tin], "
            "[báo cáo] or [không in] (nothing means both).",
        },
        "doctext.too_many_sections": {
            "vi": "tệp có quá nhiều mục (tối đa {max}).",
            "en": "the file has too many sections (at most {max}).",
        },
    }
)

MAX_SECTIONS = 300
# Keys that are not document fields: where the file came from (informational: the
# command's --unit/--period decide where it goes) and the kind of document.
UNIT_KEY, PERIOD_KEY, KIND_KEY = "đơn vị", "kỳ", "tên loại"
_INFO_KEYS = {fold(k): k for k in (UNIT_KEY, PERIOD_KEY, KIND_KEY)}
_KIND = "Báo cáo"

_HEADING = re.compile(r"#{2,}")
_FLAG = re.compile(r"\[([^\[\]]*)\]\s*$")
_ESCAPED = re.compile(r"\\+#")  # "\## x": a template line that begins with "#"
_NEEDS_ESCAPE = re.compile(r"\\*#")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BULLETIN, _REPORT, _NOWHERE = "bản tin", "báo cáo", "không in"


@dataclass
class ParsedText:
    """What a text file says. ``header`` holds only the fields the file writes (a key
    left out keeps the document's value); ``lines`` gives, per field, the file line of
    each line of its value; ``section_lines`` the line of each heading and the line of
    the first line of its template."""

    header: dict[str, object] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    sections: list[SectionSpec] = field(default_factory=list)
    section_lines: list[tuple[int, int]] = field(default_factory=list)
    unit_text: str = ""
    period: Period | None = None


def decode_text(data: bytes, file: str) -> str:
    """The file's text: UTF-8 with or without BOM, or UTF-16 with a BOM (Notepad's
    «Unicode»); made NFC. Anything else is refused, never guessed."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HbtError("doctext.not_utf8", file=file) from None
    return nfc(text)


def split_lines(text: str, file: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", text)
    for number, line in enumerate(lines, start=1):
        if _CONTROL.search(line):
            raise HbtError("doctext.not_text", file=file, line=number)
    return lines


def _key_list() -> str:
    return ", ".join([UNIT_KEY, PERIOD_KEY, KIND_KEY, *(f.key for f in HEADER_FIELDS)])


def _multi_keys() -> str:
    return ", ".join(f.key for f in HEADER_FIELDS if f.kind is FieldKind.LINES)


class _Reader:
    def __init__(self, file: str) -> None:
        self.where = Where(file)
        self.out = ParsedText()
        self.first_line: dict[str, int] = {}  # key → the line it was first given on
        self.current: HeaderField | None = None
        self.values: dict[str, list[str]] = {}

    def fail(self, line: int, message: str, /, **params: object) -> FileInputError:
        return FileInputError(message, where=self.where.at(row=line), **params)

    # -- the head: "khóa: giá trị" ------------------------------------------------------

    def head_line(self, number: int, line: str) -> None:
        if not line.strip():
            return
        if line.startswith("#"):
            return  # a note
        if line[:1].isspace():
            self.more(number, line.strip())
            return
        stripped = line.strip()
        if stripped == "-" or stripped.startswith("- "):
            if self.current is None or self.current.kind is not FieldKind.LINES:
                raise self.fail(number, "doctext.item_without_key", keys=_multi_keys())
            self.item(number, stripped)
            return
        key, colon, value = line.partition(":")
        if not colon:
            raise self.fail(number, "doctext.not_a_key")
        self.key_line(number, clean(key), clean(value))

    def key_line(self, number: int, key: str, value: str) -> None:
        info = _INFO_KEYS.get(fold(" ".join(key.split())))
        spec = field_for_key(key)
        if info is None and spec is None:
            raise self.fail(number, "doctext.unknown_key", key=key, keys=_key_list())
        name = spec.name if spec is not None else info
        assert name is not None
        repeatable = spec is not None and spec.kind is FieldKind.LINES
        if name in self.first_line and not repeatable:
            raise self.fail(
                number,
                "doctext.duplicate_key",
                key=spec.key if spec else info,
                first=self.first_line[name],
            )
        self.first_line.setdefault(name, number)
        if spec is None:
            self.current = None
            self.info(number, name, value)
            return
        self.current = spec
        self.values.setdefault(spec.name, [])
        self.out.lines.setdefault(spec.name, [])
        if spec.kind is FieldKind.LINES:
            if value:
                self.item(number, value)
        elif value:
            self.values[spec.name].append(value)
            self.out.lines[spec.name].append(number)

    def item(self, number: int, text: str) -> None:
        assert self.current is not None
        # One "- " is the item's mark; a dash typed as part of the text stays.
        item = clean(text[1:]) if text.startswith("-") else clean(text)
        if item:
            self.values[self.current.name].append(item)
            self.out.lines[self.current.name].append(number)

    def more(self, number: int, text: str) -> None:
        spec = self.current
        if spec is None:
            raise self.fail(number, "doctext.continuation_without_key")
        if spec.kind is FieldKind.LINES:
            self.item(number, text)
        elif spec.kind is FieldKind.DATE:
            raise self.fail(number, "doctext.single_line", key=spec.key)
        else:
            self.values[spec.name].append(clean(text))
            self.out.lines[spec.name].append(number)

    def info(self, number: int, name: str, value: str) -> None:
        if name == UNIT_KEY:
            self.out.unit_text = value
        elif name == PERIOD_KEY and value:
            try:
                self.out.period = parse_period(value)
            except HbtError as exc:
                raise FileInputError.of(exc, self.where.at(row=number)) from None
        elif name == KIND_KEY and value and fold(value) != fold(_KIND):
            raise self.fail(number, "doctext.bad_kind", text=value)

    def finish_head(self) -> None:
        for spec in HEADER_FIELDS:
            if spec.name not in self.values:
                continue
            parts = self.values[spec.name]
            if spec.kind is FieldKind.LINES:
                self.out.header[spec.name] = tuple(parts)
            elif spec.kind is FieldKind.DATE:
                self.out.header[spec.name] = self.date(spec, parts)
            else:
                self.out.header[spec.name] = "\n".join(parts)

    def date(self, spec: HeaderField, parts: list[str]) -> object:
        if not parts:
            return None  # "ngày:" with nothing: a draft, the office writes the date
        try:
            return parse_date(parts[0])
        except HbtError as exc:
            raise FileInputError.of(exc, self.where.at(row=self.out.lines[spec.name][0])) from None

    # -- the sections: "## Tên mục" and the template below --------------------------------

    def heading(self, number: int, line: str) -> SectionSpec:
        marks = _HEADING.match(line)
        assert marks is not None
        level = len(marks.group()) - 1
        if level not in SECTION_LEVELS:
            raise self.fail(number, "doctext.bad_level", marks=marks.group())
        rest = line[marks.end() :]
        in_bulletin = in_report = True
        flag = _FLAG.search(rest)
        if flag:
            in_bulletin, in_report = self.places(number, flag.group(1))
            rest = rest[: flag.start()]
        return SectionSpec(clean(rest), "", level, in_bulletin, in_report)

    def places(self, number: int, text: str) -> tuple[bool, bool]:
        words = [w.strip() for w in re.split(r"[,;+]|\bva\b", fold(text))]
        words = [w.removeprefix("chi ").strip() for w in words if w]
        if words == [fold(_NOWHERE)]:
            return False, False
        if not words or any(w not in (fold(_BULLETIN), fold(_REPORT)) for w in words):
            raise self.fail(number, "doctext.bad_flag", text=clean(text))
        return fold(_BULLETIN) in words, fold(_REPORT) in words

    def add_section(self, number: int, section: SectionSpec, body: list[tuple[int, str]]) -> None:
        if len(self.out.sections) >= MAX_SECTIONS:
            raise self.fail(number, "doctext.too_many_sections", max=MAX_SECTIONS)
        kept = [(n, line.rstrip()) for n, line in body]
        while kept and not kept[0][1].strip():
            kept.pop(0)
        while kept and not kept[-1][1].strip():
            kept.pop()
        section.template = "\n".join(line[1:] if _ESCAPED.match(line) else line for _, line in kept)
        section.position = len(self.out.sections)
        self.out.sections.append(section)
        self.out.section_lines.append((number, kept[0][0] if kept else number))


def parse_text(text: str, file: str) -> ParsedText:
    """Read the text form (already decoded); raises :class:`FileInputError` at the line."""
    reader = _Reader(file)
    lines = split_lines(nfc(text), file)
    number = 0
    for number, line in enumerate(lines, start=1):
        if _HEADING.match(line):
            break
        reader.head_line(number, line)
    else:
        number = len(lines) + 1
    reader.finish_head()
    current: tuple[int, SectionSpec] | None = None
    body: list[tuple[int, str]] = []
    for n in range(number, len(lines) + 1):
        line = lines[n - 1]
        if _HEADING.match(line):
            if current is not None:
                reader.add_section(*current, body)
            current, body = (n, reader.heading(n, line)), []
        else:
            body.append((n, line))
    if current is not None:
        reader.add_section(*current, body)
    if not reader.first_line and not reader.out.sections:
        raise FileInputError("doctext.empty", where=Where(file))
    return reader.out


# -- writing -------------------------------------------------------------------------------


def _flag(section: SectionSpec) -> str:
    if section.in_bulletin and section.in_report:
        # A heading that itself ends with "]" gets the flag written out, so that its own
        # brackets are not read as one.
        return f" [{_BULLETIN}, {_REPORT}]" if section.heading.endswith("]") else ""
    if section.in_bulletin:
        return f" [{_BULLETIN}]"
    if section.in_report:
        return f" [{_REPORT}]"
    return f" [{_NOWHERE}]"


def _value_lines(spec: HeaderField, value: object) -> list[str]:
    if spec.kind is FieldKind.LINES:
        assert isinstance(value, tuple)
        return [f"{spec.key}:", *(f"- {item}" for item in value)]
    if spec.kind is FieldKind.DATE:
        return [f"{spec.key}: {value:%d/%m/%Y}" if value else f"{spec.key}:"]
    text = str(value)
    first, *more = text.split("\n") if text else [""]
    head = f"{spec.key}: {first}" if first else f"{spec.key}:"
    return [head, *(f"  {line}" for line in more if line.strip())]


def format_text(doc: DocumentSpec, *, unit_name: str) -> str:
    """The text form of ``doc``: every header key (an empty one too, so that importing the
    file sets every field), then the sections. Photos are not part of it: a note says how
    many were left out."""
    lines = [
        f"# Văn bản của {unit_name}, {format_period(doc.period)}; xuất từ hbt-desktop "
        f"{__version__}.",
        "# Mỗi dòng đầu tệp là «khóa: giá trị»; mỗi mục bắt đầu bằng «## Tên mục».",
        "# Cách viết: tài liệu «Viết nội dung bản tin, báo cáo», phần «Văn bản dưới dạng tệp».",
    ]
    if doc.photos:
        lines.append(
            f"# {len(doc.photos)} ảnh không có trong tệp chữ này; muốn mang theo ảnh, hãy xuất "
            "ra tệp .zip."
        )
    lines += [
        f"{UNIT_KEY}: {unit_name}",
        f"{PERIOD_KEY}: {format_period(doc.period)}",
        f"{KIND_KEY}: {_KIND}",
    ]
    for spec in HEADER_FIELDS:
        lines += _value_lines(spec, getattr(doc, spec.name))
    for section in doc.sections:
        marks = "#" * (section.level + 1)
        heading = f"{marks} {section.heading}{_flag(section)}".rstrip()
        lines += ["", heading]
        for line in section.template.split("\n") if section.template else []:
            lines.append("\\" + line if _NEEDS_ESCAPE.match(line) else line)
    return "\n".join(lines) + "\n"
