# term: Vietnamese texts. See README, "Correcting a text".

handover-no_term = { $block } chưa có năm thi đua hiện hành nên chưa bàn giao được.
handover-year_mismatch = Năm thi đua hiện hành của { $block } là { $current }, không phải { $year }.
handover-done_already = { $block } đã bàn giao sang năm thi đua { $year } rồi; mỗi năm chỉ bàn giao một lần.
handover-kind-head = Trưởng khối
handover-kind-deputy = Phó Trưởng khối
handover-poll_open = Cuộc bỏ phiếu bầu { $role } (số { $poll }) còn đang mở: mời đóng và kiểm phiếu trước khi bàn giao.
handover-no_poll = Chưa có cuộc bỏ phiếu bầu { $role } nào đã kiểm phiếu trong năm { $year }: mời tổ chức bỏ phiếu trước khi bàn giao.
handover-poll_invalid = Cuộc bỏ phiếu bầu { $role } (số { $poll }) không hợp lệ vì chưa đủ số phiếu tối thiểu: mời bỏ phiếu lại.
handover-poll_tied = Cuộc bỏ phiếu bầu { $role } (số { $poll }) có các đơn vị bằng phiếu nhau: mời tổ chức bỏ phiếu lại giữa các đơn vị này.
handover-poll_undecided = Cuộc bỏ phiếu bầu { $role } (số { $poll }) không bầu được đúng một đơn vị (trúng cử: { $count }): mời bỏ phiếu lại.
handover-unknown_unit = Không có đơn vị mã «{ $code }» đang hoạt động trong { $block }.
handover-same_unit = Trưởng khối và Phó Trưởng khối phải là hai đơn vị khác nhau ({ $unit }).
handover-head_no_contact = { $unit } (Trưởng khối mới) chưa có đầu mối đăng ký nên chưa có ai nhận vai trò Thường trực Khối. Mời đơn vị đăng ký đầu mối trước khi bàn giao.
handover-summary =
    🔁 Bàn giao sang năm thi đua { $year } của { $block }:
    • Trưởng khối: { $head }
    • Phó Trưởng khối: { $deputy }
    {""}
    Khi xác nhận:
    • Năm { $old_year } khép lại (dữ liệu vẫn xem được); năm { $year } trở thành năm hiện hành.
    • Cán bộ Thường trực hiện nay trở thành đầu mối của đơn vị mình; { $moved } đầu mối của { $head } trở thành Thường trực Khối.
    • Mã mời Thường trực cũ bị thu hồi, mã mới được cấp.
    • Hạn nộp năm { $year } được tạo theo lịch năm { $old_year }.
    • Tất cả mọi người trong khối được thông báo.
    Việc này không hoàn tác được.
handover-confirm = Xác nhận bàn giao
handover-changed = Kết quả bầu vừa thay đổi; mời xem lại trước khi xác nhận.
handover-done = ✅ Đã bàn giao: năm thi đua { $year } bắt đầu, { $head } là Trưởng khối, { $deputy } là Phó Trưởng khối. { $moved } đầu mối của { $head } nay là Thường trực Khối.
handover-deadlines = Đã tạo { $count } hạn nộp năm { $year } theo lịch năm trước (xem /hannop).
handover-deadline_shifted = • «{ $title }»: ngày { $old } không phải ngày làm việc, hạn đặt vào { $new }.
handover-deadline_skipped = • «{ $title }»: ngày { $due } đã qua nên không tạo; mời thêm hạn mới nếu cần.
handover-notice_all = 📣 { $block } đã bàn giao sang năm thi đua { $year }: Trưởng khối là { $head }, Phó Trưởng khối là { $deputy }. Thường trực Khối từ nay là cán bộ của { $head }.
handover-group_post = 📣 { $block } bước sang năm thi đua { $year }: Trưởng khối là { $head }, Phó Trưởng khối là { $deputy }.
handover-notice_new_secretariat = Bạn nay là Thường trực { $block } năm { $year }. Gõ /menu để xem các việc của Thường trực. Để mời thêm cán bộ vào Thường trực, dùng «Đổi mã mời của đơn vị» → Thường trực Khối.
handover-notice_old_secretariat = Vai trò Thường trực Khối đã chuyển cho { $head }; bạn nay là đầu mối của { $unit }.
handover-carry-head = Chuyển sang năm { $year }:
handover-carry-cycle = • Đã chuyển { $count } hạn nộp theo lịch năm { $old_year }: { $titles }.
handover-carry-no_cycle = • Không có hạn nộp nào theo lịch năm { $old_year } được chuyển.
handover-carry-sheet_there = • Bảng tiêu chí năm { $year }: «{ $title }».
handover-carry-sheet_left = • Chưa chuyển: bảng tiêu chí «{ $title }» ({ $count } tiêu chí).
handover-carry-no_sheet = • Năm { $old_year } không có bảng tiêu chí để chuyển.
handover-carry-custom_left = • Chưa chuyển: { $count } hạn nộp riêng: { $titles }.
handover-carry-offer = Thường trực năm { $year } có thể sao chép các mục chưa chuyển: gõ /bangiao.
handover-carry-ask = Chọn mục muốn sao chép sang năm { $year } (mỗi mục chỉ sao chép một lần):
handover-carry-copy_sheet = 📋 Sao chép bảng tiêu chí
handover-carry-copy_custom = 📅 Sao chép { $count } hạn nộp riêng
handover-carry-finish = Xong
handover-carry-sheet_copied = ✅ Đã sao chép bảng tiêu chí sang năm { $year }: «{ $title }».
handover-carry-sheet_already = Năm { $year } đã có bảng tiêu chí nên không sao chép lại.
handover-carry-custom_copied = ✅ Đã tạo { $count } hạn nộp riêng năm { $year } (xem /hannop).
handover-carry-custom_none = Không còn hạn nộp riêng nào cần sao chép sang năm { $year }.
handover-carry-all_done = Năm { $year } đã có đủ những gì năm trước có.
handover-carry-finish_said = Đã xong. Các mục chưa chuyển vẫn sao chép được sau: gõ /bangiao.
handover-carry-nothing = Năm trước không có bảng tiêu chí để sao chép sang năm { $year }.
handover-cli-done = Đã bàn giao { $block }: năm { $year } bắt đầu; Trưởng khối { $head }, Phó Trưởng khối { $deputy }; { $moved } đầu mối trở thành Thường trực Khối, { $demoted } cán bộ Thường trực cũ trở thành đầu mối của đơn vị mình.
handover-cli-code = Mã mời Thường trực Khối mới: { $code }  { $link }
handover-cli-no_secretariat = ⚠️ { $head } chưa có đầu mối đăng ký: khối tạm chưa có Thường trực. Gửi mã mời Thường trực mới ở trên cho cán bộ của { $head }.
handover-cli-told = Đã xếp thông báo cho { $count } người trong khối (bot đang chạy sẽ gửi).
handover-cli-named = Bàn giao theo đơn vị được chỉ định: Trưởng khối { $head }, Phó Trưởng khối { $deputy }.

