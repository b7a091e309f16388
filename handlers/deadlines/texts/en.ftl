# deadlines: English texts. See README, "Correcting a text".

status-none = { $block } has no deadlines this term.
status-header = 📋 Submissions of { $block } (at { $now }):
status-deadline = • { $title }, due { $due }
status-closed_tag = {" "}(closed)
status-counts = {"  "}Submitted { $done }/{ $total } (on time { $on_time }, late { $late }).
status-missing = {"  "}Missing: { $units }.
status-unit_header = Submissions of { $unit }:
status-unit_supplement = ✅ { $title } (due { $due }): submitted on time; supplemented at { $at }
status-unit_done = ✅ { $title } (due { $due }): submitted at { $at }
status-unit_late = ⚠️ { $title } (due { $due }): submitted late at { $at }
status-unit_missing = ⏳ { $title } (due { $due }): not submitted
remind-before =
    ⏰ Reminder: { $title }
    Due: { $due } ({ $days } working days left).
    { $unit } has not submitted.
remind-due_day =
    ⏰ Due today: { $title }
    Due: { $due }.
    { $unit } has not submitted.
remind-overdue =
    ❗ Overdue: { $title }
    Was due: { $due } ({ $days } working days ago).
    { $unit } has not submitted yet.
remind-submit_now = Submit now: { $title }
remind-hint = Type /nop to submit at any time.
digest-header = 📋 Digest for the secretariat of { $block } ({ $now }):
digest-unreachable = {"  "}⚠️ Could not be reminded (no contact): { $units }. Please call them.
digest-all_blocked = {"  "}⚠️ Could not be reminded (every contact blocked the bot): { $units }. Please call them.
digest-blocked = {"  "}🚫 Cannot be reached: { $people }.
digest-blocked_person = { $unit } – { $name } (blocked the bot since { $since })
sub-not_unit = Submitting is for the contacts of member units only.
sub-not_allowed = You are no longer a contact of the unit, so you cannot submit for it. The submission has stopped; if this is a mistake, please contact the secretariat.
sub-none = { $unit } has no open deadline this term.
sub-pick = Choose what { $unit } submits:
sub-label = { $title } (due { $due })
sub-label_done = { $title } (due { $due }) ✅ submitted
sub-reminder_gone = This deadline no longer exists or is not of your block. Type /nop to see the open deadlines.
sub-intro =
    📌 { $title }
    Due: { $due }.
sub-intro_resubmit = Your unit submitted at { $at }; this submission will replace it.
sub-intro_supplement = The deadline has passed; your unit submitted on time, so this is a supplement and the unit stays on time.
sub-intro_late = The deadline has passed; this submission will be recorded as late.
sub-closed = «{ $title }» is closed, so nothing was recorded. If your unit still needs to submit, ask the secretariat to reopen it.
sub-cancelled = «{ $title }» was cancelled by the secretariat, so nothing was recorded. If needed, ask the secretariat to reopen it.
sub-ask_theme =
    Please type the emulation theme of { $unit } (5 to 300 characters), e.g. Solidarity, discipline, creativity, efficiency.
    (Type /huy to stop.)
sub-bad_theme = The theme needs 5 to 300 characters with letters, and no command or link. Please type it again.
sub-theme_summary =
    Emulation covenant of { $unit }
    Theme: «{ $theme }»
    {""}
    Sign the covenant with this theme?
sub-theme_confirm = Sign the covenant
sub-ask_method = How does your unit submit?
sub-no_files_here = (This channel takes no files. To send a report file, please use Telegram.)
sub-photo_here = (On Zalo, a unit can send a photo of its signed report or official dispatch: send the photo right here. Word, PDF… files go through Telegram.)
sub-ask_photo = Send a photo of the signed report or official dispatch (JPG/PNG, up to { $max }). The photo's caption, if any, names the file.
sub-photo_expected = I am waiting for a photo of the report. Send the photo, or choose another way.
sub-method_file = Send the report file
sub-method_dispatch = Already sent as an official dispatch
sub-other_method = Choose another way
sub-ask_file = Please send the report file (attach it to a message): PDF, Word, Excel, OpenDocument, JPG/PNG images or ZIP/RAR archives, up to { $max }.
sub-file_expected = I am waiting for the report file. Please attach it to a message, or choose another way.
sub-file_too_big = «{ $name }» is { $size }, more than the maximum of { $max }. Please compress or split it and send it again, or submit by official dispatch.
sub-file_bad_type = «{ $name }» is not an accepted type. Accepted: PDF, Word (doc, docx), Excel (xls, xlsx), OpenDocument (odt, ods), images (jpg, png) or archives (zip, rar).
sub-file_summary =
    Please check:
    • Unit: { $unit }
    • For: { $title }
    • File: { $name } ({ $size })
