<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>About</name>
    <message>
        <location filename="../../hbt_desktop/ui/help.py" line="+59"/>
        <source>&lt;p&gt;&lt;b&gt;hbt-desktop&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Figures, bulletins and Decree 30 reports of the district and its wards, offline.&lt;/p&gt;&lt;p&gt;Data file: {path}&lt;br&gt;Database schema version: {schema} (this program knows up to {known})&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;hbt-desktop&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Nhập số liệu, lập bản tin và báo cáo theo Nghị định 30 của quận và các phường, không cần mạng.&lt;/p&gt;&lt;p&gt;Tệp dữ liệu: {path}&lt;br&gt;Phiên bản cấu trúc dữ liệu: {schema} (chương trình này hiểu tới {known})&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About hbt-desktop</source>
        <translation>Giới thiệu hbt-desktop</translation>
    </message>
</context>
<context>
    <name>BudgetModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/budget_model.py" line="+50"/>
        <source>Budget line</source>
        <translation>Khoản thu, chi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/budget_page.py" line="+21"/>
        <source>Each base column holds the amount assigned for the year and the share reached; type an amount to record that assigner&apos;s base.</source>
        <translation>Mỗi cột chỉ tiêu giao ghi số được giao cả năm và tỷ lệ đã đạt; gõ số tiền vào ô để ghi chỉ tiêu do nơi đó giao.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/admin/catalogue_dialog.py" line="+97"/>
        <source>Catalogue: sectors, indicators, kinds of base</source>
        <translation>Danh mục: lĩnh vực, chỉ tiêu, loại chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+14"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+6"/>
        <source>Sector</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location line="+12"/>
        <source>Retired from</source>
        <translation>Ngừng dùng từ</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of wards</source>
        <translation>Cộng từ phường</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find: part of the name, accents optional</source>
        <translation>Tìm: gõ một phần tên, có dấu hoặc không dấu đều được</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind of base</source>
        <translation>Loại chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned by</source>
        <translation>Nơi giao</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename or edit…</source>
        <translation>Đổi tên, sửa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire…</source>
        <translation>Ngừng sử dụng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use again</source>
        <translation>Dùng lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add sector…</source>
        <translation>Thêm lĩnh vực…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add indicator…</source>
        <translation>Thêm chỉ tiêu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add kind of base…</source>
        <translation>Thêm loại chỉ tiêu giao…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Indicators</source>
        <translation>&amp;Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sectors</source>
        <translation>&amp;Lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kinds of base</source>
        <translation>Loại chỉ tiêu &amp;giao</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Retire «{name}»</source>
        <translation>Ngừng sử dụng «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not used for periods from</source>
        <translation>Không dùng cho các kỳ bắt đầu từ ngày</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/completeness_model.py" line="+31"/>
        <source>Ward</source>
        <translation>Phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Mức đầy đủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still missing</source>
        <translation>Còn thiếu</translation>
    </message>
