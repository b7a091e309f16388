# deadlines: Vietnamese texts. See README, "Correcting a text".

status-none = { $block } chưa có hạn nộp nào trong năm thi đua này.
status-header = 📋 Tình hình nộp của { $block } (lúc { $now }):
status-deadline = • { $title }, hạn { $due }
status-closed_tag = {" "}(đã khóa nhận)
status-counts = {"  "}Đã nộp { $done }/{ $total } (đúng hạn { $on_time }, muộn { $late }).
status-missing = {"  "}Chưa nộp: { $units }.
status-unit_header = Tình hình nộp của { $unit }:
status-unit_supplement = ✅ { $title } (hạn { $due }): đã nộp đúng hạn; bổ sung lúc { $at }
status-unit_done = ✅ { $title } (hạn { $due }): đã nộp lúc { $at }
status-unit_late = ⚠️ { $title } (hạn { $due }): nộp muộn lúc { $at }
status-unit_missing = ⏳ { $title } (hạn { $due }): chưa nộp
remind-before =
    ⏰ Nhắc việc: { $title }
    Hạn nộp: { $due } (còn { $days } ngày làm việc).
    Đơn vị { $unit } chưa nộp.
remind-due_day =
    ⏰ Hôm nay là hạn cuối: { $title }
    Hạn nộp: { $due }.
    Đơn vị { $unit } chưa nộp.
remind-overdue =
    ❗ Quá hạn: { $title }
    Hạn nộp đã qua: { $due } (quá { $days } ngày làm việc).
    Đơn vị { $unit } chưa nộp; mời nộp sớm.
remind-submit_now = Nộp ngay: { $title }
remind-hint = Gõ /nop để nộp bất cứ lúc nào.
digest-header = 📋 Báo cáo nhanh cho Thường trực { $block } ({ $now }):
digest-unreachable = {"  "}⚠️ Không nhắc được vì chưa có đầu mối: { $units }. Mời Thường trực liên hệ trực tiếp.
digest-all_blocked = {"  "}⚠️ Không nhắc được vì mọi đầu mối của đơn vị đã chặn bot: { $units }. Mời Thường trực liên hệ trực tiếp.
digest-blocked = {"  "}🚫 Không liên lạc được: { $people }.
digest-blocked_person = { $unit } – { $name } (đã chặn bot từ { $since })
sub-not_unit = Chức năng nộp chỉ dành cho cán bộ đầu mối của đơn vị thành viên.
sub-not_allowed = Bạn không còn là đầu mối của đơn vị nên không nộp thay đơn vị được nữa. Thao tác nộp đã dừng; nếu có nhầm lẫn, mời liên hệ Thường trực Khối.
sub-none = { $unit } không có hạn nộp nào đang mở trong năm thi đua này.
sub-pick = Chọn việc cần nộp của { $unit }:
sub-label = { $title } (hạn { $due })
sub-label_done = { $title } (hạn { $due }) ✅ đã nộp
sub-reminder_gone = Hạn nộp này không còn, hoặc không thuộc khối của bạn. Gõ /nop để xem các hạn nộp đang mở.
sub-intro =
    📌 { $title }
    Hạn nộp: { $due }.
sub-intro_resubmit = Đơn vị đã nộp lúc { $at }; lần nộp này sẽ thay thế bản đó.
sub-intro_supplement = Hạn nộp đã qua; đơn vị đã nộp đúng hạn nên lần nộp này là bản bổ sung, đơn vị vẫn được ghi nhận đúng hạn.
sub-intro_late = Hạn nộp đã qua; lần nộp này sẽ được ghi là nộp muộn.
sub-closed = Hạn nộp «{ $title }» đã khóa nhận, nên chưa ghi nhận bài nộp. Nếu đơn vị vẫn cần nộp, mời liên hệ Thường trực Khối để mở lại.
sub-cancelled = Hạn nộp «{ $title }» đã bị Thường trực Khối hủy, nên chưa ghi nhận bài nộp. Nếu cần, mời liên hệ Thường trực Khối để mở lại.
sub-ask_theme =
    Mời nhập chủ đề thi đua của { $unit } (từ 5 đến 300 ký tự), ví dụ: Đoàn kết, kỷ cương, sáng tạo, hiệu quả.
    (Gõ /huy để dừng.)
