"""Vietnamese texts (the product's first language)."""

VI: dict[str, str] = {
    # common
    "yes": "Đồng ý",
    "no": "Không",
    "confirm": "Xác nhận",
    "redo": "Nhập lại",
    "cancel": "Hủy",
    "back": "Quay lại",
    "cancelled": "Đã hủy thao tác đang làm.",
    "nothing_to_cancel": "Không có thao tác nào đang dở.",
    "menu_expired": "Menu này đã hết hạn. Mời bạn chọn lại ở menu mới nhất:",
    "choose_from_menu": "Mời bạn chọn một mục trong menu (gõ số thứ tự hoặc bấm nút).",
    "unknown_command": "Không có lệnh {command}. Gõ /help để xem các lệnh.",
    "internal_error": "Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn này. Câu trả lời trước đó của bạn vẫn được giữ; mời thử lại.",
    "contact_button": "📱 Gửi số điện thoại của tôi",
    "document_unavailable": "(Tệp đính kèm không gửi được qua Zalo; mời xem trên Telegram hoặc nhờ Thường trực Khối gửi.)",
    "lang_set": "Đã chuyển sang tiếng Việt.",
    "lang_usage": "Dùng: /lang vi hoặc /lang en",
    # help and menu
    "help_guest": (
        "Tôi là trợ lý thi đua của Khối.\n"
        "• Để đăng ký làm đầu mối của đơn vị: gửi mã mời do Thường trực Khối cấp (ví dụ /start ABCDE-FGHJK, "
        "hoặc chỉ cần gõ mã).\n"
        "• /toi: xem bạn đã đăng ký ở đâu\n"
        "• /huy: hủy thao tác đang làm\n"
        "• /help: trợ giúp"
    ),
    "help_unit": (
        "Các lệnh:\n"
        "• /menu: menu chính\n"
        "• /nop: nộp báo cáo, giao ước\n"
        "• /chamdiem: chấm điểm thi đua (bảng tự chấm điểm của đơn vị)\n"
        "• /trangthai: những gì đơn vị đã nộp\n"
        "• /bophieu: bỏ phiếu kín khi có cuộc bầu chọn đang mở\n"
        "• /kiemtra MÃ: kiểm tra phiếu của đơn vị đã được tính theo mã biên nhận\n"
        "• /toi: thông tin đăng ký của bạn\n"
        "• /huy: hủy thao tác đang làm\n"
        "• /help: trợ giúp"
    ),
    "help_secretariat": (
        "Các lệnh của Thường trực Khối:\n"
        "• /menu: danh sách đơn vị, đầu mối, thu hồi đầu mối, đổi mã mời\n"
        "• /trangthai: tình hình nộp của các đơn vị\n"
        "• /hannop: quản lý hạn nộp\n"
        "• /diem: điểm thi đua: tiến độ tự chấm, kiểm tra chéo, xếp hạng, xuất Excel\n"
        "• /baucu: chuẩn bị, mở, đóng các cuộc bầu chọn cuối năm\n"
        "• /manhinh: đường dẫn màn hình trình chiếu tại hội nghị\n"
        "• /bangiao: bàn giao sang năm thi đua mới sau khi bầu Trưởng, Phó khối\n"
        "• /nop, /chamdiem: nộp báo cáo, tự chấm điểm của chính đơn vị Trưởng khối\n"
        "• /toi: thông tin đăng ký của bạn\n"
        "• /huy: hủy thao tác đang làm\n"
        "• /help: trợ giúp"
    ),
    "help_observer": (
        "Các lệnh (theo dõi):\n"
        "• /menu: danh sách đơn vị và đầu mối\n"
        "• /trangthai: tình hình nộp của các đơn vị\n"
        "• /diem: điểm thi đua: tiến độ tự chấm, xếp hạng, xuất Excel\n"
        "• /baucu: theo dõi các cuộc bầu chọn và kết quả\n"
        "• /manhinh: đường dẫn màn hình trình chiếu tại hội nghị\n"
        "• /toi: thông tin đăng ký của bạn\n"
        "• /huy: hủy thao tác đang làm\n"
        "• /help: trợ giúp"
    ),
    "menu_guest": "Bạn chưa đăng ký. Mời gửi mã mời do Thường trực Khối cấp để đăng ký làm đầu mối.",
    "menu_unit": "Menu chính ({unit}, {block}):",
    "menu_secretariat": "Menu Thường trực {block}:",
    "menu_observer": "Bạn theo dõi {block} (Ban Thi đua - Khen thưởng tỉnh). Chọn mục cần xem:",
    "menu.units": "Danh sách đơn vị và đầu mối",
    "menu.missing": "Đơn vị chưa có đầu mối",
    "menu.revoke": "Thu hồi một đầu mối",
    "menu.rotate": "Đổi mã mời của đơn vị",
    "menu.submit": "Nộp báo cáo, giao ước",
    "menu.status": "Tình hình nộp",
    "menu.deadlines": "Quản lý hạn nộp",
    "menu.whoami": "Thông tin của tôi",
    # who am I
    "whoami_none": "Bạn chưa đăng ký ở khối nào. Gửi mã mời để đăng ký.",
    "whoami_line": "• {name}, {position}, {role_text} ({block}), SĐT {phone}, đăng ký {date}",
    "whoami_header": "Thông tin đăng ký của bạn:",
    "role.unit": "đầu mối của {unit}",
    "role.secretariat": "Thường trực Khối ({unit})",
    "role.observer": "theo dõi khối (Ban Thi đua - Khen thưởng tỉnh)",
    # registration
    "code_malformed": "Mã mời không đúng dạng. Mã gồm 10 ký tự chữ và số, ví dụ ABCDE-FGHJK. Mời kiểm tra và gửi lại.",
    "code_unknown": "Mã mời không đúng hoặc không tồn tại. Mời kiểm tra lại với Thường trực Khối.",
    "code_revoked": "Mã mời này đã bị thu hồi hoặc đã được thay bằng mã mới. Mời liên hệ Thường trực Khối để lấy mã mới.",
    "code_throttled": "Bạn đã nhập sai mã quá nhiều lần. Mời thử lại sau {minutes} phút.",
    "already_registered": "Bạn đã đăng ký là {role_text} trong {block}. Gõ /toi để xem chi tiết.",
    "reg_confirm_unit": "Mã mời của đơn vị:\n{unit}\n{block}\n\nBạn là cán bộ đầu mối thi đua của đơn vị này?",
    "reg_confirm_secretariat": "Mã mời của Thường trực {block} (đơn vị Trưởng khối: {unit}).\n\nBạn là cán bộ Thường trực Khối?",
    "reg_confirm_observer": "Mã mời theo dõi {block} dành cho Ban Thi đua - Khen thưởng tỉnh.\n\nBạn là cán bộ theo dõi khối?",
    "reg_declined": "Đã dừng đăng ký. Nếu nhầm mã, mời liên hệ Thường trực Khối.",
    "reg_ask_name": "Mời nhập họ và tên của bạn (ví dụ: Nguyễn Thị Hoa).",
    "reg_bad_name": "Họ và tên cần từ 2 đến 100 ký tự, có chữ cái và không chứa lệnh hay đường dẫn. Mời nhập lại.",
    "reg_ask_position": "Mời nhập chức vụ của bạn (ví dụ: Chánh Văn phòng, Chuyên viên).",
    "reg_bad_position": "Chức vụ cần từ 2 đến 100 ký tự và có chữ cái. Mời nhập lại.",
    "reg_ask_phone": "Mời gửi số điện thoại liên hệ (ví dụ 0912 345 678).",
    "reg_bad_phone": "Số điện thoại chưa đúng. Số di động Việt Nam có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (có thể viết +84); số cố định bắt đầu bằng 02 và có 11 chữ số. Mời nhập lại.",
    "reg_foreign_contact": "Đây không phải số điện thoại của chính bạn. Mời bấm nút gửi số của mình hoặc gõ số.",
    "reg_summary": "Mời kiểm tra lại thông tin:\n• Đơn vị: {unit}\n• Họ và tên: {name}\n• Chức vụ: {position}\n• Điện thoại: {phone}",
    "reg_done_unit": "✅ Đã đăng ký bạn là đầu mối thi đua của {unit} ({block}). Tôi sẽ nhắn bạn khi có hạn nộp, việc chấm điểm và bỏ phiếu.",
    "reg_done_secretariat": "✅ Đã đăng ký bạn vào Thường trực {block}. Gõ /menu để xem danh sách đơn vị và đầu mối.",
    "reg_done_observer": "✅ Đã đăng ký bạn theo dõi {block}. Gõ /menu để xem tình hình của khối.",
    "reg_code_gone": "Mã mời vừa bị thu hồi trong lúc bạn đăng ký. Mời liên hệ Thường trực Khối để lấy mã mới.",
    "notice_registered": "🆕 {name} ({position}, {phone}) vừa đăng ký làm {role_text}. Đơn vị đã có đầu mối: {done}/{total}.",
    # secretariat
    "units_header": "Đơn vị và đầu mối của {block} ({done}/{total} đơn vị đã có đầu mối):",
    "units_line": "{i}. {code} – {name}{tag}",
    "units_contact": "    • {name}, {position}, {phone}",
    "units_none": "    (chưa có đầu mối)",
    "tag.head": " [Trưởng khối]",
    "tag.deputy": " [Phó Trưởng khối]",
    "missing_header": "Các đơn vị chưa có đầu mối ({count}/{total}):",
    "missing_none": "Tất cả {total} đơn vị đều đã có đầu mối. 🎉",
    "revoke_pick_unit": "Chọn đơn vị có đầu mối cần thu hồi:",
    "revoke_no_contacts": "Chưa đơn vị nào có đầu mối để thu hồi.",
    "revoke_pick_contact": "Chọn đầu mối của {unit} cần thu hồi:",
    "revoke_confirm": "Thu hồi quyền đầu mối của {name} ({unit})? Người này sẽ không nhận nhắc việc và không thao tác thay đơn vị được nữa.",
    "revoke_and_rotate": "Thu hồi và đổi mã mời",
    "revoke_last_contact": "⚠️ {unit} không còn đầu mối nào: đơn vị sẽ không nhận được nhắc việc cho đến khi có người đăng ký lại.",
    "revoke_done": "Đã thu hồi đầu mối {name} ({unit}).",
    "revoke_gone": "Đầu mối này đã được thu hồi trước đó.",
    "notice_revoked": "Quyền đầu mối của bạn tại {unit} ({block}) đã được Thường trực Khối thu hồi. Nếu có nhầm lẫn, mời liên hệ Thường trực Khối.",
    "rotate_pick_unit": "Chọn đơn vị cần đổi mã mời (mã cũ sẽ hết hiệu lực):",
    "rotate_confirm": "Đổi mã mời của {unit}? Mã cũ sẽ không dùng được nữa; các đầu mối đã đăng ký vẫn giữ nguyên.",
    "rotate_done": "Mã mời mới của {unit}: {code}\nĐường dẫn Telegram: {link}",
    "not_allowed": "Chức năng này chỉ dành cho Thường trực Khối.",
    "not_registered_any": "Bạn chưa đăng ký nên chưa dùng được chức năng này. Mời gửi mã mời để đăng ký.",
    "guest_hint": "Tôi chưa hiểu. Nếu bạn có mã mời, hãy gửi mã (ví dụ ABCDE-FGHJK). Gõ /help để xem hướng dẫn.",
    # command line and sandbox
    "cli.imported": "Đã nhập {block} (năm {year}): thêm {added} đơn vị, cập nhật {updated}, ngừng {retired}; hạn nộp: thêm {dl_added}, cập nhật {dl_updated}.",
    "cli.file_error": "Tệp {path} có lỗi, không thay đổi gì:",
    "cli.no_block": "Chưa có khối nào. Chạy: thidua block import ĐƯỜNG_DẪN_TỆP",
    "cli.pick_block": "Có nhiều khối; chọn bằng --block (mã số hoặc tên):",
    "cli.unknown_block": "Không tìm thấy khối {block}.",
    "cli.invites_header": "Mã mời của {block} (năm {year}):",
    "cli.invite_secretariat": "Thường trực Khối",
    "cli.invite_observer": "Ban Thi đua - Khen thưởng tỉnh (theo dõi)",
    "cli.sandbox_intro": "Hộp thử thidua (kiểu {style}). Bạn đang là «{user}».\nLệnh của hộp thử: /as TÊN (đổi người), /ma (xem mã mời), /sdt SỐ (bấm nút gửi số điện thoại), /thoat.\nGõ số [n] để bấm nút.",
    "cli.sandbox_as": "Bạn đang là «{user}».",
    "cli.sandbox_to": "→ {user}",
    "cli.demo_loaded": "Đã nạp khối mẫu vào {path}.",
    "cli.running": "thidua đang chạy trên: {channels}. Ctrl+C để dừng.",
    "cmd.menu": "Menu chính",
    "cmd.nop": "Nộp báo cáo, giao ước (đơn vị)",
    "cmd.chamdiem": "Chấm điểm thi đua (đơn vị)",
    "cmd.trangthai": "Tình hình nộp",
    "cmd.diem": "Điểm thi đua, xếp hạng (Thường trực Khối)",
    "cmd.bophieu": "Bỏ phiếu kín (đơn vị)",
    "cmd.baucu": "Bầu chọn cuối năm (Thường trực Khối)",
    "cmd.toi": "Thông tin đăng ký của tôi",
    "cmd.huy": "Hủy thao tác đang làm",
    "cmd.help": "Trợ giúp",
}
