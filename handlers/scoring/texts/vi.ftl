# scoring: Vietnamese texts. See README, "Correcting a text".

sheet_file-errors_header = Tệp bảng tiêu chí có { $count } lỗi:
sheet_file-errors_more = … và { $count } lỗi khác.
sheet_file-file_missing = không tìm thấy tệp { $path }
sheet_file-file_unreadable = không đọc được tệp { $path } ({ $reason })
sheet_file-file_empty = tệp { $path } không có nội dung
sheet_file-file_too_large = tệp { $path } quá lớn (tối đa { $limit_mb } MB)
sheet_file-file_format = không nhận ra định dạng tệp { $path }: hãy dùng tệp .yaml, .yml hoặc .xlsx
sheet_file-file_xls = tệp { $path } là Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dưới dạng .xlsx
sheet_file-file_not_utf8 = tệp { $path } không phải văn bản UTF-8 (lỗi ở dòng { $line }): hãy lưu lại với bảng mã UTF-8
sheet_file-yaml_syntax = tệp YAML sai cú pháp ở dòng { $line }, cột { $column }: { $detail }
sheet_file-yaml_too_deep = tệp YAML lồng nhau quá sâu
sheet_file-yaml_duplicate_key = mục "{ $name }" xuất hiện hai lần (dòng { $line })
sheet_file-yaml_bad_key = tên mục phải là chữ (dòng { $line })
sheet_file-xlsx_broken = không mở được tệp Excel { $path }: tệp hỏng hoặc không phải .xlsx
sheet_file-not_criteria_file = tệp không có dạng bảng tiêu chí: cần các mục sheet, sections (và bonus, deductions nếu có)
sheet_file-part_missing = thiếu mục bắt buộc
sheet_file-not_mapping = phải gồm các mục dạng tên: giá trị ({ $fields })
sheet_file-not_list = phải là một danh sách
sheet_file-unknown_key = mục "{ $name }" không được hỗ trợ (chỉ dùng: { $allowed })
sheet_file-sheet_missing = thiếu sheet "{ $sheet }" (hoặc "{ $alias }")
sheet_file-sheet_empty = sheet trống: cần dòng tiêu đề với các cột { $columns }
sheet_file-column_missing = thiếu cột "{ $column }"
sheet_file-column_duplicate = cột "{ $column }" xuất hiện hai lần
sheet_file-label_missing = thiếu tên mục ở cột A
sheet_file-label_unknown = mục "{ $label }" không được hỗ trợ (chỉ dùng: { $allowed })
sheet_file-label_duplicate = mục "{ $label }" bị lặp (đã có ở { $first })
sheet_file-too_many_rows = sheet có hơn { $limit } dòng
sheet_file-required = bắt buộc nhưng đang để trống
sheet_file-not_text = phải là chữ, không phải { $got }
sheet_file-bad_char = có ký tự điều khiển không hợp lệ
sheet_file-too_long = dài quá { $limit } ký tự
sheet_file-code_invalid = mã "{ $value }" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, ".", "_" và "-", tối đa 20 ký tự
sheet_file-criterion_duplicate = mã tiêu chí "{ $value }" bị trùng (đã có ở { $first })
sheet_file-section_duplicate = mã mục "{ $value }" bị trùng (đã có ở { $first })
sheet_file-section_empty = mục "{ $code }" không có tiêu chí nào
sheet_file-section_title_conflict = tên mục "{ $value }" khác với tên đã ghi ở { $first }
sheet_file-no_sections = bảng tiêu chí phải có ít nhất một mục
sheet_file-kind_invalid = loại "{ $value }" không hợp lệ: dùng một trong { $allowed }
sheet_file-not_number = "{ $value }" không phải là số (viết như 9,5 hoặc 9.5)
sheet_file-not_positive = phải lớn hơn 0 (đang là "{ $value }")
sheet_file-too_big = "{ $value }" quá lớn (tối đa { $limit })
sheet_file-too_precise = "{ $value }" có quá 2 chữ số thập phân
sheet_file-off_step = điểm tối đa { $value } không phải là bội số của bước điểm { $step }
sheet-cli-no_term = { $block } chưa có năm thi đua hiện hành: hãy nhập tệp khối trước (thidua block import).
sheet-cli-summary = { $sections } mục, { $criteria } tiêu chí (tổng { $total } điểm), { $bonus } điểm thưởng, { $deductions } điểm trừ, bước điểm { $step }
sheet-cli-created = Đã nhập bảng tiêu chí «{ $title }» cho { $block } (năm { $year }), phiên bản { $version }: { $summary }.
sheet-cli-unchanged = Bảng tiêu chí «{ $title }» của { $block } (năm { $year }) không thay đổi (phiên bản { $version }).
sheet-cli-replaced = Đã cập nhật bảng tiêu chí «{ $title }» của { $block } (năm { $year }), phiên bản { $version } (chưa đơn vị nào bắt đầu chấm điểm): { $summary }.
sheet-cli-new_version = Đã tạo phiên bản { $version } của bảng tiêu chí «{ $title }» cho { $block } (năm { $year }) vì { $units } đơn vị đã bắt đầu chấm điểm; phiên bản { $old } được giữ lại. { $summary }. Đã báo { $contacts } đầu mối.
sheet-cli-resubmit = { $count } đơn vị đã nộp bảng tự chấm theo phiên bản cũ: bản nộp đó không còn tính cho hạn nộp tự chấm điểm; các đơn vị được báo để chấm và nộp lại.
sheet-cli-linked = Hạn nộp tự chấm điểm nay dùng bảng «{ $title }».
sheet-cli-beside_missing = Cảnh báo: không có tệp bảng tiêu chí { $path } (hạn nộp «{ $deadline }» ghi sheet: { $name }); bảng tiêu chí chưa được nhập. Nhập sau bằng: thidua sheet import ĐƯỜNG_DẪN
sheet-cli-beside_several = Cảnh báo: các hạn nộp tự chấm điểm ghi nhiều bảng tiêu chí khác nhau ({ $names }); không nhập bảng nào. Nhập bằng: thidua sheet import ĐƯỜNG_DẪN
sheet-cli-beside_other_year = Cảnh báo: năm { $year } không phải năm thi đua hiện hành của { $block }; bảng tiêu chí { $name } chưa được nhập.
sheet-cli-none = { $block } (năm { $year }) chưa có bảng tiêu chí. Nhập bằng: thidua sheet import ĐƯỜNG_DẪN
sheet-show-header =
    { $title }
    { $block }, năm { $year } · phiên bản { $version } · bước điểm { $step }
