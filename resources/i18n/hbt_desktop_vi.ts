<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>About</name>
    <message>
        <location filename="../../hbt_desktop/ui/help.py" line="+62"/>
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
    <name>AccountsDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/accounts_dialog.py" line="+41"/>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log-in name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add an account…</source>
        <translation>&amp;Thêm tài khoản…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the &amp;password…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add an account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed under the signature, e.g. PHÓ CHỦ TỊCH</source>
        <translation>in dưới chữ ký, ví dụ PHÓ CHỦ TỊCH</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log-in name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>Chức vụ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>New password for {login}</source>
        <translation>Mật khẩu mới cho {login}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../hbt_desktop/ui/app.py" line="+123"/>
        <source>Open the file read-only, to look at the figures without changing them?</source>
        <translation>Mở tệp ở chế độ chỉ đọc, để xem số liệu mà không sửa?</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This file holds the demo data, to show what the program does: do not enter real figures here. To enter your own unit&apos;s figures, start with an empty data file (the units and the catalogue of indicators are kept).</source>
        <translation>Tệp này đang chứa dữ liệu mẫu để xem chương trình làm được gì: đừng nhập số liệu thật vào đây. Muốn nhập số liệu của đơn vị mình, hãy bắt đầu với một tệp dữ liệu trống (vẫn giữ danh sách đơn vị và danh mục chỉ tiêu).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start with an empty file…</source>
        <translation>Bắt đầu với tệp trống…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Backing up the data file…</source>
        <translation>Đang sao lưu tệp dữ liệu…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Replace everything in {path} (the demo data and anything added to it) with an empty data file that has only the units and the catalogue of indicators? The current file is backed up first, so it can be restored.</source>
        <translation>Thay toàn bộ nội dung của {path} (dữ liệu mẫu và mọi thứ đã thêm vào) bằng một tệp dữ liệu trống chỉ có danh sách đơn vị và danh mục chỉ tiêu? Tệp hiện tại được sao lưu trước nên vẫn khôi phục lại được.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start with an empty file</source>
        <translation>Bắt đầu với tệp trống</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Started with an empty data file: the units and the catalogue only. The demo data is kept in the backup {backup}.</source>
        <translation>Đã bắt đầu với tệp dữ liệu trống: chỉ có danh sách đơn vị và danh mục chỉ tiêu. Dữ liệu mẫu được giữ trong bản sao lưu {backup}.</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <location filename="../../hbt_desktop/ui/backup/backup_list.py" line="+28"/>
        <source>damaged, cannot be restored</source>
        <translation>bị hỏng, không khôi phục được</translation>
    </message>
</context>
<context>
    <name>BudgetModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/budget_model.py" line="+52"/>
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
        <location filename="../../hbt_desktop/ui/admin/catalogue_dialog.py" line="+98"/>
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
        <location line="+65"/>
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
    <name>CellHistoryDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/history_dialog.py" line="+54"/>
        <source>file number {number}</source>
        <translation>tệp số {number}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>History of a figure</source>
        <translation>Lịch sử của một số liệu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>base: {kind}</source>
        <translation>chỉ tiêu giao: {kind}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Ai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How</source>
        <translation>Bằng cách nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No change of this figure is recorded: it was never entered here.</source>
        <translation>Chưa có thay đổi nào của số liệu này: nó chưa từng được nhập ở đây.</translation>
    </message>
