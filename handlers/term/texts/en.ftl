# term: English texts. See README, "Correcting a text".

handover-no_term = { $block } has no current emulation year, so there is nothing to hand over.
handover-year_mismatch = The current emulation year of { $block } is { $current }, not { $year }.
handover-done_already = { $block } has already been handed over to { $year }; a year is handed over only once.
handover-kind-head = block head
handover-kind-deputy = deputy head
handover-poll_open = The poll for the { $role } (number { $poll }) is still open: close and count it before the handover.
handover-no_poll = No poll for the { $role } has been counted in { $year }: hold the vote before the handover.
handover-poll_invalid = The poll for the { $role } (number { $poll }) is invalid (quorum not met): vote again.
handover-poll_tied = The poll for the { $role } (number { $poll }) ended in a tie: hold a runoff between the tied units.
handover-poll_undecided = The poll for the { $role } (number { $poll }) did not elect exactly one unit (elected: { $count }): vote again.
handover-unknown_unit = No active unit with code «{ $code }» in { $block }.
handover-same_unit = The head and the deputy must be two different units ({ $unit }).
handover-head_no_contact = { $unit } (the new head) has no registered contact, so nobody would take over the secretariat. Have the unit register a contact before the handover.
handover-summary =
    🔁 Handover to the { $year } emulation year of { $block }:
    • Head: { $head }
    • Deputy: { $deputy }
    {""}
    On confirmation:
    • { $old_year } is closed (still readable); { $year } becomes the current year.
    • Today's secretariat staff become contacts of their own unit; { $moved } contact(s) of { $head } become the secretariat.
    • The old secretariat invite code is revoked and a new one issued.
    • The { $year } deadlines are created from the { $old_year } calendar.
    • Everyone in the block is told.
    This cannot be undone.
handover-confirm = Confirm the handover
handover-changed = The election results have just changed; please review before confirming.
handover-done = ✅ Handed over: the { $year } emulation year starts, { $head } is the head, { $deputy } the deputy. { $moved } contact(s) of { $head } now run the block.
handover-deadlines = { $count } deadline(s) of { $year } created from last year's calendar (see /hannop).
handover-deadline_shifted = • «{ $title }»: { $old } is not a working day, the deadline is set on { $new }.
handover-deadline_skipped = • «{ $title }»: { $due } has passed, so it was not created; add a new deadline if needed.
handover-notice_all = 📣 { $block } has moved to the { $year } emulation year: the head is { $head }, the deputy { $deputy }. The secretariat is now run by the staff of { $head }.
handover-group_post = 📣 { $block } has moved to the { $year } emulation year: the head is { $head }, the deputy { $deputy }.
handover-notice_new_secretariat = You now run { $block } (secretariat) for { $year }. Type /menu to see the secretariat's tasks. To invite more secretariat staff, use «Rotate a unit's invite code» → Secretariat.
handover-notice_old_secretariat = The secretariat has moved to { $head }; you are now a contact of { $unit }.
handover-carry-head = Carried into { $year }:
handover-carry-cycle = • { $count } deadline(s) of the { $old_year } calendar carried over: { $titles }.
handover-carry-no_cycle = • No deadline of the { $old_year } calendar was carried over.
handover-carry-sheet_there = • The { $year } criteria sheet: «{ $title }».
handover-carry-sheet_left = • Not carried over: the criteria sheet «{ $title }» ({ $count } criteria).
handover-carry-no_sheet = • { $old_year } had no criteria sheet to carry over.
handover-carry-custom_left = • Not carried over: { $count } custom deadline(s): { $titles }.
handover-carry-offer = The { $year } secretariat can copy what was not carried over: type /bangiao.
handover-carry-ask = Choose what to copy into { $year } (each is copied once):
handover-carry-copy_sheet = 📋 Copy the criteria sheet
handover-carry-copy_custom = 📅 Copy { $count } custom deadline(s)
handover-carry-finish = Done
handover-carry-sheet_copied = ✅ The criteria sheet is copied into { $year }: «{ $title }».
handover-carry-sheet_already = { $year } already has a criteria sheet: not copied again.
handover-carry-custom_copied = ✅ { $count } custom deadline(s) of { $year } created (see /hannop).
handover-carry-custom_none = No custom deadline is left to copy into { $year }.
handover-carry-all_done = { $year } now has everything the year before had.
handover-carry-finish_said = Done. What was not carried over can still be copied later: type /bangiao.
handover-carry-nothing = The year before had no criteria sheet to copy into { $year }.
handover-cli-done = Handed over { $block }: { $year } starts; head { $head }, deputy { $deputy }; { $moved } contact(s) became the secretariat, { $demoted } former secretariat staff became contacts of their unit.
handover-cli-code = New secretariat invite code: { $code }  { $link }
handover-cli-no_secretariat = ⚠️ { $head } has no registered contact: the block has no secretariat for now. Give the new secretariat code above to the staff of { $head }.
handover-cli-told = Notices queued for { $count } people of the block (the running bot sends them).
handover-cli-named = Handover to the units named: head { $head }, deputy { $deputy }.