sheet-show-older = (các phiên bản cũ được giữ lại: { $versions })
sheet-show-section = { $code }. { $title } ({ $total } điểm)
sheet-show-line = {"  "}{ $code }  { $text } · tối đa { $max }
sheet-show-base_total = Tổng điểm chuẩn: { $total }
sheet-show-bonus = Điểm thưởng (cộng tối đa { $total }):
sheet-show-deductions = Điểm trừ (trừ tối đa { $total }):
sheet-notice_new_version = 📋 { $block }: bảng tiêu chí chấm điểm «{ $title }» vừa được cập nhật (phiên bản { $version }). Mời { $unit } kiểm tra lại bản tự chấm điểm đang làm theo bảng mới (lệnh /chamdiem).
sheet-notice_resubmit = 📋 { $block }: bảng tiêu chí chấm điểm «{ $title }» vừa được cập nhật (phiên bản { $version }) sau khi { $unit } đã nộp bảng tự chấm theo bảng cũ. Bản đã nộp được lưu lại nhưng không còn tính; mời { $unit } chấm lại theo bảng mới và nộp lại (lệnh /chamdiem; các điểm còn phù hợp được chép sang).
menu-score_admin = Điểm thi đua
sca-no_term = { $block } chưa có năm thi đua hiện hành nên chưa có điểm thi đua.
sca-no_sheet = { $block } chưa có bảng tiêu chí chấm điểm năm { $year }. Mời nhập bảng tiêu chí trước.
sca-overview_header = 📊 Điểm thi đua năm { $year } của { $block }
sca-overview_sheet = { $title } (tối đa { $max } điểm, bước { $step }):
sca-p-not_started = • { $unit }: ⬜ chưa chấm
sca-p-in_progress = • { $unit }: ✏️ đang chấm { $done }/{ $total } tiêu chí
sca-p-reopened = • { $unit }: ↩️ đã mở lại để sửa, { $done }/{ $total } tiêu chí
sca-p-submitted = • { $unit }: ✅ đã nộp { $at }{ $late }{ $checked }
sca-p-late = {" "}(muộn)
sca-p-overdue = {" "}· ⏰ quá hạn
sca-p-checked = {" "}· đã kiểm tra { $done }/{ $total }
sca-overview_counts = Đã nộp { $done }/{ $total } · đang chấm { $working } · chưa chấm { $idle }.
sca-overview_footer = Chọn việc cần làm:
sca-action-check = Kiểm tra chéo
sca-action-ranking = Xếp hạng
sca-action-export = Xuất Excel tổng hợp điểm
sca-action-export_unit = Xuất bảng tự chấm của một đơn vị
sca-action-reopen = Mở lại bảng đã nộp
sca-action-exit = Thoát
sca-bye = Đã đóng phần điểm thi đua. Gõ /diem để mở lại.
sca-ranking_none = Chưa đơn vị nào nộp bảng tự chấm điểm nên chưa xếp hạng được.
sca-ranking_header = 🏆 Xếp hạng thi đua năm { $year } của { $block } theo điểm cuối cùng ({ $done }/{ $total } đơn vị đã nộp):
sca-ranking_line = { $rank }. { $unit }: { $total } điểm (tự chấm { $own }){ $tie }
sca-tie_tag = {" "}⚖️ đồng điểm — bình xét bằng biểu quyết
sca-tie = Đồng điểm — bình xét bằng biểu quyết
sca-ranking_missing = Chưa nộp, chưa xếp hạng: { $units }.
sca-ranking_tie_note = Điểm cuối cùng là điểm kiểm tra nếu có, nếu không là điểm tự chấm. Các đơn vị đồng điểm được bình xét bằng biểu quyết tại hội nghị.
sca-none_submitted = Chưa đơn vị nào nộp bảng tự chấm điểm.
sca-pick_check = Chọn đơn vị đã nộp để kiểm tra chéo:
sca-pick_unit_checked = { $unit } (đã kiểm tra { $done }/{ $total })
sca-unit_view =
    🔎 Kiểm tra chéo: { $unit }
    Nộp lúc { $at }{ $late }. Tự chấm { $own } điểm · sau kiểm tra { $final } điểm.
    Đã kiểm tra { $done }/{ $total } tiêu chí. Chọn tiêu chí (hoặc gõ mã, ví dụ 1.2), hoặc đi lần lượt. Xong thì chọn «Xong» để báo kết quả cho đơn vị.