sub-bad_theme = Chủ đề thi đua cần từ 5 đến 300 ký tự, có chữ cái, không phải lệnh hay đường dẫn. Mời nhập lại.
sub-theme_summary =
    Giao ước thi đua của { $unit }
    Chủ đề thi đua: «{ $theme }»
    {""}
    Xác nhận ký giao ước với chủ đề này?
sub-theme_confirm = Xác nhận ký giao ước
sub-ask_method = Đơn vị nộp bằng cách nào?
sub-no_files_here = (Kênh này không nhận tệp. Nếu cần gửi tệp báo cáo, mời dùng Telegram.)
sub-photo_here = (Trên Zalo, đơn vị có thể gửi ảnh chụp báo cáo hoặc công văn đã ký: gửi ảnh ngay tại đây. Tệp Word, PDF… mời gửi qua Telegram.)
sub-ask_photo = Mời gửi ảnh chụp báo cáo hoặc công văn đã ký (ảnh JPG/PNG, tối đa { $max }). Chú thích của ảnh, nếu có, được dùng làm tên tệp.
sub-photo_expected = Tôi đang chờ ảnh chụp báo cáo. Mời gửi ảnh, hoặc chọn cách khác.
sub-method_file = Gửi tệp báo cáo
sub-method_dispatch = Đã gửi qua đường công văn
sub-other_method = Chọn cách khác
sub-ask_file = Mời gửi tệp báo cáo (đính kèm vào tin nhắn): PDF, Word, Excel, OpenDocument, ảnh JPG/PNG hoặc tệp nén ZIP/RAR, tối đa { $max }.
sub-file_expected = Tôi đang chờ tệp báo cáo. Mời đính kèm tệp vào tin nhắn, hoặc chọn cách khác.
sub-file_too_big = Tệp «{ $name }» nặng { $size }, vượt mức tối đa { $max }. Mời nén hoặc tách tệp rồi gửi lại, hoặc nộp qua đường công văn.
sub-file_bad_type = Không nhận loại tệp «{ $name }». Chỉ nhận PDF, Word (doc, docx), Excel (xls, xlsx), OpenDocument (odt, ods), ảnh (jpg, png) hoặc tệp nén (zip, rar).
sub-file_summary =
    Mời kiểm tra lại:
    • Đơn vị: { $unit }
    • Nộp cho: { $title }
    • Tệp: { $name } ({ $size })
sub-confirm = Xác nhận nộp
sub-other_file = Gửi tệp khác
sub-ask_dispatch_no =
    Mời nhập số công văn đã gửi (ví dụ 125/BC-SYT).
    (Gõ /huy để dừng.)
sub-bad_dispatch_no = Số công văn cần từ 1 đến 60 ký tự và có chữ số, ví dụ 125/BC-SYT. Mời nhập lại.
sub-ask_dispatch_date = Mời nhập ngày ban hành công văn theo dạng ngày/tháng/năm, ví dụ { $example }.
sub-date_shape = Ngày chưa đúng dạng. Mời nhập ngày/tháng/năm, ví dụ { $example }.
sub-date_no_such_day = Không có ngày này trong lịch. Mời nhập lại ngày/tháng/năm, ví dụ { $example }.
sub-date_future = Ngày ban hành không thể sau hôm nay ({ $today }). Mời nhập lại.
sub-date_too_old = Ngày ban hành quá xa (trước { $earliest }). Mời kiểm tra và nhập lại.
sub-dispatch_summary =
    Mời kiểm tra lại:
    • Đơn vị: { $unit }
    • Nộp cho: { $title }
    • Công văn số { $no } ngày { $date }
