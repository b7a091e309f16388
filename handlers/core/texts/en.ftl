# core: English texts. See README, "Correcting a text".

yes = Yes
no = No
confirm = Confirm
redo = Start over
cancel = Cancel
back = Back
cancelled = Cancelled.
nothing_to_cancel = There is nothing to cancel.
menu_expired = That menu has expired. Please choose from the latest one:
choose_from_menu = Please choose an item from the menu (type its number or tap a button).
unknown_command = There is no command { $command }. Type /help for the list.
internal_error = Sorry, something went wrong with this message. Your earlier answers are kept; please try again.
document_unavailable = (Attachments cannot be sent on Zalo; see Telegram or ask the secretariat.)
lang_set = Switched to English.
lang_usage = Usage: /lang vi or /lang en
help_guest =
    I am the block's emulation assistant.
    • To register as your unit's contact, send the invite code from the secretariat (e.g. /start ABCDE-FGHJK, or just type the code).
    • /toi: where you are registered
    • /huy: cancel
    • /help: help
help_unit =
    Commands:
    • /menu: main menu
    • /nop: submit a report or the covenant
    • /chamdiem: score your unit (the self-assessment sheet)
    • /trangthai: what your unit has submitted
    • /bophieu: cast your unit's secret ballot when a vote is open
    • /kiemtra CODE: check by its receipt that your unit's ballot is counted
    • /toi: your registration
    • /huy: cancel
    • /help: help
help_secretariat =
    Secretariat commands:
    • /menu: units, contacts, revoke a contact, rotate an invite code
    • /trangthai: what the units have submitted
    • /hannop: manage deadlines
    • /diem: scores: self-assessment progress, cross-check, ranking, Excel exports
    • /baucu: prepare, open and close the year-end votes
    • /manhinh: the link of the meeting-room screen
    • /bangiao: hand over to the next term after the head and deputy votes
    • /nop, /chamdiem: the head unit's own reports and self-assessment
    • /toi: your registration
    • /huy: cancel
    • /help: help
help_observer =
    Commands (observer):
    • /menu: units and contacts
    • /trangthai: what the units have submitted
    • /diem: scores: self-assessment progress, ranking, Excel exports
    • /baucu: follow the votes and their results
    • /manhinh: the link of the meeting-room screen
    • /toi: your registration
    • /huy: cancel
    • /help: help
menu_guest = You are not registered. Please send the invite code from the block's secretariat.
menu_unit = Main menu ({ $unit }, { $block }):
menu_secretariat = Secretariat menu, { $block }:
menu_observer = You follow { $block } (provincial board). Choose what to see:
menu-units = Units and contacts
menu-missing = Units without a contact
menu-revoke = Revoke a contact
menu-rotate = Rotate a unit's invite code
menu-submit = Submit a report or the covenant
menu-status = Submission status
menu-deadlines = Manage deadlines
menu-whoami = About me
whoami_none = You are not registered in any block. Send an invite code to register.
whoami_line = • { $name }, { $position }, { $role_text } ({ $block }), phone { $phone }, registered { $date }
whoami_header = Your registration:
role-unit = contact of { $unit }
role-secretariat = block secretariat ({ $unit })
role-observer = observer (provincial board)
notice_registered = 🆕 { $name } ({ $position }, { $phone }) registered as { $role_text }. Units with a contact: { $done }/{ $total }.
notice_revoked = Your contact role at { $unit } ({ $block }) was revoked by the secretariat.
not_allowed = Only the block's secretariat can do this.
not_registered_any = You are not registered yet. Please send an invite code.
guest_hint = I did not understand. If you have an invite code, send it (e.g. ABCDE-FGHJK). Type /help.
cli-imported = Imported { $block } ({ $year }): { $added } units added, { $updated } updated, { $retired } retired; deadlines: { $dl_added } added, { $dl_updated } updated.
cli-file_error = { $path } has errors; nothing was changed:
cli-no_block = No block yet. Run: thidua block import PATH
cli-pick_block = Several blocks; pick one with --block (id or name):
cli-unknown_block = No block { $block }.
cli-sandbox_intro =
    thidua sandbox ({ $style } style). You are «{ $user }».
    Sandbox commands: /as NAME, /ma (invite codes), /sdt NUMBER (share phone), /thoat.
    Type [n] to press a button.
cli-sandbox_as = You are «{ $user }».
cli-sandbox_to = → { $user }
cli-demo_loaded = Loaded the sample block into { $path }.
cli-running = thidua is running on: { $channels }. Ctrl+C to stop.
cmd-menu = Main menu
cmd-nop = Submit a report (units)
cmd-chamdiem = Self-assessment scores (units)
cmd-trangthai = Submission status
cmd-diem = Scores and ranking (secretariat)
cmd-bophieu = Secret ballot (units)
cmd-baucu = Year-end votes (secretariat)
cmd-toi = About me
cmd-huy = Cancel
cmd-help = Help