sca-suggest_head = 💡 Gợi ý trừ điểm: { $points } điểm theo tiêu chí { $code } ({ $text }), chưa áp dụng: bot không tự trừ, chọn «Áp dụng gợi ý» hoặc bỏ qua. Cách tính: mỗi lần nộp muộn { $late_points } điểm, mỗi lần không nộp { $missing_points } điểm, tối đa { $max } điểm.
sca-suggest_applied = 💡 Đã áp dụng gợi ý trừ điểm: { $points } điểm theo tiêu chí { $code } ({ $text }). Cách tính: mỗi lần nộp muộn { $late_points } điểm, mỗi lần không nộp { $missing_points } điểm, tối đa { $max } điểm.
sca-suggest_no_criterion = 💡 Về hạn nộp: { $late } lần nộp muộn, { $missing } lần không nộp. Bảng tiêu chí không có tiêu chí trừ điểm về gửi báo cáo chậm nên bot không gợi ý số điểm.
sca-suggest_late = • Nộp muộn «{ $title }» (hạn { $due }, nộp { $at })
sca-suggest_missing = • Không nộp «{ $title }» (hạn { $due })
sca-suggest_apply = ➖ Áp dụng gợi ý: trừ { $points } điểm ở { $code }
sca-suggest_reason = Theo hồ sơ nộp trên bot: { $late } lần nộp muộn, { $missing } lần không nộp đúng hạn.
sca-suggest_saved = ✅ Đã áp dụng gợi ý: { $code } trừ { $points } điểm (đơn vị tự chấm { $own }).
sca-suggest_gone = Gợi ý trừ điểm không còn gì để áp dụng (đã áp dụng, hoặc hồ sơ nộp đã thay đổi).
sca-go_in_order = ▶️ Đi lần lượt
sca-crit_open = { $code }: { $own }/{ $max }
sca-crit_agreed = { $code }: { $own }/{ $max } ✔
sca-crit_changed = { $code }: { $own } → { $checked }/{ $max } ✎
sca-finish_unit = ✅ Xong, báo kết quả cho đơn vị
sca-pick_criterion_again = Mời chọn một tiêu chí trong menu hoặc gõ đúng mã tiêu chí (ví dụ 1.2).
sca-kind-base = Tiêu chí
sca-kind-bonus = Điểm thưởng
sca-kind-deduction = Điểm trừ
sca-ask_score_head = Tiêu chí { $code } ({ $position }/{ $total }, mục { $group }): { $text }
sca-ask_score_max = Điểm tối đa { $max }, bước { $step }.
sca-ask_score_self = Đơn vị tự chấm: { $own }. Giải trình: { $explanation }
sca-no_explanation = (không có)
sca-ask_score_current = Điểm kiểm tra hiện tại: { $checked }. Lý do: { $reason }
sca-no_reason = (không có)
sca-ask_score = Mời nhập điểm kiểm tra (ví dụ 9,5) hoặc chọn:
sca-ask_score_words = Mời gõ điểm kiểm tra (ví dụ 9,5), hoặc gõ { $words }.
sca-word_keep = «giữ» (giữ điểm tự chấm)
sca-word_clear = «xóa» (bỏ điểm kiểm tra)
sca-word_skip = «bỏ qua»
sca-word_back = «quay lại»
sca-next_action = Chọn việc cần làm tiếp:
sca-pick_block = Chọn khối để xem xếp hạng, xuất tệp hoặc làm việc khác:
sca-block_actions = { $block }: chọn việc cần làm:
sca-keep_self = Giữ điểm tự chấm ({ $own })
sca-clear_check = Bỏ điểm kiểm tra
sca-skip = Bỏ qua ▶️
sca-type_score = Mời gõ điểm kiểm tra, ví dụ 9,5, hoặc chọn một mục trong menu.
sca-or = {" "}hoặc{" "}
sca-score_rule = điểm từ 0 đến { $max }, theo bước { $step }
sca-score_not_number = «{ $value }» không phải là điểm. Mời nhập { $rule }.
sca-score_negative = Điểm không được âm («{ $value }»). Mời nhập { $rule }.
sca-score_above_max = «{ $value }» vượt điểm tối đa. Mời nhập { $rule }; cao nhất là { $max }.
sca-score_off_step = «{ $value }» không đúng bước điểm. Mời nhập { $rule }; gần nhất là { $nearest }.
sca-ask_reason = Điểm kiểm tra { $checked } khác điểm tự chấm { $own } của tiêu chí { $code }. Mời ghi lý do điều chỉnh (bắt buộc, 3–300 ký tự); đơn vị sẽ nhận được lý do này.
sca-bad_reason = Cần ghi lý do từ 3 đến 300 ký tự, có chữ cái và không bắt đầu bằng dấu /.
sca-saved_changed = ✅ Đã lưu { $code }: tự chấm { $own } → kiểm tra { $checked }.
sca-saved_agreed = ✅ Đã lưu { $code }: giữ điểm tự chấm { $own }.
sca-saved_cleared = ✅ Đã bỏ điểm kiểm tra của { $code }; điểm tự chấm { $own } được giữ.
sca-all_gone_through = Đã đi hết các tiêu chí.
sca-not_submitted = Bảng tự chấm điểm của { $unit } không còn ở trạng thái đã nộp (có thể vừa được mở lại).
sca-finished = ✅ Xong kiểm tra chéo { $unit }: { $count } điều chỉnh, đã báo { $told } đầu mối của đơn vị.
sca-finished_nothing = ✅ Xong kiểm tra chéo { $unit }: không có điều chỉnh nào cần báo.
sca-notice_checked = 📝 Thường trực { $block } đã kiểm tra chéo bảng tự chấm điểm của { $unit }:
sca-change_line = • { $code } { $text }: tự chấm { $own } → kiểm tra { $checked }. Lý do: { $reason }
sca-change_agreed = • { $code } { $text }: giữ điểm tự chấm { $own }.
sca-change_cleared = • { $code } { $text }: bỏ điểm kiểm tra, giữ điểm tự chấm { $own }.
sca-notice_total = Tổng điểm sau kiểm tra: { $final } (tự chấm { $own }).
sca-pick_reopen = Chọn đơn vị cần mở lại bảng tự chấm điểm đã nộp (đơn vị sẽ sửa rồi nộp lại):
sca-ask_reopen_reason =
    Mở lại bảng tự chấm điểm của { $unit } (nộp lúc { $at }).
    Mời ghi lý do (3–300 ký tự); đơn vị sẽ nhận được lý do này.
