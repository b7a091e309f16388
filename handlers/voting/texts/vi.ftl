# voting: Vietnamese texts. See README, "Correcting a text".

menu-polls = Bầu chọn
poll-kind-flag = Cờ thi đua
poll-kind-certificate = Bằng khen
poll-kind-head = Trưởng khối
poll-kind-deputy = Phó Trưởng khối
poll-kind-custom = Biểu quyết khác
poll-status-draft = 📝 chưa mở
poll-status-open = 🟢 đang bỏ phiếu
poll-status-closed = 🔒 đã đóng
poll-question-flag = Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm { $year }
poll-question-certificate = Bình xét các đơn vị đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm { $year }
poll-question-head = Bầu đơn vị Trưởng khối năm { $year }
poll-question-deputy = Bầu đơn vị Phó Trưởng khối năm { $year }
poll-question-custom = Biểu quyết của khối năm { $year }
poll-runoff-question = Bầu lại giữa các đơn vị đồng phiếu – { $question }
poll-no_term = Khối chưa có năm thi đua hiện hành nên chưa chuẩn bị bầu chọn được.
poll-list_header = 🗳 Bầu chọn năm { $year } — { $block }:
poll-list_line = • #{ $id } { $kind }: { $question } — { $status }{ $extra }
poll-list_open = {" "}({ $voted }/{ $members } đơn vị đã bỏ phiếu)
poll-list_elected = {" "}· trúng cử: { $units }
poll-list_invalid = {" "}· không đủ túc số
poll-list_tied = {" "}· đồng phiếu, cần bầu lại
poll-list_empty = (Chưa có phiếu bầu nào.)
poll-list_footer = Chuẩn bị phiếu bầu mới, hoặc chọn một phiếu để xem, mở, đóng:
poll-list_footer_observer = Chọn một phiếu để xem (chỉ xem):
poll-page_header = 🗳 Phiếu bầu #{ $id } — { $status }
poll-page_runoff_of = Bầu lại giữa các đơn vị đồng phiếu của phiếu #{ $id }.
poll-page_opened = Mở lúc { $at }.
poll-page_closes = Tự đóng lúc { $at }.
poll-turnout = 📊 { $voted }/{ $members } đơn vị đã bỏ phiếu
poll-not_found = Không tìm thấy phiếu bầu #{ $id } của khối.
poll-bye = Đã thoát phần bầu chọn. Gõ /baucu để quay lại.
poll-settings-head =
    Loại: { $kind }
    Nội dung: { $question }
poll-settings-candidates = Danh sách ứng viên ({ $count } đơn vị, theo thứ tự trên phiếu):
poll-settings-candidate = {"  "}{ $n }. { $unit }
poll-settings-rules =
    Số đơn vị được bầu: { $seats } · mỗi phiếu chọn tối đa { $max_choices }
    { $self_rule }
    Trúng cử khi có số phiếu quá { $threshold }% tổng số đơn vị thành viên và thuộc { $seats } đơn vị có số phiếu cao nhất
    Túc số: { $quorum } tổng số đơn vị thành viên
poll-settings-when = Thời gian bỏ phiếu: { $limit } · Địa điểm: { $place }
poll-self-yes = Đơn vị được bầu cho chính mình
poll-self-no = Đơn vị không được bầu cho chính mình
poll-blank-valid = Phiếu trắng (không chọn đơn vị nào): tính là phiếu hợp lệ, không bầu cho đơn vị nào
poll-blank-invalid = Phiếu trắng (không chọn đơn vị nào): tính là phiếu không hợp lệ (như Luật Bầu cử)
poll-limit-none = không giới hạn (Thường trực đóng)
poll-limit-minutes = { $minutes } phút
poll-place-none = (chưa ghi)
poll-ask_kind = Chuẩn bị phiếu bầu mới. Bầu chọn nội dung gì?
poll-ask_question =
    Nội dung ghi trên phiếu:
    «{ $question }»
    {""}
    Bấm «Giữ nội dung này», hoặc gõ nội dung khác.
poll-ask_candidates = Ứng viên là những đơn vị nào?
poll-ask_top =
    Lấy bao nhiêu đơn vị điểm cao nhất làm ứng viên? Gõ một số, ví dụ 5 (các đơn vị đồng điểm với đơn vị cuối cùng cũng được đưa vào).
    Gõ «quay lại» để chọn cách khác.