# The block file's problems (thidua block import)
block_file-errors_header = The block file has { $count } errors:
block_file-errors_more = … and { $count } more errors.
block_file-file_missing = file { $path } not found
block_file-file_unreadable = cannot read file { $path } ({ $reason })
block_file-file_empty = file { $path } is empty
block_file-file_too_large = file { $path } is too large (at most { $limit_mb } MB)
block_file-file_format = unknown file format { $path }: use a .yaml, .yml or .xlsx file
block_file-file_xls = file { $path } is Excel 97-2003 (.xls): open it in Excel and save it as .xlsx
block_file-file_not_utf8 = file { $path } is not UTF-8 text (error on line { $line }): save it again as UTF-8
block_file-yaml_syntax = YAML syntax error on line { $line }, column { $column }: { $detail }
block_file-yaml_too_deep = the YAML file is nested too deeply
block_file-yaml_duplicate_key = item "{ $name }" appears twice (line { $line })
block_file-yaml_bad_key = an item name must be text (line { $line })
block_file-xlsx_broken = cannot open Excel file { $path }: the file is damaged or not .xlsx
block_file-not_block_file = this is not a block file: it needs the items block, units and deadlines
block_file-section_missing = a required item is missing
block_file-not_mapping = must consist of name: value items ({ $fields })
block_file-not_list = must be a list
block_file-unknown_key = item "{ $name }" is not supported (use only: { $allowed })
block_file-sheet_missing = sheet "{ $sheet }" (or "{ $alias }") is missing
block_file-sheet_empty = the sheet is empty: it needs a header row with the columns { $columns }
block_file-column_missing = column "{ $column }" is missing
block_file-column_duplicate = column "{ $column }" appears twice
block_file-label_missing = the item name in column A is missing
block_file-label_unknown = item "{ $label }" is not supported (use only: { $allowed })
block_file-label_duplicate = item "{ $label }" is repeated (already at { $first })
block_file-too_many_rows = the sheet has more than { $limit } rows
block_file-required = required but empty
block_file-not_text = must be text, not { $got }
block_file-bad_char = contains an invalid control character
block_file-too_long = longer than { $limit } characters
block_file-year_invalid = year "{ $value }" is not valid: it must be a whole number from { $low } to { $high }
block_file-units_count = a block must have { $low } to { $high } units, this one has { $count }
block_file-code_invalid = unit code "{ $value }" is not valid: only unaccented letters, digits, "_" and "-", at most 20 characters
block_file-code_duplicate = unit code "{ $value }" is repeated (already at { $first })
block_file-name_duplicate = unit name "{ $value }" is repeated (already at { $first })
block_file-unit_unknown = code "{ $value }" is not in the list of units
block_file-deputy_is_head = the deputy head unit must differ from the head unit (both are "{ $value }")
block_file-kind_invalid = deadline kind "{ $value }" is not valid: use one of { $allowed }
block_file-due_invalid = deadline "{ $value }" is not in the form dd/mm/yyyy HH:MM or dd/mm/yyyy
block_file-due_not_real = date and time "{ $value }" does not exist
block_file-due_out_of_range = deadline "{ $value }" must fall within the years { $low }–{ $high }
block_file-sheet_not_allowed = only a self_assessment deadline has a scoring sheet (this one is of kind { $kind })