sub-what_theme = chủ đề thi đua «{ $theme }»
sub-what_file = tệp { $name } ({ $size })
sub-what_dispatch = công văn số { $no } ngày { $date }
sub-done_on_time =
    ✅ Đã ghi nhận { $unit } nộp «{ $title }»: { $what }.
    Nộp lúc { $at }, đúng hạn (hạn { $due }).
sub-done_late =
    ⚠️ Đã ghi nhận { $unit } nộp «{ $title }»: { $what }.
    Nộp lúc { $at }, muộn so với hạn { $due }.
sub-done_supplement = Đây là bản bổ sung sau hạn; đơn vị vẫn được ghi nhận nộp đúng hạn theo lần nộp đầu.
sub-done_replaces = Bản này thay cho bản đã nộp lúc { $prev }.
sub-notice = 📥 { $unit } đã nộp «{ $title }» ({ $timing }): { $what }.{ $replaced } Đã nộp { $done }/{ $total }.
sub-notice_on_time = đúng hạn
sub-notice_late = muộn
sub-notice_replaces = {" "}Bản nộp lại, thay bản lúc { $prev }.
dl-kind-covenant = Giao ước thi đua
dl-kind-six_month_report = Báo cáo sơ kết 6 tháng
dl-kind-year_end_report = Báo cáo tổng kết năm
dl-kind-self_assessment = Bảng tự chấm điểm
dl-kind-custom = Khác
dl-weekday-0 = Thứ Hai
dl-weekday-1 = Thứ Ba
dl-weekday-2 = Thứ Tư
dl-weekday-3 = Thứ Năm
dl-weekday-4 = Thứ Sáu
dl-weekday-5 = Thứ Bảy
dl-weekday-6 = Chủ nhật
dl-no_term = { $block } chưa có năm thi đua hiện hành nên chưa quản lý hạn nộp được.
dl-overview_header = 📅 Hạn nộp năm { $year } của { $block }:
dl-overview_line =
    • { $title }
    {"    "}{ $kind } · hạn { $due } · đã nộp { $done }/{ $total }{ $closed }
dl-overview_empty = (Chưa có hạn nộp nào.)
dl-overview_footer = Chọn việc cần làm:
dl-closed_tag = {" "}· 🔒 đã khóa nhận nộp
dl-action-add = Thêm hạn nộp
dl-action-move = Dời hạn
dl-action-cancel = Hủy hạn
dl-action-close = Khóa / mở nhận nộp muộn
dl-action-export_submissions = Xuất Excel tình hình nộp
dl-action-export_themes = Xuất danh sách chủ đề thi đua
dl-action-exit = Thoát
dl-bye = Đã đóng phần quản lý hạn nộp. Gõ /hannop để mở lại.
dl-ask_kind = Thêm hạn nộp. Chọn loại:
dl-ask_title =
    Loại: { $kind }.
    Mời nhập tên hạn nộp (3–300 ký tự), ví dụ: Báo cáo sơ kết 6 tháng đầu năm { $year }.
dl-bad_title = Tên hạn nộp cần từ 3 đến 300 ký tự, có chữ cái và không bắt đầu bằng dấu /.
dl-title_taken = Năm thi đua này đã có hạn nộp loại «{ $kind }» tên «{ $title }» (có thể đã bị hủy). Mời đặt tên khác.
dl-ask_due = Hạn nộp của «{ $title }»: mời nhập theo dạng dd/mm/yyyy HH:MM, ví dụ 30/11/{ $year } 17:00 (giờ Việt Nam). Chỉ nhập ngày thì hạn là 17:00 ngày đó.
dl-add_summary =
    Mời kiểm tra hạn nộp mới:
    • Loại: { $kind }
    • Tên: { $title }
    • Hạn nộp: { $weekday }, { $due }
    Khi xác nhận, các đơn vị sẽ được báo.
