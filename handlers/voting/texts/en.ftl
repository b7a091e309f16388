# voting: English texts. See README, "Correcting a text".

menu-polls = Votes
poll-kind-flag = Emulation Flag
poll-kind-certificate = Certificate of Merit
poll-kind-head = Block head
poll-kind-deputy = Deputy block head
poll-kind-custom = Other vote
poll-status-draft = 📝 not opened
poll-status-open = 🟢 voting
poll-status-closed = 🔒 closed
poll-question-flag = Acclaim the leading unit proposed to the Provincial People's Committee for the Emulation Flag { $year }
poll-question-certificate = Units proposed for the Certificate of Merit of the Chairman of the Provincial People's Committee { $year }
poll-question-head = Elect the head unit of the block for { $year }
poll-question-deputy = Elect the deputy head unit of the block for { $year }
poll-question-custom = Vote of the block, { $year }
poll-runoff-question = Runoff between the tied units – { $question }
poll-no_term = The block has no current term yet, so no vote can be prepared.
poll-list_header = 🗳 Votes of { $year } — { $block }:
poll-list_line = • #{ $id } { $kind }: { $question } — { $status }{ $extra }
poll-list_open = {" "}({ $voted }/{ $members } units have voted)
poll-list_elected = {" "}· elected: { $units }
poll-list_invalid = {" "}· no quorum
poll-list_tied = {" "}· tie, runoff needed
poll-list_empty = (No poll yet.)
poll-list_footer = Prepare a new poll, or pick one to see, open or close it:
poll-list_footer_observer = Pick a poll to see it (read only):
poll-page_header = 🗳 Poll #{ $id } — { $status }
poll-page_runoff_of = Runoff between the tied units of poll #{ $id }.
poll-page_opened = Opened at { $at }.
poll-page_closes = Closes by itself at { $at }.
poll-turnout = 📊 { $voted }/{ $members } units have voted
poll-not_found = Poll #{ $id } of the block was not found.
poll-bye = Left the votes. Type /baucu to come back.
poll-settings-head =
    Kind: { $kind }
    Question: { $question }
poll-settings-candidates = Candidates ({ $count } units, in ballot order):
poll-settings-candidate = {"  "}{ $n }. { $unit }
poll-settings-rules =
    Seats: { $seats } · a ballot chooses at most { $max_choices }
    { $self_rule }
    Elected with more than { $threshold }% of all member units and within the top { $seats }
    Quorum: { $quorum } of all member units
poll-settings-when = Voting time: { $limit } · Place: { $place }
poll-self-yes = A unit may vote for itself
poll-self-no = A unit may not vote for itself
poll-blank-valid = Blank ballot (no unit chosen): counted as a valid ballot that votes for no one
poll-blank-invalid = Blank ballot (no unit chosen): counted as an invalid ballot (as in the Election Law)
poll-limit-none = no limit (the secretariat closes it)
poll-limit-minutes = { $minutes } minutes
poll-place-none = (not given)
poll-ask_kind = New poll. What is it for?
poll-ask_question =
    The question on the ballot:
    «{ $question }»
    {""}
    Tap «Keep this question», or type another one.
poll-ask_candidates = Which units are the candidates?
poll-ask_top =
    How many of the best-scored units are candidates? Type a number, e.g. 5 (units tied with the last one are included too).
    Type «back» to choose another way.
poll-ask_units =
    Type the numbers or codes of the candidate units, separated by spaces or commas, e.g. 1 3 5-7 or BHXH, YTE. The order typed is the order on the ballot.
    Type «back» to choose another way.
poll-unit_line = { $n }. { $code } — { $unit }
poll-ask_seats = How many units are elected? ({ $candidates } candidates; default { $seats }) Tap a number or type one.
poll-ask_max =
    How many units may a ballot choose at most? Now: { $value } (seats: { $seats }).
    Type a number, or «back» to keep it.
poll-ask_threshold =
    Threshold: more than what % of all member units? Now: { $threshold }%.
    Type a percentage, e.g. 50 or 50%, or «back» to keep it.
poll-ask_quorum =
    Quorum: at least which share of member units must vote for a valid result? Now: { $quorum }.
    Type a fraction like 2/3, a percentage like 50%, or 0 for none; «back» to keep it.
poll-ask_time =
    Voting time (minutes) — the poll closes by itself when it is over. Now: { $minutes } (0 = no limit).
    Type minutes, e.g. 15, or «no» if the secretariat closes it; «back» to keep it.
