"""``content.Photo`` → an image scaled to the column with its caption under it.

A photo a clerk attached may be damaged or not an image at all; one bad file must not
stop the bulletin, so it is drawn as a grey box with its caption and reported as a
warning. Phone photos carry their rotation in EXIF; it is applied so they print upright.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from hbt_desktop.core.i18n import tr
from hbt_desktop.reports import content
from hbt_desktop.reports.markup import para, plain
from hbt_desktop.reports.styles import PLACEHOLDER_GREY

PLACEHOLDER_TEXT = "Không đọc được ảnh"
_ORIENTATION = 0x0112  # EXIF tag


@dataclass(frozen=True)
class DecodedPhoto:
    data: bytes  # what reportlab embeds: the original bytes unless rotation was needed
    width_px: int
    height_px: int


def decode(image: bytes) -> DecodedPhoto | None:
    """The photo upright, or None when the bytes are not an image Pillow can read."""
    try:
        with PILImage.open(io.BytesIO(image)) as probe:
            probe.verify()  # catches truncated and corrupt files before reportlab does
        with PILImage.open(io.BytesIO(image)) as opened:
            opened.load()
            if opened.getexif().get(_ORIENTATION, 1) == 1:
                return DecodedPhoto(image, opened.width, opened.height)
            upright = ImageOps.exif_transpose(opened)
            buffer = io.BytesIO()
            upright.convert("RGB").save(buffer, format="JPEG", quality=90)
            return DecodedPhoto(buffer.getvalue(), upright.width, upright.height)
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        # Not silent: None makes the caller draw a grey box and add a warning to the
        # build, so one unreadable photo does not stop the whole document.
        return None


class PhotoBlock(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A photo (or a grey box in place of an unreadable one) with its caption under it.

    It takes the column's width, at most ``max_height``; near the foot of a page it
    shrinks (down to ``MIN_SCALE`` of its size) to use the space left rather than leave
    a gap and move to the next page.
    """

    MIN_SCALE = 0.6
    GAP = 3.0  # between the picture and its caption

    def __init__(
        self,
        picture: DecodedPhoto | None,
        caption: Paragraph | None,
        max_width: float,
        max_height: float,
        placeholder_font: str,
    ) -> None:
        super().__init__()
        self.picture = picture
        self.caption = caption
        self.max_width = max_width
        self.max_height = max_height
        self.placeholder_font = placeholder_font
        self.hAlign = "CENTER"
        self.pic_width = self.pic_height = self.caption_height = 0.0

    def _natural(self, avail_width: float) -> tuple[float, float]:
        width = min(self.max_width, avail_width)
        if self.picture is None:
            return width, min(width * 9 / 16, self.max_height)
        scale = min(width / self.picture.width_px, self.max_height / self.picture.height_px)
        return self.picture.width_px * scale, self.picture.height_px * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self._natural(avail_width)
        self.caption_height = 0.0
        if self.caption is not None:
            self.caption_height = self.caption.wrap(avail_width, avail_height)[1] + self.GAP
        room = avail_height - self.caption_height
        if height > room >= height * self.MIN_SCALE:
            width, height = width * room / height, room
        self.pic_width, self.pic_height = width, height
        self.width = avail_width
        self.height = height + self.caption_height
        return self.width, self.height

    def caption_spacing(self) -> float:
        return float(self.caption.style.spaceAfter) if self.caption is not None else 0.0

    def getSpaceBefore(self) -> float:  # reportlab's name
        return 4.0

    def getSpaceAfter(self) -> float:
        return self.caption_spacing()

    def draw(self) -> None:
        canv = self.canv
        x = (self.width - self.pic_width) / 2
        y = self.caption_height
        if self.picture is None:
            canv.saveState()
            canv.setFillColor(PLACEHOLDER_GREY)
            canv.rect(x, y, self.pic_width, self.pic_height, stroke=0, fill=1)
            canv.setFillColorRGB(0.35, 0.35, 0.35)
            canv.setFont(self.placeholder_font, 11)
            canv.drawCentredString(
                x + self.pic_width / 2, y + self.pic_height / 2 - 4, PLACEHOLDER_TEXT
            )
            canv.restoreState()
        else:
            canv.drawImage(
                ImageReader(io.BytesIO(self.picture.data)), x, y, self.pic_width, self.pic_height
            )
        if self.caption is not None:
            self.caption.drawOn(canv, 0, 0)


def photo_flowables(
    photo: content.Photo,
    width: float,
    max_height: float,
    caption_style: ParagraphStyle,
    placeholder_font: str,
) -> tuple[Flowable, str | None]:
    """The photo block, and a warning (in the clerk's language) if it could not be read."""
    decoded = decode(photo.image)
    warning = None
    if decoded is None:
        warning = tr("reports.photo_unreadable", caption=plain(photo.caption))
    caption = Paragraph(para(photo.caption), caption_style) if photo.caption.strip() else None
    return PhotoBlock(decoded, caption, width, max_height, placeholder_font), warning