</context>
<context>
    <name>CompletenessDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/completeness_dialog.py" line="+59"/>
        <source>Completeness of the wards&apos; figures</source>
        <translation>Tình hình gửi số liệu của các phường</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wards of {district}</source>
        <translation>Các phường thuộc {district}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward</source>
        <translation>Phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First sent</source>
        <translation>Gửi lần đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sent</source>
        <translation>Gửi lần cuối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest file</source>
        <translation>Tệp gần nhất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing values</source>
        <translation>Số liệu còn thiếu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open the review</source>
        <translation>&amp;Mở màn hình xem xét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;PDF…</source>
        <translation>Lưu thành tệp &amp;PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Deadline {deadline}. Sent: {sent} of {count} wards, {late} late; complete: {complete}.</source>
        <translation>Hạn gửi {deadline}. Đã gửi: {sent}/{count} phường, muộn {late}; đủ số liệu: {complete}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>overdue, not sent</source>
        <translation>quá hạn, chưa gửi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not sent yet</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on time</source>
        <translation>đúng hạn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>late</source>
        <translation>muộn</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Save as PDF</source>
        <translation>Lưu thành tệp PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {path}.</source>
        <translation>Đã lưu {path}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent {pages} pages to the printer.</source>
        <translation>Đã gửi {pages} trang tới máy in.</translation>
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
        <location filename="../../hbt_desktop/ui/entry/district_model.py" line="+54"/>
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
        <location line="+50"/>
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
    <name>DocumentFiles</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/file_actions.py" line="+51"/>
        <source>Complete document, with photos (*.zip)</source>
        <translation>Văn bản đầy đủ, kèm ảnh (*.zip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text form, to edit in any editor (*.txt)</source>
        <translation>Dạng chữ, sửa được bằng mọi trình soạn thảo (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete document as one JSON file (*.json)</source>
        <translation>Văn bản đầy đủ trong một tệp JSON (*.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export the document of {unit}, {period}</source>
        <translation>Xuất văn bản của {unit}, {period}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exporting the document…</source>
        <translation>Đang xuất văn bản…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export document</source>
        <translation>Xuất văn bản</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import a document into {unit}, {period}</source>
        <translation>Nhập văn bản vào {unit}, {period}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Documents (*.txt *.zip *.json)</source>
        <translation>Văn bản (*.txt *.zip *.json)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the document file…</source>
        <translation>Đang đọc tệp văn bản…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{summary}

A backup of the data file is made first, so the document as it is now can be restored. Import the file?</source>
        <translation>{summary}

Tệp dữ liệu được sao lưu trước, nên văn bản hiện nay vẫn khôi phục lại được. Nhập tệp này?</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Import document</source>
        <translation>Nhập văn bản</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/document_page.py" line="+48"/>
        <source>Add section (Ctrl+N)</source>
        <translation>Thêm mục (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+168"/>
        <source>Remove section</source>
        <translation>Xóa mục</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export document…</source>
        <translation>Xuất văn bản…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this document (header, sections, photos) to a file for another unit, period or computer</source>
        <translation>Lưu văn bản này (thông tin chung, các mục, ảnh) ra tệp để dùng cho đơn vị, kỳ hoặc máy khác</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import document…</source>
        <translation>Nhập văn bản…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace this document with one from a file (.txt, .zip or .json); a backup is made first</source>
        <translation>Thay văn bản này bằng văn bản trong một tệp (.txt, .zip hoặc .json); dữ liệu được sao lưu trước</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check the document (Ctrl+Shift+K)</source>
        <translation>Kiểm tra văn bản (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Parts of the d&amp;ocument</source>
        <translation>&amp;Các phần của văn bản</translation>
    </message>
    <message>
        <location line="+51"/>
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
    <message>
        <location line="+44"/>
        <source>Nothing to fix: both documents can be printed as they stand.</source>
        <translation>Không có gì cần sửa: cả bản tin và báo cáo đều in được như hiện có.</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/entry_model.py" line="+70"/>
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
        <location line="+71"/>
        <source>Returned by the district ({who}, {when}): {reason}</source>
        <translation>Quận trả lại ({who}, {when}): {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The district returned the figures of this period: {reason} — {count} figures are marked in orange (point at one to read why). Correct them and send the figures again (Exchange menu).</source>
        <translation>Quận đã trả lại số liệu kỳ này: {reason} — {count} số liệu được tô màu cam (trỏ chuột vào ô để đọc lý do). Hãy sửa rồi gửi lại số liệu (menu Trao đổi).</translation>
    </message>
    <message>
        <location line="+135"/>
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
        <location filename="../../hbt_desktop/ui/errors.py" line="+43"/>
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
    <name>Exchange</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/exchange_flow.py" line="+125"/>
        <source>Send the figures of {unit}, {period} to the district</source>
        <translation>Gửi số liệu của {unit}, {period} cho quận</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Figures sent</source>
        <translation>Đã ghi tệp số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written {path}: {values} figures and {documents} report texts of {period} (file number {sequence}). Take it to the district on a USB stick or send it by e-mail. If it is the first file the district gets from this office, read them this key fingerprint by telephone: {fingerprint}</source>
        <translation>Đã ghi tệp {path}: {values} số liệu và {documents} bài viết của {period} (tệp số {sequence}). Hãy chép tệp vào USB mang lên quận hoặc gửi qua thư điện tử. Nếu đây là tệp đầu tiên quận nhận từ đơn vị mình, hãy đọc cho quận qua điện thoại mã nhận dạng khóa này: {fingerprint}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open the file returned by the district</source>
        <translation>Mở tệp quận trả lại</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Returned by the district</source>
        <translation>Quận trả lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The district returned the figures with {count} reasons. The figures concerned are marked in orange on the entry screen; correct them and send the figures again.</source>
        <translation>Quận trả lại số liệu kèm {count} lý do. Các số liệu liên quan được tô màu cam trên màn hình nhập số liệu; hãy sửa rồi gửi lại số liệu.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Received before</source>
        <translation>Đã nhận trước đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file was received before; nothing changed. Its review opens again.</source>
        <translation>Tệp này đã được nhận trước đây; không có gì thay đổi. Màn hình xem xét của tệp được mở lại.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Receive figures from a ward</source>
        <translation>Nhận số liệu từ phường</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Signing the file…</source>
        <translation>Đang ký và ghi tệp…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reading the returned file…</source>
        <translation>Đang đọc tệp quận trả lại…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Checking the ward&apos;s file…</source>
        <translation>Đang kiểm tra tệp của phường…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This workstation&apos;s key</source>
        <translation>Khóa của máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fingerprint of this workstation&apos;s key is:

{fingerprint}

Read it to the other office by telephone when they receive your first file. Save the key file too, to give it to them on a USB stick?</source>
        <translation>Mã nhận dạng khóa của máy này là:

{fingerprint}

Hãy đọc mã này qua điện thoại cho đơn vị kia khi họ nhận tệp đầu tiên của mình. Có lưu cả tệp khóa để chép vào USB đưa cho họ không?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the key file</source>
        <translation>Lưu tệp khóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Key files (*.key)</source>
        <translation>Tệp khóa (*.key)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Record another office&apos;s key file</source>
        <translation>Ghi nhận tệp khóa của đơn vị khác</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key recorded</source>
        <translation>Đã ghi nhận khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key of {unit} is recorded (fingerprint {fingerprint}).</source>
        <translation>Đã ghi nhận khóa của {unit} (mã nhận dạng {fingerprint}).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export an entry sheet for {unit}, {period}</source>
        <translation>Xuất sổ Excel nhập số liệu cho {unit}, {period}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+31"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+47"/>
        <location line="+9"/>
        <source>Entry sheet</source>
        <translation>Sổ Excel nhập số liệu</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Written {path} with {count} indicators. Fill in the three yellow columns, then import it back (Exchange menu).</source>
        <translation>Đã ghi {path} gồm {count} chỉ tiêu. Hãy điền ba cột nền vàng, rồi nhập lại (menu Trao đổi).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing the entry sheet…</source>
        <translation>Đang ghi sổ nhập số liệu…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a filled-in entry sheet</source>
        <translation>Nhập sổ Excel đã điền</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the entry sheet…</source>
        <translation>Đang đọc sổ nhập số liệu…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{summary}

Take only the valid rows now, and correct the others later?</source>
        <translation>{summary}

Lấy ngay các dòng đúng, còn các dòng sai sửa sau?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Old Vietnamese fonts</source>
        <translation>Phông chữ tiếng Việt cũ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{preview}

Import the file with the converted text?</source>
        <translation>{preview}

Nhập tệp với chữ đã chuyển sang Unicode?</translation>
    </message>
</context>
<context>
    <name>FigurePicker</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/figure_picker.py" line="+75"/>
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
        <location line="+122"/>
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
        <location filename="../../hbt_desktop/ui/entry/grid_model.py" line="+183"/>
        <source>Approved by {name} at {when}: the figures of {unit} for {period} are locked and cannot be changed. To change them, the leader unlocks them with a reason (Sign-off menu).</source>
        <translation>{name} đã phê duyệt lúc {when}: số liệu của {unit} cho {period} đã được khóa, không sửa được. Muốn sửa, lãnh đạo mở khóa và ghi rõ lý do (menu Phê duyệt).</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../../hbt_desktop/ui/entry/pages.py" line="+84"/>
        <source>Find an indicator: type part of its name, accents optional (Ctrl+F)</source>
        <translation>Tìm chỉ tiêu: gõ một phần tên, có dấu hoặc không dấu đều được (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>This cell is not a stored figure. Choose a figure, its base or last year&apos;s figure to see its history.</source>
        <translation>Ô này không phải một số liệu được lưu. Hãy chọn ô số liệu, chỉ tiêu giao hoặc số cùng kỳ năm trước để xem lịch sử.</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/grid_view.py" line="+172"/>
        <source>&amp;History of this figure…</source>
        <translation>&amp;Lịch sử số liệu này…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/help.py" line="-35"/>
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
        <location filename="../../hbt_desktop/ui/document/header_form.py" line="+61"/>
        <source>Dated</source>
        <translation>Có ngày</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Empty: the unit&apos;s own name (Decree 30)</source>
        <translation>Để trống: tên của chính đơn vị (Nghị định 30)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the program&apos;s sentence; {{ phu_luc }} lists the appendices</source>
        <translation>Để trống: «Số liệu chi tiết tại {{ phu_luc }} kèm theo.»; {{ phu_luc }} là danh sách phụ lục</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Addressees (one per line)</source>
        <translation>Kính gửi (mỗi nơi một dòng)</translation>
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
    <message>
        <location line="+1"/>
        <source>Sentence pointing to the appendices</source>
        <translation>Câu dẫn tới phụ lục</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/imports_dialog.py" line="+32"/>
        <source>Files received from the wards</source>
        <translation>Các tệp đã nhận từ phường</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ward</source>
        <translation>Phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File number</source>
        <translation>Tệp số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periods</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open the review</source>
        <translation>&amp;Mở màn hình xem xét</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/login_dialog.py" line="+33"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Account:</source>
        <translation>&amp;Tài khoản:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hbt_desktop/ui/main_window.py" line="+78"/>
        <source>hbt-desktop — figures, bulletins and reports</source>
        <translation>hbt-desktop — số liệu, bản tin và báo cáo</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+125"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a reporting period…</source>
        <translation>Thêm kỳ báo cáo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;as PDF or Word…</source>
        <translation>&amp;Lưu thành tệp PDF hoặc Word…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>&amp;History of this figure…</source>
        <translation>&amp;Lịch sử số liệu này…</translation>
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
        <location line="+4"/>
        <source>Administrative units and mergers…</source>
        <translation>Đơn vị hành chính và sáp nhập…</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+41"/>
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
    <message>
        <location line="+95"/>
        <source>Backed up: {summary}</source>
        <translation>Đã sao lưu: {summary}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backing up the data file…</source>
        <translation>Đang sao lưu tệp dữ liệu…</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../hbt_desktop/ui/notices.py" line="+61"/>
        <source>Close this notice</source>
        <translation>Đóng thông báo này</translation>
    </message>
</context>
<context>
    <name>OfficeActions</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/actions.py" line="+86"/>
        <source>E&amp;xchange</source>
        <translation>T&amp;rao đổi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send figures to the district…</source>
        <translation>Gửi số liệu cho quận…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a file returned by the district…</source>
        <translation>Mở tệp quận trả lại…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Figures returned by the district…</source>
        <translation>Số liệu quận trả lại…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receive figures from a ward…</source>
        <translation>Nhận số liệu từ phường…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files received from the wards…</source>
        <translation>Các tệp đã nhận từ phường…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Completeness of the wards&apos; figures…</source>
        <translation>Tình hình gửi số liệu của các phường…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export an entry sheet (.xlsx)…</source>
        <translation>Xuất sổ Excel nhập số liệu (.xlsx)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a filled-in entry sheet…</source>
        <translation>Nhập sổ Excel đã điền…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This workstation&apos;s key…</source>
        <translation>Khóa của máy này…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record another office&apos;s key file…</source>
        <translation>Ghi nhận tệp khóa của đơn vị khác…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Sign-off</source>
        <translation>&amp;Phê duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;in…</source>
        <translation>Đăng &amp;nhập…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as &amp;checked</source>
        <translation>Xác nhận đã &amp;kiểm tra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Approve and lock…</source>
        <translation>Phê &amp;duyệt và khóa…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unlock…</source>
        <translation>&amp;Mở khóa…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts…</source>
        <translation>Tài khoản…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation set-up…</source>
        <translation>Thiết lập máy…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Workstation not set up</source>
        <translation>Máy chưa được thiết lập</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ward office: {unit}</source>
        <translation>Máy của phường: {unit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District: {unit}</source>
        <translation>Máy của quận: {unit}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not signed in ({user})</source>
        <translation>Chưa đăng nhập ({user})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in: {name} ({role})</source>
        <translation>Đăng nhập: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>Offices</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/common.py" line="+26"/>
        <source>preparer</source>
        <translation>người lập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checker</source>
        <translation>người kiểm tra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leader</source>
        <translation>lãnh đạo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>typed</source>
        <translation>gõ vào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pasted</source>
        <translation>dán vào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported from a file</source>
        <translation>nhập từ tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undone</source>
        <translation>hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rolled back</source>
        <translation>hoàn tác gói số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted from a ward&apos;s file</source>
        <translation>nhận từ tệp của phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entry sheet</source>
        <translation>sổ Excel nhập số liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there before the history began</source>
        <translation>có từ trước khi ghi nhật ký</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <location filename="../../hbt_desktop/ui/entry/paste.py" line="+96"/>
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
        <source>Save as…</source>
        <translation>Lưu thành tệp…</translation>
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
        <location line="+57"/>
        <source>The figures or the text changed: press F5 to build again.</source>
        <translation>Số liệu hoặc nội dung đã thay đổi: nhấn F5 để tạo lại.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Building…</source>
        <translation>Đang tạo…</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word documents (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as</source>
        <translation>Lưu thành tệp</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <name>ReasonDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/common.py" line="+64"/>
        <source>Write the reason: the other side will read it.</source>
        <translation>Hãy ghi lý do: bên kia sẽ đọc lý do này.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/backup/recovery_dialog.py" line="+31"/>
        <source>The data file cannot be used as it is</source>
        <translation>Tệp dữ liệu không dùng được như hiện tại</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the backup to restore (the newest good one is chosen already), start with an empty data file, or quit and ask for help. The damaged file is kept beside the new one in every case.</source>
        <translation>Hãy chọn bản sao lưu để khôi phục (bản tốt gần nhất đã được chọn sẵn), bắt đầu với tệp dữ liệu trống, hoặc thoát để nhờ hỗ trợ. Dù chọn cách nào, tệp hỏng vẫn được giữ lại bên cạnh tệp mới.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Restore the chosen backup</source>
        <translation>&amp;Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;empty</source>
        <translation>Bắt đầu tệp &amp;trống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Start with an empty data file? The figures of the damaged file will not be in it; the damaged file itself is kept, so nothing is deleted.</source>
        <translation>Bắt đầu với tệp dữ liệu trống? Số liệu của tệp hỏng sẽ không có trong đó; tệp hỏng vẫn được giữ lại, nên không có gì bị xóa.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/backup/restore_dialog.py" line="+49"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each backup is a complete copy of the data file, made when the program started or closed, before an import, or on request. Restoring puts the chosen copy in place of the current data. The current data is backed up first, so a restore can itself be undone.</source>
        <translation>Mỗi bản sao lưu là một bản chép đầy đủ của tệp dữ liệu, được tạo khi mở hoặc đóng chương trình, trước khi nhập tệp, hoặc theo yêu cầu. Khôi phục là đặt bản đã chọn vào chỗ dữ liệu hiện tại. Dữ liệu hiện tại được sao lưu trước, nên việc khôi phục cũng có thể hoàn tác.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups are kept in: {folders}</source>
        <translation>Bản sao lưu được giữ ở: {folders}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There are no backups of this data file yet.</source>
        <translation>Tệp dữ liệu này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another &amp;file…</source>
        <translation>Tệp &amp;khác…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Restore the backup of {what}? Figures entered after it was made will be replaced by the backup&apos;s; the current data is backed up first.</source>
        <translation>Khôi phục bản sao lưu {what}? Số liệu nhập sau lúc đó sẽ được thay bằng số liệu của bản sao lưu; dữ liệu hiện tại được sao lưu trước.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hbt-desktop data files (*.db)</source>
        <translation>Tệp dữ liệu hbt-desktop (*.db)</translation>
    </message>
</context>
<context>
    <name>ReturnedDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/returned_dialog.py" line="+30"/>
        <source>Returned by the district</source>
        <translation>Quận trả lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{unit}, {period}: the district&apos;s reasons not yet answered</source>
        <translation>{unit}, {period}: các lý do quận trả lại chưa được trả lời</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returned by</source>
        <translation>Người trả lại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The whole file</source>
        <translation>Cả tệp</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing returned is waiting for an answer.</source>
        <translation>Không có số liệu bị trả lại nào đang chờ trả lời.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/review_dialog.py" line="+67"/>
        <source>Review of a ward&apos;s figures</source>
        <translation>Xem xét số liệu của phường</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Reject the chosen values…</source>
        <translation>&amp;Từ chối các số liệu đã chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Take back the rejection</source>
        <translation>&amp;Bỏ từ chối</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Accept</source>
        <translation>&amp;Chấp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to the &amp;ward…</source>
        <translation>Trả lại &amp;phường…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;oll back…</source>
        <translation>&amp;Hoàn tác…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Figures from {unit}</source>
        <translation>Số liệu của {unit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{periods} · file number {sequence}, made {created}, received {received} · {state}</source>
        <translation>{periods} · tệp số {sequence}, lập lúc {created}, nhận lúc {received} · {state}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{new} new, {changed} changed, {unchanged} unchanged, {conflict} in conflict with the district&apos;s own figures.</source>
        <translation>{new} mới, {changed} thay đổi, {unchanged} không đổi, {conflict} xung đột với số liệu quận đã tự sửa.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>With the ward&apos;s report text for {count} periods ({photos} photos); it is taken with the figures.</source>
        <translation>Kèm bài viết của phường cho {count} kỳ ({photos} ảnh); bài viết được nhận cùng số liệu.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Accept all but {count} rejected</source>
        <translation>&amp;Chấp nhận, trừ {count} số liệu bị từ chối</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept all</source>
        <translation>&amp;Chấp nhận tất cả</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reject values</source>
        <translation>Từ chối số liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why are these {count} values rejected? The ward reads the reason on each of them if the file is returned.</source>
        <translation>Vì sao từ chối {count} số liệu này? Nếu tệp được trả lại, phường sẽ đọc lý do ở từng số liệu.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{state}: {written} figures stored, {rejected} rejected. The district&apos;s totals include them now.</source>
        <translation>{state}: đã ghi {written} số liệu, từ chối {rejected}. Số tổng của quận đã tính các số liệu này.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Storing the accepted figures…</source>
        <translation>Đang ghi các số liệu đã chấp nhận…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Return the file to the ward</source>
        <translation>Trả lại tệp cho phường</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why is the file returned? The ward sees this reason, and the reasons of the values rejected here, on its figures.</source>
        <translation>Vì sao trả lại tệp? Phường sẽ thấy lý do này, cùng lý do của các số liệu bị từ chối ở đây, ngay trên số liệu của mình.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the returned file for the ward</source>
        <translation>Lưu tệp trả lại cho phường</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hbt-desktop exchange files (*.hbt)</source>
        <translation>Tệp trao đổi hbt-desktop (*.hbt)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Returned. Give the file {path} to {unit} (USB stick or e-mail); its figures were not taken.</source>
        <translation>Đã trả lại. Hãy chuyển tệp {path} cho {unit} (USB hoặc thư điện tử); số liệu của tệp chưa được nhận.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signing the returned file…</source>
        <translation>Đang ký và ghi tệp trả lại…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>Roll back the accepted file</source>
        <translation>Hoàn tác tệp đã chấp nhận</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Every figure this file changed goes back to what it was before it was accepted. Why?</source>
        <translation>Mọi số liệu tệp này đã thay đổi sẽ trở lại như trước khi chấp nhận. Lý do?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put back the figures as they were before this file was accepted?</source>
        <translation>Đưa số liệu trở lại như trước khi chấp nhận tệp này?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rolled back: {count} figures are as they were.</source>
        <translation>Đã hoàn tác: {count} số liệu đã trở lại như cũ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Putting the figures back…</source>
        <translation>Đang đưa số liệu về như cũ…</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/review_model.py" line="+32"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compared with the district</source>
        <translation>So với số của quận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District holds</source>
        <translation>Quận đang có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward sends</source>
        <translation>Phường gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>to reject: {reason}</source>
        <translation>sẽ từ chối: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rejected: {reason}</source>
        <translation>đã từ chối: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>returned: {reason}</source>
        <translation>trả lại: {reason}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The district changed or entered this figure itself since the ward&apos;s last file (the ward last sent: {last}). Accepting takes the ward&apos;s figure instead of the district&apos;s.</source>
        <translation>Quận đã tự nhập hoặc sửa số liệu này sau tệp trước của phường (lần trước phường gửi: {last}). Chấp nhận sẽ lấy số của phường thay cho số của quận.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The ward changed its figure: {old} → {new}.</source>
        <translation>Phường đã sửa số liệu: {old} → {new}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The district has no figure here yet.</source>
        <translation>Quận chưa có số liệu này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same figure as the district holds: nothing changes.</source>
        <translation>Giống số quận đang có: không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../hbt_desktop/ui/document/section_editor.py" line="+70"/>
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
        <source>To fix before printing</source>
        <translation>Cần sửa trước khi in</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Nothing to fix: every placeholder prints a figure of its period.</source>
        <translation>Không có gì cần sửa: mọi chỗ đặt đều in số liệu đúng kỳ của nó.</translation>
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
        <location filename="../../hbt_desktop/ui/help.py" line="+35"/>
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
    <name>SetupDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/setup_dialog.py" line="+50"/>
        <source>Set up this workstation</source>
        <translation>Thiết lập máy này</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Set up</source>
        <translation>&amp;Thiết lập</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Is this computer a ward office&apos;s or the district&apos;s? A ward office enters and sends only its own ward&apos;s figures; the district receives the wards&apos; files, reviews them and approves the figures. Changing this later is an administrator&apos;s task.</source>
        <translation>Máy tính này là máy của phường hay của quận? Máy của phường chỉ nhập và gửi số liệu của phường mình; máy của quận nhận tệp của các phường, xem xét và phê duyệt số liệu. Về sau, chỉ quản trị viên mới đổi được thiết lập này.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A &amp;ward office</source>
        <translation>Máy của &amp;phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;district</source>
        <translation>Máy của &amp;quận</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This workstation is:</source>
        <translation>Máy này là:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First account (optional): the administrator</source>
        <translation>Tài khoản đầu tiên (không bắt buộc): quản trị viên</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>letters and digits, e.g. lan.nt</source>
        <translation>chữ không dấu và số, ví dụ lan.nt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Log-in name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With accounts, each person signs in, the history of every figure names them, and only a leader can approve and unlock figures.</source>
        <translation>Khi có tài khoản, mỗi người đăng nhập, lịch sử của từng số liệu ghi rõ tên người sửa, và chỉ lãnh đạo mới phê duyệt, mở khóa được số liệu.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau; hãy nhập lại.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>This workstation is now the ward office of {unit}. The key that signs its files has this fingerprint; when the district receives your first file, read it to them by telephone (or give them the key file: Exchange menu).</source>
        <translation>Máy này giờ là máy của {unit}. Khóa ký các tệp của máy có mã nhận dạng dưới đây; khi quận nhận tệp đầu tiên, hãy đọc mã này cho quận qua điện thoại (hoặc đưa quận tệp khóa: menu Trao đổi).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This workstation is now the district&apos;s: {unit}. The key that signs its files (returns to the wards) has this fingerprint; the wards compare it when they open your first returned file.</source>
        <translation>Máy này giờ là máy của {unit}. Khóa ký các tệp của máy (tệp trả lại cho phường) có mã nhận dạng dưới đây; các phường sẽ đối chiếu mã này khi mở tệp trả lại đầu tiên.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The private key is kept in {path}. Keep a copy of it with the backups: without it, this workstation cannot sign files.</source>
        <translation>Khóa riêng được giữ ở {path}. Hãy chép giữ cùng các bản sao lưu: mất khóa này, máy không ký được tệp.</translation>
    </message>
</context>
<context>
    <name>SignOff</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/signoff.py" line="+30"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking, approving and unlocking figures needs an account with that role, and this workstation has none yet. Add one in Sign-off › Accounts.</source>
        <translation>Kiểm tra, phê duyệt và mở khóa số liệu cần một tài khoản có vai trò tương ứng, mà máy này chưa có tài khoản nào. Hãy thêm ở Phê duyệt › Tài khoản.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checked</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: checked by {name}.</source>
        <translation>{what}: {name} đã kiểm tra.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve the figures of {what}? They are then locked: nobody can change them until a leader unlocks them with a reason. The printed report is signed in your name.</source>
        <translation>Phê duyệt số liệu của {what}? Sau đó số liệu bị khóa: không ai sửa được cho tới khi lãnh đạo mở khóa và ghi lý do. Báo cáo in ra sẽ ký tên đồng chí.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: approved by {name}; the figures are locked.</source>
        <translation>{what}: {name} đã phê duyệt; số liệu đã được khóa.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why are the approved figures of {what} unlocked? The reason is kept on record.</source>
        <translation>Vì sao mở khóa số liệu đã phê duyệt của {what}? Lý do được lưu lại.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unlocked</source>
        <translation>Đã mở khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: unlocked. The figures can be changed again.</source>
        <translation>{what}: đã mở khóa. Số liệu lại sửa được.</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../hbt_desktop/ui/offices/trust_dialog.py" line="+33"/>
        <source>First file from {unit}</source>
        <translation>Tệp đầu tiên của {unit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is the first file received from {unit}. Before its figures are looked at, make sure it really comes from them: telephone {unit} and ask them to read the key fingerprint shown in their program (Exchange menu › This workstation&apos;s key). It must be exactly:</source>
        <translation>Đây là tệp đầu tiên nhận từ {unit}. Trước khi xem số liệu, hãy chắc chắn tệp đúng là của họ: gọi điện cho {unit} và đề nghị đọc mã nhận dạng khóa trong chương trình của họ (menu Trao đổi › Khóa của máy này). Mã phải đúng như sau:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>If it differs, do not accept the file: it was not made by {unit}&apos;s workstation. Instead of telephoning, you can also load the key file {unit} gave you.</source>
        <translation>Nếu mã khác, đừng nhận tệp: tệp không do máy của {unit} lập. Thay vì gọi điện, cũng có thể nạp tệp khóa {unit} đã đưa.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The fingerprint &amp;matches</source>
        <translation>Mã nhận dạng &amp;trùng khớp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the &amp;key file…</source>
        <translation>Nạp tệp &amp;khóa…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The office&apos;s key file</source>
        <translation>Tệp khóa của đơn vị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key files (*.key)</source>
        <translation>Tệp khóa (*.key)</translation>
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
