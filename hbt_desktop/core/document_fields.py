"""The header fields of a document, as the files that carry documents name them.

One table for every form a document is written in: each header field of
:class:`~hbt_desktop.core.documents.DocumentSpec`, its key in the text form (Vietnamese,
as an office says it: «số», «ký hiệu», «nơi nhận» …) and its kind — plain text, a
template (rendered with figures, checked on import), several lines (recipients, the
signer's authority) or a date. The text form (``exchange.document_text``) and the JSON
form (``core.json_codec.document_to_dict``: the complete document file and the exchange
packages) are both written from this table, so a field added to DocumentSpec travels in
every form once it is listed here; a test fails while one is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hbt_desktop.core.text import fold


class FieldKind(StrEnum):
    TEXT = "text"  # one line of plain text
    TEMPLATE = "template"  # text with placeholders ({{ … }}), possibly several paragraphs
    LINES = "lines"  # several lines, each printed on its own (recipients)
    DATE = "date"  # a day, or none (a draft)


@dataclass(frozen=True)
class HeaderField:
    name: str  # the DocumentSpec attribute, also the key in the JSON form
    key: str  # the key of the text form
    kind: FieldKind
    # Other names a person may write for it: the labels of the writing screen.
    aliases: tuple[str, ...] = ()
    # Names its template may use beyond every template's (so_lieu, ky …), which the
    # program fills for this place of the document only.
    names: tuple[str, ...] = ()


# In the sentence pointing to the appendices: "Phụ lục I, II".
APPENDIX_NAMES = "phu_luc"

# In the order the text form writes them: the report's header in the order the decree
# prints it, then the bulletin's.
HEADER_FIELDS: tuple[HeaderField, ...] = (
    HeaderField("number", "số", FieldKind.TEXT),
    HeaderField("symbol", "ký hiệu", FieldKind.TEXT),
    HeaderField("place", "địa danh", FieldKind.TEXT),
    HeaderField("issue_date", "ngày", FieldKind.DATE, ("ngày ban hành",)),
    HeaderField("summary", "trích yếu", FieldKind.TEMPLATE),
    HeaderField("kinh_gui", "kính gửi", FieldKind.LINES),
    HeaderField("intro", "mở đầu", FieldKind.TEMPLATE, ("phần mở đầu",)),
    HeaderField("signer_authority", "thẩm quyền ký", FieldKind.LINES, ("quyền hạn ký",)),
    HeaderField("signer_title", "chức vụ", FieldKind.TEXT, ("chức vụ người ký",)),
    HeaderField("signer_name", "người ký", FieldKind.TEXT, ("họ tên người ký",)),
    HeaderField("recipients", "nơi nhận", FieldKind.LINES),
    # The body's closing pointer to the appendices; {{ phu_luc }} names them.
    HeaderField(
        "appendix_note",
        "câu dẫn phụ lục",
        FieldKind.TEMPLATE,
        ("dẫn phụ lục",),
        names=(APPENDIX_NAMES,),
    ),
    HeaderField("masthead", "tên bản tin", FieldKind.TEXT),
    HeaderField("issue_line", "dòng phát hành", FieldKind.TEXT, ("dòng số phát hành",)),
    HeaderField("title", "tiêu đề", FieldKind.TEMPLATE, ("tiêu đề bài",)),
    HeaderField("lead", "sapo", FieldKind.TEMPLATE, ("sa-pô", "sa pô")),
)
# DocumentSpec's fields that are not header data: where the document belongs and its parts.
NOT_HEADER = frozenset({"unit_uid", "period", "sections", "photos", "id"})

_BY_FOLDED_KEY = {fold(name): f for f in HEADER_FIELDS for name in (f.key, *f.aliases)}


def field_for_key(key: str) -> HeaderField | None:
    """The field a text-form key (or one of its aliases) names; accents and case are
    ignored («ky hieu», «KÝ HIỆU»), so that a key typed without a Vietnamese keyboard is
    understood."""
    return _BY_FOLDED_KEY.get(fold(" ".join(key.split())))


def to_json(kind: FieldKind, value: object) -> object:
    """A header value as JSON holds it: dates as ISO text (or null), lines as a list."""
    if kind is FieldKind.DATE:
        return value.isoformat() if isinstance(value, date) else None
    if kind is FieldKind.LINES:
        assert isinstance(value, tuple)
        return list(value)
    return value


def from_json(kind: FieldKind, value: object) -> object:
    """The inverse of :func:`to_json` for data already checked (or written by us)."""
    if kind is FieldKind.DATE:
        return date.fromisoformat(str(value)) if value else None
    if kind is FieldKind.LINES:
        assert isinstance(value, list | tuple)
        return tuple(str(x) for x in value)
    return str(value or "")


def empty_value(kind: FieldKind) -> object:
    """What a field holds when nothing was written: the DocumentSpec defaults."""
    return None if kind is FieldKind.DATE else () if kind is FieldKind.LINES else ""
