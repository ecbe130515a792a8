"""Write the corpus of bad (and tricky) import files next to this script.

Run ``.venv/bin/python tests/exchange/badfiles/make_badfiles.py`` to regenerate; the
files are committed so that the tests read exactly what a clerk could hand in. Each
file's expected refusal is listed in tests/exchange/test_badfiles.py.
"""

from __future__ import annotations

import io
import sys
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADER = (
    "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,"
    "storedby,lastupdated,comment,followup,status,qualifier,decimals"
)
# A good row first in every bad file: if it were stored, the import was not all-or-nothing.
GOOD = "NS_THU_DIA_BAN,2023Q2,Q007,default,default,5000000000000,kiểm thử,,,false,uoc,,0"


def values_csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, GOOD, *lines]) + "\r\n").encode("utf-8")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def workbook(rows: list[list[object]], percent_cell: str = "") -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "dataValues"
    for row in rows:
        ws.append(row)
    if percent_cell:
        ws[percent_cell].number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


VALUE_ROWS: list[list[object]] = [
    HEADER.split(","),
    GOOD.split(","),
    ["CNXD_TANG_TRUONG", "2023Q2", "Q007", "default", "default", 0.1233, "", "", "", "false"],
]


def replaced(data: bytes, part: str, content: bytes) -> bytes:
    """The workbook ``data`` with one zip part replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = content if item.filename == part else src.read(item)
            dst.writestr(item.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
LAUGHS = "\n".join(
    f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else ' <!ENTITY lol0 "lol">'
    for i in range(10)
)
BILLION_LAUGHS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [
{LAUGHS}
]>
<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>
</row></sheetData></worksheet>
""".encode()
BOMB = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData/>'.encode()
    + b" " * (10 * 1024 * 1024)
    + b"</worksheet>"
)


def corpus() -> dict[str, bytes]:
    good_xlsx = workbook(VALUE_ROWS[:2])
    return {
        "formula_injection.csv": values_csv(
            'NS_THU_DIA_BAN,2023Q3,Q007,default,default,"=HYPERLINK(""http://example.invalid"",'
            '""4115081000000"")",,,,false,,,'
        ),
        "wrong_column.csv": values_csv(header=HEADER.replace(",value,", ",valeu,")),
        "wrong_type.json": (
            b'{"dataValues": [{"dataElement": "NS_THU_DIA_BAN", "period": "2023Q2", '
            b'"orgUnit": "Q007", "value": "5000000000000"}, {"dataElement": "NS_THU_DIA_BAN", '
            b'"period": "2023Q3", "orgUnit": "Q007", "value": {"amount": 5}}]}'
        ),
        "duplicate_key.json": (
            b'{"dataValues": [{"dataElement": "NS_THU_DIA_BAN", "period": "2023Q2", '
            b'"orgUnit": "Q007", "value": "5000000000000", "value": "6000000000000"}]}'
        ),
        "unknown_indicator.csv": values_csv(
            "NS_THU_KHONG_CO,2023Q2,Q007,default,default,1000,,,,false,,,"
        ),
        "unit_not_valid.csv": values_csv(
            "NS_THU_DIA_BAN,2023Q1,W00283-2025,default,default,1000000,,,,false,,,"
        ),
        "money_fraction.csv": values_csv(
            "NS_THU_DIA_BAN,2023Q3,Q007,default,default,4115081000000.5,,,,false,,,"
        ),
        "vn_formatted.csv": values_csv(
            "NS_THU_DIA_BAN,2023Q3,Q007,default,default,4.115.081,,,,false,,,"
        ),
        "duplicate.csv": values_csv(GOOD.replace("5000000000000", "6000000000000")),
        "malformed.csv": values_csv(
            'NS_THU_DIA_BAN,2023Q3,Q007,default,default,1000,,,"ghi chú"sai,false,,,'
        ),
        "not_utf8.csv": (
            HEADER + "\r\nNS_THU_DIA_BAN,2023Q2,Q007,default,default,1000,,,Ghi chú đúng,,,,\r\n"
        ).encode("cp1258"),
        "nfd_values.csv": values_csv(
            f"CNXD_GTSX,2023Q2,Q007,default,default,700000000000,{nfd('cán bộ')},,"
            f'"{nfd("Số ước tính, chưa chính thức")}",false,uoc,{nfd("trên")},'
        ),
        "nfd_units.csv": (
            "uid,code,name,kind,level,parent_uid,valid_from,valid_to,predecessors,note\r\n"
            f"W99999-2026,99999,{nfd('Đồng Tâm Mới')},{nfd('phường')},3,T01,2026-01-01,,,"
            f"{nfd('Đơn vị thử')}\r\n"
        ).encode(),
        "units_unknown_parent.csv": (
            "uid,code,name,kind,level,parent_uid,valid_from,valid_to,predecessors,note\r\n"
            "W99998-2026,99998,Thử Một,phường,3,T01,2026-01-01,,,\r\n"
            "W99999-2026,99999,Thử Hai,phường,3,Q999,2026-01-01,,,\r\n"
        ).encode(),
        "units_bad_date.csv": (
            "uid,code,name,kind,level,parent_uid,valid_from,valid_to,predecessors,note\r\n"
            "W99999-2026,99999,Thử,phường,3,T01,31/02/2026,,,\r\n"
        ).encode(),
        "indicators_bad_decimals.csv": (
            "code,name,sector,kind,unit_label,decimals,pct_decimals,aggregation,comparisons,"
            "money_style,position,description,retired_from\r\n"
            "THU_A,Thu A,NS_THU,money,đồng,0,1,sum,share,ty_trieu,90,,\r\n"
            "THU_B,Thu B,NS_THU,number,hộ,9,1,sum,,,91,,\r\n"
        ).encode(),
        "indicators_unknown_sector.csv": b"code,name,sector,kind\r\nTHU_A,Thu A,KHONG_CO,money\r\n",
        "truncated.xlsx": good_xlsx[: len(good_xlsx) // 2],
        "zip_bomb.xlsx": replaced(good_xlsx, SHEET, BOMB),
        "billion_laughs.xlsx": replaced(good_xlsx, SHEET, BILLION_LAUGHS),
        "percent_cell.xlsx": workbook(VALUE_ROWS, percent_cell="F3"),
        "xls_renamed.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
    }


def main(folder: Path = HERE) -> list[Path]:
    written = []
    for name, content in corpus().items():
        path = folder / name
        path.write_bytes(content)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"{path.stat().st_size:>8}  {path.name}")