dl-redo_add = Nhập lại từ đầu
dl-added = ✅ Đã thêm hạn nộp «{ $title }», hạn { $due }.
dl-told = Đã gửi thông báo tới { $count } đầu mối của các đơn vị.
dl-told_none = Chưa đơn vị nào có đầu mối nên chưa báo được cho ai.
dl-due_empty = Mời gõ hạn nộp theo dạng dd/mm/yyyy HH:MM, ví dụ 30/11/2026 17:00.
dl-due_bad_format = Chưa đọc được «{ $text }». Mời nhập hạn nộp theo dạng dd/mm/yyyy HH:MM (ví dụ 30/11/2026 17:00) hoặc chỉ ngày dd/mm/yyyy (hạn là 17:00).
dl-due_no_such_day = Không có ngày giờ «{ $text }»: ngày, tháng hoặc giờ không hợp lệ. Mời nhập lại, ví dụ 30/11/2026 17:00.
dl-due_past = Thời điểm { $due } đã qua (bây giờ là { $now }). Mời nhập một hạn nộp trong tương lai.
dl-due_same = Hạn mới trùng với hạn hiện tại ({ $due }). Mời nhập ngày giờ khác.
dl-warn_holiday = ⚠️ Ngày { $date } là ngày nghỉ lễ ({ $holiday }), không phải ngày làm việc.
dl-warn_weekend = ⚠️ Ngày { $date } là { $weekday }, không phải ngày làm việc.
dl-due_effective = { $due }, hạn thực tế { $effective } do trùng ngày nghỉ
dl-warn_effective = Theo Điều 148 Bộ luật Dân sự 2015, hạn sẽ được tính đến { $effective } (ngày làm việc kế tiếp).
dl-warn_ask = Vẫn đặt hạn { $due }, hay nhập ngày khác? (Có thể gõ luôn ngày mới.)
dl-keep_date = Vẫn giữ ngày này
dl-other_date = Nhập ngày khác
dl-none_to_pick = Chưa có hạn nộp nào để chọn.
dl-pick_label = { $title } (hạn { $due })
dl-pick_move = Chọn hạn nộp cần dời:
dl-pick_cancel = Chọn hạn nộp cần hủy:
dl-pick_close = Chọn hạn nộp cần khóa (không nhận nộp nữa, kể cả nộp muộn) hoặc mở lại:
dl-pick_close_one = 🔒 Khóa: { $title } (hạn { $due })
dl-pick_reopen = 🔓 Mở lại: { $title } (hạn { $due })
dl-gone = Hạn nộp này không còn (có thể vừa bị hủy).
dl-ask_new_due =
    «{ $title }» đang có hạn { $due }.
    Mời nhập hạn mới theo dạng dd/mm/yyyy HH:MM (giờ Việt Nam); chỉ nhập ngày thì hạn là 17:00 ngày đó.
dl-move_confirm =
    Dời hạn nộp «{ $title }»
    từ { $old }
    sang { $weekday }, { $new }?
    Các đơn vị sẽ được báo và lịch nhắc việc được lập lại theo hạn mới.
dl-moved = ✅ Đã dời hạn «{ $title }» từ { $old } sang { $new }.
dl-cancel_confirm =
    Hủy hạn nộp «{ $title }» (hạn { $due })?
    Các đơn vị sẽ được báo, không còn nhắc việc và không nộp cho hạn này được nữa. Những gì đã nộp vẫn được lưu.
