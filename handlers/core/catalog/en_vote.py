"""English texts: the ballot as a unit's contact casts it, the receipt and its check."""

EN: dict[str, str] = {
    # the ballot arrives
    "vote.notice": ("🗳️ Secret ballot: {question}\n{block}\nYour unit: {unit}. Seats: {seats}; a ballot may choose "
                    "up to {max} units.{closes}\nPress «Open the ballot» (or type /bophieu) to vote. Each unit casts "
                    "one ballot: the first contact to confirm casts it."),
    "vote.notice_closes": "\nVoting closes at {at}.",
    "vote.open_ballot": "🗳️ Open the ballot",
    # who may vote, which poll
    "vote.not_voter": "Voting is for the contacts of the member units and the block secretariat.",
    "vote.none": "There is no open poll your unit has not voted in yet.",
    "vote.pick": "{count} polls are waiting for your unit. Choose one:",
    "vote.gone": "This poll no longer exists or is not in your block. Type /bophieu to see the open polls.",
    "vote.not_open": "The poll «{question}» has not been opened yet.",
    "vote.closed": "The poll «{question}» closed at {at}, so this ballot cannot be accepted.",
    "vote.already": "{unit} has already voted in «{question}». Each unit casts one ballot; a cast ballot cannot be changed.",
    "vote.not_allowed": "You are no longer a contact of a member unit, so you cannot vote. The ballot was not cast.",
    # the ballot
    "vote.ballot": "🗳️ BALLOT — {question}\nVoting unit: {unit}\nSeats: {seats}; choose up to {max} units.",
    "vote.ballot_no_self": "On this ballot a unit may not vote for itself.",
    "vote.ballot_hint": ("Choose or unchoose a unit by its number (or press its button); type several numbers, "
                         "e.g. «1 3», to set the whole choice at once."),
    "vote.chosen": "Chosen ({count}/{max}): {names}",
    "vote.chosen_none": "No unit chosen yet.",
    "vote.mark_on": "☑ {name}",
    "vote.mark_off": "☐ {name}",
    "vote.review_button": "✔️ Review and confirm",
    "vote.blank_button": "Blank ballot",
    "vote.later": "Later",
    "vote.later_done": "The ballot was not cast. Type /bophieu when you are ready to vote.",
    # refusals while choosing
    "vote.too_many": "This ballot may choose at most {max} units. Unchoose one first, then choose again.",
    "vote.self_refused": "On this ballot a unit may not vote for itself ({unit}).",
    "vote.bad_shape": "Type the numbers of the units you choose, separated by spaces or commas, e.g. «1 3».",
    "vote.bad_number": "There is no unit number {number} on the ballot; numbers go from 1 to {count}.",
    # review and confirm
    "vote.review": "Please check your ballot — {question}\nVoting unit: {unit}\n{choices}\n\nOnce confirmed, the ballot cannot be changed.",
    "vote.review_blank": "Blank ballot (no unit chosen).",
    "vote.review_line": "• {position}. {name}",
    "vote.confirm": "✅ Cast the ballot",
    "vote.edit": "Change",
    # cast
    "vote.cast": ("✅ The ballot of {unit} is cast — «{question}».\n🔑 Receipt code: {code}\n"
                  "It is shown only once and stored nowhere: write it down. After the close, type /kiemtra {code} "
                  "to check that your unit's ballot is counted. The ballot is secret: nobody can see whom your unit "
                  "chose."),
    "vote.unit_voted": "🗳️ {unit} has voted in «{question}» (confirmed by {name}). Each unit casts one ballot.",
    # the receipt check
    "vote.receipt_usage": "Usage: /kiemtra RECEIPT-CODE (12 characters, e.g. /kiemtra ABCD-EFGH-JKMN).",
    "vote.receipt_malformed": "A receipt code has 12 letters and digits (e.g. ABCD-EFGH-JKMN). Please check it.",
    "vote.receipt_unknown": "No ballot with this receipt code is in your block's polls. Please check the code.",
    "vote.receipt_throttled": "Too many wrong codes. Please try again in {minutes} minutes.",
    "vote.receipt_in_box": "🗳️ The ballot with this receipt is in the ballot box of «{question}» (voting is open). It will be counted at the close.",
    "vote.receipt_counted": ("✅ The ballot with this receipt is counted in the result of «{question}» "
                             "(closed at {at}; {count} ballots). Published hash: {hash}"),
}
