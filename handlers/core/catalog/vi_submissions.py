"""Vietnamese texts: submissions."""

VI: dict[str, str] = {
    # who may submit
    "sub.not_unit": "Chức năng nộp chỉ dành cho cán bộ đầu mối của đơn vị thành viên.",
    "sub.not_allowed": "Bạn không còn là đầu mối của đơn vị nên không nộp thay đơn vị được nữa. Thao tác nộp đã dừng; nếu có nhầm lẫn, mời liên hệ Thường trực Khối.",
    # choosing the deadline
    "sub.none": "{unit} không có hạn nộp nào đang mở trong năm thi đua này.",
    "sub.pick": "Chọn việc cần nộp của {unit}:",
    "sub.label": "{title} (hạn {due})",
    "sub.label_done": "{title} (hạn {due}) ✅ đã nộp",
    "sub.reminder_gone": "Hạn nộp này không còn, hoặc không thuộc khối của bạn. Gõ /nop để xem các hạn nộp đang mở.",
    "sub.intro": "📌 {title}\nHạn nộp: {due}.",
    "sub.intro_resubmit": "Đơn vị đã nộp lúc {at}; lần nộp này sẽ thay thế bản đó.",
    "sub.intro_late": "Hạn nộp đã qua; lần nộp này sẽ được ghi là nộp muộn.",
    "sub.closed": "Hạn nộp «{title}» đã khóa nhận, nên chưa ghi nhận bài nộp. Nếu đơn vị vẫn cần nộp, mời liên hệ Thường trực Khối để mở lại.",
    "sub.cancelled": "Hạn nộp «{title}» đã bị Thường trực Khối hủy, nên chưa ghi nhận bài nộp. Nếu cần, mời liên hệ Thường trực Khối để mở lại.",
    # covenant: the emulation theme
    "sub.ask_theme": "Mời nhập chủ đề thi đua của {unit} (từ 5 đến 300 ký tự), ví dụ: Đoàn kết, kỷ cương, sáng tạo, hiệu quả.\n(Gõ /huy để dừng.)",
    "sub.bad_theme": "Chủ đề thi đua cần từ 5 đến 300 ký tự, có chữ cái, không phải lệnh hay đường dẫn. Mời nhập lại.",
    "sub.theme_summary": "Giao ước thi đua của {unit}\nChủ đề thi đua: «{theme}»\n\nXác nhận ký giao ước với chủ đề này?",
    "sub.theme_confirm": "Xác nhận ký giao ước",
    # reports: how
    "sub.ask_method": "Đơn vị nộp bằng cách nào?",
    "sub.no_files_here": "(Kênh này không nhận tệp. Nếu cần gửi tệp báo cáo, mời dùng Telegram.)",
    "sub.method_file": "Gửi tệp báo cáo",
    "sub.method_dispatch": "Đã gửi qua đường công văn",
    "sub.other_method": "Chọn cách khác",
    # reports: a file
    "sub.ask_file": "Mời gửi tệp báo cáo (đính kèm vào tin nhắn): PDF, Word, Excel, OpenDocument, ảnh JPG/PNG hoặc tệp nén ZIP/RAR, tối đa {max}.",
    "sub.file_expected": "Tôi đang chờ tệp báo cáo. Mời đính kèm tệp vào tin nhắn, hoặc chọn cách khác.",
    "sub.file_too_big": "Tệp «{name}» nặng {size}, vượt mức tối đa {max}. Mời nén hoặc tách tệp rồi gửi lại, hoặc nộp qua đường công văn.",
    "sub.file_bad_type": "Không nhận loại tệp «{name}». Chỉ nhận PDF, Word (doc, docx), Excel (xls, xlsx), OpenDocument (odt, ods), ảnh (jpg, png) hoặc tệp nén (zip, rar).",
    "sub.file_summary": "Mời kiểm tra lại:\n• Đơn vị: {unit}\n• Nộp cho: {title}\n• Tệp: {name} ({size})",
    "sub.confirm": "Xác nhận nộp",
    "sub.other_file": "Gửi tệp khác",
    # reports: an official dispatch
    "sub.ask_dispatch_no": "Mời nhập số công văn đã gửi (ví dụ 125/BC-SYT).\n(Gõ /huy để dừng.)",
    "sub.bad_dispatch_no": "Số công văn cần từ 1 đến 60 ký tự và có chữ số, ví dụ 125/BC-SYT. Mời nhập lại.",
    "sub.ask_dispatch_date": "Mời nhập ngày ban hành công văn theo dạng ngày/tháng/năm, ví dụ {example}.",
    "sub.date_shape": "Ngày chưa đúng dạng. Mời nhập ngày/tháng/năm, ví dụ {example}.",
    "sub.date_no_such_day": "Không có ngày này trong lịch. Mời nhập lại ngày/tháng/năm, ví dụ {example}.",
    "sub.date_future": "Ngày ban hành không thể sau hôm nay ({today}). Mời nhập lại.",
    "sub.date_too_old": "Ngày ban hành quá xa (trước {earliest}). Mời kiểm tra và nhập lại.",
    "sub.dispatch_summary": "Mời kiểm tra lại:\n• Đơn vị: {unit}\n• Nộp cho: {title}\n• Công văn số {no} ngày {date}",
    # saved
    "sub.what_theme": "chủ đề thi đua «{theme}»",
    "sub.what_file": "tệp {name} ({size})",
    "sub.what_dispatch": "công văn số {no} ngày {date}",
    "sub.done_on_time": "✅ Đã ghi nhận {unit} nộp «{title}»: {what}.\nNộp lúc {at}, đúng hạn (hạn {due}).",
    "sub.done_late": "⚠️ Đã ghi nhận {unit} nộp «{title}»: {what}.\nNộp lúc {at}, muộn so với hạn {due}.",
    "sub.done_replaces": "Bản này thay cho bản đã nộp lúc {prev}.",
    "sub.notice": "📥 {unit} đã nộp «{title}» ({timing}): {what}.{replaced} Đã nộp {done}/{total}.",
    "sub.notice_on_time": "đúng hạn",
    "sub.notice_late": "muộn",
    "sub.notice_replaces": " Bản nộp lại, thay bản lúc {prev}.",
}