dl-cancelled = ✅ Đã hủy hạn nộp «{ $title }».
dl-closed = 🔒 Đã khóa «{ $title }» (hạn { $due }): từ nay không nhận thêm bài nộp, kể cả nộp muộn.
dl-reopened = 🔓 Đã mở lại «{ $title }»: các đơn vị nộp tiếp được (nộp sau { $due } tính là nộp muộn).
dl-notice_added = 📅 Thường trực { $block } thông báo hạn nộp mới: { $title }, hạn { $due }.
dl-notice_moved = 📅 Thường trực { $block } dời hạn nộp «{ $title }» từ { $old } sang { $new }.
dl-notice_cancelled = ❌ Thường trực { $block } đã hủy hạn nộp «{ $title }» (hạn { $due }). Đơn vị không cần nộp nội dung này nữa.
dl-plan_title = Lịch nhắc việc của { $block } (giờ Việt Nam, chỉ gửi cho đơn vị chưa nộp):
dl-plan_header = • { $title }, hạn { $due }
dl-plan_line = {"    "}{ $weekday } { $at }: { $what }{ $past }
dl-plan_before = nhắc trước { $n } ngày làm việc
dl-plan_due_day = hôm nay là hạn cuối
dl-plan_overdue = nhắc quá hạn lần { $n }
dl-plan_past = {" "}(đã qua)
dl-plan_empty = {"  "}(chưa có hạn nộp nào đang mở)
dl-group_closed = 🔒 Thường trực { $block } đã khóa nhận «{ $title }»: không nhận nộp thêm.
dl-group_reopened = 🔓 Thường trực { $block } đã mở lại nhận «{ $title }».
dl-cli-list_header = Hạn nộp năm { $year } của { $block }:
dl-cli-list_line = {"  "}#{ $id }  { $due }  { $kind }: { $title } (đã nộp { $done }/{ $total }){ $tags }
dl-cli-list_empty = {"  "}(chưa có hạn nộp nào)
dl-cli-tag_closed = {" "}[đã khóa]
dl-cli-tag_cancelled = {" "}[đã hủy]
dl-cli-missing = Thiếu { $arg }: { $hint }
dl-cli-hint_kind = loại hạn nộp, một trong: { $kinds }.
dl-cli-hint_title = tên hạn nộp, từ 3 đến 300 ký tự.
dl-cli-hint_due = hạn nộp dạng "dd/mm/yyyy HH:MM" (giờ Việt Nam) hoặc "dd/mm/yyyy" (17:00).
dl-cli-hint_out = đường dẫn tệp .xlsx sẽ ghi.
dl-cli-bad_kind = --kind không hợp lệ: «{ $value }». Dùng một trong: { $kinds }.
dl-cli-bad_title = --title không hợp lệ: «{ $value }». Tên cần từ 3 đến 300 ký tự, có chữ cái và không bắt đầu bằng dấu /.
dl-cli-title_taken = --title: năm { $year } đã có hạn nộp loại «{ $kind }» tên «{ $title }».
dl-cli-bad_due = --due không đọc được: «{ $value }». Dùng dạng "dd/mm/yyyy HH:MM", ví dụ "30/11/2026 17:00", hoặc "dd/mm/yyyy" (hạn là 17:00).
dl-cli-due_no_such_day = --due không có thật: «{ $value }» (ngày, tháng hoặc giờ không hợp lệ).
dl-cli-due_past = --due đã qua: { $due } (bây giờ là { $now }).
dl-cli-due_same = --due trùng với hạn hiện tại của #{ $id } ({ $due }).
dl-cli-warn_holiday = Lưu ý: { $date } là ngày nghỉ lễ ({ $holiday }), không phải ngày làm việc.
dl-cli-warn_weekend = Lưu ý: { $date } là { $weekday }, không phải ngày làm việc.
dl-cli-bad_id = { $arg } không hợp lệ: «{ $value }». Mã số hạn nộp là số nguyên, xem bằng: thidua deadline list
dl-cli-unknown_id = { $arg }: không có hạn nộp #{ $id }. Xem mã số bằng: thidua deadline list
dl-cli-is_cancelled = Hạn nộp #{ $id } «{ $title }» đã bị hủy; không thay đổi gì.
dl-cli-already_closed = Hạn nộp #{ $id } «{ $title }» đã khóa từ trước; không thay đổi gì.
dl-cli-not_closed = Hạn nộp #{ $id } «{ $title }» đang mở; không có gì để mở lại.
dl-cli-no_term = { $block } chưa có năm thi đua hiện hành.
dl-cli-added = Đã thêm hạn nộp #{ $id }: { $title } ({ $kind }), hạn { $due }. { $told }
dl-cli-moved = Đã dời hạn nộp #{ $id } «{ $title }» từ { $old } sang { $new }. { $told }
dl-cli-cancelled = Đã hủy hạn nộp #{ $id } «{ $title }». { $told }
dl-cli-closed = Đã khóa hạn nộp #{ $id } «{ $title }»: không nhận thêm bài nộp, kể cả nộp muộn.
dl-cli-reopened = Đã mở lại hạn nộp #{ $id } «{ $title }».
dl-cli-bad_before = --before không hợp lệ: «{ $value }». Cần các số ngày làm việc trước hạn từ 1 đến 60, cách nhau bởi dấu phẩy (ví dụ 7,3,1); để trống ("") để không nhắc trước hạn.
dl-cli-bad_overdue_every = --overdue-every không hợp lệ: «{ $value }». Cần một số nguyên từ 1 đến 30 (ngày làm việc).
dl-cli-bad_overdue_times = --overdue-times không hợp lệ: «{ $value }». Cần một số nguyên từ 0 đến 20.
dl-cli-not_in_block = --deadline #{ $id } không thuộc { $block }.
dl-cli-policy_block = Lịch nhắc chung của { $block }
dl-cli-policy_deadline = Lịch nhắc của hạn nộp #{ $id } «{ $title }»
dl-cli-policy = { $target }: nhắc trước hạn { $before } ngày làm việc; nhắc sáng ngày hạn: { $due_day }; quá hạn nhắc mỗi { $every } ngày làm việc, tối đa { $times } lần. Nhắc lúc 08:00 các ngày làm việc.
dl-cli-policy_saved = Đã lưu.
dl-cli-policy_no_before = (không)
dl-cli-yes = có
dl-cli-no = không
export-sheet_submissions = Tình hình nộp
export-sheet_themes = Chủ đề thi đua
export-submissions_title = TÌNH HÌNH NỘP BÁO CÁO CỦA { $block } NĂM { $year }
export-themes_title = DANH SÁCH CHỦ ĐỀ THI ĐUA NĂM { $year } CỦA CÁC ĐƠN VỊ { $block }
export-as_of = (Số liệu tính đến { $now })
export-col_no = STT
export-col_code = Mã đơn vị
export-col_unit = Tên đơn vị
export-col_unit_name = Đơn vị
export-col_date = Ngày nộp
export-col_status = Tình trạng
export-col_form = Hình thức
export-col_theme = Chủ đề thi đua
export-col_registered = Ngày đăng ký
export-deadline_header =
    { $title }
    (hạn { $due })