poll-ask_units =
    Gõ số thứ tự hoặc mã của các đơn vị ứng viên, cách nhau bởi dấu cách hoặc dấu phẩy, ví dụ: 1 3 5-7 hoặc BHXH, YTE. Thứ tự gõ là thứ tự trên phiếu.
    Gõ «quay lại» để chọn cách khác.
poll-unit_line = { $n }. { $code } — { $unit }
poll-ask_seats = Bầu bao nhiêu đơn vị? (có { $candidates } ứng viên; mặc định { $seats }) Bấm một số hoặc gõ số khác.
poll-ask_max =
    Mỗi phiếu được chọn tối đa bao nhiêu đơn vị? Hiện tại: { $value } (số đơn vị được bầu: { $seats }).
    Gõ một số, hoặc «quay lại» để giữ nguyên.
poll-ask_threshold =
    Ngưỡng trúng cử: trên bao nhiêu % tổng số đơn vị thành viên? Hiện tại: { $threshold }%.
    Gõ số phần trăm, ví dụ 50 hoặc 50%, hoặc «quay lại» để giữ nguyên.
poll-ask_quorum =
    Túc số: phải có ít nhất bao nhiêu phần đơn vị thành viên bỏ phiếu thì kết quả mới hợp lệ? Hiện tại: { $quorum }.
    Gõ phân số như 2/3, hoặc phần trăm như 50%, hoặc 0 nếu không cần túc số; «quay lại» để giữ nguyên.
poll-ask_time =
    Thời gian bỏ phiếu (phút) — hết giờ phiếu tự đóng. Hiện tại: { $minutes } (0 = không giới hạn).
    Gõ số phút, ví dụ 15, hoặc «không» nếu Thường trực sẽ tự đóng; «quay lại» để giữ nguyên.
poll-ask_place =
    Địa điểm họp (ghi vào biên bản kiểm phiếu). Hiện tại: { $place }.
    Gõ địa điểm, hoặc «không» để bỏ trống; «quay lại» để giữ nguyên.
poll-summary_header = Kiểm tra phiếu bầu trước khi lưu:
poll-top_chosen = Ứng viên theo điểm (top { $n }): { $count } đơn vị — { $units }.
poll-no_scores = Chưa có điểm thi đua đã nộp nên chưa lấy được danh sách theo điểm.
poll-saved = ✅ Đã lưu phiếu bầu #{ $id }: { $question }
poll-bad-question = Xin gõ nội dung ghi trên phiếu (hoặc bấm «Giữ nội dung này»).
poll-bad-top = Xin gõ một số từ 1 đến { $units }, ví dụ 5.
poll-bad-units = Chưa nhận ra: { $unknown }. Xin gõ số thứ tự (1 đến { $count }) hoặc mã đơn vị trong danh sách, ví dụ: 1 3 5-7.
poll-bad-seats = Xin gõ một số từ 1 đến { $candidates }.
poll-bad-max = Xin gõ một số từ 1 đến { $candidates }.
poll-bad-threshold = Xin gõ số phần trăm nguyên từ 0 đến 99, ví dụ 50.
poll-bad-quorum = Xin gõ phân số như 2/3, phần trăm như 50%, hoặc 0.
poll-bad-time = Xin gõ số phút từ 1 đến 1440 (ví dụ 15), hoặc «không».
poll-bad-place = Xin gõ địa điểm họp, hoặc «không».
poll-bad-no_candidates = ⚠️ Chưa có ứng viên nào.
poll-bad-seats_over_candidates = ⚠️ Số đơn vị được bầu ({ $seats }) nhiều hơn số ứng viên ({ $candidates }).
poll-bad-max_choices = ⚠️ Số lựa chọn tối đa mỗi phiếu ({ $max_choices }) phải từ 1 đến { $candidates }.
poll-action-new = ➕ Chuẩn bị phiếu bầu mới
poll-action-show = #{ $id } { $kind }
poll-action-exit = Thoát
poll-action-back = « Quay lại
poll-action-keep_question = Giữ nội dung này
poll-action-all_units = Tất cả đơn vị thành viên ({ $count })
poll-action-top_by_score = Các đơn vị điểm cao nhất
poll-action-pick_units = Chọn từng đơn vị
poll-action-save = 💾 Lưu (chưa mở)
poll-action-save_open = ▶️ Lưu và mở bỏ phiếu ngay
poll-action-e-question = Sửa nội dung
poll-action-e-candidates = Sửa danh sách ứng viên
poll-action-e-seats = Số đơn vị được bầu
poll-action-e-max = Số lựa chọn tối đa mỗi phiếu
poll-action-e-threshold = Ngưỡng trúng cử
poll-action-e-quorum = Túc số
poll-action-e-time = Thời gian bỏ phiếu
poll-action-e-place = Địa điểm
poll-action-allow_self = Cho phép tự bầu cho mình
poll-action-forbid_self = Không cho tự bầu cho mình
poll-action-blank_valid = Tính phiếu trắng là phiếu hợp lệ
poll-action-blank_invalid = Tính phiếu trắng là phiếu không hợp lệ
poll-action-drop_draft = Bỏ bản nháp này
poll-action-open = ▶️ Mở bỏ phiếu
poll-action-confirm_open = ✅ Mở và gửi phiếu
poll-action-refresh = 🔄 Cập nhật số phiếu
poll-action-close = ⏹ Đóng bỏ phiếu và kiểm phiếu
poll-action-confirm_close = ✅ Đóng và kiểm phiếu
poll-action-minutes = 📄 Biên bản kiểm phiếu
poll-action-receipts = 🧾 Danh sách phiếu (mã biên nhận)
poll-action-runoff = 🔁 Bầu lại giữa các đơn vị đồng phiếu
poll-confirm_open =
    Mở phiếu bầu #{ $id } «{ $question }»?
    Phiếu sẽ được gửi ngay đến đầu mối của { $members } đơn vị thành viên.