sub-confirm = Submit
sub-other_file = Send another file
sub-ask_dispatch_no =
    Please type the dispatch number (e.g. 125/BC-SYT).
    (Type /huy to stop.)
sub-bad_dispatch_no = A dispatch number has 1 to 60 characters with digits, e.g. 125/BC-SYT. Please type it again.
sub-ask_dispatch_date = Please type the dispatch's date as day/month/year, e.g. { $example }.
sub-date_shape = That is not a date. Please type day/month/year, e.g. { $example }.
sub-date_no_such_day = There is no such day. Please type day/month/year again, e.g. { $example }.
sub-date_future = The dispatch's date cannot be after today ({ $today }). Please type it again.
sub-date_too_old = That date is too far back (before { $earliest }). Please check and type it again.
sub-dispatch_summary =
    Please check:
    • Unit: { $unit }
    • For: { $title }
    • Dispatch no. { $no } of { $date }
sub-what_theme = emulation theme «{ $theme }»
sub-what_file = file { $name } ({ $size })
sub-what_dispatch = dispatch no. { $no } of { $date }
sub-done_on_time =
    ✅ Recorded: { $unit } submitted «{ $title }»: { $what }.
    Submitted at { $at }, on time (due { $due }).
sub-done_late =
    ⚠️ Recorded: { $unit } submitted «{ $title }»: { $what }.
    Submitted at { $at }, late (due { $due }).
sub-done_supplement = This is a supplement after the deadline; the unit stays on time by its first submission.
sub-done_replaces = This replaces the submission of { $prev }.
sub-notice = 📥 { $unit } submitted «{ $title }» ({ $timing }): { $what }.{ $replaced } Submitted { $done }/{ $total }.
sub-notice_on_time = on time
sub-notice_late = late
sub-notice_replaces = {" "}A resubmission, replacing the one of { $prev }.
dl-kind-covenant = Emulation covenant
dl-kind-six_month_report = Six-month report
dl-kind-year_end_report = Year-end report
dl-kind-self_assessment = Self-assessment sheet
dl-kind-custom = Other
dl-weekday-0 = Monday
dl-weekday-1 = Tuesday
dl-weekday-2 = Wednesday
dl-weekday-3 = Thursday
dl-weekday-4 = Friday
dl-weekday-5 = Saturday
dl-weekday-6 = Sunday
dl-no_term = { $block } has no current term, so there are no deadlines to manage.
dl-overview_header = 📅 Deadlines of { $block } for { $year }:
dl-overview_line =
    • { $title }
    {"    "}{ $kind } · due { $due } · submitted { $done }/{ $total }{ $closed }
dl-overview_empty = (No deadlines yet.)
dl-overview_footer = What would you like to do?
dl-closed_tag = {" "}· 🔒 closed
dl-action-add = Add a deadline
dl-action-move = Move a deadline
dl-action-cancel = Cancel a deadline
dl-action-close = Close / reopen late submissions
dl-action-export_submissions = Export submissions (Excel)
dl-action-export_themes = Export emulation themes
dl-action-exit = Exit
dl-bye = Deadline management closed. Type /hannop to open it again.
dl-ask_kind = New deadline. Choose its kind:
dl-ask_title =
    Kind: { $kind }.
    Type the deadline's title (3–300 characters), e.g. Six-month report { $year }.
dl-bad_title = A title needs 3 to 300 characters, with letters, and must not start with /.
dl-title_taken = This term already has a «{ $kind }» deadline titled «{ $title }» (perhaps cancelled). Please choose another title.
dl-ask_due = Due time of «{ $title }»: type dd/mm/yyyy HH:MM, e.g. 30/11/{ $year } 17:00 (Vietnam time). A date alone means 17:00 that day.
dl-add_summary =
    Please check the new deadline:
    • Kind: { $kind }
    • Title: { $title }
    • Due: { $weekday }, { $due }
    Once confirmed, the units are told.
