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
group_pointer_link = This is done in a private chat with the bot, so the group does not see each person's details. Open: { $link }
group_pointer = This is done in a private chat with the bot, so the group does not see each person's details: open the bot's page on Zalo and send the command there.
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
    • /hannop: manage deadlines; /hannop lich: the coming reminder plan
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
menu_observer_many = You follow { $count } blocks: { $blocks } (provincial board). Submissions and scores show every block; the list of units and the polls are those of { $block }. Choose what to see:
menu-units = Units and contacts
menu-missing = Units without a contact
menu-revoke = Revoke a contact
menu-rotate = Rotate a unit's invite code
menu-submit = Submit a report or the covenant
menu-status = Submission status
menu-deadlines = Manage deadlines
menu-whoami = About me
whoami_none = You are not registered in any block. Send an invite code to register.
whoami_line = • { $name }, { $position }, { $role_text }, { $block }, phone { $phone }, registered { $date }
whoami_header = Your registration:
whoami_following = You follow { $count } blocks: { $blocks }.
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
    Type [n] to press a button; at a step that asks for a score, a typed number is the score (type [n] with the brackets to press a button).
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

# The operator: thidua doctor, the start-up's one-line errors, thidua backup / restore.
doctor-bad_setting = ✗ { $variable }: { $reason }. Fix this environment variable (or the .env file) and run again.
doctor-bad_database_url = THIDUA_DATABASE_URL is not a database URL (e.g. postgresql://thidua:PASSWORD@host:5432/thidua): fix this variable.
doctor-settings_ok = Settings: database { $database }, web server { $host }:{ $port }, { $mode }.
doctor-mode_webhook = webhooks at { $base }
doctor-mode_polling = long polling (THIDUA_WEBHOOK_BASE_URL not set)
doctor-mode_sandbox = sandbox (no platform token set)
doctor-webhook_not_https = THIDUA_WEBHOOK_BASE_URL={ $base } does not start with https://: Telegram posts webhooks to HTTPS only. Set the reverse proxy's HTTPS address.
doctor-db_missing = No database at { $path } yet: run `thidua migrate` to create it, or `thidua restore DIR` to restore a backup.
doctor-db_unreachable = Cannot reach the database { $where }: { $reason }. Check THIDUA_DATABASE_URL and the PostgreSQL server.
doctor-db_ok = Database { $where } answers.
doctor-migrations_ok = Database schema is current ({ $revision }).
doctor-migrations_behind = Database schema is at { $database }, the code needs { $code }: run `thidua migrate`.
doctor-secret_env = Secret key taken from THIDUA_SECRET_KEY.
doctor-secret_missing = No secret key at { $path }: `thidua migrate` creates a new one; if there is data already, restore the key from a backup (every invite code derives from it).
doctor-secret_unreadable = Cannot read the secret key { $path }: { $reason }. Let the account running thidua read it.
doctor-secret_mode = The secret key { $path } has mode { $mode }, readable by others: run `chmod 600 { $path }`.
doctor-secret_short = The secret key { $path } is empty or too short: restore it from a backup.
doctor-secret_ok = Secret key { $path } (mode 600).
doctor-port_busy = Cannot use the web port { $host }:{ $port } ({ $reason }): thidua may be running already; stop it or set another THIDUA_WEB_PORT.
doctor-port_ok = Web port { $host }:{ $port } is free.
doctor-token_refused = { $platform } refuses the token ({ $reason }): check { $variable }.
doctor-platform_unreachable = Cannot reach { $platform } ({ $api }): { $reason }. Check the network, DNS or the outgoing proxy.
doctor-platform_refused = { $platform } refused the request: { $reason }.
doctor-webhook_while_polling = { $platform } has the webhook { $url } but THIDUA_WEBHOOK_BASE_URL is not set: `thidua run` will delete it and long-poll. Set THIDUA_WEBHOOK_BASE_URL to use webhooks.
doctor-webhook_none = { $platform }: no webhook (long polling).
doctor-webhook_elsewhere = The { $platform } webhook points to { $url }, not { $expected }: check THIDUA_WEBHOOK_BASE_URL, or another bot uses the same token.
doctor-webhook_error = { $platform } reports that its last webhook delivery failed: { $reason }. Check the reverse proxy, the HTTPS certificate and the firewall.
doctor-webhook_unset = { $platform }: webhook not set yet; `thidua run` sets { $expected } when it starts.
doctor-webhook_ok = { $platform } webhook: { $url } ({ $pending } updates pending).
doctor-telegram_ok = Telegram: token valid, bot @{ $username }.
doctor-username_differs = The Telegram bot is @{ $username } but THIDUA_TELEGRAM_BOT_USERNAME={ $configured }: invite links would be wrong. Set THIDUA_TELEGRAM_BOT_USERNAME={ $username }.
doctor-zalo_ok = Zalo: token valid, bot { $name }.
doctor-no_token = No Telegram or Zalo token: `thidua run` opens the sandbox on its own database (data/sandbox.db).
doctor-summary_ok = All checks passed.
doctor-summary_failed = { $failed }/{ $total } checks failed: fix the ✗ lines above.
startup-bad_token = Cannot start: { $platform } refuses the token ({ $reason }). Check { $variable }.
startup-unreachable = Cannot start: { $platform } ({ $api }) is out of reach after several tries: { $reason }. Check the network, DNS or the outgoing proxy; thidua tries again when restarted.
startup-refused = Cannot start: { $platform } refused { $what }: { $reason }. Check THIDUA_WEBHOOK_BASE_URL (the reverse proxy's public HTTPS address).
startup-port_taken = Cannot start: the web port { $host }:{ $port } is in use ({ $reason }). Stop what holds it (perhaps another thidua) or set another THIDUA_WEB_PORT.
startup-port_unusable = Cannot start: cannot open the web port { $host }:{ $port } ({ $reason }). Check THIDUA_WEB_HOST and THIDUA_WEB_PORT.
backup-path_taken = { $path } exists and is not empty: choose a new folder for the backup (an old one is never overwritten).
backup-no_secret = No secret key ({ $path }, THIDUA_SECRET_KEY): no backup, since a database without its key makes every invite code useless.
backup-no_database = No database at { $path } yet: nothing to back up.
backup-tool_missing = { $program } is not installed on this machine: install postgresql-client (Debian/Ubuntu: apt-get install postgresql-client), of the PostgreSQL server's major version, and run again.
backup-failed = Could not do it: { $reason }
backup-done = Backed up to { $path }: { $tables } tables, { $rows } rows, with the secret key. Keep this folder as private as the key itself (every invite code derives from it).
backup-not_a_backup = { $path } is not a thidua backup (manifest.json or secret.key missing).
backup-secret_differs = THIDUA_SECRET_KEY differs from the backup's key: set THIDUA_SECRET_KEY to the content of { $path } (or unset it to use the key file) and run again. Nothing changed.
backup-other_kind = The backup is of { $backup }, the target database is { $target }: a backup restores into the same kind only. Nothing changed.
backup-schema_differs = The backup is of schema { $backup }, the target database uses schema { $target } (search_path): restore into a database using schema { $backup }. Nothing changed.
backup-target_not_empty = The target database holds data ({ $tables } tables with rows, e.g. { $some }): a backup restores into an empty database only, never over data in use. Create a new database (or a new THIDUA_DATA_DIR) and run again. Nothing changed.
backup-restored = Restored the backup { $path } (made { $created }): { $tables } tables, { $rows } rows, with the secret key. Run `thidua migrate` if the backup is from an older version, then `thidua doctor`.
unsupported_message = I cannot read this kind of message (sticker, voice note, …). Please type text or pick an option from the previous message.
file_link = 📎 { $name } ({ $size }): { $url } (downloadable until { $until })

# redesign2 (issue 11): the command line's help (thidua --help, thidua poll create --help …).
cli-help-description = An assistant for an emulation block
cli-help-block = the emulation block
cli-help-block_import = import a block from a YAML or Excel file
cli-help-invites = each unit's invite code and Telegram link
cli-help-block_arg = the block's number or name
cli-help-chat = the chat sandbox in the terminal
cli-help-run = run the bot (Telegram/Zalo when a token is set, otherwise the sandbox with the sample block)
cli-help-migrate = bring the database schema up to date
cli-help-deadline = the current term's deadlines
cli-help-deadline_list = list the deadlines
cli-help-deadline_add = add a deadline
cli-help-deadline_schedule = the reminder plan: when each deadline's reminders go out
cli-help-deadline_due = "dd/mm/yyyy HH:MM" or "dd/mm/yyyy" (17:00), Vietnam time
cli-help-deadline_move = move a deadline (the units are told)
cli-help-deadline_cancel = cancel a deadline (the units are told)
cli-help-deadline_close = stop taking submissions, late ones included
cli-help-deadline_reopen = take submissions again
cli-help-deadline_policy = the reminder plan of the block or of one deadline
cli-help-deadline_before = working days before the deadline, e.g. 7,3,1
cli-help-export = export to Excel
cli-help-export_submissions = what the units have submitted
cli-help-export_themes = the units' emulation themes
cli-help-out_xlsx = the .xlsx file to write
cli-help-poll = the year-end vote (secret ballot)
cli-help-poll_list = the current term's polls
cli-help-poll_create = prepare a poll (not opened yet)
cli-help-poll_candidates = "all" (default), "top:N" (the N units with the highest scores), or codes/numbers: "BHXH,YTE" "1 3 5-7"
cli-help-poll_question = the question on the ballot (by default, the kind's)
cli-help-poll_seats = how many units are elected (by default, the kind's)
cli-help-poll_max_choices = the most choices per ballot (by default, the seats)
cli-help-poll_self = a unit may vote for itself (default: yes)
cli-help-poll_blank = a blank ballot (no unit chosen) counts as: valid (the default) or invalid
cli-help-poll_threshold = elected above this % of all units (default 50)
cli-help-poll_quorum = the quorum, e.g. "2/3" (default) or "50%" or 0
cli-help-poll_minutes = how long the vote lasts (minutes); none: the secretariat closes it
cli-help-poll_place = where the meeting is held (written in the minutes)
cli-help-poll_open_now = open the vote right after creating it
cli-help-poll_open = open the vote: send the ballot to every unit's contact
cli-help-poll_close = close the vote, count it and publish the results
cli-help-poll_show = show a poll and its results
cli-help-poll_receipts = the counted ballots (receipt hashes)
cli-help-poll_id = the poll's number
cli-help-poll_minutes_doc = write the minutes of the count (DOCX)
cli-help-poll_minutes_out = the .docx file to write (default: bien-ban-kiem-phieu-ID.docx)
cli-help-scores = the current term's scores
cli-help-scores_progress = the units' self-assessment progress
cli-help-scores_ranking = the ranking by final score
cli-help-scores_export = the Excel summary of the scores
cli-help-scores_export_unit = the Excel self-assessment of one unit
cli-help-unit_arg = the unit's code
cli-help-scores_import_check = import the cross-check from a unit's sheet
cli-help-scores_import_path = the .xlsx file with «Điểm kiểm tra» and «Lý do» filled in
cli-help-sheet = the current term's criteria sheet
cli-help-sheet_import = import the criteria sheet from a YAML or Excel file
cli-help-sheet_show = show the criteria sheet
cli-help-term = the term: handover to the next year
cli-help-term_handover = hand over to the next term (the elected head and deputy)
cli-help-term_year = the term that ends (as a check)
cli-help-term_head = the new head unit's code (when not taken from the vote)
cli-help-term_deputy = the new deputy unit's code (when not taken from the vote)
cli-help-doctor = check the settings, database, secret key, tokens, webhooks and web port
cli-help-backup = back up the database with the secret key into a new folder
cli-help-backup_path = the backup folder (new, or empty)
cli-help-restore = restore a backup into an empty database
cli-help-restore_path = a folder made by thidua backup
doctor-texts_ok = The text files (.ftl) read well: { $count } texts.
doctor-texts_broken =
    A text file (.ftl) is broken, the bot will not start:
      { $problems }
    Fix the line named (keep what is before = and everything in curly brackets) and run thidua doctor again.
cli-texts_broken =
    Not started: a text file (.ftl) is broken:
      { $problems }
    Fix the line named and run again (thidua doctor checks these files).

# Where a problem lies in a file (see vi.ftl).
office-sheet = Sheet "{ $sheet }"
office-sheet_row = Sheet "{ $sheet }", row { $row }
office-sheet_cell = Sheet "{ $sheet }", row { $row }, column "{ $column }"
office-labelled_cell = Sheet "{ $sheet }", row { $row } ("{ $label }")
office-sheet_item = Sheet "{ $sheet }", item "{ $item }"
office-row = row { $row }
# What a value typed where text or a number belongs is ("must be text, not a number").
office-kind-bool = true/false
office-kind-number = a number
office-kind-datetime = a date and time
office-kind-date = a date
office-kind-time = a time
office-kind-list = a list
office-kind-mapping = a table of name: value
