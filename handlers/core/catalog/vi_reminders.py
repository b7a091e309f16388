"""Vietnamese texts: deadline status, reminders and digests."""

VI: dict[str, str] = {
    "status.none": "{block} chưa có hạn nộp nào trong năm thi đua này.",
    "status.header": "📋 Tình hình nộp của {block} (lúc {now}):",
    "status.deadline": "• {title}, hạn {due}",
    "status.closed_tag": " (đã khóa nhận)",
    "status.counts": "  Đã nộp {done}/{total} (đúng hạn {on_time}, muộn {late}).",
    "status.missing": "  Chưa nộp: {units}.",
    "status.unit_header": "Tình hình nộp của {unit}:",
    "status.unit_done": "✅ {title} (hạn {due}): đã nộp lúc {at}",
    "status.unit_late": "⚠️ {title} (hạn {due}): nộp muộn lúc {at}",
    "status.unit_missing": "⏳ {title} (hạn {due}): chưa nộp",
    "remind.before": "⏰ Nhắc việc: {title}\nHạn nộp: {due} (còn {days} ngày làm việc).\nĐơn vị {unit} chưa nộp.",
    "remind.due_day": "⏰ Hôm nay là hạn cuối: {title}\nHạn nộp: {due}.\nĐơn vị {unit} chưa nộp.",
    "remind.overdue": "❗ Quá hạn: {title}\nHạn nộp đã qua: {due} (quá {days} ngày làm việc).\nĐơn vị {unit} chưa nộp; mời nộp sớm.",
    "remind.submit_now": "Nộp ngay: {title}",
    "remind.hint": "Gõ /nop để nộp bất cứ lúc nào.",
    "digest.header": "📋 Báo cáo nhanh cho Thường trực {block} ({now}):",
    "digest.unreachable": "  ⚠️ Không nhắc được vì chưa có đầu mối: {units}. Mời Thường trực liên hệ trực tiếp.",
}
