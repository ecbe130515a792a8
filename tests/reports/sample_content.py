"""Hand-made, realistic content for both documents.

Words and figures come from the district's published bulletin of March 2023
(shared/seed/source-bulletin-2023-02.txt); the ward table is invented but adds up (the
district row is the sum of the 18 wards, its percentages computed from those sums).
"""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal

from PIL import Image, ImageDraw

from hbt_desktop.reports.content import (
    Align,
    Appendix,
    BarChart,
    BulletinContent,
    ChartSeries,
    Footer,
    KeyFigure,
    Photo,
    ReportContent,
    Section,
    Signature,
    Table,
)

FOOTER = Footer(fingerprint="3F2A-91C0-7B1D", printed_at="20:46 27/11/2026")

WARDS = (
    "Nguyễn Du",
    "Bạch Đằng",
    "Phạm Đình Hổ",
    "Lê Đại Hành",
    "Đồng Nhân",
    "Phố Huế",
    "Đống Mác",
    "Thanh Lương",
    "Thanh Nhàn",
    "Cầu Dền",
    "Bách Khoa",
    "Đồng Tâm",
    "Vĩnh Tuy",
    "Bạch Mai",
    "Quỳnh Mai",
    "Quỳnh Lôi",
    "Minh Khai",
    "Trương Định",
)
# Per ward, in triệu đồng: estimate for the year, collected to 15/2/2023, same period 2022.
WARD_FIGURES = (
    (31_250, 11_406, 7_012),
    (18_900, 6_108, 4_377),
    (22_400, 7_743, 5_120),
    (27_800, 9_964, 6_205),
    (12_600, 4_250, 2_861),
    (35_100, 13_012, 8_004),
    (9_850, 3_052, 2_290),
    (14_300, 4_708, 3_066),
    (16_700, 5_322, 3_701),
    (11_200, 3_871, 2_433),
    (20_050, 7_115, 4_388),
    (13_900, 4_420, 3_015),
    (24_600, 8_370, 5_402),
    (19_300, 6_612, 4_160),
    (15_450, 5_003, 3_377),
    (8_700, 2_874, 2_018),
    (21_900, 7_436, 4_702),
    (17_350, 5_987, 3_911),
)


def grouped(n: int) -> str:
    """4115 → "4.115" (what the project's formatter prints; kept tiny for the sample)."""
    return f"{n:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return str(value).replace(".", ",")


def ward_table() -> Table:
    rows = []
    for index, (ward, (plan, done, last)) in enumerate(zip(WARDS, WARD_FIGURES, strict=True)):
        rows.append(
            (
                str(index + 1),
                f"Phường {ward}",
                grouped(plan),
                grouped(done),
                percent(done, plan),
                percent(done, last),
            )
        )
    plan_total = sum(f[0] for f in WARD_FIGURES)
    done_total = sum(f[1] for f in WARD_FIGURES)
    last_total = sum(f[2] for f in WARD_FIGURES)
    rows.append(
        (
            "",
            "Toàn quận",
            grouped(plan_total),
            grouped(done_total),
            percent(done_total, plan_total),
            percent(done_total, last_total),
        )
    )
    return Table(
        title="Thu ngân sách nhà nước do phường quản lý thu",
        header=(
            ("STT", "Phường", "Dự toán năm 2023", "Thực hiện đến 15/2/2023", "So sánh (%)", ""),
            ("", "", "(triệu đồng)", "(triệu đồng)", "Dự toán", "Cùng kỳ"),
        ),
        header_spans=((0, 0, 0, 1), (1, 0, 1, 1), (4, 0, 5, 0)),
        rows=tuple(rows),
        align=(Align.CENTER, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT),
        bold_rows=frozenset({len(rows) - 1}),
        footnotes=("Ghi chú: Toàn quận = cộng 18 phường; số thực hiện tính đến 15/2/2023.",),
    )