dl-redo_add = Start over
dl-added = ✅ Added «{ $title }», due { $due }.
dl-told = { $count } unit contacts were told.
dl-told_none = No unit has a contact yet, so nobody was told.
dl-due_empty = Please type the due time as dd/mm/yyyy HH:MM, e.g. 30/11/2026 17:00.
dl-due_bad_format = Could not read «{ $text }». Please type dd/mm/yyyy HH:MM (e.g. 30/11/2026 17:00) or a date dd/mm/yyyy (17:00).
dl-due_no_such_day = «{ $text }» does not exist: the day, month or time is invalid. Please try again, e.g. 30/11/2026 17:00.
dl-due_past = { $due } has already passed (it is now { $now }). Please give a time in the future.
dl-due_same = That is the current due time ({ $due }). Please give another one.
dl-warn_holiday = ⚠️ { $date } is a public holiday ({ $holiday }), not a working day.
dl-warn_weekend = ⚠️ { $date } is a { $weekday }, not a working day.
dl-due_effective = { $due }, effectively { $effective } as it falls on a day off
dl-warn_effective = Under Article 148 of the 2015 Civil Code, the deadline runs until { $effective } (the next working day).
dl-warn_ask = Keep { $due }, or enter another date? (You may type the new date right away.)
dl-keep_date = Keep this date
dl-other_date = Enter another date
dl-none_to_pick = There is no deadline to choose.
dl-pick_label = { $title } (due { $due })
dl-pick_move = Which deadline should move?
dl-pick_cancel = Which deadline should be cancelled?
dl-pick_close = Choose a deadline to close (no more submissions, late ones included) or to reopen:
dl-pick_close_one = 🔒 Close: { $title } (due { $due })
dl-pick_reopen = 🔓 Reopen: { $title } (due { $due })
dl-gone = That deadline is gone (perhaps just cancelled).
dl-ask_new_due =
    «{ $title }» is due { $due }.
    Type the new due time as dd/mm/yyyy HH:MM (Vietnam time); a date alone means 17:00 that day.
dl-move_confirm =
    Move «{ $title }»
    from { $old }
    to { $weekday }, { $new }?
    The units are told and reminders are planned again for the new date.
dl-moved = ✅ Moved «{ $title }» from { $old } to { $new }.
dl-cancel_confirm =
    Cancel «{ $title }» (due { $due })?
    The units are told; no more reminders or submissions for it. What was submitted is kept.
