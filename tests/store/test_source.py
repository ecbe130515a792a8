"""The one figure source: documents' (remembering what it read, for the fingerprint) and
the screens' (remembering nothing), reading the same figures."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Base, Value
from hbt_desktop.store.catalogue import save_catalogue
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.writes import write_base, write_value

Q1 = parse_period("2023Q1")
YEAR = parse_period("2023")


def _fill(db: Database) -> None:
    write_value(db, Value("QS_GIAO_QUAN", "P00241", Q1, Decimal(12), updated_by="t"))
    write_value(db, Value("QS_GIAO_QUAN", "P00244", Q1, Decimal(7), updated_by="t"))
    write_base(db, Base("NS_THU_DIA_BAN", "Q007", YEAR, "DT_TP_HDND_Q", Decimal(10**12)))


def _read(src: StoreSource) -> tuple[object, ...]:
    return (
        src.value("QS_GIAO_QUAN", "P00241", Q1),
        src.values("QS_GIAO_QUAN", ["P00241", "P00244", "P00265"], Q1),
        src.base("NS_THU_DIA_BAN", "Q007", YEAR, "DT_TP_HDND_Q"),
        src.base("NS_THU_DIA_BAN", "Q007", YEAR, "KHONG_CO"),
    )


def test_the_screens_source_reads_what_the_documents_source_reads(db: Database) -> None:
    _fill(db)
    assert _read(StoreSource(db, remember=False)) == _read(StoreSource(db))


def test_the_fingerprint_changes_with_a_figure_read_and_only_with_one(db: Database) -> None:
    _fill(db)
    first = StoreSource(db)
    _read(first)
    # A figure the document did not read: the same fingerprint.
    write_value(db, Value("QS_GIAO_QUAN", "P00265", parse_period("2023Q2"), Decimal(1)))
    again = StoreSource(db)
    _read(again)
    assert again.fingerprint() == first.fingerprint()
    # A fall of a figure it read: another one.
    write_value(db, Value("QS_GIAO_QUAN", "P00244", Q1, Decimal(6), updated_by="t"))
    changed = StoreSource(db)
    _read(changed)
    assert changed.fingerprint() != first.fingerprint()
    assert changed.fingerprint("bản in 2") != changed.fingerprint()


def test_a_source_that_remembers_nothing_refuses_to_fingerprint(db: Database) -> None:
    src = StoreSource(db, remember=False)
    _read(src)
    with pytest.raises(RuntimeError):
        src.fingerprint()


def test_the_catalogue_is_read_once_until_reload(db: Database) -> None:
    src = StoreSource(db, remember=False)
    indicator = src.catalogue.indicator("QS_GIAO_QUAN")
    save_catalogue(db, indicators=[dataclasses.replace(indicator, name="Quân số giao (mới)")])
    assert src.catalogue.indicator("QS_GIAO_QUAN").name == indicator.name
    src.reload()
    assert src.catalogue.indicator("QS_GIAO_QUAN").name == "Quân số giao (mới)"