def wide_ward_table() -> Table:
    """A landscape table: more columns than a portrait page holds comfortably."""
    header = (
        "STT",
        "Phường",
        "Hộ gia đình",
        "Nhân khẩu",
        "Hộ nghèo",
        "Hộ cận nghèo",
        "Người có công",
        "Trẻ em dưới 6 tuổi",
        "Người cao tuổi",
        "Lao động có việc làm",
    )
    rows = []
    for index, ward in enumerate(WARDS):
        base = 3_000 + 211 * index
        rows.append(
            (
                str(index + 1),
                ward,
                grouped(base),
                grouped(base * 3 + 17),
                str(index % 4),
                str(3 + index % 5),
                grouped(120 + 7 * index),
                grouped(400 + 13 * index),
                grouped(900 + 29 * index),
                grouped(base * 2 - 45),
            )
        )
    return Table(
        title="Một số chỉ tiêu dân cư, an sinh xã hội theo phường",
        header=(header,),
        rows=tuple(rows),
        align=(Align.CENTER, Align.LEFT, *([Align.RIGHT] * 8)),
        landscape=True,
    )


def summary_table() -> Table:
    return Table(
        title="Một số chỉ tiêu kinh tế chủ yếu",
        header=(("Chỉ tiêu", "Thực hiện", "So sánh"),),
        rows=(
            (
                "Tổng thu ngân sách trên địa bàn (đến 15/2/2023)",
                "4.115 tỷ 081 triệu đồng",
                "đạt 34% dự toán; tăng 59% so với cùng kỳ",
            ),
            (
                "Ước thu ngân sách quý I/2023",
                "4.861 tỷ 658 triệu đồng",
                "đạt 40% dự toán TP và HĐND quận giao",
            ),
            ("Giá trị sản xuất thương mại - dịch vụ", "ước tăng 11,7%", "so với cùng kỳ"),
            ("Giá trị sản xuất công nghiệp - xây dựng", "ước tăng 12,33%", "so với cùng kỳ"),
        ),
        align=(Align.LEFT, Align.RIGHT, Align.LEFT),
        col_widths_mm=(70, 45, 50),
    )