dl-cancelled = ✅ Cancelled «{ $title }».
dl-closed = 🔒 Closed «{ $title }» (due { $due }): no more submissions, late ones included.
dl-reopened = 🔓 Reopened «{ $title }»: units can submit again (after { $due } it counts as late).
dl-notice_added = 📅 The secretariat of { $block } set a new deadline: { $title }, due { $due }.
dl-notice_moved = 📅 The secretariat of { $block } moved «{ $title }» from { $old } to { $new }.
dl-notice_cancelled = ❌ The secretariat of { $block } cancelled «{ $title }» (due { $due }). Nothing needs to be submitted for it.
dl-plan_title = Reminder plan of { $block } (Vietnam time, sent only to units that have not submitted):
dl-plan_header = • { $title }, due { $due }
dl-plan_line = {"    "}{ $weekday } { $at }: { $what }{ $past }
dl-plan_before = { $n } working days before
dl-plan_due_day = due today
dl-plan_overdue = overdue reminder { $n }
dl-plan_past = {" "}(past)
dl-plan_empty = {"  "}(no open deadlines)
dl-group_closed = 🔒 The secretariat of { $block } closed «{ $title }»: no more submissions are taken.
dl-group_reopened = 🔓 The secretariat of { $block } reopened «{ $title }» for submissions.
dl-cli-list_header = Deadlines of { $block } for { $year }:
dl-cli-list_line = {"  "}#{ $id }  { $due }  { $kind }: { $title } (submitted { $done }/{ $total }){ $tags }
dl-cli-list_empty = {"  "}(no deadlines)
dl-cli-tag_closed = {" "}[closed]
dl-cli-tag_cancelled = {" "}[cancelled]
dl-cli-missing = Missing { $arg }: { $hint }
dl-cli-hint_kind = the deadline's kind, one of: { $kinds }.
dl-cli-hint_title = the deadline's title, 3 to 300 characters.
dl-cli-hint_due = the due time as "dd/mm/yyyy HH:MM" (Vietnam time) or "dd/mm/yyyy" (17:00).
dl-cli-hint_out = the .xlsx file to write.
dl-cli-bad_kind = Invalid --kind: «{ $value }». Use one of: { $kinds }.
dl-cli-bad_title = Invalid --title: «{ $value }». A title needs 3 to 300 characters, with letters, not starting with /.
dl-cli-title_taken = --title: { $year } already has a «{ $kind }» deadline titled «{ $title }».
dl-cli-bad_due = Cannot read --due: «{ $value }». Use "dd/mm/yyyy HH:MM", e.g. "30/11/2026 17:00", or "dd/mm/yyyy" (17:00).
dl-cli-due_no_such_day = --due does not exist: «{ $value }» (invalid day, month or time).
dl-cli-due_past = --due has passed: { $due } (it is now { $now }).
dl-cli-due_same = --due is the current due time of #{ $id } ({ $due }).
dl-cli-warn_holiday = Note: { $date } is a public holiday ({ $holiday }), not a working day.
dl-cli-warn_weekend = Note: { $date } is a { $weekday }, not a working day.
dl-cli-bad_id = Invalid { $arg }: «{ $value }». A deadline id is a whole number; see: thidua deadline list
dl-cli-unknown_id = { $arg }: there is no deadline #{ $id }. See: thidua deadline list
dl-cli-is_cancelled = Deadline #{ $id } «{ $title }» is cancelled; nothing changed.
dl-cli-already_closed = Deadline #{ $id } «{ $title }» is already closed; nothing changed.
dl-cli-not_closed = Deadline #{ $id } «{ $title }» is open; nothing to reopen.
dl-cli-no_term = { $block } has no current term.
dl-cli-added = Added deadline #{ $id }: { $title } ({ $kind }), due { $due }. { $told }
dl-cli-moved = Moved deadline #{ $id } «{ $title }» from { $old } to { $new }. { $told }
dl-cli-cancelled = Cancelled deadline #{ $id } «{ $title }». { $told }
dl-cli-closed = Closed deadline #{ $id } «{ $title }»: no more submissions, late ones included.
dl-cli-reopened = Reopened deadline #{ $id } «{ $title }».
dl-cli-bad_before = Invalid --before: «{ $value }». Give working days before the due date, 1 to 60, separated by commas (e.g. 7,3,1); empty ("") for none.
dl-cli-bad_overdue_every = Invalid --overdue-every: «{ $value }». A whole number from 1 to 30 (working days).
dl-cli-bad_overdue_times = Invalid --overdue-times: «{ $value }». A whole number from 0 to 20.
dl-cli-not_in_block = --deadline #{ $id } does not belong to { $block }.
dl-cli-policy_block = Reminders of { $block }
dl-cli-policy_deadline = Reminders of deadline #{ $id } «{ $title }»
dl-cli-policy = { $target }: { $before } working days before; on the due morning: { $due_day }; when overdue every { $every } working days, at most { $times } times. Sent at 08:00 on working days.
dl-cli-policy_saved = Saved.
dl-cli-policy_no_before = (none)
dl-cli-yes = yes
dl-cli-no = no
export-sheet_submissions = Submissions
export-sheet_themes = Emulation themes
export-submissions_title = SUBMISSIONS OF { $block } FOR { $year }
export-themes_title = EMULATION THEMES { $year } OF THE UNITS OF { $block }
export-as_of = (Figures as of { $now })
export-col_no = No.
export-col_code = Unit code
export-col_unit = Unit name
export-col_unit_name = Unit
export-col_date = Submitted
export-col_status = Status
export-col_form = Form
export-col_theme = Emulation theme
export-col_registered = Registered
export-deadline_header =
    { $title }
    (due { $due })
export-on_time_supplement = On time (supplemented { $at })
export-on_time = On time
export-late = Late
export-missing = Missing
export-form_document = File { $name }
export-form_document_unnamed = File
export-form_dispatch = Dispatch no. { $number } of { $date }
export-form_dispatch_undated = Dispatch no. { $number }
export-form_theme = Theme: { $theme }
export-form_assessment = Self-assessment sheet
export-total = Total
export-total_line = Submitted { $done }/{ $total } (on time { $on_time }, late { $late })
export-no_theme = (Not registered)
export-print_page = Page &P of &N
export-sign_title = HEAD OF THE BLOCK
export-sign_hint = (Signature, full name and seal)
export-submissions_filename = submissions-{ $year }.xlsx
export-themes_filename = emulation-themes-{ $year }.xlsx
export-submissions_caption = 📎 Submissions of { $block }, { $year } (figures as of { $now }).
export-themes_caption = 📎 Emulation themes { $year } of the units of { $block }: { $done }/{ $total } units registered.
export-cli-bad_out = --out must be an .xlsx file: «{ $value }».
export-cli-no_dir = --out: the folder { $dir } does not exist.
export-cli-write_failed = --out: could not write { $path } ({ $error }).
export-cli-written_submissions = Wrote { $path }: { $units } units, { $deadlines } deadlines.
export-cli-written_themes = Wrote { $path }: { $done }/{ $total } units registered an emulation theme.
grp_morning = 📋 This morning's reminder, { $block }: the units still missing