poll-opened =
    🟢 Đã mở phiếu bầu #{ $id }: { $question }
    Đã gửi phiếu đến { $ballots }/{ $members } đơn vị (mỗi đơn vị một phiếu, qua đầu mối của đơn vị).{ $until }
    Màn hình chiếu: /manhinh
poll-opened_until =
    {""}
    Phiếu tự đóng lúc { $at }.
poll-open-not_draft = Phiếu bầu #{ $id } đã được mở rồi (có thể do đồng nghiệp vừa mở).
poll-open-other_open = Đang bỏ phiếu #{ $id } «{ $question }». Xin đóng phiếu đó trước khi mở phiếu khác.
poll-open-no_members = Khối chưa có đơn vị thành viên nào nên chưa mở phiếu được.
poll-confirm_close =
    Đóng phiếu bầu #{ $id } «{ $question }» và kiểm phiếu?
    Đã có { $voted }/{ $members } đơn vị bỏ phiếu; sau khi đóng, phiếu đến muộn sẽ không được nhận.
poll-close-not_open = Phiếu bầu #{ $id } không còn đang mở (có thể đã tự đóng hoặc đồng nghiệp vừa đóng).
poll-result_header =
    🗳 KẾT QUẢ KIỂM PHIẾU #{ $id } — { $block }
    { $question }