sca-reopen_confirm =
    Mở lại bảng tự chấm điểm của { $unit }?
    Lý do: { $reason }
    Đơn vị sẽ được báo để sửa rồi nộp lại; điểm kiểm tra đã nhập vẫn được giữ.
sca-reopened = ↩️ Đã mở lại bảng tự chấm điểm của { $unit }.
sca-told = Đã gửi thông báo tới { $count } đầu mối của đơn vị.
sca-told_none = Đơn vị chưa có đầu mối nên chưa báo được cho ai.
sca-pick_export = Chọn đơn vị cần xuất bảng tự chấm điểm:
sca-x-summary_filename = tong-hop-diem-{ $year }.xlsx
sca-x-unit_filename = bang-tu-cham-{ $code }-{ $year }.xlsx
sca-x-summary_caption = 📎 Tổng hợp điểm thi đua năm { $year } của { $block } (số liệu lúc { $now }): { $done }/{ $total } đơn vị đã nộp.
sca-x-unit_caption = 📎 Bảng tự chấm điểm năm { $year } của { $unit } (số liệu lúc { $now }). Điền cột «Điểm kiểm tra» và «Lý do» rồi nhập lại bằng lệnh thidua scores import-check.
sca-x-sheet_summary = Tổng hợp điểm
sca-x-sheet_ranking = Xếp hạng
sca-x-sheet_unit = Bảng tự chấm điểm
sca-x-summary_title = BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM { $year } CỦA { $block }
sca-x-ranking_title = KẾT QUẢ XẾP HẠNG THI ĐUA NĂM { $year } CỦA { $block }
sca-x-unit_title = BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM { $year }
sca-x-unit_of = Đơn vị: { $unit } (mã { $code }) — { $block }
sca-x-as_of = (Theo { $sheet }; số liệu tính đến { $now })
sca-x-status = Tình trạng: { $state }. Số liệu tính đến { $now }.
sca-x-status_done = đã nộp lúc { $at }
sca-x-status_late = đã nộp lúc { $at } (muộn)
sca-x-criterion_head =
    { $code }
    (tối đa { $max })
