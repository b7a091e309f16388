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
group_pointer_link = Việc này làm trong tin nhắn riêng với bot, để nhóm không thấy thông tin của từng người. Mở: { $link }
group_pointer = Việc này làm trong tin nhắn riêng với bot, để nhóm không thấy thông tin của từng người: mở trang của bot trên Zalo và nhắn lại lệnh ở đó.
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
    • /hannop: quản lý hạn nộp; /hannop lich: lịch nhắc việc sắp tới
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
menu_observer_many = Bạn theo dõi { $count } khối: { $blocks } (Ban Thi đua - Khen thưởng tỉnh). Tình hình nộp và điểm thi đua hiện theo từng khối; danh sách đơn vị và bỏ phiếu là của { $block }. Chọn mục cần xem:
menu-units = Danh sách đơn vị và đầu mối
menu-missing = Đơn vị chưa có đầu mối
menu-revoke = Thu hồi một đầu mối
menu-rotate = Đổi mã mời của đơn vị
menu-submit = Nộp báo cáo, giao ước
menu-status = Tình hình nộp
menu-deadlines = Quản lý hạn nộp
menu-whoami = Thông tin của tôi
whoami_none = Bạn chưa đăng ký ở khối nào. Gửi mã mời để đăng ký.
whoami_line = • { $name }, { $position }, { $role_text }, { $block }, SĐT { $phone }, đăng ký { $date }
whoami_header = Thông tin đăng ký của bạn:
whoami_following = Bạn đang theo dõi { $count } khối: { $blocks }.
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
    Gõ số [n] để bấm nút; ở bước hỏi điểm, số gõ vào là điểm (gõ [n] kèm ngoặc vuông để bấm nút).
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