REVENUE = (
    "Tính đến 15/2/2023, tổng số thu ngân sách trên địa bàn quận là 4.115 tỷ 081 triệu đồng, "
    "đạt 34% so với dự toán và tăng 59% so với cùng kỳ; ước thực hiện quý I/2023 là "
    "4.861 tỷ 658 triệu đồng, đạt 40% so với dự toán TP và HĐND quận giao, tăng 19% so với "
    "cùng kỳ năm ngoái."
)
GROWTH = (
    "Các chỉ tiêu KT-XH tăng trưởng khả quan; tình hình thực hiện dự toán thu, chi ngân sách "
    "đảm bảo yêu cầu, tiến độ. Giá trị sản xuất thương mại - dịch vụ ước tăng 11,7%; giá trị "
    "sản xuất công nghiệp - xây dựng ước tăng 12,33% so với cùng kỳ."
)
URBAN = (
    "Hệ thống HTKT đô thị được duy trì tốt; trật tự VMĐT, TTXD, VSMT nhiều chuyển biến tích "
    "cực. Quận đã khai trương, duy trì tốt Không gian đi bộ phố Trần Nhân Tông và phụ cận, "
    "quyết liệt chỉ đạo công tác chuẩn bị đầu tư và thực hiện đầu tư các dự án trên địa bàn."
)
CULTURE = (
    "Các lĩnh vực văn hoá - xã hội, giáo dục - đào tạo, y tế được quan tâm chỉ đạo. UBND quận "
    "tổ chức tốt các lễ hội trên địa bàn đảm bảo trang trọng, an toàn, như: Lễ hội Chùa Vua, "
    "Lễ kỷ niệm 1983 năm cuộc khởi nghĩa Hai Bà Trưng. An sinh xã hội được quan tâm chỉ đạo; "
    "đảm bảo các chính sách xã hội được thực hiện đầy đủ, đúng đối tượng; chăm lo chu đáo tới "
    "các gia đình chính sách, người có công, gia đình có hoàn cảnh khó khăn."
)
SECURITY = (
    "ANCT, ATGT trước, trong và sau Tết được giữ vững; TTATXH được đảm bảo. Quận tổ chức "
    "thành công Lễ giao, nhận quân năm 2023 đạt 100% chỉ tiêu, trang trọng, chất lượng."
)
ADMIN = (
    "Các cấp, ngành tiếp tục đổi mới lãnh đạo, chỉ đạo, điều hành, thực hiện nghiêm kỷ luật "
    "kỷ cương hành chính. Ngay đầu năm, UBND quận đã thành lập 4 đoàn công tác làm việc với "
    "18 phường để nắm bắt tình hình, những khó khăn vướng mắc và kiến nghị đề xuất để tập "
    "trung chỉ đạo tháo gỡ."
)
TASKS = (
    "1. Tiếp tục tăng cường xây dựng, chỉnh đốn Đảng; xây dựng và củng cố hệ thống chính trị, "
    "nâng cao hiệu lực, hiệu quả điều hành, quản lý của chính quyền từ quận đến cơ sở.",
    "2. Tiếp tục triển khai thực hiện Kế hoạch 118-KH/QU về triển khai, ứng dụng phần mềm "
    "“Sổ tay đảng viên điện tử” và phần mềm “Điều hành tác nghiệp quản lý đảng viên”.",
    "3. Tập trung lãnh đạo, chỉ đạo quyết liệt, phấn đấu đạt mức cao nhất các chỉ tiêu phát "
    "triển KT-XH, đảm bảo AN-QP năm 2023; quyết liệt tháo gỡ khó khăn nhằm đẩy nhanh tiến "
    "độ đầu tư và giải ngân vốn đầu tư XDCB.",
)


REFERENCE = (
    "(Kèm theo Báo cáo số 12/BC-UBND ngày 05 tháng 3 năm 2023 của Ủy ban nhân dân quận "
    "Hai Bà Trưng)"
)


def report_content() -> ReportContent:
    return ReportContent(
        parent_body="",
        issuer=("ỦY BAN NHÂN DÂN", "QUẬN HAI BÀ TRƯNG"),
        number_symbol="Số: 12/BC-UBND",
        place_date="Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023",
        doc_type="BÁO CÁO",
        summary=(
            "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 2 tháng đầu năm, "
            "nhiệm vụ trọng tâm tháng 3 năm 2023"
        ),
        intro=(
            "Thực hiện Chương trình công tác năm 2023, Ủy ban nhân dân quận Hai Bà Trưng báo "
            "cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
            "2 tháng đầu năm và nhiệm vụ trọng tâm tháng 3 năm 2023 như sau:",
        ),
        parts=(
            Section("Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 2 THÁNG ĐẦU NĂM 2023", (), level=1),
            Section("I. Kinh tế", (GROWTH, REVENUE), level=2, tables=(summary_table(),)),
            Section("II. Quản lý đô thị", (URBAN,), level=2),
            Section("III. Văn hóa - xã hội", (CULTURE,), level=2),
            Section("IV. Quốc phòng - an ninh", (SECURITY,), level=2),
            Section("V. Cải cách hành chính", (ADMIN,), level=2),
            Section("Phần II. NHIỆM VỤ TRỌNG TÂM THÁNG 3 NĂM 2023", TASKS, level=1),
            Section("", ("Số liệu chi tiết tại Phụ lục I, II kèm theo.",), level=1),
        ),
        signature=Signature(
            authority=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
            title="PHÓ CHỦ TỊCH",
            name="Phan Văn Phúc",
        ),
        recipients=(
            "Như trên",
            "TT Quận ủy, TT HĐND quận (để b/c)",
            "Chủ tịch, các PCT UBND quận",
            "Các phòng, ban, ngành thuộc quận",
            "UBND 18 phường",
            "Lưu: VT, VP.",
        ),
        appendices=(
            Appendix(
                label="Phụ lục I",
                title="KẾT QUẢ THU NGÂN SÁCH NHÀ NƯỚC CỦA CÁC PHƯỜNG",
                subtitle=REFERENCE,
                tables=(ward_table(),),
            ),
            Appendix(
                label="Phụ lục II",
                title="MỘT SỐ CHỈ TIÊU DÂN CƯ, AN SINH XÃ HỘI",
                subtitle=REFERENCE,
                tables=(wide_ward_table(),),
            ),
        ),
        footer=FOOTER,
        kinh_gui=("Thường trực Quận ủy", "Thường trực HĐND quận"),
    )