poll-result_turnout = Số đơn vị thành viên: { $members } · đã bỏ phiếu: { $returned } ({ $turnout }%) · phiếu hợp lệ: { $valid } · không hợp lệ: { $invalid } · phiếu trắng: { $blank }
poll-result_no_quorum = ⚠️ Không đủ túc số — kết quả không hợp lệ ({ $returned }/{ $members } đơn vị bỏ phiếu, cần ít nhất { $need }).
poll-result_rule = Tỷ lệ tính trên tổng số đơn vị thành viên; trúng cử khi có số phiếu quá { $threshold }% tổng số đơn vị thành viên và thuộc { $seats } đơn vị có số phiếu cao nhất.
poll-result_line = { $n }. { $unit }: { $votes } phiếu ({ $pct }%) { $mark }
poll-mark_elected = ✅ trúng cử
poll-mark_tied = ⚖️ đồng phiếu
poll-result_elected = Trúng cử: { $units }.
poll-result_none_elected = Không đơn vị nào trúng cử.
poll-result_tie = ⚖️ Đồng phiếu ở vị trí cuối giữa { $units } (còn { $seats } suất): cần bầu lại giữa các đơn vị này.
poll-receipts_header = 🧾 Danh sách { $count } phiếu đã kiểm của phiếu bầu #{ $id } (mã băm SHA-256 của mã biên nhận; đơn vị kiểm tra phiếu của mình bằng /kiemtra MÃ):
poll-receipts_none = (không có phiếu nào)
poll-receipts_counted = 🧾 Đã kiểm { $count } phiếu của phiếu bầu #{ $id }; danh sách mã băm của các mã biên nhận ở tệp đính kèm (nút «Danh sách phiếu»).
poll-receipts_explain = Mã biên nhận giúp đơn vị tự kiểm tra phiếu của mình đã được kiểm (gõ /kiemtra MÃ) mà không để lộ đơn vị đã chọn ai.
poll-receipts_not_yet = Danh sách phiếu chỉ được công bố sau khi đóng phiếu bầu #{ $id }.
poll-closed_staff_hint = Bấm «Biên bản kiểm phiếu» để nhận biên bản (DOCX). Xem lại bất cứ lúc nào: /baucu
poll-minutes_caption = 📄 Biên bản kiểm phiếu của phiếu bầu #{ $id }.
poll-runoff-not_closed = Phiếu bầu #{ $id } chưa đóng nên chưa bầu lại được.
poll-runoff-no_tie = Phiếu bầu #{ $id } không có đồng phiếu cần bầu lại.
poll-runoff-exists = Đã có phiếu bầu lại #{ $id }.
poll-cli-bad_id = Số phiếu bầu «{ $value }» không hợp lệ: cần một số, ví dụ 3 (xem: thidua poll list).
poll-cli-bad_kind = --kind «{ $value }» không hợp lệ; chọn một trong: { $kinds }.
poll-cli-bad_top = --candidates «{ $value }»: sau «top:» cần một số từ 1 đến { $units }.
poll-cli-bad_candidates = --candidates: chưa nhận ra { $unknown }. Mã đơn vị của khối: { $codes }.
poll-cli-bad_seats = --seats «{ $value }» không hợp lệ: cần một số từ 1 đến số ứng viên.
poll-cli-bad_max = --max-choices «{ $value }» không hợp lệ: cần một số từ 1 đến số ứng viên.
poll-cli-bad_threshold = --threshold «{ $value }» không hợp lệ: cần số phần trăm nguyên từ 0 đến 99.
poll-cli-bad_blank = --blank «{ $value }» không hợp lệ: gõ valid (phiếu trắng là phiếu hợp lệ) hoặc invalid (phiếu trắng là phiếu không hợp lệ).
poll-cli-bad_quorum = --quorum «{ $value }» không hợp lệ: cần phân số như 2/3, phần trăm như 50%, hoặc 0.
poll-cli-bad_minutes = --minutes «{ $value }» không hợp lệ: cần số phút từ 1 đến 1440, hoặc 0.
poll-cli-minutes_written = Đã ghi biên bản kiểm phiếu của phiếu bầu #{ $id } vào { $path }.
poll-cli-write_failed = Không ghi được { $path }: { $error }
vote-notice =
    🗳️ Bỏ phiếu kín: { $question }
    { $block }
    Đơn vị của bạn: { $unit }. Số được bầu: { $seats }; mỗi phiếu chọn tối đa { $max } đơn vị.{ $closes }
    Bấm «Mở phiếu bầu» (hoặc gõ /bophieu) để bỏ phiếu. Mỗi đơn vị chỉ bỏ một phiếu: đầu mối nào xác nhận trước thì phiếu đó được tính.
vote-notice_closes =
    {""}
    Hạn bỏ phiếu: { $at }.
vote-group_opened =
    🗳️ { $block } mở bỏ phiếu kín: { $question }
    { $members } đơn vị thành viên bỏ phiếu, mỗi đơn vị một phiếu, trong tin nhắn riêng với bot (bấm «Mở phiếu bầu» hoặc gõ /bophieu ở đó).{ $closes }
vote-group_turnout =
    📊 { $block } — bỏ phiếu kín: { $question }
    Đã có { $voted }/{ $members } đơn vị bỏ phiếu.