# The block file's problems (thidua block import)
block_file-errors_header = Tệp khối thi đua có { $count } lỗi:
block_file-errors_more = … và { $count } lỗi khác.
block_file-file_missing = không tìm thấy tệp { $path }
block_file-file_unreadable = không đọc được tệp { $path } ({ $reason })
block_file-file_empty = tệp { $path } không có nội dung
block_file-file_too_large = tệp { $path } quá lớn (tối đa { $limit_mb } MB)
block_file-file_format = không nhận ra định dạng tệp { $path }: hãy dùng tệp .yaml, .yml hoặc .xlsx
block_file-file_xls = tệp { $path } là Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dưới dạng .xlsx
block_file-file_not_utf8 = tệp { $path } không phải văn bản UTF-8 (lỗi ở dòng { $line }): hãy lưu lại với bảng mã UTF-8
block_file-yaml_syntax = tệp YAML sai cú pháp ở dòng { $line }, cột { $column }: { $detail }
block_file-yaml_too_deep = tệp YAML lồng nhau quá sâu
block_file-yaml_duplicate_key = mục "{ $name }" xuất hiện hai lần (dòng { $line })
block_file-yaml_bad_key = tên mục phải là chữ (dòng { $line })
block_file-xlsx_broken = không mở được tệp Excel { $path }: tệp hỏng hoặc không phải .xlsx
block_file-not_block_file = tệp không có dạng tệp khối thi đua: cần các mục block, units và deadlines
block_file-section_missing = thiếu mục bắt buộc
block_file-not_mapping = phải gồm các mục dạng tên: giá trị ({ $fields })
block_file-not_list = phải là một danh sách
block_file-unknown_key = mục "{ $name }" không được hỗ trợ (chỉ dùng: { $allowed })
block_file-sheet_missing = thiếu sheet "{ $sheet }" (hoặc "{ $alias }")
block_file-sheet_empty = sheet trống: cần dòng tiêu đề với các cột { $columns }
block_file-column_missing = thiếu cột "{ $column }"
block_file-column_duplicate = cột "{ $column }" xuất hiện hai lần
block_file-label_missing = thiếu tên mục ở cột A
block_file-label_unknown = mục "{ $label }" không được hỗ trợ (chỉ dùng: { $allowed })
block_file-label_duplicate = mục "{ $label }" bị lặp (đã có ở { $first })
block_file-too_many_rows = sheet có hơn { $limit } dòng
block_file-required = bắt buộc nhưng đang để trống
block_file-not_text = phải là chữ, không phải { $got }
block_file-bad_char = có ký tự điều khiển không hợp lệ
block_file-too_long = dài quá { $limit } ký tự
block_file-year_invalid = năm "{ $value }" không hợp lệ: phải là số nguyên từ { $low } đến { $high }
block_file-units_count = khối phải có từ { $low } đến { $high } đơn vị, ở đây có { $count }
block_file-code_invalid = mã đơn vị "{ $value }" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, "_" và "-", tối đa 20 ký tự
block_file-code_duplicate = mã đơn vị "{ $value }" bị trùng (đã có ở { $first })
block_file-name_duplicate = tên đơn vị "{ $value }" bị trùng (đã có ở { $first })
block_file-unit_unknown = mã "{ $value }" không có trong danh sách đơn vị
block_file-deputy_is_head = Phó Trưởng khối phải khác Trưởng khối (cùng là "{ $value }")
block_file-kind_invalid = loại hạn nộp "{ $value }" không hợp lệ: dùng một trong { $allowed }
block_file-due_invalid = hạn "{ $value }" không đúng dạng dd/mm/yyyy HH:MM hoặc dd/mm/yyyy
block_file-due_not_real = ngày giờ "{ $value }" không có thật
block_file-due_out_of_range = hạn "{ $value }" phải nằm trong các năm { $low }–{ $high }
block_file-sheet_not_allowed = chỉ hạn nộp loại self_assessment mới có bảng điểm (hạn này thuộc loại { $kind })
