# scoring: English texts. See README, "Correcting a text".

sheet_file-errors_header = The criteria file has { $count } errors:
sheet_file-errors_more = … and { $count } more.
sheet_file-file_missing = file { $path } not found
sheet_file-file_unreadable = cannot read { $path } ({ $reason })
sheet_file-file_empty = { $path } is empty
sheet_file-file_too_large = { $path } is too large (at most { $limit_mb } MB)
sheet_file-file_format = unknown format of { $path }: use a .yaml, .yml or .xlsx file
sheet_file-file_xls = { $path } is an Excel 97-2003 file (.xls): open it in Excel and save it as .xlsx
sheet_file-file_not_utf8 = { $path } is not UTF-8 text (error on line { $line }): save it as UTF-8
sheet_file-yaml_syntax = YAML syntax error on line { $line }, column { $column }: { $detail }
sheet_file-yaml_too_deep = the YAML file is nested too deeply
sheet_file-yaml_duplicate_key = "{ $name }" appears twice (line { $line })
sheet_file-yaml_bad_key = keys must be text (line { $line })
sheet_file-xlsx_broken = cannot open the Excel file { $path }: damaged or not .xlsx
sheet_file-not_criteria_file = not a criteria file: it needs sheet, sections (and bonus, deductions if any)
sheet_file-part_missing = required but missing
sheet_file-not_mapping = must be a set of name: value items ({ $fields })
sheet_file-not_list = must be a list
sheet_file-unknown_key = "{ $name }" is not supported (use only: { $allowed })
sheet_file-sheet_missing = sheet "{ $sheet }" (or "{ $alias }") is missing
sheet_file-sheet_empty = the sheet is empty: it needs a header row with the columns { $columns }
sheet_file-column_missing = column "{ $column }" is missing
sheet_file-column_duplicate = column "{ $column }" appears twice
sheet_file-label_missing = no label in column A
sheet_file-label_unknown = "{ $label }" is not supported (use only: { $allowed })
sheet_file-label_duplicate = "{ $label }" is repeated (first at { $first })
sheet_file-too_many_rows = the sheet has more than { $limit } rows
sheet_file-required = required but empty
sheet_file-not_text = must be text, not { $got }
sheet_file-bad_char = contains an invalid control character
sheet_file-too_long = longer than { $limit } characters
sheet_file-code_invalid = code "{ $value }" is invalid: only unaccented letters, digits, ".", "_" and "-", at most 20
sheet_file-criterion_duplicate = criterion code "{ $value }" is repeated (first at { $first })
sheet_file-section_duplicate = section code "{ $value }" is repeated (first at { $first })
sheet_file-section_empty = section "{ $code }" has no criteria
sheet_file-section_title_conflict = section title "{ $value }" differs from the one given at { $first }
sheet_file-no_sections = a criteria sheet needs at least one section
sheet_file-kind_invalid = kind "{ $value }" is invalid: use one of { $allowed }
sheet_file-not_number = "{ $value }" is not a number (write 9,5 or 9.5)
sheet_file-not_positive = must be above 0 (is "{ $value }")
sheet_file-too_big = "{ $value }" is too large (at most { $limit })
sheet_file-too_precise = "{ $value }" has more than 2 decimals
sheet_file-off_step = the maximum { $value } is not a multiple of the step { $step }
sheet-cli-no_term = { $block } has no current term: import the block file first (thidua block import).
sheet-cli-summary = { $sections } sections, { $criteria } criteria (total { $total } points), { $bonus } bonus, { $deductions } deductions, step { $step }
sheet-cli-created = Imported the criteria sheet «{ $title }» for { $block } ({ $year }), version { $version }: { $summary }.
sheet-cli-unchanged = The criteria sheet «{ $title }» of { $block } ({ $year }) is unchanged (version { $version }).
sheet-cli-replaced = Updated the criteria sheet «{ $title }» of { $block } ({ $year }), version { $version } (no unit had started): { $summary }.
sheet-cli-new_version = Created version { $version } of the criteria sheet «{ $title }» for { $block } ({ $year }) since { $units } units had started scoring; version { $old } is kept. { $summary }. { $contacts } contacts told.
sheet-cli-resubmit = { $count } units had submitted against the old version: those submissions no longer count for the self-assessment deadline; the units are told to score and submit again.
sheet-cli-linked = The self-assessment deadline now uses «{ $title }».
sheet-cli-beside_missing = Warning: no criteria file { $path } (deadline «{ $deadline }» names sheet: { $name }); the sheet was not imported. Import it later: thidua sheet import PATH
sheet-cli-beside_several = Warning: the self-assessment deadlines name different sheets ({ $names }); none was imported. Use: thidua sheet import PATH
sheet-cli-beside_other_year = Warning: { $year } is not the current term of { $block }; the criteria sheet { $name } was not imported.
sheet-cli-none = { $block } ({ $year }) has no criteria sheet yet. Import one: thidua sheet import PATH
sheet-show-header =
    { $title }
    { $block }, { $year } · version { $version } · step { $step }
