# registration: English texts. See README, "Correcting a text".

contact_button = 📱 Share my phone number
code_malformed = That does not look like an invite code (10 letters and digits, e.g. ABCDE-FGHJK).
code_unknown = Unknown invite code. Please check it with the secretariat.
code_revoked = This invite code has been revoked or replaced. Please ask the secretariat for the new one.
code_throttled = Too many wrong codes. Please try again in { $minutes } minutes.
already_registered = You are already registered as { $role_text } in { $block }. Type /toi for details.
reg_confirm_unit =
    Invite code of the unit:
    { $unit }
    { $block }
    {""}
    Are you this unit's emulation contact?
reg_confirm_secretariat =
    Invite code of the secretariat of { $block } (head unit: { $unit }).
    {""}
    Are you on the secretariat?
reg_confirm_observer =
    Observer invite code for { $block } (provincial board).
    {""}
    Are you the officer following this block?
reg_confirm_observer_more =
    Observer invite code for { $block } (provincial board).
    You follow: { $blocks }.
    {""}
    Add { $block } to the blocks you follow, with the details you registered ({ $name }, { $phone })?
reg_declined = Registration stopped. If the code was wrong, please contact the secretariat.
reg_ask_name = Please type your full name.
reg_bad_name = A name has 2 to 100 characters with letters, and no commands or links. Please type it again.
reg_ask_position = Please type your position (e.g. Head of Office).
reg_bad_position = A position has 2 to 100 characters with letters. Please type it again.
reg_ask_phone = Please type your phone number (e.g. 0912 345 678).
reg_bad_phone = That is not a Vietnamese phone number (mobile: 10 digits starting 03, 05, 07, 08 or 09, or +84; landline: 11 digits starting 02).
reg_foreign_contact = That is not your own number. Share your own contact or type the number.
reg_summary_unit = Unit: { $unit }
reg_summary_observer = Following: { $block } (provincial board)
reg_summary =
    Please check:
    • { $where }
    • Name: { $name }
    • Position: { $position }
    • Phone: { $phone }
reg_done_unit = ✅ You are registered as the contact of { $unit } ({ $block }).
reg_done_secretariat = ✅ You are registered on the secretariat of { $block }. Type /menu.
reg_done_observer = ✅ You now follow { $block }. Type /menu.
reg_done_observer_more = ✅ { $block } added to the blocks you follow. You now follow { $count } blocks: { $blocks }. Type /trangthai or /diem to see each block.
reg_code_gone = The invite code was revoked while you registered. Please ask the secretariat for a new one.
units_header = Units and contacts of { $block } ({ $done }/{ $total } units have a contact):
units_none = {"    "}(no contact yet)
units_blocked = {"      "}🚫 cannot be reached: blocked the bot since { $since }
tag-head = {" "}[head]
tag-secretariat = {" "}(block secretariat)
tag-deputy = {" "}[deputy]
missing_header = Units without a contact ({ $count }/{ $total }):
missing_none = All { $total } units have a contact. 🎉
revoke_pick_unit = Choose the unit whose contact to revoke:
revoke_no_contacts = No unit has a contact yet.
revoke_pick_contact = Choose the contact of { $unit } to revoke:
revoke_confirm = Revoke { $name } ({ $unit })? They will no longer receive reminders or act for the unit.
revoke_and_rotate = Revoke and rotate the invite code
revoke_last_contact = ⚠️ { $unit } has no contact left: it gets no reminders until somebody registers again.
revoke_done = Revoked { $name } ({ $unit }).
revoke_gone = This contact was already revoked.
rotate_pick_unit = Choose the unit whose invite code to rotate (the old code stops working):
rotate_confirm = Rotate the invite code of { $unit }? The old code stops working; registered contacts stay.
rotate_done =
    New invite code of { $unit }: { $code }
    Telegram link: { $link }
cli-invites_header = Invite codes of { $block } ({ $year }):
cli-invite_secretariat = Secretariat
cli-invite_observer = Provincial board (observer)

## The block's group chat (/nhomkhoi)
grp-not_allowed = Only the block's secretariat (registered with the bot) can link this group to the block.
grp-only_in_group = Send /nhomkhoi in the block's group (the secretariat adds the bot to the group and sends the command there), then confirm here.
grp-check_private = The secretariat, please confirm in your private chat with the bot.
grp-confirm_link =
    Link the group that just sent /nhomkhoi to { $block }?
    The bot will post there what the whole block should know: deadlines added, moved, cancelled or closed; on reminder mornings, the units still missing (units, never people); polls opened, turnout, results after the close; the handover. Never a score or a secret.
grp-confirm_unlink = Unlink the group that just sent /nhomkhoi from { $block }? The bot will no longer post there.
grp-link_button = Link the group
grp-unlink_button = Unlink
grp-keep_button = Keep as is
grp-kept = Kept as it was; nothing changed.
grp-linked = The group is linked to { $block }.
grp-unlinked = The group is no longer linked to { $block }.
grp-linked_post =
    This group is now linked to { $block }. The bot will post deadlines, the units still missing on reminder mornings, polls and results, and the handover here.
    Each person's own business (registering, submitting, scoring, voting) happens in a private chat with the bot.
grp-unlinked_post = This group is no longer linked to { $block }: the bot will not post here any more.
