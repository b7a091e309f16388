# core: Vietnamese texts. See README, "Correcting a text".

yes = Đồng ý
no = Không
confirm = Xác nhận
redo = Nhập lại
cancel = Hủy
back = Quay lại
cancelled = Đã hủy thao tác đang làm.
nothing_to_cancel = Không có thao tác nào đang dở.
menu_expired = Menu này đã hết hạn. Mời bạn chọn lại ở menu mới nhất:
choose_from_menu = Mời bạn chọn một mục trong menu (gõ số thứ tự hoặc bấm nút).
unknown_command = Không có lệnh { $command }. Gõ /help để xem các lệnh.
internal_error = Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn này. Câu trả lời trước đó của bạn vẫn được giữ; mời thử lại.
document_unavailable = (Tệp đính kèm không gửi được qua Zalo; mời xem trên Telegram hoặc nhờ Thường trực Khối gửi.)
lang_set = Đã chuyển sang tiếng Việt.
lang_usage = Dùng: /lang vi hoặc /lang en
help_guest =
    Tôi là trợ lý thi đua của Khối.
    • Để đăng ký làm đầu mối của đơn vị: gửi mã mời do Thường trực Khối cấp (ví dụ /start ABCDE-FGHJK, hoặc chỉ cần gõ mã).
    • /toi: xem bạn đã đăng ký ở đâu
    • /huy: hủy thao tác đang làm
    • /help: trợ giúp
help_unit =
    Các lệnh:
    • /menu: menu chính
    • /nop: nộp báo cáo, giao ước
    • /chamdiem: chấm điểm thi đua (bảng tự chấm điểm của đơn vị)
    • /trangthai: những gì đơn vị đã nộp
    • /bophieu: bỏ phiếu kín khi có cuộc bầu chọn đang mở
    • /kiemtra MÃ: kiểm tra phiếu của đơn vị đã được tính theo mã biên nhận
    • /toi: thông tin đăng ký của bạn
    • /huy: hủy thao tác đang làm
    • /help: trợ giúp
help_secretariat =
    Các lệnh của Thường trực Khối:
    • /menu: danh sách đơn vị, đầu mối, thu hồi đầu mối, đổi mã mời
    • /trangthai: tình hình nộp của các đơn vị
    • /hannop: quản lý hạn nộp
    • /diem: điểm thi đua: tiến độ tự chấm, kiểm tra chéo, xếp hạng, xuất Excel
    • /baucu: chuẩn bị, mở, đóng các cuộc bầu chọn cuối năm
    • /manhinh: đường dẫn màn hình trình chiếu tại hội nghị
    • /bangiao: bàn giao sang năm thi đua mới sau khi bầu Trưởng, Phó khối
    • /nop, /chamdiem: nộp báo cáo, tự chấm điểm của chính đơn vị Trưởng khối
    • /toi: thông tin đăng ký của bạn
    • /huy: hủy thao tác đang làm
    • /help: trợ giúp
help_observer =
    Các lệnh (theo dõi):
    • /menu: danh sách đơn vị và đầu mối
    • /trangthai: tình hình nộp của các đơn vị
    • /diem: điểm thi đua: tiến độ tự chấm, xếp hạng, xuất Excel
    • /baucu: theo dõi các cuộc bầu chọn và kết quả
    • /manhinh: đường dẫn màn hình trình chiếu tại hội nghị
    • /toi: thông tin đăng ký của bạn
    • /huy: hủy thao tác đang làm
    • /help: trợ giúp
menu_guest = Bạn chưa đăng ký. Mời gửi mã mời do Thường trực Khối cấp để đăng ký làm đầu mối.
menu_unit = Menu chính ({ $unit }, { $block }):
menu_secretariat = Menu Thường trực { $block }:
menu_observer = Bạn theo dõi { $block } (Ban Thi đua - Khen thưởng tỉnh). Chọn mục cần xem:
menu-units = Danh sách đơn vị và đầu mối
menu-missing = Đơn vị chưa có đầu mối
menu-revoke = Thu hồi một đầu mối
menu-rotate = Đổi mã mời của đơn vị
menu-submit = Nộp báo cáo, giao ước
menu-status = Tình hình nộp
menu-deadlines = Quản lý hạn nộp
menu-whoami = Thông tin của tôi
whoami_none = Bạn chưa đăng ký ở khối nào. Gửi mã mời để đăng ký.
whoami_line = • { $name }, { $position }, { $role_text } ({ $block }), SĐT { $phone }, đăng ký { $date }
whoami_header = Thông tin đăng ký của bạn:
role-unit = đầu mối của { $unit }
role-secretariat = Thường trực Khối ({ $unit })
role-observer = theo dõi khối (Ban Thi đua - Khen thưởng tỉnh)
notice_registered = 🆕 { $name } ({ $position }, { $phone }) vừa đăng ký làm { $role_text }. Đơn vị đã có đầu mối: { $done }/{ $total }.
notice_revoked = Quyền đầu mối của bạn tại { $unit } ({ $block }) đã được Thường trực Khối thu hồi. Nếu có nhầm lẫn, mời liên hệ Thường trực Khối.
not_allowed = Chức năng này chỉ dành cho Thường trực Khối.
not_registered_any = Bạn chưa đăng ký nên chưa dùng được chức năng này. Mời gửi mã mời để đăng ký.
guest_hint = Tôi chưa hiểu. Nếu bạn có mã mời, hãy gửi mã (ví dụ ABCDE-FGHJK). Gõ /help để xem hướng dẫn.
cli-imported = Đã nhập { $block } (năm { $year }): thêm { $added } đơn vị, cập nhật { $updated }, ngừng { $retired }; hạn nộp: thêm { $dl_added }, cập nhật { $dl_updated }.
cli-file_error = Tệp { $path } có lỗi, không thay đổi gì:
cli-no_block = Chưa có khối nào. Chạy: thidua block import ĐƯỜNG_DẪN_TỆP
cli-pick_block = Có nhiều khối; chọn bằng --block (mã số hoặc tên):
cli-unknown_block = Không tìm thấy khối { $block }.
cli-sandbox_intro =
    Hộp thử thidua (kiểu { $style }). Bạn đang là «{ $user }».
    Lệnh của hộp thử: /as TÊN (đổi người), /ma (xem mã mời), /sdt SỐ (bấm nút gửi số điện thoại), /thoat.
    Gõ số [n] để bấm nút.
cli-sandbox_as = Bạn đang là «{ $user }».
cli-sandbox_to = → { $user }
cli-demo_loaded = Đã nạp khối mẫu vào { $path }.
cli-running = thidua đang chạy trên: { $channels }. Ctrl+C để dừng.
cmd-menu = Menu chính
cmd-nop = Nộp báo cáo, giao ước (đơn vị)
cmd-chamdiem = Chấm điểm thi đua (đơn vị)
cmd-trangthai = Tình hình nộp
cmd-diem = Điểm thi đua, xếp hạng (Thường trực Khối)
cmd-bophieu = Bỏ phiếu kín (đơn vị)
cmd-baucu = Bầu chọn cuối năm (Thường trực Khối)
cmd-toi = Thông tin đăng ký của tôi
cmd-huy = Hủy thao tác đang làm
cmd-help = Trợ giúp