sheet-show-older = (older versions kept: { $versions })
sheet-show-section = { $code }. { $title } ({ $total } points)
sheet-show-line = {"  "}{ $code }  { $text } · max { $max }
sheet-show-base_total = Base total: { $total }
sheet-show-bonus = Bonus (up to { $total }):
sheet-show-deductions = Deductions (up to { $total }):
sheet-notice_new_version = 📋 { $block }: the criteria sheet «{ $title }» has just been updated (version { $version }). { $unit }, please check your self-assessment draft against it (/chamdiem).
sheet-notice_resubmit = 📋 { $block }: the criteria sheet «{ $title }» has just been updated (version { $version }) after { $unit } had submitted its self-assessment against the old one. That submission is kept but no longer counts; { $unit }, please score against the new sheet and submit again (/chamdiem; the scores that still fit are copied over).
menu-score_admin = Emulation scores
sca-no_term = { $block } has no current term, so there are no scores yet.
sca-no_sheet = { $block } has no scoring sheet for { $year } yet. Please import the sheet first.
sca-overview_header = 📊 Emulation scores of { $block } for { $year }
sca-overview_sheet = { $title } (maximum { $max } points, step { $step }):
sca-p-not_started = • { $unit }: ⬜ not started
sca-p-in_progress = • { $unit }: ✏️ scoring, { $done }/{ $total } criteria
sca-p-reopened = • { $unit }: ↩️ reopened for changes, { $done }/{ $total } criteria
sca-p-submitted = • { $unit }: ✅ submitted { $at }{ $late }{ $checked }
sca-p-late = {" "}(late)
sca-p-overdue = {" "}· ⏰ overdue
sca-p-checked = {" "}· checked { $done }/{ $total }
sca-overview_counts = Submitted { $done }/{ $total } · scoring { $working } · not started { $idle }.
sca-overview_footer = What would you like to do?
sca-action-check = Cross-check
sca-action-ranking = Ranking
sca-action-export = Export the score summary (Excel)
sca-action-export_unit = Export one unit's sheet
sca-action-reopen = Reopen a submitted sheet
sca-action-exit = Exit
sca-bye = Scores closed. Type /diem to open them again.
sca-ranking_none = No unit has submitted its self-assessment yet, so there is no ranking.
sca-ranking_header = 🏆 Ranking of { $block } for { $year } by final score ({ $done }/{ $total } units submitted):
sca-ranking_line = { $rank }. { $unit }: { $total } points (self { $own }){ $tie }
sca-tie_tag = {" "}⚖️ tie — settled by vote
sca-tie = Tie — settled by vote
sca-ranking_missing = Not submitted, not ranked: { $units }.
sca-ranking_tie_note = The final score is the checked score where given, else the self score. Tied units are settled by a vote at the conference.
sca-none_submitted = No unit has submitted its self-assessment yet.
sca-pick_check = Choose a unit that has submitted, to cross-check:
sca-pick_unit_checked = { $unit } (checked { $done }/{ $total })
sca-unit_view =
    🔎 Cross-check: { $unit }
    Submitted { $at }{ $late }. Self { $own } points · after the check { $final } points.
    Checked { $done }/{ $total } criteria. Choose a criterion (or type its code, e.g. 1.2), or go through them in order. When done, choose «Done» to tell the unit.
