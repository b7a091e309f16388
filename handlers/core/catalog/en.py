"""English texts (second language; a missing key falls back to Vietnamese)."""

EN: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "confirm": "Confirm",
    "redo": "Start over",
    "cancel": "Cancel",
    "back": "Back",
    "cancelled": "Cancelled.",
    "nothing_to_cancel": "There is nothing to cancel.",
    "menu_expired": "That menu has expired. Please choose from the latest one:",
    "choose_from_menu": "Please choose an item from the menu (type its number or tap a button).",
    "unknown_command": "There is no command {command}. Type /help for the list.",
    "internal_error": "Sorry, something went wrong with this message. Your earlier answers are kept; please try again.",
    "contact_button": "📱 Share my phone number",
    "document_unavailable": "(Attachments cannot be sent on Zalo; see Telegram or ask the secretariat.)",
    "lang_set": "Switched to English.",
    "lang_usage": "Usage: /lang vi or /lang en",
    "help_guest": (
        "I am the block's emulation assistant.\n"
        "• To register as your unit's contact, send the invite code from the secretariat "
        "(e.g. /start ABCDE-FGHJK, or just type the code).\n"
        "• /toi: where you are registered\n• /huy: cancel\n• /help: help"
    ),
    "help_unit": (
        "Commands:\n• /menu: main menu\n• /nop: submit a report or the covenant\n"
        "• /chamdiem: score your unit (the self-assessment sheet)\n• /trangthai: what your unit has submitted\n"
        "• /bophieu: cast your unit's secret ballot when a vote is open\n"
        "• /kiemtra CODE: check by its receipt that your unit's ballot is counted\n"
        "• /toi: your registration\n• /huy: cancel\n• /help: help"
    ),
    "help_secretariat": (
        "Secretariat commands:\n• /menu: units, contacts, revoke a contact, rotate an invite code\n"
        "• /trangthai: what the units have submitted\n• /hannop: manage deadlines\n"
        "• /diem: scores: self-assessment progress, cross-check, ranking, Excel exports\n"
        "• /baucu: prepare, open and close the year-end votes\n"
        "• /manhinh: the link of the meeting-room screen\n"
        "• /bangiao: hand over to the next term after the head and deputy votes\n"
        "• /nop, /chamdiem: the head unit's own reports and self-assessment\n"
        "• /toi: your registration\n• /huy: cancel\n• /help: help"
    ),
    "help_observer": (
        "Commands (observer):\n• /menu: units and contacts\n• /trangthai: what the units have submitted\n"
        "• /diem: scores: self-assessment progress, ranking, Excel exports\n"
        "• /baucu: follow the votes and their results\n"
        "• /manhinh: the link of the meeting-room screen\n"
        "• /toi: your registration\n• /huy: cancel\n• /help: help"
    ),
    "menu_guest": "You are not registered. Please send the invite code from the block's secretariat.",
    "menu_unit": "Main menu ({unit}, {block}):",
    "menu_secretariat": "Secretariat menu, {block}:",
    "menu_observer": "You follow {block} (provincial board). Choose what to see:",
    "menu.units": "Units and contacts",
    "menu.missing": "Units without a contact",
    "menu.revoke": "Revoke a contact",
    "menu.rotate": "Rotate a unit's invite code",
    "menu.submit": "Submit a report or the covenant",
    "menu.status": "Submission status",
    "menu.deadlines": "Manage deadlines",
    "menu.whoami": "About me",
    "whoami_none": "You are not registered in any block. Send an invite code to register.",
    "whoami_line": "• {name}, {position}, {role_text} ({block}), phone {phone}, registered {date}",
    "whoami_header": "Your registration:",
    "role.unit": "contact of {unit}",
    "role.secretariat": "block secretariat ({unit})",
    "role.observer": "observer (provincial board)",
    "code_malformed": "That does not look like an invite code (10 letters and digits, e.g. ABCDE-FGHJK).",
    "code_unknown": "Unknown invite code. Please check it with the secretariat.",
    "code_revoked": "This invite code has been revoked or replaced. Please ask the secretariat for the new one.",
    "code_throttled": "Too many wrong codes. Please try again in {minutes} minutes.",
    "already_registered": "You are already registered as {role_text} in {block}. Type /toi for details.",
    "reg_confirm_unit": "Invite code of the unit:\n{unit}\n{block}\n\nAre you this unit's emulation contact?",
    "reg_confirm_secretariat": "Invite code of the secretariat of {block} (head unit: {unit}).\n\nAre you on the secretariat?",
    "reg_confirm_observer": "Observer invite code for {block} (provincial board).\n\nAre you the officer following this block?",
    "reg_declined": "Registration stopped. If the code was wrong, please contact the secretariat.",
    "reg_ask_name": "Please type your full name.",
    "reg_bad_name": "A name has 2 to 100 characters with letters, and no commands or links. Please type it again.",
    "reg_ask_position": "Please type your position (e.g. Head of Office).",
    "reg_bad_position": "A position has 2 to 100 characters with letters. Please type it again.",
    "reg_ask_phone": "Please type your phone number (e.g. 0912 345 678).",
    "reg_bad_phone": "That is not a Vietnamese phone number (mobile: 10 digits starting 03, 05, 07, 08 or 09, or +84; landline: 11 digits starting 02).",
    "reg_foreign_contact": "That is not your own number. Share your own contact or type the number.",
    "reg_summary": "Please check:\n• Unit: {unit}\n• Name: {name}\n• Position: {position}\n• Phone: {phone}",
    "reg_done_unit": "✅ You are registered as the contact of {unit} ({block}).",
    "reg_done_secretariat": "✅ You are registered on the secretariat of {block}. Type /menu.",
    "reg_done_observer": "✅ You now follow {block}. Type /menu.",
    "reg_code_gone": "The invite code was revoked while you registered. Please ask the secretariat for a new one.",
    "notice_registered": "🆕 {name} ({position}, {phone}) registered as {role_text}. Units with a contact: {done}/{total}.",
    "units_header": "Units and contacts of {block} ({done}/{total} units have a contact):",
    "units_none": "    (no contact yet)",
    "tag.head": " [head]",
    "tag.deputy": " [deputy]",
    "missing_header": "Units without a contact ({count}/{total}):",
    "missing_none": "All {total} units have a contact. 🎉",
    "revoke_pick_unit": "Choose the unit whose contact to revoke:",
    "revoke_no_contacts": "No unit has a contact yet.",
    "revoke_pick_contact": "Choose the contact of {unit} to revoke:",
    "revoke_confirm": "Revoke {name} ({unit})? They will no longer receive reminders or act for the unit.",
    "revoke_and_rotate": "Revoke and rotate the invite code",
    "revoke_last_contact": "⚠️ {unit} has no contact left: it gets no reminders until somebody registers again.",
    "revoke_done": "Revoked {name} ({unit}).",
    "revoke_gone": "This contact was already revoked.",
    "notice_revoked": "Your contact role at {unit} ({block}) was revoked by the secretariat.",
    "rotate_pick_unit": "Choose the unit whose invite code to rotate (the old code stops working):",
    "rotate_confirm": "Rotate the invite code of {unit}? The old code stops working; registered contacts stay.",
    "rotate_done": "New invite code of {unit}: {code}\nTelegram link: {link}",
    "not_allowed": "Only the block's secretariat can do this.",
    "not_registered_any": "You are not registered yet. Please send an invite code.",
    "guest_hint": "I did not understand. If you have an invite code, send it (e.g. ABCDE-FGHJK). Type /help.",
    "cli.imported": "Imported {block} ({year}): {added} units added, {updated} updated, {retired} retired; deadlines: {dl_added} added, {dl_updated} updated.",
    "cli.file_error": "{path} has errors; nothing was changed:",
    "cli.no_block": "No block yet. Run: thidua block import PATH",
    "cli.pick_block": "Several blocks; pick one with --block (id or name):",
    "cli.unknown_block": "No block {block}.",
    "cli.invites_header": "Invite codes of {block} ({year}):",
    "cli.invite_secretariat": "Secretariat",
    "cli.invite_observer": "Provincial board (observer)",
    "cli.sandbox_intro": "thidua sandbox ({style} style). You are «{user}».\nSandbox commands: /as NAME, /ma (invite codes), /sdt NUMBER (share phone), /thoat.\nType [n] to press a button.",
    "cli.sandbox_as": "You are «{user}».",
    "cli.sandbox_to": "→ {user}",
    "cli.demo_loaded": "Loaded the sample block into {path}.",
    "cli.running": "thidua is running on: {channels}. Ctrl+C to stop.",
    "cmd.menu": "Main menu",
    "cmd.nop": "Submit a report (units)",
    "cmd.chamdiem": "Self-assessment scores (units)",
    "cmd.trangthai": "Submission status",
    "cmd.diem": "Scores and ranking (secretariat)",
    "cmd.bophieu": "Secret ballot (units)",
    "cmd.baucu": "Year-end votes (secretariat)",
    "cmd.toi": "About me",
    "cmd.huy": "Cancel",
    "cmd.help": "Help",
}
