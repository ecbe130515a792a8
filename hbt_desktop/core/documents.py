"""A document as the clerk edits it: header data, narrative sections, photos.

One document per unit and period feeds both printed forms: the bulletin uses the
masthead, headline, lead, sections and photos; the Decree 30 report uses the number and
symbol, place and date, summary, intro, sections, signer and recipients. Headline, lead,
intro, summary and every section are templates (see ``narrative.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hbt_desktop.core.dates import BLANK
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period
from hbt_desktop.core.text import clean

register(
    {
        "photo.bad_image": {
            "vi": "Tệp ảnh không đọc được hoặc không phải ảnh JPEG/PNG: {detail}",
            "en": "The image cannot be read or is not a JPEG/PNG picture: {detail}",
        },
        "photo.too_big": {
            "vi": "Ảnh quá lớn ({size} MB, tối đa {limit} MB). Hãy thu nhỏ ảnh rồi thêm lại.",
            "en": "The picture is too large ({size} MB, at most {limit} MB). Shrink it and add it again.",
        },
    }
)


# Heading levels a section can have: 1 a part, 2 a sub-part (the store's CHECK constraint).
SECTION_LEVELS = (1, 2)


@dataclass
class SectionSpec:
    heading: str
    template: str
    level: int = 1
    in_bulletin: bool = True
    in_report: bool = True
    position: int = 0
    id: int | None = None


@dataclass
class PhotoSpec:
    caption: str
    image: bytes
    mime: str  # "image/jpeg" or "image/png"
    sha256: str
    section_position: int | None = None  # printed after this section; None = at the end
    position: int = 0
    id: int | None = None


@dataclass
class DocumentSpec:
    unit_uid: str
    period: Period
    title: str = ""
    lead: str = ""
    intro: str = ""
    masthead: str = ""
    issue_line: str = ""
    number: str = ""
    symbol: str = ""
    place: str = ""
    issue_date: date | None = None
    summary: str = ""
    signer_authority: tuple[str, ...] = ()
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    # Addressees of the report ("Kính gửi"); "Như trên" among the recipients needs one.
    kinh_gui: tuple[str, ...] = ()
    # The body's sentence pointing to the appendices, printed when there are some; empty
    # = the program's ("Số liệu chi tiết tại Phụ lục I, II kèm theo."). ``{{ phu_luc }}``
    # stands for the list of appendices.
    appendix_note: str = ""
    sections: list[SectionSpec] = field(default_factory=list)
    photos: list[PhotoSpec] = field(default_factory=list)
    id: int | None = None

    @property
    def number_symbol(self) -> str:
        """ "Số: 12/BC-UBND"; numbers below 10 are written with two digits (Decree 30)."""
        number = clean(self.number)
        if number.isdigit() and int(number) < 10:
            number = f"{int(number):02d}"
        symbol = clean(self.symbol)
        if number and symbol:
            return f"Số: {number}/{symbol}"
        # An unnumbered draft keeps the space where the office writes the number by hand
        # (no-break spaces: a line of the PDF or of Word would collapse ordinary ones).
        return f"Số:{BLANK}/{symbol}" if symbol else "Số:"


MAX_PHOTO_BYTES = 15 * 1024 * 1024


def sniff_image(data: bytes) -> str:
    """The MIME type of JPEG or PNG ``data``; anything else is refused."""
    if len(data) > MAX_PHOTO_BYTES:
        raise InputError(
            "photo.too_big",
            size=round(len(data) / 1_048_576, 1),
            limit=MAX_PHOTO_BYTES // 1_048_576,
        )
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    raise InputError("photo.bad_image", detail="không phải JPEG hay PNG")
