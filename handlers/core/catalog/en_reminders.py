"""English texts: deadline status, reminders and digests."""

EN: dict[str, str] = {
    "status.none": "{block} has no deadlines this term.",
    "status.header": "📋 Submissions of {block} (at {now}):",
    "status.deadline": "• {title}, due {due}",
    "status.closed_tag": " (closed)",
    "status.counts": "  Submitted {done}/{total} (on time {on_time}, late {late}).",
    "status.missing": "  Missing: {units}.",
    "status.unit_header": "Submissions of {unit}:",
    "status.unit_done": "✅ {title} (due {due}): submitted at {at}",
    "status.unit_late": "⚠️ {title} (due {due}): submitted late at {at}",
    "status.unit_missing": "⏳ {title} (due {due}): not submitted",
    "remind.before": "⏰ Reminder: {title}\nDue: {due} ({days} working days left).\n{unit} has not submitted.",
    "remind.due_day": "⏰ Due today: {title}\nDue: {due}.\n{unit} has not submitted.",
    "remind.overdue": "❗ Overdue: {title}\nWas due: {due} ({days} working days ago).\n{unit} has not submitted yet.",
    "remind.submit_now": "Submit now: {title}",
    "remind.hint": "Type /nop to submit at any time.",
    "digest.header": "📋 Digest for the secretariat of {block} ({now}):",
    "digest.unreachable": "  ⚠️ Could not be reminded (no contact): {units}. Please call them.",
}