sca-x-subtotal_head =
    Cộng
    (tối đa { $max })
sca-x-total_head =
    Tổng điểm
    (tối đa { $max })
sca-x-self = Tự chấm
sca-x-checked = Kiểm tra
sca-x-final = Cuối cùng
sca-x-rank = Xếp hạng
sca-x-note = Ghi chú
sca-x-self_total = Tổng điểm tự chấm
sca-x-final_total = Tổng điểm cuối cùng
sca-x-bonus = Điểm thưởng
sca-x-deduction = Điểm trừ
sca-x-note_not_started = Chưa chấm
sca-x-note_in_progress = Đang chấm, chưa nộp
sca-x-note_reopened = Đã mở lại, chưa nộp lại
sca-x-col_code = Mã
sca-x-col_text = Nội dung
sca-x-col_max = Điểm tối đa
sca-x-col_self = Điểm tự chấm
sca-x-col_explanation = Giải trình
sca-x-col_checked = Điểm kiểm tra
sca-x-col_reason = Lý do
sca-x-base_total = Cộng điểm các tiêu chí
sca-x-bonus_total = Cộng điểm thưởng
sca-x-deduction_total = Cộng điểm trừ
sca-x-grand_total = TỔNG ĐIỂM
sca-x-unit_hint = Ghi chú: để trống «Điểm kiểm tra» là giữ điểm tự chấm; điểm kiểm tra khác điểm tự chấm phải ghi «Lý do». Ở các dòng cộng, cột «Điểm kiểm tra» là điểm sau kiểm tra.
sca-imp-unreadable = Không đọc được tệp: cần tệp Excel .xlsx xuất từ bảng tự chấm điểm của đơn vị.
sca-imp-other_unit = Tệp này là bảng tự chấm điểm của đơn vị { $other }, không phải của { $unit }.
sca-imp-other_sheet = Tệp được xuất từ một phiên bản khác của bảng tiêu chí; mời xuất lại bảng theo «{ $title }».
sca-imp-no_header = Không thấy dòng tiêu đề có các cột «Mã», «Điểm kiểm tra» và «Lý do».
sca-imp-unknown_code = Dòng { $row }, cột «Mã»: «{ $code }» không có trong bảng tiêu chí.
sca-imp-duplicate = Dòng { $row }, cột «Mã»: tiêu chí { $code } đã có ở dòng { $first }.
sca-imp-not_number = Dòng { $row } (tiêu chí { $code }), cột «Điểm kiểm tra»: «{ $value }» không phải là số.
sca-imp-negative = Dòng { $row } (tiêu chí { $code }), cột «Điểm kiểm tra»: «{ $value }» là số âm.
sca-imp-above_max = Dòng { $row } (tiêu chí { $code }), cột «Điểm kiểm tra»: «{ $value }» vượt điểm tối đa { $max }.
sca-imp-off_step = Dòng { $row } (tiêu chí { $code }), cột «Điểm kiểm tra»: «{ $value }» không đúng bước { $step }; gần nhất là { $nearest }.
sca-imp-reason_missing = Dòng { $row } (tiêu chí { $code }), cột «Lý do»: cần ghi lý do vì điểm kiểm tra { $checked } khác điểm tự chấm { $own }.
sca-imp-reason_without_score = Dòng { $row } (tiêu chí { $code }), cột «Lý do»: có lý do nhưng cột «Điểm kiểm tra» để trống.
sca-imp-reason_long = Dòng { $row } (tiêu chí { $code }), cột «Lý do»: dài { $length } ký tự, tối đa { $max }.
sca-cli-hint_unit = mã đơn vị có bảng tự chấm điểm cần nhập kết quả kiểm tra.
sca-cli-no_file = PATH: không có tệp { $path }.
sca-cli-file_too_large = PATH: tệp { $path } quá lớn cho một bảng tự chấm điểm.
sca-cli-unknown_unit = { $arg }: { $block } không có đơn vị mã «{ $code }». Các mã đơn vị: { $codes }.
sca-cli-not_submitted = { $unit } chưa nộp bảng tự chấm điểm (hoặc đã được mở lại) nên chưa kiểm tra chéo được.
sca-cli-import_errors = Tệp { $path } có { $count } lỗi:
sca-cli-nothing_changed = Không thay đổi gì.
sca-cli-told_nobody = Đơn vị chưa có đầu mối nên chưa báo được cho ai.
sca-cli-imported = Đã nhập kết quả kiểm tra chéo của { $unit } từ { $path }: { $changed } tiêu chí thay đổi, { $adjusted } điều chỉnh so với điểm tự chấm. Tổng điểm sau kiểm tra { $final } (tự chấm { $own }). { $told }
sca-cli-written_summary = Đã ghi { $path }: tổng hợp điểm, { $done }/{ $total } đơn vị đã nộp.
sca-cli-written_unit = Đã ghi { $path }: bảng tự chấm điểm của { $unit }.
menu-score = Chấm điểm thi đua
score-not_unit = Chức năng chấm điểm chỉ dành cho cán bộ đầu mối của đơn vị thành viên.
score-not_allowed = Bạn không còn là đầu mối của đơn vị nên không chấm điểm thay đơn vị được nữa. Bản nháp của đơn vị vẫn được giữ; nếu có nhầm lẫn, mời liên hệ Thường trực Khối.
score-no_sheet = Khối chưa có bảng tiêu chí chấm điểm cho năm thi đua này. Khi Thường trực Khối nhập bảng tiêu chí, mời gõ /chamdiem để chấm điểm.
score-sheet_changed = Bảng tiêu chí vừa được Thường trực Khối cập nhật. Mời gõ /chamdiem để chấm theo bảng mới.
score-pick = Bạn là đầu mối của nhiều đơn vị. Chọn đơn vị cần chấm điểm:
score-pick_label = { $unit } ({ $block })
score-carried = Bảng tiêu chí đã được cập nhật (phiên bản { $version }). Đã chép { $count } mục từ bản chấm theo bảng cũ; mời kiểm tra lại trước khi nộp.
score-overview =
    📋 { $title }
    Đơn vị: { $unit }
    {""}
    { $sections }
    {""}
    Tổng điểm hiện tại: { $total }