def make_photo(kind: int, size: tuple[int, int] = (1200, 800)) -> bytes:
    """A deterministic street-like picture (sky, buildings, road) as PNG bytes."""
    width, height = size
    image = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):
        shade = 150 + y * 90 // (height // 2)
        draw.line([(0, y), (width, y)], fill=(shade - 60, shade - 30, 255 - y % 3))
    x = 0
    step = 0
    while x < width:
        w = 90 + (step * 37 + kind * 53) % 140
        h = 160 + (step * 71 + kind * 29) % 260
        colour = ((180 + step * 23) % 255, (140 + kind * 40) % 255, (120 + step * 11) % 255)
        draw.rectangle([x, height * 2 // 3 - h, x + w - 6, height * 2 // 3], fill=colour)
        for wy in range(height * 2 // 3 - h + 14, height * 2 // 3 - 20, 34):
            for wx in range(x + 10, x + w - 20, 26):
                draw.rectangle([wx, wy, wx + 12, wy + 18], fill=(250, 240, 200))
        x += w
        step += 1
    draw.rectangle([0, height * 2 // 3, width, height], fill=(90, 90, 95))
    for lane in range(0, width, 120):
        draw.rectangle(
            [lane, height * 5 // 6, lane + 60, height * 5 // 6 + 8], fill=(240, 240, 240)
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


LEAD = (
    "Ủy viên Ban Thường vụ Quận ủy, Phó Chủ tịch UBND quận Hai Bà Trưng Phan Văn Phúc thay "
    "mặt lãnh đạo quận vừa thông tin tình hình thực hiện các nhiệm vụ công tác của quận "
    "trong 2 tháng đầu năm 2023."
)


def growth_chart() -> BarChart:
    return BarChart(
        title="Tăng trưởng 2 tháng đầu năm 2023 so với cùng kỳ",
        unit_label="%",
        categories=("Thương mại - dịch vụ", "Công nghiệp - xây dựng", "Thu ngân sách"),
        series=(
            ChartSeries("Tăng so với cùng kỳ", (Decimal("11.7"), Decimal("12.33"), Decimal("59"))),
        ),
        value_labels=(("11,7%", "12,33%", "59%"),),
        note="Thu ngân sách tính đến 15/2/2023.",
    )


def ward_chart() -> BarChart:
    chosen = range(6)
    return BarChart(
        title="Thu ngân sách của 6 phường đến 15/2/2023 so với cùng kỳ",
        unit_label="triệu đồng",
        categories=tuple(WARDS[i] for i in chosen),
        series=(
            ChartSeries("Cùng kỳ năm 2022", tuple(Decimal(WARD_FIGURES[i][2]) for i in chosen)),
            ChartSeries(
                "Năm 2023", tuple(None if i == 4 else Decimal(WARD_FIGURES[i][1]) for i in chosen)
            ),
        ),
        value_labels=(
            tuple(grouped(WARD_FIGURES[i][2]) for i in chosen),
            tuple("" if i == 4 else grouped(WARD_FIGURES[i][1]) for i in chosen),
        ),
        note="Phường Đồng Nhân chưa có số liệu năm 2023 (bỏ trống, không phải bằng 0).",
    )


def bulletin_content(photos: tuple[bytes, bytes] | None = None) -> BulletinContent:
    first, second = photos or (make_photo(1), make_photo(2, (900, 1100)))
    return BulletinContent(
        masthead="BẢN TIN UBND QUẬN HAI BÀ TRƯNG",
        issue_line="Số 02 · Tháng 3/2023",
        headline="Kinh tế - xã hội 2 tháng đầu năm 2023 tăng trưởng khả quan",
        lead=LEAD,
        sections=(
            Section(
                "Xây dựng Đảng, an sinh xã hội",
                (
                    "Đáng chú ý, công tác xây dựng Đảng, xây dựng hệ thống chính trị đã được "
                    "quận tập trung chỉ đạo đồng bộ và đạt nhiều kết quả.",
                    "Cùng đó, an sinh xã hội được quan tâm chỉ đạo; đảm bảo các chính sách xã "
                    "hội được thực hiện đầy đủ, đúng đối tượng; chăm lo chu đáo tới các gia đình "
                    "chính sách, người có công, gia đình có hoàn cảnh khó khăn.",
                ),
                photos=(
                    Photo(
                        first,
                        "Quận Hai Bà Trưng đã tổ chức khai trương, duy trì tốt "
                        "Không gian đi bộ phố Trần Nhân Tông và phụ cận",
                    ),
                ),
            ),
            Section("Thu ngân sách đạt 34% dự toán", (GROWTH, REVENUE)),
            Section(
                "Đô thị, văn hóa - xã hội, quốc phòng - an ninh",
                (URBAN, CULTURE, SECURITY),
                photos=(Photo(second, "Phố Đại Cồ Việt, quận Hai Bà Trưng"),),
            ),
            Section("Cải cách hành chính", (ADMIN,)),
            Section(
                "Nhiệm vụ thời gian tới",
                (
                    "Từ những kết quả đó, Bí thư Quận ủy Nguyễn Văn Nam đã yêu cầu các cấp, "
                    "ngành và tổ chức CT-XH từ quận tới cơ sở tiếp tục tăng cường xây dựng, "
                    "chỉnh đốn Đảng; xây dựng và củng cố hệ thống chính trị.",
                    *TASKS[1:],
                ),
            ),
        ),
        key_figures_title="Số liệu nổi bật 2 tháng đầu năm 2023",
        key_figures=(
            KeyFigure(
                "Tổng thu ngân sách trên địa bàn (tính đến 15/2/2023)",
                "4.115 tỷ 081 triệu đồng",
                "đạt 34% so với dự toán, tăng 59% so với cùng kỳ",
            ),
            KeyFigure(
                "Ước thực hiện thu ngân sách quý I/2023",
                "4.861 tỷ 658 triệu đồng",
                "đạt 40% so với dự toán TP và HĐND quận giao, tăng 19% so với cùng kỳ",
            ),
            KeyFigure("Giá trị sản xuất thương mại - dịch vụ", "ước tăng 11,7%", "so với cùng kỳ"),
            KeyFigure(
                "Giá trị sản xuất công nghiệp - xây dựng", "ước tăng 12,33%", "so với cùng kỳ"
            ),
            KeyFigure("Giao, nhận quân năm 2023", "đạt 100% chỉ tiêu", "trang trọng, chất lượng"),
            KeyFigure(
                "Đoàn công tác làm việc với các phường", "4 đoàn / 18 phường", "ngay từ đầu năm"
            ),
        ),
        charts=(growth_chart(), ward_chart()),
        footer=FOOTER,
        notes=(
            "Tổng quận = cộng 18 phường.",
            "Số thu ngân sách tính đến 15/2/2023; số quý I/2023 là số ước thực hiện.",
        ),
    )