sca-suggest_head = 💡 Suggested deduction: { $points } points under criterion { $code } ({ $text }), not applied: the bot never deducts by itself; choose «Apply the suggestion» or ignore it. How: { $late_points } per late submission, { $missing_points } per missing one, at most { $max }.
sca-suggest_applied = 💡 Suggested deduction applied: { $points } points under criterion { $code } ({ $text }). How: { $late_points } per late submission, { $missing_points } per missing one, at most { $max }.
sca-suggest_no_criterion = 💡 Deadlines: { $late } late, { $missing } missing. The sheet has no deduction for late reports, so the bot suggests no points.
sca-suggest_late = • Late «{ $title }» (due { $due }, submitted { $at })
sca-suggest_missing = • Missing «{ $title }» (due { $due })
sca-suggest_apply = ➖ Apply the suggestion: deduct { $points } under { $code }
sca-suggest_reason = From the submissions recorded by the bot: { $late } late, { $missing } not submitted on time.
sca-suggest_saved = ✅ Suggestion applied: { $code } deducts { $points } points (the unit's own score { $own }).
sca-suggest_gone = The suggested deduction has nothing left to apply (applied already, or the submissions changed).
sca-go_in_order = ▶️ In order
sca-crit_open = { $code }: { $own }/{ $max }
sca-crit_agreed = { $code }: { $own }/{ $max } ✔
sca-crit_changed = { $code }: { $own } → { $checked }/{ $max } ✎
sca-finish_unit = ✅ Done, tell the unit
sca-pick_criterion_again = Please choose a criterion from the menu or type its exact code (e.g. 1.2).
sca-kind-base = Criterion
sca-kind-bonus = Bonus
sca-kind-deduction = Deduction
sca-ask_score_head = Criterion { $code } ({ $position }/{ $total }, section { $group }): { $text }
sca-ask_score_max = Maximum { $max }, step { $step }.
sca-ask_score_self = Self score: { $own }. Explanation: { $explanation }
sca-no_explanation = (none)
sca-ask_score_current = Current checked score: { $checked }. Reason: { $reason }
sca-no_reason = (none)
sca-ask_score = Type the checked score (e.g. 9.5) or choose:
sca-ask_score_words = Type the checked score (e.g. 9.5), or type { $words }.
sca-word_keep = «keep» (keep the self score)
sca-word_clear = «clear» (remove the checked score)
sca-word_skip = «skip»
sca-word_back = «back»
sca-next_action = What next?
sca-pick_block = Choose a block for its ranking, exports or other actions:
sca-block_actions = { $block }: what would you like to do?
sca-keep_self = Keep the self score ({ $own })
sca-clear_check = Remove the checked score
sca-skip = Skip ▶️
sca-type_score = Please type the checked score, e.g. 9.5, or choose from the menu.
sca-or = {" "}or{" "}
sca-score_rule = a score from 0 to { $max } in steps of { $step }
sca-score_not_number = «{ $value }» is not a score. Please type { $rule }.
sca-score_negative = A score cannot be negative («{ $value }»). Please type { $rule }.
sca-score_above_max = «{ $value }» is above the maximum. Please type { $rule }; the highest is { $max }.
sca-score_off_step = «{ $value }» is off the step. Please type { $rule }; the nearest are { $nearest }.
sca-ask_reason = The checked score { $checked } differs from the self score { $own } of criterion { $code }. Please give the reason (required, 3–300 characters); the unit will see it.
sca-bad_reason = A reason needs 3 to 300 characters, with letters, and must not start with /.
sca-saved_changed = ✅ Saved { $code }: self { $own } → checked { $checked }.
sca-saved_agreed = ✅ Saved { $code }: the self score { $own } stands.
sca-saved_cleared = ✅ Removed the checked score of { $code }; the self score { $own } stands.
sca-all_gone_through = All criteria gone through.
sca-not_submitted = The self-assessment of { $unit } is no longer submitted (it may just have been reopened).
sca-finished = ✅ Cross-check of { $unit } done: { $count } adjustments, { $told } unit contacts told.
sca-finished_nothing = ✅ Cross-check of { $unit } done: no adjustment to tell.
sca-notice_checked = 📝 The secretariat of { $block } cross-checked the self-assessment of { $unit }:
sca-change_line = • { $code } { $text }: self { $own } → checked { $checked }. Reason: { $reason }
sca-change_agreed = • { $code } { $text }: the self score { $own } stands.
sca-change_cleared = • { $code } { $text }: checked score removed, the self score { $own } stands.
sca-notice_total = Total after the check: { $final } (self { $own }).
sca-pick_reopen = Choose the unit whose submitted self-assessment to reopen (the unit corrects and resubmits):
sca-ask_reopen_reason =
    Reopen the self-assessment of { $unit } (submitted { $at }).
    Please give the reason (3–300 characters); the unit will see it.
sca-reopen_confirm =
    Reopen the self-assessment of { $unit }?
    Reason: { $reason }
    The unit is told to correct and resubmit; checked scores already entered are kept.
sca-reopened = ↩️ Reopened the self-assessment of { $unit }.
sca-told = { $count } contacts of the unit were told.
sca-told_none = The unit has no contact yet, so nobody was told.
sca-pick_export = Choose the unit whose self-assessment to export:
sca-x-summary_caption = 📎 Score summary of { $block } for { $year } (as of { $now }): { $done }/{ $total } units submitted.
sca-x-unit_caption = 📎 Self-assessment of { $unit } for { $year } (as of { $now }). Fill in «Điểm kiểm tra» and «Lý do», then import it with thidua scores import-check.
sca-x-sheet_summary = Score summary
sca-x-sheet_ranking = Ranking
sca-x-sheet_unit = Self-assessment
sca-x-summary_title = EMULATION SCORE SUMMARY { $year } OF { $block }
sca-x-ranking_title = EMULATION RANKING { $year } OF { $block }
sca-x-unit_title = SELF-ASSESSMENT { $year }
sca-x-unit_of = Unit: { $unit } (code { $code }) — { $block }
sca-x-as_of = (By { $sheet }; figures as of { $now })
sca-x-status = Status: { $state }. Figures as of { $now }.
sca-x-status_done = submitted { $at }
sca-x-status_late = submitted { $at } (late)
sca-x-criterion_head =
    { $code }
    (max { $max })
sca-x-subtotal_head =
    Subtotal
    (max { $max })
sca-x-total_head =
    Total
    (max { $max })
sca-x-self = Self
sca-x-checked = Checked
sca-x-final = Final
sca-x-rank = Rank
sca-x-note = Note
sca-x-self_total = Self total
sca-x-final_total = Final total
sca-x-bonus = Bonus
sca-x-deduction = Deductions
sca-x-note_not_started = Not started
sca-x-note_in_progress = Scoring, not submitted
sca-x-note_reopened = Reopened, not resubmitted
sca-x-col_code = Code
sca-x-col_text = Criterion
sca-x-col_max = Maximum
sca-x-col_self = Self score
sca-x-col_explanation = Explanation
sca-x-col_checked = Checked score
sca-x-col_reason = Reason
sca-x-base_total = Criteria total
sca-x-bonus_total = Bonus total
sca-x-deduction_total = Deductions total
sca-x-grand_total = TOTAL
sca-x-unit_hint = Note: a blank checked score keeps the self score; a checked score that differs from the self score needs a reason. On the total rows, the checked column is the score after the check.
menu-score = Self-assessment scores
score-not_unit = Scoring is only for the contacts of member units.
score-not_allowed = You are no longer a contact of the unit, so you cannot score for it any more. The unit's draft is kept; if this is a mistake, please contact the block's secretariat.
score-no_sheet = The block has no scoring sheet for this emulation year yet. Once the secretariat imports it, type /chamdiem to score.
score-sheet_changed = The secretariat has just updated the scoring sheet. Type /chamdiem to score against the new one.
score-pick = You are a contact of several units. Which unit do you score for?
score-pick_label = { $unit } ({ $block })
score-carried = The scoring sheet was updated (version { $version }). { $count } answers were copied from the previous sheet; please check them before submitting.
score-overview =
    📋 { $title }
    Unit: { $unit }
    {""}
    { $sections }
    {""}
    Current total: { $total }
score-overview_section = { $code }. { $title }: { $done }/{ $count } criteria scored, { $score }/{ $max } points
score-overview_bonus = Bonus: { $done }/{ $count } scored, +{ $score }
score-overview_deduction = Deductions: { $done }/{ $count } scored, −{ $score }
score-reopened = 🔓 The secretariat reopened the sheet for the unit to correct. Reason: { $reason }
score-last_change = Last changed by { $name } at { $at }.
score-saved_hint = The unit's draft is saved at every step: stop at any time and type /chamdiem to go on, from any device.
score-opt_continue = ▶️ Continue from { $code }
score-opt_review = Review and submit
score-opt_section = Section { $code } ({ $done }/{ $count })
score-opt_bonus = Bonus ({ $done }/{ $count })
score-opt_deduction = Deductions ({ $done }/{ $count })
score-opt_pause = Pause
score-paused = ⏸ Paused. The draft of { $unit } is saved ({ $done }/{ $count } lines scored). Type /chamdiem to go on.
score-head_section = Section { $code }. { $title }
score-head_bonus = Bonus points
score-head_deduction = Deductions (enter a positive number; it is subtracted from the total)
score-criterion = { $code } — { $text } — at most { $max } points, in steps of { $step }
score-current = Current score: { $score } ({ $name }, { $at }).
score-ask_buttons = Type the score (e.g. { $example }) or tap a button. To jump to another criterion: /di { $code }
score-ask_text =
    Type the score, e.g. { $example }.
    Type «max» for { $max } points, «skip» for the next line, «back» for the previous one, «overview» for the overview, «pause» to stop; /di { $code } jumps to another criterion.
score-quick_max = Maximum: { $max } points
score-quick_zero = 0 points
score-quick_zero_deduction = 0 (no deduction)
score-opt_skip = Skip
score-opt_back = Back
score-opt_jump = Go to criterion
score-opt_overview = Overview
score-not_number = «{ $text }» is not a score. Please type a number from 0 to { $max }, in steps of { $step }, e.g. { $example }.
score-negative = A score cannot be negative (deductions are entered as positive numbers too). The lowest is { $nearest }.
score-above_max = { $value } is above the maximum of criterion { $code }. The highest is { $nearest }.
score-off_step = { $value } is not a multiple of the sheet's step { $step }. The nearest valid scores: { $nearest }.
score-or = {" "}or{" "}
score-also_code = (To go to criterion { $code } instead, type /di { $code }.)
score-file_at_score = Please type the score first; the evidence file comes at a later step.
score-saved = ✅ Saved { $code }: { $score } points.
score-saved_replaced = ✅ Saved { $code }: { $score } points (replacing { $old } entered by { $name } at { $at }).
score-ask_explain = A short explanation or evidence note for { $code } (up to 500 characters), or choose Skip.
score-explain_current = Current explanation: «{ $text }»
score-opt_clear_explain = Delete the explanation
score-explain_bad = An explanation has 1 to 500 characters (you sent { $length }) and does not start with /. Please send it again, or choose Skip.
score-explain_saved = ✅ Explanation saved for { $code }.
score-explain_cleared = The explanation of { $code } was deleted.
score-ask_evidence = Send an evidence file for { $code } if you have one (PDF, Word, Excel, JPG/PNG image or ZIP/RAR archive, up to { $max }), or choose Skip.
score-evidence_current = Current evidence file: { $name }
score-opt_clear_evidence = Delete the evidence file
score-evidence_expected = I am waiting for an evidence file. Please attach it to a message, or choose Skip.
score-evidence_too_big = The file «{ $name }» is { $size }, above the { $max } limit. Please compress or split it and send it again, or choose Skip.
score-evidence_bad_type = Files like «{ $name }» are not accepted. Only PDF, Word (doc, docx), Excel (xls, xlsx), OpenDocument (odt, ods), images (jpg, png) or archives (zip, rar).
score-evidence_saved = 📎 Evidence file { $name } saved for { $code }.
score-evidence_cleared = The evidence file of { $code } was deleted.
score-ask_goto = Type the code of the criterion to go to: { $codes }.
score-ask_edit = Type the code of the line to change: { $codes }.
score-no_such_code = The sheet has no criterion «{ $text }». Codes: { $codes }.
score-review =
    📝 Self-assessment of { $unit }
    { $title }
    {""}
    { $body }
score-review_section =
    { $code }. { $title }: { $score }/{ $max }
    {"    "}{ $items }
score-review_base = Sections together: { $score }/{ $max }
score-review_bonus =
    Bonus: +{ $score }
    {"    "}{ $items }
score-review_deduction =
    Deductions: −{ $score }
    {"    "}{ $items }
score-review_total = TOTAL: { $total }
score-review_missing = ⚠️ Not scored yet: { $codes }.
score-opt_submit = Submit the self-assessment
score-opt_edit = Change a line
score-missing_refused = { $count } criteria are not scored yet: { $codes }. Please score them all before submitting (bonus and deductions left blank count as 0).
score-confirm =
    Submit the self-assessment of { $unit } with a total of { $total }?
    Once submitted, the sheet is locked; to change it, the secretariat has to reopen it.
score-confirm_late = The deadline ({ $due }) has passed; it will be recorded as late.
score-opt_confirm = Confirm and submit
score-opt_back_review = Back to the review
score-closed = The deadline «{ $title }» no longer takes submissions, so the self-assessment was not submitted. The draft is kept; please ask the secretariat to reopen the deadline.
score-done = ✅ The self-assessment of { $unit } is submitted: { $total } points in total, at { $at }. The sheet is locked.
score-done_on_time =
    ✅ The self-assessment of { $unit } is submitted: { $total } points in total.
    Submitted at { $at }, on time (due { $due }). The sheet is locked.
score-done_late =
    ⚠️ The self-assessment of { $unit } is submitted: { $total } points in total.
    Submitted at { $at }, after the deadline { $due }. The sheet is locked.
score-notice = 📊 { $unit } submitted its self-assessment{ $timing }: { $total } points in total (sections { $base }, bonus +{ $bonus }, deductions −{ $deduction }). Submitted: { $done }/{ $count } units.
score-notice_on_time = {" "}(on time)
score-notice_late = {" "}(late)
score-locked = 🔒 The self-assessment of { $unit } was submitted at { $at } ({ $name }), { $total } points in total, so it cannot be changed any more. To correct it, please ask the block's secretariat to reopen it.
score-notice_reopened =
    🔓 The block's secretariat reopened the self-assessment of { $unit } for correction. Reason: { $reason }
    Type /chamdiem to correct it and submit again.
score-by_sheet =
    📌 { $title }
    Due: { $due }.
    This deadline takes no file or dispatch: { $unit } scores itself criterion by criterion against the block's scoring sheet (/chamdiem), then submits the sheet. Submitting the sheet counts as submitting for this deadline.
score-opt_start = Start scoring