score-overview_section = { $code }. { $title }: đã chấm { $done }/{ $count } tiêu chí, { $score }/{ $max } điểm
score-overview_bonus = Điểm thưởng: đã chấm { $done }/{ $count } mục, +{ $score }
score-overview_deduction = Điểm trừ: đã chấm { $done }/{ $count } mục, −{ $score }
score-reopened = 🔓 Thường trực Khối đã mở lại bảng để đơn vị sửa. Lý do: { $reason }
score-last_change = Sửa lần cuối: { $name }, lúc { $at }.
score-saved_hint = Bản nháp của đơn vị được lưu sau mỗi bước: có thể dừng bất cứ lúc nào và gõ /chamdiem để làm tiếp, trên bất kỳ thiết bị nào.
score-opt_continue = ▶️ Tiếp tục từ { $code }
score-opt_review = Xem lại và nộp
score-opt_section = Phần { $code } ({ $done }/{ $count })
score-opt_bonus = Điểm thưởng ({ $done }/{ $count })
score-opt_deduction = Điểm trừ ({ $done }/{ $count })
score-opt_pause = Tạm dừng
score-paused = ⏸ Đã tạm dừng. Bản nháp của { $unit } đã được lưu (đã chấm { $done }/{ $count } mục). Gõ /chamdiem để làm tiếp.
score-head_section = Phần { $code }. { $title }
score-head_bonus = Điểm thưởng
score-head_deduction = Điểm trừ (nhập số dương; số điểm này được trừ khỏi tổng)
score-criterion = { $code } — { $text } — tối đa { $max } điểm, bước { $step }
score-current = Điểm hiện tại: { $score } ({ $name }, { $at }).
score-ask_buttons = Mời gõ điểm (ví dụ { $example }) hoặc bấm nút. Chuyển nhanh tới tiêu chí khác: /di { $code }
score-ask_text =
    Mời gõ điểm, ví dụ { $example }.
    Gõ «tối đa» để chấm { $max } điểm, «bỏ qua» để sang mục sau, «quay lại» để về mục trước, «tổng quan» để xem tổng quan, «tạm dừng» để dừng; /di { $code } để chuyển tới tiêu chí khác.
