"""A first draft of a document for a unit and period that has figures but no text yet.

When a ward or a new unit imports figures and prints before anyone has written the
narrative, the program drafts one sentence per figure of the document's own period from
the catalogue — name, period, status, value, and the comparisons the catalogue lists and
the data allows — grouped by sector. The draft is ordinary template text: the clerk edits
it like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hbt_desktop.core.catalogue import Catalogue, Comparison, IndicatorKind
from hbt_desktop.core.documents import DocumentSpec, SectionSpec
from hbt_desktop.core.periods import Period
from hbt_desktop.core.units import OrgUnit, UnitKind
from hbt_desktop.core.values import Base, Status, Value

# Kinds of unit whose People's Committee signs "TM. ỦY BAN NHÂN DÂN".
_ISSUER_PREFIX = "ỦY BAN NHÂN DÂN"


def same_figures(period: Period, candidate: Period) -> bool:
    """True when ``candidate`` names the document's own figures (the same id): a draft
    for "năm 2023" takes only the year's figures, never the 2-month or quý I ones, and a
    draft "tính đến 15/5/2023" never the 5-month ones. Figures of other periods enter a
    document only when its clerk writes them in (core.period_claims)."""
    return candidate.id == period.id


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def sentence(
    catalogue: Catalogue,
    value: Value,
    *,
    bases: Sequence[Base],
    has_previous: bool,
) -> str:
    """One template sentence for ``value``, a figure of the document's own period (so
    ``so_lieu`` needs no period and the sentence says which period it is)."""
    ind = catalogue.indicator(value.indicator)
    args = _quote(ind.code)
    var = "{{ so_lieu(" + args + ")"
    status = "" if value.status is Status.THUC_HIEN else value.status.label + " "
    parts = [f"{ind.name} ({{{{ so_lieu({args}).ky }}}}): {status}"]
    if ind.kind is IndicatorKind.GROWTH:
        parts.append(var + ".tang_truong() }}")
    else:
        parts.append(var + " }}")
        for base in bases:
            if Comparison.COUNT_OF in ind.comparisons:
                parts.append(", " + var + f".tren_tong({_quote(base.kind)}) }}}}")
            elif Comparison.SHARE in ind.comparisons:
                parts.append(", " + var + f".so_voi({_quote(base.kind)}) }}}}")
        if has_previous:
            if Comparison.GROWTH in ind.comparisons:
                parts.append(", " + var + ".tang_truong() }}")
            elif Comparison.INDEX in ind.comparisons:
                parts.append(", " + var + ".chi_so() }}")
            elif Comparison.POINTS in ind.comparisons:
                parts.append(", " + var + ".diem() }} so với cùng kỳ")
    return "".join(parts) + "."


def starter_sections(
    catalogue: Catalogue,
    period: Period,
    values: Iterable[Value],
    bases: Iterable[Base],
    previous: set[tuple[str, str]],
) -> list[SectionSpec]:
    """Sections, one per sector with figures; ``previous`` holds (indicator, period id)
    pairs whose same period last year has a figure."""
    base_list = list(bases)
    by_sector: dict[str, list[str]] = {}
    chosen = sorted(
        (
            v
            for v in values
            if same_figures(period, v.period) and v.indicator in catalogue.indicators
        ),
        key=lambda v: (
            catalogue.indicator(v.indicator).position,
            v.indicator,
            v.period,
        ),
    )
    for value in chosen:
        ind = catalogue.indicator(value.indicator)
        own_bases = [
            b
            for b in base_list
            if b.indicator == ind.code
            and b.period.id in (value.period.id, value.period.year_period().id)
        ]
        by_sector.setdefault(ind.sector, []).append(
            sentence(
                catalogue,
                value,
                bases=own_bases,
                has_previous=(ind.code, value.period.id) in previous,
            )
        )
    return [
        SectionSpec(heading=sector.name, template="\n".join(by_sector[sector.code]), position=i)
        for i, sector in enumerate(s for s in catalogue.sector_list() if s.code in by_sector)
    ]


def issuer_lines(unit: OrgUnit) -> tuple[str, ...]:
    return (_ISSUER_PREFIX, unit.full_name.upper())


def place_of(unit: OrgUnit) -> str:
    """The place on the date line: where the issuing body sits (Decree 30, App. I,
    II.4.a). A province or a city under the centre prints its own name ("Hà Nội"); a
    district, town, commune or ward its full name ("Quận Hai Bà Trưng", "Phường Vĩnh
    Tuy"): the decree asks for the full name of a unit named after a person, a number or
    an event (Hai Bà Trưng, Quận 1), which no rule can tell, so it is always written. An
    office that writes the bare name sets it as the document's place."""
    if unit.level <= 1 and unit.kind in (UnitKind.THANH_PHO, UnitKind.TINH):
        return unit.name
    return unit.title_name


def starter_document(
    unit: OrgUnit,
    period: Period,
    sections: list[SectionSpec],
) -> DocumentSpec:
    """Header data a clerk would otherwise type first; every field stays editable. Number,
    date and signer are left for the office: until they are set the report is a draft
    (the place is the unit's, see :func:`place_of`)."""
    return DocumentSpec(
        unit_uid=unit.uid,
        period=period,
        title="Tình hình kinh tế - xã hội {{ ky }} của " + unit.full_name,
        lead="Kết quả thực hiện các chỉ tiêu kinh tế - xã hội của {{ don_vi }} trong {{ ky }}.",
        intro=(
            "Ủy ban nhân dân {{ don_vi }} báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - "
            "xã hội {{ ky }} như sau:"
        ),
        masthead=f"BẢN TIN {_ISSUER_PREFIX} {unit.full_name.upper()}",
        issue_line="",
        symbol="BC-UBND",
        summary="Tình hình kinh tế - xã hội {{ ky }}",
        signer_authority=("TM. ỦY BAN NHÂN DÂN",),
        signer_title="CHỦ TỊCH",
        # "Như trên" only goes with a Kính gửi, which a first draft does not have.
        recipients=("Lưu: VT",),
        sections=sections,
    )
