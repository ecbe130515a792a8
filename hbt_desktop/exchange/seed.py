"""The shipped reference data and the demo data, loaded into a database.

Reference data (``resources/reference/*.csv``): Hà Nội, quận Hai Bà Trưng and its wards
with their effective dates and merger links, and the default indicator catalogue. They
are read by the same row parsers as a clerk's import files, so the shipped files are also
examples of the documented formats.

Demo data (``resources/demo/demo.json``): the seed bulletin's figures and text, written
as a clerk types them ("4.115 tỷ 081 triệu", "quý I/2023") and read through the same
parsers as typed input — so the demo also proves the parsers read real entries.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Catalogue
from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, SectionSpec, sniff_image
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.numbers import Convention
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.resources import resource_path
from hbt_desktop.core.values import Base, Value, parse_status, read_entry
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.documents import save_document
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.recovery import open_or_recover
from hbt_desktop.store.file.settings import DEMO_SETTING, set_setting
from hbt_desktop.store.units import has_units, load_units
from hbt_desktop.store.writes import write_base, write_values

register(
    {
        "seed.exists": {
            "vi": "Tệp {path} đã có và đang chứa dữ liệu; lệnh «new» chỉ tạo tệp mới, không "
            "bao giờ ghi đè. Hãy ghi tên một tệp chưa có sau --db.",
            "en": "{path} already exists and holds data; «new» only creates a new file and "
            "never overwrites one. Give the name of a file that does not exist after --db.",
        },
    }
)

DEMO_USER = "dữ liệu mẫu"


def load_reference(db: Database) -> None:
    """Units and the default catalogue, in one transaction.

    Read by the same importers as a clerk's files — every check, the same messages — so
    the shipped files are also examples of the documented formats.
    """
    from hbt_desktop.exchange.catalogue_io import import_catalogue
    from hbt_desktop.exchange.units_io import import_units

    with db.atomic():
        import_units(db, resource_path("reference", "units.csv"))
        for entity in ("sectors", "base_kinds", "indicators"):
            import_catalogue(db, resource_path("reference", f"{entity}.csv"), entity=entity)


def _entry(catalogue: Catalogue, indicator: str, text: str, convention: Convention) -> Any:
    return read_entry(catalogue.indicator(indicator), text, convention=convention)


def load_demo(db: Database, *, path: Path | None = None) -> None:
    """The seed bulletin's figures, bases, narrative and photos, in one transaction."""
    path = path or resource_path("demo", "demo.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    convention = Convention[data.get("convention", "vi").upper()]
    catalogue = load_catalogue(db)
    values: list[Value] = []
    for item in data["values"]:
        entry = _entry(catalogue, item["indicator"], item["value"], convention)
        values.append(
            Value(
                indicator=item["indicator"],
                unit_uid=item["unit"],
                period=parse_period(item["period"]),
                amount=entry.amount,
                decimals=entry.decimals,
                status=parse_status(item.get("status", "thực hiện")),
                qualifier=entry.qualifier,
                comment=item.get("comment", ""),
                updated_by=DEMO_USER,
            )
        )
    wards = data.get("ward_values")
    if wards:
        period = parse_period(wards["period"])
        for indicator, typed in wards["indicators"].items():
            for uid, text in zip(wards["wards"], typed, strict=True):
                entry = _entry(catalogue, indicator, text, convention)
                values.append(
                    Value(
                        indicator,
                        uid,
                        period,
                        entry.amount,
                        entry.decimals,
                        parse_status(wards["status"]),
                        entry.qualifier,
                        wards["comment"],
                        DEMO_USER,
                    )
                )
    with db.atomic():
        write_values(db, values)
        for item in data["bases"]:
            entry = _entry(catalogue, item["indicator"], item["value"], convention)
            write_base(
                db,
                Base(
                    item["indicator"],
                    item["unit"],
                    parse_period(item["period"]),
                    item["kind"],
                    entry.amount,
                    entry.decimals,
                    item.get("comment", ""),
                    DEMO_USER,
                ),
            )
        for doc in data["documents"]:
            save_document(db, _document(doc, path.parent))
        if data["documents"]:
            # Open the program (and print without --unit/--period) on the demo document.
            first = data["documents"][0]
            set_setting(db, "current_unit", first["unit"])
            set_setting(db, "current_period", parse_period(first["period"]).id)
        set_setting(db, DEMO_SETTING, "1")


def _document(doc: dict[str, Any], folder: Path) -> DocumentSpec:
    spec = DocumentSpec(
        unit_uid=doc["unit"],
        period=parse_period(doc["period"]),
        title=doc.get("title", ""),
        lead=doc.get("lead", ""),
        intro=doc.get("intro", ""),
        masthead=doc.get("masthead", ""),
        issue_line=doc.get("issue_line", ""),
        number=doc.get("number", ""),
        symbol=doc.get("symbol", ""),
        place=doc.get("place", ""),
        issue_date=date.fromisoformat(doc["issue_date"]) if doc.get("issue_date") else None,
        summary=doc.get("summary", ""),
        signer_authority=tuple(doc.get("signer_authority", ())),
        signer_title=doc.get("signer_title", ""),
        signer_name=doc.get("signer_name", ""),
        recipients=tuple(doc.get("recipients", ())),
        kinh_gui=tuple(doc.get("kinh_gui", ())),
        appendix_note=doc.get("appendix_note", ""),
    )
    for position, section in enumerate(doc.get("sections", [])):
        spec.sections.append(
            SectionSpec(
                section["heading"], section["template"], section.get("level", 1), position=position
            )
        )
        for photo in section.get("photos", []):
            image = (folder / photo["file"]).read_bytes()
            spec.photos.append(
                PhotoSpec(
                    photo["caption"],
                    image,
                    sniff_image(image),
                    hashlib.sha256(image).hexdigest(),
                    section_position=position,
                    position=len(spec.photos),
                )
            )
    return spec


def seed_new_database(db: Database, *, demo: bool = True) -> None:
    """Fill a freshly created database: reference data, then (by default) the demo."""
    if not has_units(db):
        load_reference(db)
        if demo:
            load_demo(db)


def new_database(path: Path) -> tuple[int, int]:
    """Create ``path`` with the reference data (units, catalogue) and nothing else: no demo.

    Refused, with nothing touched, when the file exists and is not empty (``new`` never
    overwrites) or when backups of a file of that name are beside it (the clerk is told how
    to restore it instead). Returns (units, indicators) of the new file.
    """
    if path.exists() and path.stat().st_size > 0:
        raise HbtError("seed.exists", path=path)

    def seed(db: Database) -> None:
        if has_units(db):  # made by someone else in between: leave it alone
            raise HbtError("seed.exists", path=path)
        load_reference(db)

    opened = open_or_recover(path, seed=seed, start_backup=False)
    try:
        return len(load_units(opened.db)), len(load_catalogue(opened.db).indicators)
    finally:
        opened.close(backup=False)


def open_app_database(path: Path, *, demo: bool = True) -> Database:
    """Open the clerk's database, creating it with reference (and demo) data if new."""
    db = open_database(path)
    seed_new_database(db, demo=demo)
    return db