poll-ask_place =
    Meeting place (for the minutes). Now: { $place }.
    Type the place, or «no» to leave it empty; «back» to keep it.
poll-summary_header = Check the poll before saving:
poll-top_chosen = Candidates by score (top { $n }): { $count } units — { $units }.
poll-no_scores = No submitted scores yet, so there is no list by score.
poll-saved = ✅ Poll #{ $id } saved: { $question }
poll-bad-question = Please type the question (or tap «Keep this question»).
poll-bad-top = Please type a number from 1 to { $units }, e.g. 5.
poll-bad-units = Not recognised: { $unknown }. Please type numbers (1 to { $count }) or unit codes, e.g. 1 3 5-7.
poll-bad-seats = Please type a number from 1 to { $candidates }.
poll-bad-max = Please type a number from 1 to { $candidates }.
poll-bad-threshold = Please type a whole percentage from 0 to 99, e.g. 50.
poll-bad-quorum = Please type a fraction like 2/3, a percentage like 50%, or 0.
poll-bad-time = Please type minutes from 1 to 1440 (e.g. 15), or «no».
poll-bad-place = Please type the meeting place, or «no».
poll-bad-no_candidates = ⚠️ There is no candidate.
poll-bad-seats_over_candidates = ⚠️ More seats ({ $seats }) than candidates ({ $candidates }).
poll-bad-max_choices = ⚠️ The choices per ballot ({ $max_choices }) must be from 1 to { $candidates }.
poll-action-new = ➕ Prepare a new poll
poll-action-show = #{ $id } { $kind }
poll-action-exit = Exit
poll-action-back = « Back
poll-action-keep_question = Keep this question
poll-action-all_units = All member units ({ $count })
poll-action-top_by_score = The best-scored units
poll-action-pick_units = Pick units one by one
poll-action-save = 💾 Save (not opened)
poll-action-save_open = ▶️ Save and open now
poll-action-e-question = Edit the question
poll-action-e-candidates = Edit the candidates
poll-action-e-seats = Seats
poll-action-e-max = Choices per ballot
poll-action-e-threshold = Threshold
poll-action-e-quorum = Quorum
poll-action-e-time = Voting time
poll-action-e-place = Place
poll-action-allow_self = Allow voting for oneself
poll-action-forbid_self = Forbid voting for oneself
poll-action-blank_valid = Count blank ballots as valid
poll-action-blank_invalid = Count blank ballots as invalid
poll-action-drop_draft = Drop this draft
poll-action-open = ▶️ Open the vote
poll-action-confirm_open = ✅ Open and send the ballots
poll-action-refresh = 🔄 Refresh the turnout
poll-action-close = ⏹ Close and count
poll-action-confirm_close = ✅ Close and count
poll-action-minutes = 📄 Vote-count minutes
poll-action-receipts = 🧾 Ballots (receipt hashes)
poll-action-runoff = 🔁 Runoff between the tied units
poll-confirm_open =
    Open poll #{ $id } «{ $question }»?
    The ballot goes at once to the contacts of { $members } member units.
poll-opened =
    🟢 Poll #{ $id } is open: { $question }
    Ballots sent to { $ballots }/{ $members } units (one ballot per unit, through its contacts).{ $until }
    Meeting screen: /manhinh
poll-opened_until =
    {""}
    It closes by itself at { $at }.
poll-open-not_draft = Poll #{ $id } has already been opened (perhaps by a colleague just now).
poll-open-other_open = Poll #{ $id } «{ $question }» is open. Please close it before opening another.
poll-open-no_members = The block has no member unit yet, so no poll can be opened.
poll-confirm_close =
    Close poll #{ $id } «{ $question }» and count?
    { $voted }/{ $members } units have voted; a ballot arriving after the close is refused.
poll-close-not_open = Poll #{ $id } is no longer open (it may have closed by itself, or a colleague closed it).
poll-result_header =
    🗳 RESULT OF POLL #{ $id } — { $block }
    { $question }