score-quick_max = Tối đa: { $max } điểm
score-quick_zero = 0 điểm
score-quick_zero_deduction = 0 (không bị trừ)
score-opt_skip = Bỏ qua
score-opt_back = Quay lại
score-opt_jump = Chuyển tiêu chí
score-opt_overview = Tổng quan
score-not_number = «{ $text }» không phải là điểm. Mời gõ một số từ 0 đến { $max }, bước { $step }, ví dụ { $example }.
score-negative = Điểm không được âm (điểm trừ cũng nhập số dương). Điểm nhỏ nhất là { $nearest }.
score-above_max = { $value } vượt quá điểm tối đa của tiêu chí { $code }. Điểm cao nhất là { $nearest }.
score-off_step = { $value } không đúng bước { $step } của bảng tiêu chí. Điểm hợp lệ gần nhất: { $nearest }.
score-or = {" "}hoặc{" "}
score-also_code = (Nếu bạn muốn chuyển sang tiêu chí { $code }, gõ /di { $code }.)
score-file_at_score = Mời gõ điểm trước; tệp minh chứng gửi ở bước sau.
score-saved = ✅ Đã lưu { $code }: { $score } điểm.
score-saved_replaced = ✅ Đã lưu { $code }: { $score } điểm (thay cho { $old } điểm do { $name } nhập lúc { $at }).
score-ask_explain = Giải trình, minh chứng ngắn cho { $code } (tối đa 500 ký tự), hoặc chọn Bỏ qua.
score-explain_current = Giải trình hiện có: «{ $text }»
score-opt_clear_explain = Xóa giải trình
score-explain_bad = Giải trình cần từ 1 đến 500 ký tự (bạn gửi { $length } ký tự) và không bắt đầu bằng dấu /. Mời gửi lại, hoặc chọn Bỏ qua.
score-explain_saved = ✅ Đã lưu giải trình cho { $code }.
score-explain_cleared = Đã xóa giải trình của { $code }.
score-ask_evidence = Gửi tệp minh chứng cho { $code } nếu có (PDF, Word, Excel, ảnh JPG/PNG hoặc tệp nén ZIP/RAR, tối đa { $max }), hoặc chọn Bỏ qua.
score-evidence_current = Tệp minh chứng hiện có: { $name }
score-opt_clear_evidence = Xóa tệp minh chứng
score-evidence_expected = Tôi đang chờ tệp minh chứng. Mời đính kèm tệp vào tin nhắn, hoặc chọn Bỏ qua.
score-evidence_too_big = Tệp «{ $name }» nặng { $size }, vượt mức tối đa { $max }. Mời nén hoặc tách tệp rồi gửi lại, hoặc chọn Bỏ qua.
score-evidence_bad_type = Không nhận loại tệp «{ $name }». Chỉ nhận PDF, Word (doc, docx), Excel (xls, xlsx), OpenDocument (odt, ods), ảnh (jpg, png) hoặc tệp nén (zip, rar).
score-evidence_saved = 📎 Đã lưu tệp minh chứng { $name } cho { $code }.
score-evidence_cleared = Đã xóa tệp minh chứng của { $code }.
score-ask_goto = Gõ mã tiêu chí cần chuyển tới: { $codes }.
score-ask_edit = Gõ mã dòng cần sửa: { $codes }.
score-no_such_code = Không có tiêu chí «{ $text }» trong bảng. Các mã: { $codes }.
score-review =
    📝 Bảng tự chấm điểm của { $unit }
    { $title }
    {""}
    { $body }