vote-group_quorum = Đã đủ số đơn vị tối thiểu để cuộc bỏ phiếu hợp lệ.
vote-open_ballot = 🗳️ Mở phiếu bầu
vote-not_voter = Chức năng bỏ phiếu chỉ dành cho đầu mối của các đơn vị thành viên và Thường trực Khối.
vote-none = Hiện không có cuộc bỏ phiếu nào đang mở mà đơn vị của bạn chưa bỏ phiếu.
vote-pick = Có { $count } cuộc bỏ phiếu đang chờ đơn vị của bạn. Chọn cuộc bỏ phiếu:
vote-gone = Cuộc bỏ phiếu này không còn, hoặc không thuộc khối của bạn. Gõ /bophieu để xem các cuộc bỏ phiếu đang mở.
vote-not_open = Cuộc bỏ phiếu «{ $question }» chưa được mở.
vote-closed = Cuộc bỏ phiếu «{ $question }» đã kết thúc lúc { $at }, nên phiếu này không được nhận.
vote-already = { $unit } đã bỏ phiếu cho «{ $question }». Mỗi đơn vị chỉ bỏ một phiếu; phiếu đã bỏ không sửa được.
vote-not_allowed = Bạn không còn là đầu mối của đơn vị thành viên nên không bỏ phiếu được nữa. Phiếu chưa được gửi.
vote-ballot =
    🗳️ PHIẾU BẦU — { $question }
    Đơn vị bỏ phiếu: { $unit }
    Số được bầu: { $seats }; chọn tối đa { $max } đơn vị.
vote-ballot_no_self = Phiếu này không cho phép đơn vị tự bầu cho mình.
vote-ballot_hint = Chọn hoặc bỏ chọn từng đơn vị bằng số thứ tự (hoặc bấm nút); gõ nhiều số, ví dụ «1 3», để chọn lại cả danh sách.
vote-chosen = Đang chọn ({ $count }/{ $max }): { $names }
vote-chosen_none = Chưa chọn đơn vị nào.
vote-mark_on = ☑ { $name }
vote-mark_off = ☐ { $name }
vote-review_button = ✔️ Xem lại và xác nhận
vote-blank_button = Phiếu trắng
vote-later = Để sau
vote-later_done = Phiếu chưa được gửi. Khi sẵn sàng, gõ /bophieu để bỏ phiếu.
vote-too_many = Phiếu này chỉ được chọn tối đa { $max } đơn vị. Mời bỏ chọn bớt rồi chọn lại.
vote-self_refused = Phiếu này không cho phép đơn vị tự bầu cho mình ({ $unit }).
vote-bad_shape = Mời gõ số thứ tự của các đơn vị muốn chọn, cách nhau bởi dấu cách hoặc dấu phẩy, ví dụ «1 3».
vote-bad_number = Không có đơn vị số { $number } trên phiếu; số thứ tự chỉ từ 1 đến { $count }.
vote-review =
    Mời kiểm tra lại phiếu bầu — { $question }
    Đơn vị bỏ phiếu: { $unit }
    { $choices }
    {""}
    Sau khi xác nhận, phiếu không sửa được nữa.
vote-review_blank = Phiếu trắng (không chọn đơn vị nào).
vote-review_line = • { $position }. { $name }
vote-confirm = ✅ Xác nhận bỏ phiếu
vote-edit = Sửa lại
vote-cast =
    ✅ Đã ghi nhận phiếu bầu của { $unit } — «{ $question }».
    🔑 Mã biên nhận: { $code }
    Mã này chỉ hiện một lần và không được lưu ở đâu: hãy chép lại. Sau khi kết thúc bỏ phiếu, gõ /kiemtra { $code } để kiểm tra phiếu của đơn vị đã được tính. Phiếu là phiếu kín: không ai xem được đơn vị đã chọn ai.
vote-unit_voted = 🗳️ { $unit } đã bỏ phiếu cho «{ $question }» ({ $name } xác nhận). Mỗi đơn vị chỉ bỏ một phiếu.
vote-receipt_usage = Dùng: /kiemtra MÃ-BIÊN-NHẬN (12 ký tự, ví dụ /kiemtra ABCD-EFGH-JKMN).
vote-receipt_malformed = Mã biên nhận gồm 12 chữ và số (ví dụ ABCD-EFGH-JKMN). Mời kiểm tra lại.
vote-receipt_unknown = Không có phiếu nào với mã biên nhận này trong các cuộc bỏ phiếu của khối. Mời kiểm tra lại mã.
vote-receipt_throttled = Bạn đã nhập sai mã nhiều lần. Mời thử lại sau { $minutes } phút.
vote-receipt_in_box = 🗳️ Phiếu có mã biên nhận này đã ở trong hòm phiếu của «{ $question }» (đang bỏ phiếu). Phiếu sẽ được tính khi kết thúc.
vote-receipt_counted = ✅ Phiếu có mã biên nhận này đã được tính trong kết quả của «{ $question }» (kết thúc lúc { $at }; { $count } phiếu). Mã băm công bố: { $hash }
meeting-not_allowed = Chỉ Thường trực Khối và Ban Thi đua - Khen thưởng tỉnh được lấy đường dẫn màn hình phòng họp.
meeting-no_term = Khối chưa có năm thi đua hiện hành nên chưa có màn hình phòng họp.
meeting-link =
    🖥 Màn hình phòng họp của { $block } (năm { $year }). Mở đường dẫn này trên máy tính nối máy chiếu:
    { $url }