poll-result_turnout = Member units: { $members } · voted: { $returned } ({ $turnout }%) · valid: { $valid } · invalid: { $invalid } · blank: { $blank }
poll-result_no_quorum = ⚠️ No quorum — the result is not valid ({ $returned }/{ $members } units voted, at least { $need } needed).
poll-result_rule = Percentages of all member units; elected with more than { $threshold }% and within the top { $seats }.
poll-result_line = { $n }. { $unit }: { $votes } votes ({ $pct }%) { $mark }
poll-mark_elected = ✅ elected
poll-mark_tied = ⚖️ tied
poll-result_elected = Elected: { $units }.
poll-result_none_elected = No unit is elected.
poll-result_tie = ⚖️ Tie at the last seat between { $units } ({ $seats } seat(s) left): a runoff is needed.
poll-receipts_header = 🧾 The { $count } ballots counted in poll #{ $id } (SHA-256 of the receipt codes; a unit checks its own with /kiemtra CODE):
poll-receipts_none = (no ballot)
poll-receipts_counted = 🧾 { $count } ballots counted in poll #{ $id }; the hashes of their receipts are in the attached file (tap «Ballots»).
poll-receipts_explain = A receipt lets a unit check that its own ballot was counted (type /kiemtra CODE) without revealing what it chose.
poll-receipts_not_yet = The ballots are published only after poll #{ $id } closes.
poll-closed_staff_hint = Tap «Vote-count minutes» for the minutes (DOCX). See it again any time: /baucu
poll-minutes_caption = 📄 Vote-count minutes of poll #{ $id }.
poll-runoff-not_closed = Poll #{ $id } is not closed yet, so there is no runoff.
poll-runoff-no_tie = Poll #{ $id } has no tie to settle.
poll-runoff-exists = Runoff poll #{ $id } already exists.
poll-cli-bad_id = Poll number «{ $value }» is not valid: a number is needed, e.g. 3 (see: thidua poll list).
poll-cli-bad_kind = --kind «{ $value }» is not valid; one of: { $kinds }.
poll-cli-bad_top = --candidates «{ $value }»: «top:» needs a number from 1 to { $units }.
poll-cli-bad_candidates = --candidates: not recognised { $unknown }. The block's unit codes: { $codes }.
poll-cli-bad_seats = --seats «{ $value }» is not valid: a number from 1 to the number of candidates.
poll-cli-bad_max = --max-choices «{ $value }» is not valid: a number from 1 to the number of candidates.
poll-cli-bad_threshold = --threshold «{ $value }» is not valid: a whole percentage from 0 to 99.
poll-cli-bad_blank = --blank «{ $value }» is not valid: type valid (a blank ballot is a valid ballot) or invalid (a blank ballot is an invalid one).
poll-cli-bad_quorum = --quorum «{ $value }» is not valid: a fraction like 2/3, a percentage like 50%, or 0.
poll-cli-bad_minutes = --minutes «{ $value }» is not valid: minutes from 1 to 1440, or 0.
poll-cli-minutes_written = Minutes of poll #{ $id } written to { $path }.
poll-cli-write_failed = Could not write { $path }: { $error }
vote-notice =
    🗳️ Secret ballot: { $question }
    { $block }
    Your unit: { $unit }. Seats: { $seats }; a ballot may choose up to { $max } units.{ $closes }
    Press «Open the ballot» (or type /bophieu) to vote. Each unit casts one ballot: the first contact to confirm casts it.
vote-notice_closes =
    {""}
    Voting closes at { $at }.
vote-group_opened =
    🗳️ { $block } opened a secret ballot: { $question }
    { $members } member units vote, one ballot each, in their private chat with the bot (press «Mở phiếu bầu» or type /bophieu there).{ $closes }
vote-group_turnout =
    📊 { $block } — secret ballot: { $question }
    { $voted }/{ $members } units have voted so far.
vote-group_quorum = Enough units have voted for the poll to be valid.
vote-open_ballot = 🗳️ Open the ballot
vote-not_voter = Voting is for the contacts of the member units and the block secretariat.
vote-none = There is no open poll your unit has not voted in yet.
vote-pick = { $count } polls are waiting for your unit. Choose one:
vote-gone = This poll no longer exists or is not in your block. Type /bophieu to see the open polls.
vote-not_open = The poll «{ $question }» has not been opened yet.
vote-closed = The poll «{ $question }» closed at { $at }, so this ballot cannot be accepted.
vote-already = { $unit } has already voted in «{ $question }». Each unit casts one ballot; a cast ballot cannot be changed.
vote-not_allowed = You are no longer a contact of a member unit, so you cannot vote. The ballot was not cast.
vote-ballot =
    🗳️ BALLOT — { $question }
    Voting unit: { $unit }
    Seats: { $seats }; choose up to { $max } units.