# The operator: thidua doctor, the start-up's one-line errors, thidua backup / restore.
doctor-bad_setting = ✗ { $variable }: { $reason }. Sửa biến môi trường này (hoặc tệp .env) rồi chạy lại.
doctor-bad_database_url = THIDUA_DATABASE_URL không phải địa chỉ cơ sở dữ liệu (ví dụ postgresql://thidua:MẬT_KHẨU@máy-chủ:5432/thidua): sửa biến này.
doctor-settings_ok = Cài đặt: cơ sở dữ liệu { $database }, máy chủ web { $host }:{ $port }, { $mode }.
doctor-mode_webhook = webhook tại { $base }
doctor-mode_polling = long polling (chưa đặt THIDUA_WEBHOOK_BASE_URL)
doctor-mode_sandbox = hộp thử (chưa có token nền tảng nào)
doctor-webhook_not_https = THIDUA_WEBHOOK_BASE_URL={ $base } không bắt đầu bằng https://: Telegram chỉ gửi webhook tới HTTPS. Đặt địa chỉ HTTPS của reverse proxy.
doctor-db_missing = Chưa có cơ sở dữ liệu { $path }: chạy `thidua migrate` để tạo, hoặc `thidua restore THƯ_MỤC` để khôi phục bản sao lưu.
doctor-db_unreachable = Không kết nối được cơ sở dữ liệu { $where }: { $reason }. Kiểm tra THIDUA_DATABASE_URL và máy chủ PostgreSQL.
doctor-db_ok = Cơ sở dữ liệu { $where } trả lời.
doctor-migrations_ok = Lược đồ cơ sở dữ liệu mới nhất ({ $revision }).
doctor-migrations_behind = Lược đồ cơ sở dữ liệu ở phiên bản { $database }, mã cần { $code }: chạy `thidua migrate`.
doctor-secret_env = Khóa bí mật lấy từ THIDUA_SECRET_KEY.
doctor-secret_missing = Chưa có khóa bí mật { $path }: `thidua migrate` tạo khóa mới; nếu đã có dữ liệu, khôi phục khóa từ bản sao lưu (mọi mã mời đều sinh từ khóa này).
doctor-secret_unreadable = Không đọc được khóa bí mật { $path }: { $reason }. Cấp quyền đọc cho tài khoản chạy thidua.
doctor-secret_mode = Khóa bí mật { $path } có quyền { $mode }, người khác đọc được: chạy `chmod 600 { $path }`.
doctor-secret_short = Khóa bí mật { $path } quá ngắn hoặc trống: khôi phục khóa từ bản sao lưu.
doctor-secret_ok = Khóa bí mật { $path } (quyền 600).
doctor-port_busy = Không dùng được cổng web { $host }:{ $port } ({ $reason }): có thể thidua đang chạy; dừng nó hoặc đặt THIDUA_WEB_PORT khác.
doctor-port_ok = Cổng web { $host }:{ $port } còn trống.
doctor-token_refused = { $platform } từ chối token ({ $reason }): kiểm tra { $variable }.
doctor-platform_unreachable = Không kết nối được { $platform } ({ $api }): { $reason }. Kiểm tra mạng, DNS hoặc proxy ra Internet.
doctor-platform_refused = { $platform } từ chối yêu cầu: { $reason }.
doctor-webhook_while_polling = { $platform } đang có webhook { $url } nhưng THIDUA_WEBHOOK_BASE_URL chưa đặt: `thidua run` sẽ xóa webhook và long-poll. Đặt THIDUA_WEBHOOK_BASE_URL nếu muốn dùng webhook.
doctor-webhook_none = { $platform }: không có webhook (long polling).
doctor-webhook_elsewhere = Webhook { $platform } trỏ tới { $url }, không phải { $expected }: kiểm tra THIDUA_WEBHOOK_BASE_URL, hoặc một bot khác đang dùng cùng token.
doctor-webhook_error = { $platform } báo lần gửi webhook gần nhất bị lỗi: { $reason }. Kiểm tra reverse proxy, chứng chỉ HTTPS và tường lửa.
doctor-webhook_unset = { $platform }: webhook chưa đặt; `thidua run` sẽ đặt { $expected } khi khởi động.
doctor-webhook_ok = Webhook { $platform }: { $url } ({ $pending } cập nhật đang chờ).
doctor-telegram_ok = Telegram: token hợp lệ, bot @{ $username }.
doctor-username_differs = Bot Telegram là @{ $username } nhưng THIDUA_TELEGRAM_BOT_USERNAME={ $configured }: đường dẫn mời sẽ sai. Đặt THIDUA_TELEGRAM_BOT_USERNAME={ $username }.
doctor-zalo_ok = Zalo: token hợp lệ, bot { $name }.
doctor-no_token = Chưa có token Telegram hay Zalo: `thidua run` mở hộp thử với cơ sở dữ liệu riêng (data/sandbox.db).
doctor-summary_ok = Mọi kiểm tra đều đạt.
doctor-summary_failed = { $failed }/{ $total } kiểm tra chưa đạt: sửa các dòng ✗ ở trên.
startup-bad_token = Không khởi động được: { $platform } từ chối token ({ $reason }). Kiểm tra { $variable }.
startup-unreachable = Không khởi động được: không kết nối được { $platform } ({ $api }) sau nhiều lần thử: { $reason }. Kiểm tra mạng, DNS hoặc proxy ra Internet; thidua sẽ thử lại khi được khởi động lại.
startup-refused = Không khởi động được: { $platform } từ chối { $what }: { $reason }. Kiểm tra THIDUA_WEBHOOK_BASE_URL (địa chỉ HTTPS công khai của reverse proxy).
startup-port_taken = Không khởi động được: cổng web { $host }:{ $port } đang được dùng ({ $reason }). Dừng chương trình đang giữ cổng (có thể là một thidua khác) hoặc đặt THIDUA_WEB_PORT khác.
startup-port_unusable = Không khởi động được: không mở được cổng web { $host }:{ $port } ({ $reason }). Kiểm tra THIDUA_WEB_HOST và THIDUA_WEB_PORT.
backup-path_taken = { $path } đã có và không trống: chọn một thư mục mới cho bản sao lưu (không ghi đè bản cũ).
backup-no_secret = Không có khóa bí mật ({ $path }, THIDUA_SECRET_KEY): không sao lưu, vì cơ sở dữ liệu thiếu khóa thì mọi mã mời đều vô dụng.
backup-no_database = Chưa có cơ sở dữ liệu { $path }: không có gì để sao lưu.
backup-tool_missing = Không tìm thấy { $program } trên máy này: cài gói postgresql-client (Debian/Ubuntu: apt-get install postgresql-client), cùng phiên bản chính với máy chủ PostgreSQL, rồi chạy lại.
backup-failed = Không thực hiện được: { $reason }
backup-done = Đã sao lưu vào { $path }: { $tables } bảng, { $rows } dòng, cùng khóa bí mật. Giữ thư mục này kín như chính khóa (mọi mã mời sinh từ khóa này).
backup-not_a_backup = { $path } không phải bản sao lưu của thidua (thiếu manifest.json hoặc secret.key).
backup-secret_differs = THIDUA_SECRET_KEY khác khóa của bản sao lưu: đặt THIDUA_SECRET_KEY bằng nội dung { $path } (hoặc bỏ biến này để dùng tệp khóa), rồi chạy lại. Chưa thay đổi gì.
backup-other_kind = Bản sao lưu là của { $backup }, cơ sở dữ liệu đích là { $target }: chỉ khôi phục được vào cùng loại. Chưa thay đổi gì.
backup-schema_differs = Bản sao lưu là của schema { $backup }, cơ sở dữ liệu đích dùng schema { $target } (search_path): khôi phục vào cơ sở dữ liệu dùng schema { $backup }. Chưa thay đổi gì.
backup-target_not_empty = Cơ sở dữ liệu đích đã có dữ liệu ({ $tables } bảng có dòng, ví dụ { $some }): chỉ khôi phục vào cơ sở dữ liệu trống, để không ghi đè dữ liệu đang dùng. Tạo cơ sở dữ liệu mới (hoặc THIDUA_DATA_DIR mới) rồi chạy lại. Chưa thay đổi gì.
backup-restored = Đã khôi phục bản sao lưu { $path } (tạo lúc { $created }): { $tables } bảng, { $rows } dòng, cùng khóa bí mật. Chạy `thidua migrate` nếu bản sao lưu từ phiên bản cũ hơn, rồi `thidua doctor`.
unsupported_message = Tôi chưa đọc được loại tin này (nhãn dán, tin thoại, …). Bạn hãy gõ chữ hoặc chọn một mục ở tin trước nhé.
file_link = 📎 { $name } ({ $size }): { $url } (tải được đến hết ngày { $until })

# redesign2 (issue 11): the command line's help (thidua --help, thidua poll create --help …).
cli-help-description = Trợ lý thi đua cho khối thi đua
cli-help-block = khối thi đua
cli-help-block_import = nhập khối từ tệp YAML hoặc Excel
cli-help-invites = mã mời và đường dẫn Telegram của từng đơn vị
cli-help-block_arg = mã số hoặc tên khối
cli-help-chat = hộp thử trò chuyện trong terminal
cli-help-run = chạy bot (Telegram/Zalo nếu có token, không thì hộp thử với khối mẫu)
cli-help-migrate = cập nhật lược đồ cơ sở dữ liệu
cli-help-deadline = hạn nộp của năm thi đua hiện hành
cli-help-deadline_list = liệt kê hạn nộp
cli-help-deadline_add = thêm hạn nộp
cli-help-deadline_schedule = lịch nhắc việc: ngày giờ từng lần nhắc của mỗi hạn nộp
cli-help-deadline_due = "dd/mm/yyyy HH:MM" hoặc "dd/mm/yyyy" (17:00), giờ Việt Nam
cli-help-deadline_move = dời hạn nộp (báo các đơn vị)
cli-help-deadline_cancel = hủy hạn nộp (báo các đơn vị)
cli-help-deadline_close = khóa nhận nộp, kể cả nộp muộn
cli-help-deadline_reopen = mở lại việc nhận nộp
cli-help-deadline_policy = lịch nhắc việc của khối hoặc của một hạn nộp
cli-help-deadline_before = số ngày làm việc trước hạn, ví dụ 7,3,1
cli-help-export = xuất Excel
cli-help-export_submissions = tình hình nộp của các đơn vị
cli-help-export_themes = danh sách chủ đề thi đua
cli-help-out_xlsx = tệp .xlsx sẽ ghi
cli-help-poll = bầu chọn cuối năm (bỏ phiếu kín)
cli-help-poll_list = các phiếu bầu của năm hiện hành
cli-help-poll_create = chuẩn bị một phiếu bầu (chưa mở)
cli-help-poll_candidates = "all" (mặc định), "top:N" (N đơn vị điểm cao nhất), hoặc mã/số thứ tự: "BHXH,YTE" "1 3 5-7"
cli-help-poll_question = nội dung ghi trên phiếu (mặc định theo loại)
cli-help-poll_seats = số đơn vị được bầu (mặc định theo loại)
cli-help-poll_max_choices = số lựa chọn tối đa mỗi phiếu (mặc định = số đơn vị được bầu)
cli-help-poll_self = đơn vị được bầu cho chính mình (mặc định: có)
cli-help-poll_blank = phiếu trắng (không chọn đơn vị nào) tính là: valid = phiếu hợp lệ (mặc định) hoặc invalid = phiếu không hợp lệ
cli-help-poll_threshold = trúng cử khi trên bao nhiêu % tổng số đơn vị (mặc định 50)
cli-help-poll_quorum = túc số, ví dụ "2/3" (mặc định) hoặc "50%" hoặc 0
cli-help-poll_minutes = thời gian bỏ phiếu (phút); không ghi: Thường trực tự đóng
cli-help-poll_place = địa điểm họp (ghi vào biên bản)
cli-help-poll_open_now = mở bỏ phiếu ngay sau khi tạo
cli-help-poll_open = mở bỏ phiếu: gửi phiếu đến đầu mối các đơn vị
cli-help-poll_close = đóng bỏ phiếu, kiểm phiếu và công bố kết quả
cli-help-poll_show = xem một phiếu bầu và kết quả
cli-help-poll_receipts = danh sách phiếu đã kiểm (mã băm biên nhận)
cli-help-poll_id = số phiếu bầu
cli-help-poll_minutes_doc = ghi biên bản kiểm phiếu (DOCX)
cli-help-poll_minutes_out = tệp .docx sẽ ghi (mặc định: bien-ban-kiem-phieu-ID.docx)
cli-help-scores = điểm thi đua của năm hiện hành
cli-help-scores_progress = tiến độ tự chấm điểm của các đơn vị
cli-help-scores_ranking = xếp hạng theo điểm cuối cùng
cli-help-scores_export = Excel tổng hợp điểm
cli-help-scores_export_unit = Excel bảng tự chấm điểm của một đơn vị
cli-help-unit_arg = mã đơn vị
cli-help-scores_import_check = nhập kết quả kiểm tra chéo từ bảng của một đơn vị
cli-help-scores_import_path = tệp .xlsx đã điền «Điểm kiểm tra» và «Lý do»
cli-help-sheet = bảng tiêu chí chấm điểm của năm thi đua hiện hành
cli-help-sheet_import = nhập bảng tiêu chí từ tệp YAML hoặc Excel
cli-help-sheet_show = xem bảng tiêu chí
cli-help-term = năm thi đua: bàn giao sang năm sau
cli-help-term_handover = bàn giao sang năm thi đua sau (Trưởng, Phó khối đã bầu)
cli-help-term_year = năm thi đua đang kết thúc (để kiểm tra)
cli-help-term_head = mã đơn vị Trưởng khối mới (khi không lấy từ kết quả bỏ phiếu)
cli-help-term_deputy = mã đơn vị Phó Trưởng khối mới (khi không lấy từ kết quả bỏ phiếu)
cli-help-doctor = kiểm tra cài đặt, cơ sở dữ liệu, khóa bí mật, token, webhook và cổng web
cli-help-backup = sao lưu cơ sở dữ liệu cùng khóa bí mật vào một thư mục mới
cli-help-backup_path = thư mục sao lưu (chưa có, hoặc trống)
cli-help-restore = khôi phục bản sao lưu vào cơ sở dữ liệu trống
cli-help-restore_path = thư mục do thidua backup tạo ra
doctor-texts_ok = Các tệp văn bản (.ftl) đọc được: { $count } câu chữ.
doctor-texts_broken =
    Tệp văn bản (.ftl) có lỗi, bot sẽ không khởi động:
      { $problems }
    Sửa dòng được chỉ ra (giữ nguyên phần trước dấu = và các chỗ trong ngoặc nhọn) rồi chạy lại thidua doctor.
cli-texts_broken =
    Không khởi động: tệp văn bản (.ftl) có lỗi:
      { $problems }
    Sửa dòng được chỉ ra rồi chạy lại (thidua doctor kiểm tra các tệp này).

# Where a problem lies in a file a secretariat sent (a block file, a criteria file): a sheet, its row,
# a column by its header's label, an item of a sheet of labels (column A). "row" alone points back to a row
# of the same sheet.
office-sheet = Sheet "{ $sheet }"
office-sheet_row = Sheet "{ $sheet }", dòng { $row }
office-sheet_cell = Sheet "{ $sheet }", dòng { $row }, cột "{ $column }"
office-labelled_cell = Sheet "{ $sheet }", dòng { $row } ("{ $label }")
office-sheet_item = Sheet "{ $sheet }", mục "{ $item }"
office-row = dòng { $row }
# What a value typed where text or a number belongs is («phải là chữ, không phải số»).
office-kind-bool = đúng/sai
office-kind-number = số
office-kind-datetime = ngày giờ
office-kind-date = ngày
office-kind-time = giờ
office-kind-list = danh sách
office-kind-mapping = bảng mục: giá trị
