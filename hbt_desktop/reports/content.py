"""What goes on the page, already worded: the input of the two PDF builders.

The builders (``bulletin.py``, ``decree30.py``) lay out and draw these; they never look
figures up or format numbers. Everything a reader sees arrives here as finished
Vietnamese text (NFC), produced by ``assemble.py`` from the database, the formatters and
the clerk's narrative templates. That split lets layout be tested with hand-made content
and wording be tested without parsing PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from hbt_desktop.core.provenance import Reading


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Photo:
    """An image (PNG or JPEG bytes) printed with its caption under it."""

    image: bytes
    caption: str


@dataclass(frozen=True)
class KeyFigure:
    """One line of the bulletin's key-figures box, e.g.
    label "Tổng thu ngân sách trên địa bàn (tính đến 15/2/2023)",
    value "4.115 tỷ 081 triệu đồng", note "đạt 34% so với dự toán, tăng 59% so với cùng kỳ".
    """

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[Decimal | None, ...]  # one per category; None = no figure (gap, not 0)
    # One per category: the status of an estimate ("ước thực hiện", "dự kiến"), "" for
    # an actual figure. Estimates are drawn hatched and named in the legend, so that one
    # is never read as an actual figure.
    estimates: tuple[str, ...] = ()


@dataclass(frozen=True)
class BarChart:
    """A grouped bar chart drawn from data, e.g. revenue against the estimate.

    ``values`` are in ``unit_label`` units already (e.g. tỷ đồng), exact Decimals;
    ``value_labels`` are the printed labels above bars, worded by the formatters (a
    growth is "tăng 11,7%" / "giảm 1,25%", never a bare "-1,25%"). The title and the
    legend name the figures' own periods.
    """

    title: str
    unit_label: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    value_labels: tuple[tuple[str, ...], ...] = ()  # [series][category]
    note: str = ""


@dataclass(frozen=True)
class Table:
    """A table of already-formatted cells.

    ``header`` may have several rows; ``align`` gives one alignment per column
    (figures right-aligned). Rows listed in ``bold_rows`` (indices into ``rows``) are
    printed bold, e.g. the district total. ``footnotes`` print under the table.
    """

    title: str
    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()
    col_widths_mm: tuple[float, ...] = ()
    bold_rows: frozenset[int] = frozenset()
    footnotes: tuple[str, ...] = ()
    landscape: bool = False
    # Merged header cells, as (first_col, first_row, last_col, last_row) inclusive, rows
    # counted within ``header``; e.g. (2, 0, 3, 0) puts one "Thu ngân sách" over two
    # columns, (0, 0, 0, 1) lets "STT" span both header rows.
    header_spans: tuple[tuple[int, int, int, int], ...] = ()


@dataclass(frozen=True)
class Section:
    """A titled part of the text. ``paragraphs`` are plain text (no markup); ``level`` 1
    is a part/section heading, 2 a subsection. Tables and photos follow the paragraphs.
    """

    heading: str
    paragraphs: tuple[str, ...]
    level: int = 1
    tables: tuple[Table, ...] = ()
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class Footer:
    """A fingerprint of the figures and when the document was printed, so a copy can be
    matched to the data it came from: printed on every page of the bulletin, carried in
    the metadata of the report (Decree 30 allows nothing else in its margins), with the
    readings themselves so that ``verify-print`` can name the figures changed since."""

    fingerprint: str  # e.g. "3F2A-91C0-7B1D"
    printed_at: str  # e.g. "20:46 27/11/2026"
    label: str = "Mã số liệu"
    readings: tuple[Reading, ...] = ()
    unit_uid: str = ""
    period_id: str = ""


@dataclass(frozen=True)
class BulletinContent:
    """A news-style bulletin (bản tin) like the district's published one."""

    masthead: str  # e.g. "BẢN TIN UBND QUẬN HAI BÀ TRƯNG"
    issue_line: str  # e.g. "Số 02 · Tháng 3/2023"
    headline: str
    lead: str
    sections: tuple[Section, ...]
    key_figures_title: str
    key_figures: tuple[KeyFigure, ...]
    charts: tuple[BarChart, ...]
    footer: Footer
    notes: tuple[str, ...] = ()  # e.g. "Tổng quận = cộng 18 phường" — printed small at the end


@dataclass(frozen=True)
class Signature:
    """The signature block: authority lines (``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``),
    the title (``PHÓ CHỦ TỊCH``) and the signer's name."""

    authority: tuple[str, ...]
    title: str
    name: str


@dataclass(frozen=True)
class Appendix:
    """``Phụ lục I`` … printed after the signature, on new pages."""

    label: str  # "Phụ lục I"
    title: str
    # "(Kèm theo Báo cáo số 12/BC-UBND ngày 05 tháng 3 năm 2023 của Ủy ban nhân dân quận
    # Hai Bà Trưng)": the full date and the issuer's full name (Decree 30, phụ lục).
    subtitle: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class ReportContent:
    """A report (báo cáo) in the layout of Decree 30/2020/NĐ-CP, Appendix I."""

    parent_body: str  # "" when the issuer has none to show; upper case
    issuer: tuple[str, ...]  # lines, upper case, e.g. ("ỦY BAN NHÂN DÂN", "QUẬN HAI BÀ TRƯNG")
    number_symbol: str  # "Số: 12/BC-UBND"; a draft "Số:      /BC-UBND"
    place_date: str  # "Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023"
    doc_type: str  # "BÁO CÁO"
    summary: str  # trích yếu, e.g. "Kết quả thực hiện nhiệm vụ 2 tháng đầu năm 2023"
    intro: tuple[str, ...]  # paragraphs before the first part
    # Headings carry their numbers: level 1 "I. …" (printed in capitals), level 2 "1. …",
    # level 3 "a) …" (Decree 30, App. I, II.6: mục, khoản, điểm).
    parts: tuple[Section, ...]
    signature: Signature
    recipients: tuple[str, ...]  # each without the leading "- ", the last "Lưu: VT, …"
    appendices: tuple[Appendix, ...]
    footer: Footer
    national_name: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    kinh_gui: tuple[str, ...] = ()  # addressees; "- Như trên;" in Nơi nhận needs one
    # True while the number, the date or the signer is not set: "DỰ THẢO" is printed in
    # its box at the top of page 1 and the blanks are left for the office to fill.
    draft: bool = False
    extra: dict[str, str] = field(default_factory=dict)
