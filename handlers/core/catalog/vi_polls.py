"""Vietnamese texts: the polls as the secretariat prepares, opens and closes them, and the count."""

VI: dict[str, str] = {
    "menu.polls": "Bầu chọn",
    # kinds, statuses, default questions
    "poll.kind.flag": "Cờ thi đua",
    "poll.kind.certificate": "Bằng khen",
    "poll.kind.head": "Trưởng khối",
    "poll.kind.deputy": "Phó Trưởng khối",
    "poll.kind.custom": "Biểu quyết khác",
    "poll.status.draft": "📝 chưa mở",
    "poll.status.open": "🟢 đang bỏ phiếu",
    "poll.status.closed": "🔒 đã đóng",
    "poll.question.flag": "Suy tôn đơn vị dẫn đầu đề nghị tặng Cờ thi đua năm {year}",
    "poll.question.certificate": "Bình xét các đơn vị đề nghị tặng Bằng khen năm {year}",
    "poll.question.head": "Bầu đơn vị Trưởng khối năm {year}",
    "poll.question.deputy": "Bầu đơn vị Phó Trưởng khối năm {year}",
    "poll.question.custom": "Biểu quyết của khối năm {year}",
    "poll.runoff.question": "Bầu lại (đồng phiếu): {question}",
    # the list and a poll's page
    "poll.no_term": "Khối chưa có năm thi đua hiện hành nên chưa chuẩn bị bầu chọn được.",
    "poll.list_header": "🗳 Bầu chọn năm {year} — {block}:",
    "poll.list_line": "• #{id} {kind}: {question} — {status}{extra}",
    "poll.list_open": " ({voted}/{members} đơn vị đã bỏ phiếu)",
    "poll.list_elected": " · trúng cử: {units}",
    "poll.list_invalid": " · không đủ túc số",
    "poll.list_tied": " · đồng phiếu, cần bầu lại",
    "poll.list_empty": "(Chưa có phiếu bầu nào.)",
    "poll.list_footer": "Chuẩn bị phiếu bầu mới, hoặc chọn một phiếu để xem, mở, đóng:",
    "poll.list_footer_observer": "Chọn một phiếu để xem (chỉ xem):",
    "poll.page_header": "🗳 Phiếu bầu #{id} — {status}",
    "poll.page_runoff_of": "Bầu lại giữa các đơn vị đồng phiếu của phiếu #{id}.",
    "poll.page_opened": "Mở lúc {at}.",
    "poll.page_closes": "Tự đóng lúc {at}.",
    "poll.turnout": "📊 {voted}/{members} đơn vị đã bỏ phiếu",
    "poll.not_found": "Không tìm thấy phiếu bầu #{id} của khối.",
    "poll.bye": "Đã thoát phần bầu chọn. Gõ /baucu để quay lại.",
    # settings
    "poll.settings.head": "Loại: {kind}\nNội dung: {question}",
    "poll.settings.candidates": "Danh sách ứng viên ({count} đơn vị, theo thứ tự trên phiếu):",
    "poll.settings.candidate": "  {n}. {unit}",
    "poll.settings.rules": (
        "Số đơn vị được bầu: {seats} · mỗi phiếu chọn tối đa {max_choices}\n"
        "{self_rule}\n"
        "Trúng cử khi được trên {threshold}% tổng số đơn vị thành viên và trong {seats} đơn vị nhiều phiếu nhất\n"
        "Túc số: {quorum} tổng số đơn vị thành viên"),
    "poll.settings.when": "Thời gian bỏ phiếu: {limit} · Địa điểm: {place}",
    "poll.self.yes": "Đơn vị được bầu cho chính mình",
    "poll.self.no": "Đơn vị không được bầu cho chính mình",
    "poll.limit.none": "không giới hạn (Thường trực đóng)",
    "poll.limit.minutes": "{minutes} phút",
    "poll.place.none": "(chưa ghi)",
    # preparing
    "poll.ask_kind": "Chuẩn bị phiếu bầu mới. Bầu chọn nội dung gì?",
    "poll.ask_question": (
        "Nội dung ghi trên phiếu:\n«{question}»\n\nBấm «Giữ nội dung này», hoặc gõ nội dung khác."),
    "poll.ask_candidates": "Ứng viên là những đơn vị nào?",
    "poll.ask_top": (
        "Lấy bao nhiêu đơn vị điểm cao nhất làm ứng viên? Gõ một số, ví dụ 5 (các đơn vị đồng điểm với "
        "đơn vị cuối cùng cũng được đưa vào).\nGõ «quay lại» để chọn cách khác."),
    "poll.ask_units": (
        "Gõ số thứ tự hoặc mã của các đơn vị ứng viên, cách nhau bởi dấu cách hoặc dấu phẩy, "
        "ví dụ: 1 3 5-7 hoặc BHXH, YTE. Thứ tự gõ là thứ tự trên phiếu.\nGõ «quay lại» để chọn cách khác."),
    "poll.unit_line": "{n}. {code} — {unit}",
    "poll.ask_seats": (
        "Bầu bao nhiêu đơn vị? (có {candidates} ứng viên; mặc định {seats}) Bấm một số hoặc gõ số khác."),
    "poll.ask_max": (
        "Mỗi phiếu được chọn tối đa bao nhiêu đơn vị? Hiện tại: {value} (số đơn vị được bầu: {seats}).\n"
        "Gõ một số, hoặc «quay lại» để giữ nguyên."),
    "poll.ask_threshold": (
        "Ngưỡng trúng cử: trên bao nhiêu % tổng số đơn vị thành viên? Hiện tại: {threshold}%.\n"
        "Gõ số phần trăm, ví dụ 50 hoặc 50%, hoặc «quay lại» để giữ nguyên."),
    "poll.ask_quorum": (
        "Túc số: phải có ít nhất bao nhiêu phần đơn vị thành viên bỏ phiếu thì kết quả mới hợp lệ? "
        "Hiện tại: {quorum}.\nGõ phân số như 2/3, hoặc phần trăm như 50%, hoặc 0 nếu không cần túc số; "
        "«quay lại» để giữ nguyên."),
    "poll.ask_time": (
        "Thời gian bỏ phiếu (phút) — hết giờ phiếu tự đóng. Hiện tại: {minutes} (0 = không giới hạn).\n"
        "Gõ số phút, ví dụ 15, hoặc «không» nếu Thường trực sẽ tự đóng; «quay lại» để giữ nguyên."),
    "poll.ask_place": (
        "Địa điểm họp (ghi vào biên bản kiểm phiếu). Hiện tại: {place}.\nGõ địa điểm, hoặc «không» để bỏ trống; "
        "«quay lại» để giữ nguyên."),
    "poll.summary_header": "Kiểm tra phiếu bầu trước khi lưu:",
    "poll.top_chosen": "Ứng viên theo điểm (top {n}): {count} đơn vị — {units}.",
    "poll.no_scores": "Chưa có điểm thi đua đã nộp nên chưa lấy được danh sách theo điểm.",
    "poll.saved": "✅ Đã lưu phiếu bầu #{id}: {question}",
    "poll.bad.question": "Xin gõ nội dung ghi trên phiếu (hoặc bấm «Giữ nội dung này»).",
    "poll.bad.top": "Xin gõ một số từ 1 đến {units}, ví dụ 5.",
    "poll.bad.units": (
        "Chưa nhận ra: {unknown}. Xin gõ số thứ tự (1 đến {count}) hoặc mã đơn vị trong danh sách, "
        "ví dụ: 1 3 5-7."),
    "poll.bad.seats": "Xin gõ một số từ 1 đến {candidates}.",
    "poll.bad.max": "Xin gõ một số từ 1 đến {candidates}.",
    "poll.bad.threshold": "Xin gõ số phần trăm nguyên từ 0 đến 99, ví dụ 50.",
    "poll.bad.quorum": "Xin gõ phân số như 2/3, phần trăm như 50%, hoặc 0.",
    "poll.bad.time": "Xin gõ số phút từ 1 đến 1440 (ví dụ 15), hoặc «không».",
    "poll.bad.place": "Xin gõ địa điểm họp, hoặc «không».",
    "poll.bad.no_candidates": "⚠️ Chưa có ứng viên nào.",
    "poll.bad.seats_over_candidates": "⚠️ Số đơn vị được bầu ({seats}) nhiều hơn số ứng viên ({candidates}).",
    "poll.bad.max_choices": "⚠️ Số lựa chọn tối đa mỗi phiếu ({max_choices}) phải từ 1 đến {candidates}.",
    # actions
    "poll.action.new": "➕ Chuẩn bị phiếu bầu mới",
    "poll.action.show": "#{id} {kind}",
    "poll.action.exit": "Thoát",
    "poll.action.back": "« Quay lại",
    "poll.action.keep_question": "Giữ nội dung này",
    "poll.action.all_units": "Tất cả đơn vị thành viên ({count})",
    "poll.action.top_by_score": "Các đơn vị điểm cao nhất",
    "poll.action.pick_units": "Chọn từng đơn vị",
    "poll.action.save": "💾 Lưu (chưa mở)",
    "poll.action.save_open": "▶️ Lưu và mở bỏ phiếu ngay",
    "poll.action.e.question": "Sửa nội dung",
    "poll.action.e.candidates": "Sửa danh sách ứng viên",
    "poll.action.e.seats": "Số đơn vị được bầu",
    "poll.action.e.max": "Số lựa chọn tối đa mỗi phiếu",
    "poll.action.e.threshold": "Ngưỡng trúng cử",
    "poll.action.e.quorum": "Túc số",
    "poll.action.e.time": "Thời gian bỏ phiếu",
    "poll.action.e.place": "Địa điểm",
    "poll.action.allow_self": "Cho phép tự bầu cho mình",
    "poll.action.forbid_self": "Không cho tự bầu cho mình",
    "poll.action.drop_draft": "Bỏ bản nháp này",
    "poll.action.open": "▶️ Mở bỏ phiếu",
    "poll.action.confirm_open": "✅ Mở và gửi phiếu",
    "poll.action.refresh": "🔄 Cập nhật số phiếu",
    "poll.action.close": "⏹ Đóng bỏ phiếu và kiểm phiếu",
    "poll.action.confirm_close": "✅ Đóng và kiểm phiếu",
    "poll.action.minutes": "📄 Biên bản kiểm phiếu",
    "poll.action.receipts": "🧾 Danh sách phiếu (mã biên nhận)",
    "poll.action.runoff": "🔁 Bầu lại giữa các đơn vị đồng phiếu",
    # opening
    "poll.confirm_open": (
        "Mở phiếu bầu #{id} «{question}»?\nPhiếu sẽ được gửi ngay đến đầu mối của {members} đơn vị thành viên."),
    "poll.opened": (
        "🟢 Đã mở phiếu bầu #{id}: {question}\nĐã gửi {ballots} phiếu đến đầu mối của {members} đơn vị.{until}\n"
        "Màn hình chiếu: /manhinh"),
    "poll.opened_until": "\nPhiếu tự đóng lúc {at}.",
    "poll.open.not_draft": "Phiếu bầu #{id} đã được mở rồi (có thể do đồng nghiệp vừa mở).",
    "poll.open.other_open": "Đang bỏ phiếu #{id} «{question}». Xin đóng phiếu đó trước khi mở phiếu khác.",
    "poll.open.no_members": "Khối chưa có đơn vị thành viên nào nên chưa mở phiếu được.",
    # closing and the result
    "poll.confirm_close": (
        "Đóng phiếu bầu #{id} «{question}» và kiểm phiếu?\nĐã có {voted}/{members} đơn vị bỏ phiếu; "
        "sau khi đóng, phiếu đến muộn sẽ không được nhận."),
    "poll.close.not_open": "Phiếu bầu #{id} không còn đang mở (có thể đã tự đóng hoặc đồng nghiệp vừa đóng).",
    "poll.result_header": "🗳 KẾT QUẢ KIỂM PHIẾU #{id} — {block}\n{question}",
    "poll.result_turnout": (
        "Số đơn vị thành viên: {members} · đã bỏ phiếu: {returned} ({turnout}%) · "
        "phiếu hợp lệ: {valid} · phiếu trắng: {blank}"),
    "poll.result_no_quorum": (
        "⚠️ Không đủ túc số — kết quả không hợp lệ ({returned}/{members} đơn vị bỏ phiếu, cần ít nhất {need})."),
    "poll.result_rule": "Tỷ lệ tính trên tổng số đơn vị thành viên; trúng cử khi trên {threshold}% và trong {seats} "
                        "đơn vị nhiều phiếu nhất.",
    "poll.result_line": "{n}. {unit}: {votes} phiếu ({pct}%) {mark}",
    "poll.mark_elected": "✅ trúng cử",
    "poll.mark_tied": "⚖️ đồng phiếu",
    "poll.result_elected": "Trúng cử: {units}.",
    "poll.result_none_elected": "Không đơn vị nào trúng cử.",
    "poll.result_tie": "⚖️ Đồng phiếu ở vị trí cuối giữa {units} (còn {seats} suất): cần bầu lại giữa các đơn vị này.",
    "poll.receipts_header": (
        "🧾 Danh sách {count} phiếu đã kiểm của phiếu bầu #{id} (mã băm SHA-256 của mã biên nhận; "
        "đơn vị kiểm tra phiếu của mình bằng /kiemtra MÃ):"),
    "poll.receipts_none": "(không có phiếu nào)",
    "poll.receipts_not_yet": "Danh sách phiếu chỉ được công bố sau khi đóng phiếu bầu #{id}.",
    "poll.closed_staff_hint": "Bấm «Biên bản kiểm phiếu» để nhận biên bản (DOCX). Xem lại bất cứ lúc nào: /baucu",
    "poll.minutes_caption": "📄 Biên bản kiểm phiếu của phiếu bầu #{id}.",
    # runoff
    "poll.runoff.not_closed": "Phiếu bầu #{id} chưa đóng nên chưa bầu lại được.",
    "poll.runoff.no_tie": "Phiếu bầu #{id} không có đồng phiếu cần bầu lại.",
    "poll.runoff.exists": "Đã có phiếu bầu lại #{id}.",
    # command line
    "poll.cli.bad_id": "Số phiếu bầu «{value}» không hợp lệ: cần một số, ví dụ 3 (xem: thidua poll list).",
    "poll.cli.bad_kind": "--kind «{value}» không hợp lệ; chọn một trong: {kinds}.",
    "poll.cli.bad_top": "--candidates «{value}»: sau «top:» cần một số từ 1 đến {units}.",
    "poll.cli.bad_candidates": "--candidates: chưa nhận ra {unknown}. Mã đơn vị của khối: {codes}.",
    "poll.cli.bad_seats": "--seats «{value}» không hợp lệ: cần một số từ 1 đến số ứng viên.",
    "poll.cli.bad_max": "--max-choices «{value}» không hợp lệ: cần một số từ 1 đến số ứng viên.",
    "poll.cli.bad_threshold": "--threshold «{value}» không hợp lệ: cần số phần trăm nguyên từ 0 đến 99.",
    "poll.cli.bad_quorum": "--quorum «{value}» không hợp lệ: cần phân số như 2/3, phần trăm như 50%, hoặc 0.",
    "poll.cli.bad_minutes": "--minutes «{value}» không hợp lệ: cần số phút từ 1 đến 1440, hoặc 0.",
    "poll.cli.minutes_written": "Đã ghi biên bản kiểm phiếu của phiếu bầu #{id} vào {path}.",
    "poll.cli.write_failed": "Không ghi được {path}: {error}",
}