vote-ballot_no_self = On this ballot a unit may not vote for itself.
vote-ballot_hint = Choose or unchoose a unit by its number (or press its button); type several numbers, e.g. «1 3», to set the whole choice at once.
vote-chosen = Chosen ({ $count }/{ $max }): { $names }
vote-chosen_none = No unit chosen yet.
vote-mark_on = ☑ { $name }
vote-mark_off = ☐ { $name }
vote-review_button = ✔️ Review and confirm
vote-blank_button = Blank ballot
vote-later = Later
vote-later_done = The ballot was not cast. Type /bophieu when you are ready to vote.
vote-too_many = This ballot may choose at most { $max } units. Unchoose one first, then choose again.
vote-self_refused = On this ballot a unit may not vote for itself ({ $unit }).
vote-bad_shape = Type the numbers of the units you choose, separated by spaces or commas, e.g. «1 3».
vote-bad_number = There is no unit number { $number } on the ballot; numbers go from 1 to { $count }.
vote-review =
    Please check your ballot — { $question }
    Voting unit: { $unit }
    { $choices }
    {""}
    Once confirmed, the ballot cannot be changed.
vote-review_blank = Blank ballot (no unit chosen).
vote-review_line = • { $position }. { $name }
vote-confirm = ✅ Cast the ballot
vote-edit = Change
vote-cast =
    ✅ The ballot of { $unit } is cast — «{ $question }».
    🔑 Receipt code: { $code }
    It is shown only once and stored nowhere: write it down. After the close, type /kiemtra { $code } to check that your unit's ballot is counted. The ballot is secret: nobody can see whom your unit chose.
vote-unit_voted = 🗳️ { $unit } has voted in «{ $question }» (confirmed by { $name }). Each unit casts one ballot.
vote-receipt_usage = Usage: /kiemtra RECEIPT-CODE (12 characters, e.g. /kiemtra ABCD-EFGH-JKMN).
vote-receipt_malformed = A receipt code has 12 letters and digits (e.g. ABCD-EFGH-JKMN). Please check it.
vote-receipt_unknown = No ballot with this receipt code is in your block's polls. Please check the code.
vote-receipt_throttled = Too many wrong codes. Please try again in { $minutes } minutes.
vote-receipt_in_box = 🗳️ The ballot with this receipt is in the ballot box of «{ $question }» (voting is open). It will be counted at the close.
vote-receipt_counted = ✅ The ballot with this receipt is counted in the result of «{ $question }» (closed at { $at }; { $count } ballots). Published hash: { $hash }
meeting-not_allowed = Only the block's secretariat and the provincial observer can get the meeting screen link.
meeting-no_term = The block has no current term, so there is no meeting screen yet.
meeting-link =
    🖥 Meeting screen of { $block } ({ $year }). Open this link on the computer connected to the projector:
    { $url }