score-review_section =
    { $code }. { $title }: { $score }/{ $max }
    {"    "}{ $items }
score-review_base = Cộng các phần: { $score }/{ $max }
score-review_bonus =
    Điểm thưởng: +{ $score }
    {"    "}{ $items }
score-review_deduction =
    Điểm trừ: −{ $score }
    {"    "}{ $items }
score-review_total = TỔNG ĐIỂM: { $total }
score-review_missing = ⚠️ Chưa chấm: { $codes }.
score-opt_submit = Nộp bảng tự chấm
score-opt_edit = Sửa một dòng
score-missing_refused = Còn { $count } tiêu chí chưa chấm: { $codes }. Mời chấm đủ trước khi nộp (điểm thưởng, điểm trừ để trống được tính là 0).
score-confirm =
    Nộp bảng tự chấm điểm của { $unit } với tổng điểm { $total }?
    Sau khi nộp, bảng sẽ bị khóa; muốn sửa phải nhờ Thường trực Khối mở lại.
score-confirm_late = Hạn nộp ({ $due }) đã qua; bảng sẽ được ghi là nộp muộn.
score-opt_confirm = Xác nhận nộp
score-opt_back_review = Quay lại xem lại
score-closed = Hạn nộp «{ $title }» đã khóa nhận, nên chưa nộp được bảng tự chấm. Bản nháp vẫn được giữ; mời liên hệ Thường trực Khối để mở lại.
score-done = ✅ Đã nộp bảng tự chấm điểm của { $unit }: tổng { $total } điểm, lúc { $at }. Bảng đã khóa.
score-done_on_time =
    ✅ Đã nộp bảng tự chấm điểm của { $unit }: tổng { $total } điểm.
    Nộp lúc { $at }, đúng hạn (hạn { $due }). Bảng đã khóa.
score-done_late =
    ⚠️ Đã nộp bảng tự chấm điểm của { $unit }: tổng { $total } điểm.
    Nộp lúc { $at }, muộn so với hạn { $due }. Bảng đã khóa.
score-notice = 📊 { $unit } đã nộp bảng tự chấm điểm{ $timing }: tổng { $total } điểm (các phần { $base }, thưởng +{ $bonus }, trừ −{ $deduction }). Đã nộp { $done }/{ $count } đơn vị.
score-notice_on_time = {" "}(đúng hạn)
score-notice_late = {" "}(muộn)
score-locked = 🔒 Bảng tự chấm điểm của { $unit } đã nộp lúc { $at } ({ $name }), tổng { $total } điểm, nên không sửa được nữa. Nếu cần sửa, mời liên hệ Thường trực Khối để mở lại.
score-notice_reopened =
    🔓 Thường trực Khối đã mở lại bảng tự chấm điểm của { $unit } để sửa. Lý do: { $reason }
    Gõ /chamdiem để sửa rồi nộp lại.
score-by_sheet =
    📌 { $title }
    Hạn nộp: { $due }.
    Hạn này không nộp bằng tệp hay công văn: { $unit } chấm điểm từng tiêu chí theo bảng tiêu chí của Khối (lệnh /chamdiem), rồi nộp bảng tự chấm điểm. Khi bảng được nộp, hạn này được ghi nhận là đã nộp.
score-opt_start = Chấm điểm ngay