export-on_time_supplement = Đúng hạn (bổ sung { $at })
export-on_time = Đúng hạn
export-late = Muộn
export-missing = Chưa nộp
export-form_document = Tệp { $name }
export-form_document_unnamed = Tệp
export-form_dispatch = Công văn số { $number } ngày { $date }
export-form_dispatch_undated = Công văn số { $number }
export-form_theme = Chủ đề: { $theme }
export-form_assessment = Bảng tự chấm điểm
export-total = Cộng
export-total_line = Đã nộp { $done }/{ $total } (đúng hạn { $on_time }, muộn { $late })
export-no_theme = (Chưa đăng ký)
export-print_page = Trang &P/&N
export-sign_title = TRƯỞNG KHỐI
export-sign_hint = (Ký, ghi rõ họ tên, đóng dấu)
export-submissions_filename = tinh-hinh-nop-{ $year }.xlsx
export-themes_filename = chu-de-thi-dua-{ $year }.xlsx
export-submissions_caption = 📎 Tình hình nộp của { $block }, năm { $year } (số liệu lúc { $now }).
export-themes_caption = 📎 Danh sách chủ đề thi đua năm { $year } của các đơn vị { $block }: { $done }/{ $total } đơn vị đã đăng ký.
export-cli-bad_out = --out phải là một tệp .xlsx: «{ $value }».
export-cli-no_dir = --out: thư mục { $dir } không tồn tại.
export-cli-write_failed = --out: không ghi được { $path } ({ $error }).
export-cli-written_submissions = Đã ghi { $path }: { $units } đơn vị, { $deadlines } hạn nộp.
export-cli-written_themes = Đã ghi { $path }: { $done }/{ $total } đơn vị đã đăng ký chủ đề thi đua.
grp_morning = 📋 Nhắc hạn sáng nay, { $block }: các đơn vị chưa nộp