meeting-link_note = The page only shows how many units have voted, the time left and, after the close, the results. It never shows which unit voted for whom. The link holds a secret token: do not share it outside the meeting.
meeting-page_title = Meeting screen
meeting-no_poll = No poll is open yet
meeting-status_open = Voting in progress
meeting-status_closed = Poll closed – results
meeting-turnout = { $voted }/{ $members } units have voted
meeting-time_left = Time left
meeting-quorum_target = At least { $need }/{ $members } units must vote for the poll to be valid
meeting-ballots = Ballots issued: { $members } · returned: { $returned } · valid: { $valid } · invalid: { $invalid } · blank: { $blank }
meeting-votes = { $votes } votes · { $pct }%
meeting-elected_mark = ✓ Elected
meeting-tied_mark = = Tied
meeting-rule = Elected: within the top { $seats } and more than { $threshold }% of all { $members } member units.
meeting-none_elected = No unit is elected.
meeting-tied_note = The units tied at the last place go to a runoff for the { $seats } seat(s) left.
meeting-quorum_not_met = Quorum not met ({ $returned }/{ $members }, at least { $num }/{ $den } needed): the result is not valid.
meeting-offline = Lost the connection to the server, retrying…
meeting-sandbox_title = thidua sandbox
meeting-sandbox_intro = Each pane is one user in a private chat with the bot, as on Telegram. Name each user, then type /start with an invite code (click a code below to copy it into the selected pane).
meeting-sandbox_invites = The block's invite codes
meeting-sandbox_screen = Meeting screen (projector)
meeting-sandbox_name = User name
meeting-sandbox_message = Type a message…
meeting-sandbox_send = Send
meeting-sandbox_add = + Add a user
meeting-sandbox_download = Download
meeting-sandbox_no_download = (the file is no longer in the sandbox)
meeting-sandbox_bad_name = A name has only letters, digits and dashes (at most 32 characters).
meeting-sandbox_error = Could not send, try again.
meeting-sandbox_started = Sandbox in the browser: { $url }
meeting-sandbox_unavailable = Could not open the browser sandbox on { $host }:{ $port } ({ $reason }); the terminal sandbox still runs.
minutes-superior = People's Committee of { $province } province
minutes-number = No.: …/BB-KTĐ
minutes-motto_1 = SOCIALIST REPUBLIC OF VIETNAM
minutes-motto_2 = Independence - Freedom - Happiness
minutes-place_date = { $province }, { $day }/{ $month }/{ $year }
minutes-title = MINUTES OF THE VOTE COUNT
minutes-runoff_note = (Runoff between the units tied in the poll «{ $question }»)
minutes-opening = Today, at { $time } on { $date }{ $at_place }, { $block } held a secret ballot: { $question }.
minutes-at_place = , at { $place }
minutes-how = Each member unit has one ballot, cast by its contact through the emulation assistant; who has voted and what was voted are stored apart, keeping the ballot secret. Voting: from { $opened } to { $closed }.
minutes-time = { $hour }:{ $minute }
minutes-section_board = I. COUNTING BOARD
minutes-board_head = 1. Mr/Ms: ……………………………………… – Chair
minutes-board_secretary = 2. Mr/Ms: ……………………………………… – Secretary
minutes-board_member = 3. Mr/Ms: ……………………………………… – Member
minutes-section_members = II. MEMBER UNITS
minutes-members_intro = The block has { $count } member units:
minutes-member_line = { $i }. { $name }
minutes-section_ballots = III. THE COUNT
minutes-issued = - Ballots issued: { $count }
minutes-returned = - Ballots returned: { $count }
minutes-valid = - Valid ballots: { $count }
minutes-invalid = - Invalid ballots: { $count }
minutes-blank = - Blank ballots (no unit chosen): { $count }
minutes-blank_valid = By this poll's rule a blank ballot is counted as a valid ballot (included in the valid ballots) and votes for no one.
minutes-blank_invalid = By this poll's rule, as in the Election Law, a blank ballot is counted as an invalid ballot (included in the invalid ballots).
minutes-quorum_met = Ballots returned ({ $returned }/{ $members } units) reach the quorum of { $num }/{ $den } of all member units: the poll is valid.
minutes-quorum_not_met = Ballots returned ({ $returned }/{ $members } units) fall short of the quorum of { $num }/{ $den } of all member units: the poll is invalid.
minutes-table_intro = Votes per unit (percentages of all { $members } member units):
minutes-col_no = No.
minutes-col_unit = Unit
minutes-col_votes = Votes
minutes-col_pct = %
minutes-col_note = Note
minutes-note_elected = Elected
minutes-note_tied = Tied
minutes-section_result = IV. RESULT
minutes-rule = A unit is elected when its votes exceed { $threshold }% of all member units and it is among the { $seats } units with the most votes.
minutes-elected_header = Elected units:
minutes-elected_line = { $i }. { $name }: { $votes } votes, { $pct }%.
minutes-elected_none = No unit is elected, because no unit has more than { $threshold }% of all { $members } member units' votes (at least { $need } votes are needed).
minutes-elected_none_best = The most votes went to { $name }: { $votes } votes, { $pct }%.
minutes-invalid_none = The poll is invalid (quorum not met), so no unit is elected.
minutes-tie = The units { $names } are tied at the last seat: the { $seats } seat(s) left go to a runoff between them.
minutes-closing = These minutes were completed at …… : …… the same day and announced to the meeting; the counting board signs below.
minutes-sign_head = CHAIR OF THE COUNTING BOARD
minutes-sign_secretary = SECRETARY
minutes-sign_member = MEMBER
minutes-sign_hint = (Signature and full name)
minutes-no_poll = There is no poll number { $poll }.
minutes-not_counted = Poll { $poll } has not been closed and counted yet, so there are no minutes.