</context>
<context>
    <name>DistrictModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/district_model.py" line="+52"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Whole {unit}</source>
        <translation>Toàn {unit}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>missing {count}</source>
        <translation>thiếu {count}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sum of {count} units below.</source>
        <translation>Tổng của {count} đơn vị trực thuộc.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not yet entered by: {names}</source>
        <translation>Chưa nhập: {names}</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/district_page.py" line="+29"/>
        <source>The chosen unit has no wards in this period.</source>
        <translation>Đơn vị đang chọn không có phường trực thuộc trong kỳ này.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Completeness of the wards&apos; figures</source>
        <translation>Mức đầy đủ số liệu của các phường</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/document_page.py" line="+40"/>
        <source>Add section (Ctrl+N)</source>
        <translation>Thêm mục (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+137"/>
        <source>Remove section</source>
        <translation>Xóa mục</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parts of the d&amp;ocument</source>
        <translation>&amp;Các phần của văn bản</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+86"/>
        <source>(no heading)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Header data (number, signer, recipients…)</source>
        <translation>Thông tin chung (số, người ký, nơi nhận…)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A draft written from the figures; it is saved when you change it.</source>
        <translation>Bản nháp lập tự động từ số liệu; sẽ được lưu khi bạn sửa.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New section</source>
        <translation>Mục mới</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove the section «{heading}» and its photos?</source>
        <translation>Xóa mục «{heading}» cùng các ảnh của mục?</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/entry_model.py" line="+65"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation>Từ chỉ mức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base kind (assigned by)</source>
        <translation>Loại chỉ tiêu giao (nơi giao)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base</source>
        <translation>Chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same period last year</source>
        <translation>Cùng kỳ năm trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of base</source>
        <translation>% so chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth %</source>
        <translation>Tăng/giảm %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index %</source>
        <translation>So cùng kỳ %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Sum of {count} units below; type a figure to enter the unit&apos;s own.</source>
        <translation>Tổng của {count} đơn vị trực thuộc; gõ số vào ô để nhập số riêng của đơn vị.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No figure yet: {count} units below have not entered theirs.</source>
        <translation>Chưa có số liệu: còn {count} đơn vị trực thuộc chưa nhập.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../hbt_desktop/ui/errors.py" line="+44"/>
        <source>Something unexpected went wrong. Everything you entered before has been saved. The details are in the log file: {path}</source>
        <translation>Đã xảy ra lỗi không mong muốn. Mọi số liệu đã nhập trước đó đều đã được lưu. Chi tiết lỗi được ghi trong tệp nhật ký: {path}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>hbt-desktop</source>
        <translation>hbt-desktop</translation>
    </message>
</context>
<context>
    <name>FigurePicker</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/figure_picker.py" line="+71"/>
        <source>Insert a figure</source>
        <translation>Chèn số liệu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type part of the name, accents optional</source>
        <translation>Gõ một phần tên chỉ tiêu, có dấu hoặc không dấu đều được</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of a base (đạt …% so với …)</source>
        <translation>Tỷ lệ so với chỉ tiêu giao (đạt …% so với …)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth against last year (tăng …%)</source>
        <translation>Tăng/giảm so với cùng kỳ (tăng …%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index against last year (bằng …%)</source>
        <translation>Chỉ số so với cùng kỳ (bằng …%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period of the figure</source>
        <translation>Kỳ của số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period, capitalised to open a sentence</source>
        <translation>Kỳ của số liệu, viết hoa ở đầu câu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Short name of the base (dự toán)</source>
        <translation>Ghi tên ngắn của chỉ tiêu giao (dự toán)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Insert</source>
        <translation>Chèn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Period</source>
        <translation>&amp;Kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wording</source>
        <translation>&amp;Cách viết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base</source>
        <translation>Chỉ tiêu &amp;giao</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It will read:</source>
        <translation>Sẽ đọc là:</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>No indicator matches.</source>
        <translation>Không có chỉ tiêu nào khớp.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../hbt_desktop/ui/admin/forms.py" line="+90"/>
        <location line="+23"/>
        <location line="+78"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+101"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+25"/>
        <location line="+85"/>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Full name (as printed)</source>
        <translation>Tên đầy đủ (như khi in)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short name</source>
        <translation>Tên ngắn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned by</source>
        <translation>Nơi giao</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Money (đồng)</source>
        <translation>Tiền (đồng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number (people, cases…)</source>
        <translation>Số lượng (người, vụ…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate in percent</source>
        <translation>Tỷ lệ phần trăm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth rate in percent</source>
        <translation>Tốc độ tăng (phần trăm)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The district figure is the sum of its wards</source>
        <translation>Số của quận là tổng số của các phường</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>share of a base</source>
        <translation>tỷ lệ so chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>growth</source>
        <translation>tăng/giảm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>index</source>
        <translation>chỉ số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k of n</source>
        <translation>k/n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>percentage points</source>
        <translation>điểm phần trăm</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sector</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimals of the figure</source>
        <translation>Số chữ số thập phân của số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimals of percentages</source>
        <translation>Số chữ số thập phân của tỷ lệ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparisons</source>
        <translation>Cách so sánh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money written as</source>
        <translation>Cách viết số tiền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Add a sector</source>
        <translation>Thêm lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename a sector</source>
        <translation>Đổi tên lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an indicator</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit an indicator</source>
        <translation>Sửa chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a kind of base</source>
        <translation>Thêm loại chỉ tiêu giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a kind of base</source>
        <translation>Sửa loại chỉ tiêu giao</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/grid_model.py" line="+151"/>
        <source>Edit of {count} cells</source>
        <translation>Sửa {count} ô</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Delete {count} cells</source>
        <translation>Xóa {count} ô</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/pages.py" line="+78"/>
        <source>Find an indicator: type part of its name, accents optional (Ctrl+F)</source>
        <translation>Tìm chỉ tiêu: gõ một phần tên, có dấu hoặc không dấu đều được (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/help.py" line="-33"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The user guide file is missing from this installation.</source>
        <translation>Bản cài đặt này thiếu tệp hướng dẫn sử dụng.</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/header_form.py" line="+59"/>
        <source>Dated</source>
        <translation>Có ngày</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bulletin</source>
        <translation>Bản tin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Masthead</source>
        <translation>Tên bản tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue line</source>
        <translation>Dòng số phát hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation>Tiêu đề bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead</source>
        <translation>Sa-pô</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report (Decree 30)</source>
        <translation>Báo cáo (Nghị định 30)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introduction</source>
        <translation>Phần mở đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing authority (one per line)</source>
        <translation>Quyền hạn ký (mỗi dòng một ý)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hbt_desktop/ui/main_window.py" line="+52"/>
        <source>hbt-desktop — figures, bulletins and reports</source>
        <translation>hbt-desktop — số liệu, bản tin và báo cáo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter figures</source>
        <translation>Nhập số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By ward</source>
        <translation>Theo phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>Ngân sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the bulletin</source>
        <translation>Viết bản tin, báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview and print</source>
        <translation>Xem trước và in</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a reporting period…</source>
        <translation>Thêm kỳ báo cáo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as &amp;PDF…</source>
        <translation>Lưu thành tệp &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Find an indicator</source>
        <translation>&amp;Tìm chỉ tiêu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Build the preview</source>
        <translation>Tạo bản xem trước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Catalogue</source>
        <translation>&amp;Danh mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sectors, indicators and bases…</source>
        <translation>Lĩnh vực, chỉ tiêu và chỉ tiêu giao…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrative units and mergers…</source>
        <translation>Đơn vị hành chính và sáp nhập…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About hbt-desktop</source>
        <translation>Giới thiệu hbt-desktop</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>hbt-desktop — {where}</source>
        <translation>hbt-desktop — {where}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data file: {path}</source>
        <translation>Tệp dữ liệu: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing saved yet</source>
        <translation>Chưa lưu thay đổi nào</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last change saved at {time}</source>
        <translation>Thay đổi gần nhất đã lưu lúc {time}</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/paste.py" line="+97"/>
        <source>Nothing was pasted: {count} of {cells} cells cannot be read. First, row {row}, «{column}»: {why}</source>
        <translation>Chưa dán gì: {count}/{cells} ô không đọc được. Ô đầu tiên, dòng {row}, cột «{column}»: {why}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Paste of {count} cells</source>
        <translation>Dán {count} ô</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was pasted: {why}</source>
        <translation>Chưa dán gì: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pasted {count} cells.</source>
        <translation>Đã dán {count} ô.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/period_dialog.py" line="+46"/>
        <source>Add a reporting period</source>
        <translation>Thêm kỳ báo cáo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First months of the year</source>
        <translation>Các tháng đầu năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last months of the year</source>
        <translation>Các tháng cuối năm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Figures counted up to a date (cut-off)</source>
        <translation>Số liệu tính đến một ngày</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>or type it, e.g. quý I/2023, tính đến 15/2/2023</source>
        <translation>hoặc gõ tên kỳ, ví dụ: quý I/2023, tính đến 15/2/2023</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Kind</source>
        <translation>&amp;Kiểu kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Year</source>
        <translation>&amp;Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number</source>
        <translation>&amp;Số</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cut-off date</source>
        <translation>Ngày &amp;tính đến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>Hoặc &amp;gõ tên kỳ</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The period will be named: {name}</source>
        <translation>Tên kỳ sẽ là: {name}</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/photos_panel.py" line="+47"/>
        <source>Caption of the selected photo</source>
        <translation>Chú thích của ảnh đang chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add photo…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+113"/>
        <source>Remove photo</source>
        <translation>Xóa ảnh</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Photos of this section</source>
        <translation>Ảnh của mục này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capt&amp;ion</source>
        <translation>C&amp;hú thích ảnh</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Choose a photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Remove the photo «{caption}» from the document?</source>
        <translation>Xóa ảnh «{caption}» khỏi văn bản?</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../hbt_desktop/ui/preview/preview_page.py" line="+52"/>
        <source>Bulletin</source>
        <translation>Bản tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report (Decree 30)</source>
        <translation>Báo cáo (Nghị định 30)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build preview (F5)</source>
        <translation>Tạo bản xem trước (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print… (Ctrl+P)</source>
        <translation>In… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Lưu thành tệp PDF…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Actual size</source>
        <translation>Cỡ thật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole page</source>
        <translation>Cả trang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Docu&amp;ment:</source>
        <translation>Loại văn &amp;bản:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The figures or the text changed: press F5 to build again.</source>
        <translation>Số liệu hoặc nội dung đã thay đổi: nhấn F5 để tạo lại.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Building…</source>
        <translation>Đang tạo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Building the document…</source>
        <translation>Đang tạo văn bản…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{document}, {period}: {pages} pages, data fingerprint {fingerprint}.</source>
        <translation>{document}, {period}: {pages} trang, mã số liệu {fingerprint}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent {pages} pages to the printer.</source>
        <translation>Đã gửi {pages} trang tới máy in.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as PDF</source>
        <translation>Lưu thành tệp PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved {path}.</source>
        <translation>Đã lưu {path}.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../hbt_desktop/ui/qt_strings.py" line="+35"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="+9"/>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Qt</source>
        <translation>Giới thiệu Qt</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-37"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t Save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without Saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to All</source>
        <translation>Có với tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No to All</source>
        <translation>Không với tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <location line="+19"/>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PgUp</source>
        <translation>PgUp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PgDown</source>
        <translation>PgDown</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="-20"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/section_editor.py" line="+68"/>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsection</source>
        <translation>Mục con</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the bulletin</source>
        <translation>In trong bản tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the report</source>
        <translation>In trong báo cáo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insert figure… (Ctrl+K)</source>
        <translation>Chèn số liệu… (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hea&amp;ding</source>
        <translation>T&amp;iêu đề</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Text (figures are placeholders)</source>
        <translation>&amp;Nội dung (số liệu là các chỗ đặt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Preview with today&apos;s figures</source>
        <translation>Xem trước với số liệu hiện có</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placeholders without a figure</source>
        <translation>Chỗ đặt chưa có số liệu</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Every placeholder has a figure.</source>
        <translation>Mọi chỗ đặt đều đã có số liệu.</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <location filename="../../hbt_desktop/ui/pickers.py" line="+58"/>
        <source>Add period…</source>
        <translation>Thêm kỳ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sector (&amp;L):</source>
        <translation>&amp;Lĩnh vực:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>All sectors</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/help.py" line="+33"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language of the interface</source>
        <translation>&amp;Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures and documents are always written in Vietnamese.</source>
        <translation>Số liệu và văn bản luôn được viết bằng tiếng Việt.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../hbt_desktop/ui/admin/units_dialog.py" line="+89"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics code</source>
        <translation>Mã thống kê</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (without «phường», «quận»)</source>
        <translation>Tên (không ghi «phường», «quận»)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belongs to</source>
        <translation>Trực thuộc</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>now</source>
        <translation>nay</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit a unit</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until (last day)</source>
        <translation>Hiệu lực đến hết ngày</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Record a merger</source>
        <translation>Ghi nhận sáp nhập</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Effective from</source>
        <translation>Có hiệu lực từ ngày</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Predecessor</source>
        <translation>Đơn vị trước sáp nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole or part</source>
        <translation>Toàn bộ hay một phần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share (0–1) for a part</source>
        <translation>Tỷ lệ (0–1) nếu một phần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends the day before</source>
        <translation>Kết thúc từ ngày hôm trước</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>whole</source>
        <translation>toàn bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>part</source>
        <translation>một phần</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>predecessors</source>
        <translation>đơn vị trước sáp nhập</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location line="+20"/>
        <source>Administrative units</source>
        <translation>Đơn vị hành chính</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Hiệu lực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made from</source>
        <translation>Hình thành từ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add unit…</source>
        <translation>Thêm đơn vị…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a merger…</source>
        <translation>Ghi nhận sáp nhập…</translation>
    </message>
</context>
</TS>