meeting-link_note = Trang chỉ để xem: số đơn vị đã bỏ phiếu, thời gian còn lại và kết quả sau khi đóng phiếu. Trang không bao giờ cho biết đơn vị nào đã bầu ai. Đường dẫn có mã bí mật: đừng gửi ra ngoài cuộc họp.
meeting-page_title = Màn hình phòng họp
meeting-no_poll = Chưa có cuộc bỏ phiếu nào đang mở
meeting-status_open = Đang bỏ phiếu
meeting-status_closed = Đã đóng phiếu – kết quả
meeting-turnout = { $voted }/{ $members } đơn vị đã bỏ phiếu
meeting-time_left = Thời gian còn lại
meeting-quorum_target = Cần ít nhất { $need }/{ $members } đơn vị bỏ phiếu để cuộc bỏ phiếu hợp lệ
meeting-ballots = Phiếu phát ra: { $members } · thu về: { $returned } · hợp lệ: { $valid } · không hợp lệ: { $invalid } · trắng: { $blank }
meeting-votes = { $votes } phiếu · { $pct }%
meeting-elected_mark = ✓ Trúng cử
meeting-tied_mark = = Bằng phiếu
meeting-rule = Trúng cử: có số phiếu quá { $threshold }% tổng số { $members } đơn vị thành viên và thuộc { $seats } đơn vị có số phiếu cao nhất.
meeting-none_elected = Không đơn vị nào trúng cử.
meeting-tied_note = Các đơn vị bằng phiếu ở vị trí cuối: bỏ phiếu lại cho { $seats } vị trí còn lại.
meeting-quorum_not_met = Không đủ số đơn vị tham gia ({ $returned }/{ $members }, cần ít nhất { $num }/{ $den }): kết quả bỏ phiếu không có giá trị.
meeting-offline = Mất kết nối với máy chủ, đang thử lại…
meeting-sandbox_title = Hộp thử thi đua
meeting-sandbox_intro = Mỗi khung là một người dùng trò chuyện riêng với bot, như trên Telegram. Đặt tên cho từng người, rồi gõ /start kèm mã mời (bấm một mã bên dưới để chép vào khung đang chọn).
meeting-sandbox_invites = Mã mời của khối
meeting-sandbox_screen = Màn hình phòng họp (máy chiếu)
meeting-sandbox_name = Tên người dùng
meeting-sandbox_message = Nhập tin nhắn…
meeting-sandbox_send = Gửi
meeting-sandbox_add = + Thêm người
meeting-sandbox_download = Tải về
meeting-sandbox_no_download = (tệp không còn trong hộp thử)
meeting-sandbox_bad_name = Tên chỉ gồm chữ, số, dấu gạch (tối đa 32 ký tự).
meeting-sandbox_error = Không gửi được, thử lại.
meeting-sandbox_started = Hộp thử trên trình duyệt: { $url }
meeting-sandbox_unavailable = Không mở được hộp thử trên trình duyệt ở { $host }:{ $port } ({ $reason }); hộp thử trong terminal vẫn chạy.
minutes-superior = UBND tỉnh { $province }
minutes-number = Số: …/BB-KTĐ
minutes-motto_1 = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
minutes-motto_2 = Độc lập - Tự do - Hạnh phúc
minutes-place_date = { $province }, ngày { $day } tháng { $month } năm { $year }
minutes-title = BIÊN BẢN KIỂM PHIẾU
minutes-runoff_note = (Bỏ phiếu lại giữa các đơn vị bằng phiếu nhau của cuộc bỏ phiếu «{ $question }»)
minutes-opening = Hôm nay, vào lúc { $time } ngày { $date }{ $at_place }, { $block } tổ chức bỏ phiếu kín: { $question }.
minutes-at_place = , tại { $place }
minutes-how = Mỗi đơn vị thành viên có một phiếu, do đầu mối của đơn vị bỏ phiếu qua ứng dụng Trợ lý thi đua; danh sách đơn vị đã bỏ phiếu và nội dung các phiếu được lưu tách biệt, bảo đảm bí mật. Thời gian bỏ phiếu: từ { $opened } đến { $closed }.
minutes-time = { $hour } giờ { $minute } phút
minutes-section_board = I. BAN KIỂM PHIẾU
minutes-board_head = 1. Ông (Bà): ……………………………………… – Trưởng ban
minutes-board_secretary = 2. Ông (Bà): ……………………………………… – Thư ký
minutes-board_member = 3. Ông (Bà): ……………………………………… – Thành viên
minutes-section_members = II. ĐƠN VỊ THÀNH VIÊN
minutes-members_intro = Khối có { $count } đơn vị thành viên:
minutes-member_line = { $i }. { $name }
minutes-section_ballots = III. KẾT QUẢ KIỂM PHIẾU
minutes-issued = - Số phiếu phát ra: { $count }
minutes-returned = - Số phiếu thu vào: { $count }
minutes-valid = - Số phiếu hợp lệ: { $count }
minutes-invalid = - Số phiếu không hợp lệ: { $count }
minutes-blank = - Số phiếu trắng (không chọn đơn vị nào): { $count }
minutes-blank_valid = Theo quy định của cuộc bỏ phiếu, phiếu trắng được tính là phiếu hợp lệ (đã gồm trong số phiếu hợp lệ) và không bầu cho đơn vị nào.
minutes-blank_invalid = Theo quy định của cuộc bỏ phiếu, như Luật Bầu cử, phiếu trắng được tính là phiếu không hợp lệ (đã gồm trong số phiếu không hợp lệ).
minutes-quorum_met = Số phiếu thu vào ({ $returned }/{ $members } đơn vị) đạt tỷ lệ tối thiểu { $num }/{ $den } tổng số đơn vị thành viên: cuộc bỏ phiếu hợp lệ.
minutes-quorum_not_met = Số phiếu thu vào ({ $returned }/{ $members } đơn vị) chưa đạt tỷ lệ tối thiểu { $num }/{ $den } tổng số đơn vị thành viên: cuộc bỏ phiếu không hợp lệ.
minutes-table_intro = Số phiếu bầu của từng đơn vị (tỷ lệ tính trên tổng số { $members } đơn vị thành viên):
minutes-col_no = STT
minutes-col_unit = Đơn vị
minutes-col_votes = Số phiếu
minutes-col_pct = Tỷ lệ %
minutes-col_note = Ghi chú
minutes-note_elected = Trúng cử
minutes-note_tied = Bằng phiếu
minutes-section_result = IV. KẾT QUẢ
minutes-rule = Đơn vị trúng cử khi có số phiếu quá { $threshold }% tổng số đơn vị thành viên và thuộc { $seats } đơn vị có số phiếu cao nhất.
minutes-elected_header = Các đơn vị trúng cử:
minutes-elected_line = { $i }. { $name }: { $votes } phiếu, đạt { $pct }%.
minutes-elected_none = Không có đơn vị nào trúng cử vì không đơn vị nào có số phiếu quá { $threshold }% tổng số { $members } đơn vị thành viên (cần ít nhất { $need } phiếu).
minutes-elected_none_best = Đơn vị có số phiếu cao nhất là { $name } với { $votes } phiếu, đạt { $pct }%.
minutes-invalid_none = Cuộc bỏ phiếu không hợp lệ (số phiếu thu vào chưa đạt tỷ lệ tối thiểu) nên không có đơn vị nào trúng cử.
minutes-tie = Các đơn vị { $names } bằng phiếu nhau ở vị trí cuối: { $seats } vị trí còn lại sẽ được bỏ phiếu lại giữa các đơn vị này.
minutes-closing = Biên bản kiểm phiếu lập xong lúc …… giờ …… phút cùng ngày, đã được công bố trước hội nghị; các thành viên Ban kiểm phiếu cùng ký tên dưới đây.
minutes-sign_head = TRƯỞNG BAN KIỂM PHIẾU
minutes-sign_secretary = THƯ KÝ
minutes-sign_member = THÀNH VIÊN
minutes-sign_hint = (Ký, ghi rõ họ tên)
minutes-no_poll = Không có cuộc bỏ phiếu số { $poll }.
minutes-not_counted = Cuộc bỏ phiếu số { $poll } chưa đóng và kiểm phiếu nên chưa lập được biên bản.
