# registration: Vietnamese texts. See README, "Correcting a text".

contact_button = 📱 Gửi số điện thoại của tôi
code_malformed = Mã mời không đúng dạng. Mã gồm 10 ký tự chữ và số, ví dụ ABCDE-FGHJK. Mời kiểm tra và gửi lại.
code_unknown = Mã mời không đúng hoặc không tồn tại. Mời kiểm tra lại với Thường trực Khối.
code_revoked = Mã mời này đã bị thu hồi hoặc đã được thay bằng mã mới. Mời liên hệ Thường trực Khối để lấy mã mới.
code_throttled = Bạn đã nhập sai mã quá nhiều lần. Mời thử lại sau { $minutes } phút.
already_registered = Bạn đã đăng ký là { $role_text } trong { $block }. Gõ /toi để xem chi tiết.
reg_confirm_unit =
    Mã mời của đơn vị:
    { $unit }
    { $block }
    {""}
    Bạn là cán bộ đầu mối thi đua của đơn vị này?
reg_confirm_secretariat =
    Mã mời của Thường trực { $block } (đơn vị Trưởng khối: { $unit }).
    {""}
    Bạn là cán bộ Thường trực Khối?
reg_confirm_observer =
    Mã mời theo dõi { $block } dành cho Ban Thi đua - Khen thưởng tỉnh.
    {""}
    Bạn là cán bộ theo dõi khối?
reg_confirm_observer_more =
    Mã mời theo dõi { $block } dành cho Ban Thi đua - Khen thưởng tỉnh.
    Bạn đang theo dõi: { $blocks }.
    {""}
    Thêm { $block } vào các khối bạn theo dõi, với thông tin đã đăng ký ({ $name }, { $phone })?
reg_declined = Đã dừng đăng ký. Nếu nhầm mã, mời liên hệ Thường trực Khối.
reg_ask_name = Mời nhập họ và tên của bạn (ví dụ: Nguyễn Thị Hoa).
reg_bad_name = Họ và tên cần từ 2 đến 100 ký tự, có chữ cái và không chứa lệnh hay đường dẫn. Mời nhập lại.
reg_ask_position = Mời nhập chức vụ của bạn (ví dụ: Chánh Văn phòng, Chuyên viên).
reg_bad_position = Chức vụ cần từ 2 đến 100 ký tự và có chữ cái. Mời nhập lại.
reg_ask_phone = Mời gửi số điện thoại liên hệ (ví dụ 0912 345 678).
reg_bad_phone = Số điện thoại chưa đúng. Số di động Việt Nam có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (có thể viết +84); số cố định bắt đầu bằng 02 và có 11 chữ số. Mời nhập lại.
reg_foreign_contact = Đây không phải số điện thoại của chính bạn. Mời bấm nút gửi số của mình hoặc gõ số.
reg_summary_unit = Đơn vị: { $unit }
reg_summary_observer = Theo dõi: { $block } (Ban Thi đua - Khen thưởng tỉnh)
reg_summary =
    Mời kiểm tra lại thông tin:
    • { $where }
    • Họ và tên: { $name }
    • Chức vụ: { $position }
    • Điện thoại: { $phone }
reg_done_unit = ✅ Đã đăng ký bạn là đầu mối thi đua của { $unit } ({ $block }). Tôi sẽ nhắn bạn khi có hạn nộp, việc chấm điểm và bỏ phiếu.
reg_done_secretariat = ✅ Đã đăng ký bạn vào Thường trực { $block }. Gõ /menu để xem danh sách đơn vị và đầu mối.
reg_done_observer = ✅ Đã đăng ký bạn theo dõi { $block }. Gõ /menu để xem tình hình của khối.
reg_done_observer_more = ✅ Đã thêm { $block } vào các khối bạn theo dõi. Bạn đang theo dõi { $count } khối: { $blocks }. Gõ /trangthai hoặc /diem để xem tình hình từng khối.
reg_code_gone = Mã mời vừa bị thu hồi trong lúc bạn đăng ký. Mời liên hệ Thường trực Khối để lấy mã mới.
units_header = Đơn vị và đầu mối của { $block } ({ $done }/{ $total } đơn vị đã có đầu mối):
units_line = { $i }. { $code } – { $name }{ $tag }
units_contact = {"    "}• { $name }, { $position }, { $phone }{ $tag }
units_none = {"    "}(chưa có đầu mối)
units_blocked = {"      "}🚫 không liên lạc được: đã chặn bot từ { $since }
tag-head = {" "}[Trưởng khối]
tag-secretariat = {" "}(Thường trực Khối)
tag-deputy = {" "}[Phó Trưởng khối]
missing_header = Các đơn vị chưa có đầu mối ({ $count }/{ $total }):
missing_none = Tất cả { $total } đơn vị đều đã có đầu mối. 🎉
revoke_pick_unit = Chọn đơn vị có đầu mối cần thu hồi:
revoke_no_contacts = Chưa đơn vị nào có đầu mối để thu hồi.
revoke_pick_contact = Chọn đầu mối của { $unit } cần thu hồi:
revoke_confirm = Thu hồi quyền đầu mối của { $name } ({ $unit })? Người này sẽ không nhận nhắc việc và không thao tác thay đơn vị được nữa.
revoke_and_rotate = Thu hồi và đổi mã mời
revoke_last_contact = ⚠️ { $unit } không còn đầu mối nào: đơn vị sẽ không nhận được nhắc việc cho đến khi có người đăng ký lại.
revoke_done = Đã thu hồi đầu mối { $name } ({ $unit }).
revoke_gone = Đầu mối này đã được thu hồi trước đó.
rotate_pick_unit = Chọn đơn vị cần đổi mã mời (mã cũ sẽ hết hiệu lực):
rotate_confirm = Đổi mã mời của { $unit }? Mã cũ sẽ không dùng được nữa; các đầu mối đã đăng ký vẫn giữ nguyên.
rotate_done =
    Mã mời mới của { $unit }: { $code }
    Đường dẫn Telegram: { $link }
cli-invites_header = Mã mời của { $block } (năm { $year }):
cli-invite_secretariat = Thường trực Khối
cli-invite_observer = Ban Thi đua - Khen thưởng tỉnh (theo dõi)

## The block's group chat (/nhomkhoi)
grp-not_allowed = Chỉ Thường trực Khối (đã đăng ký với bot) mới liên kết được nhóm này với Khối.
grp-only_in_group = Lệnh /nhomkhoi gửi trong nhóm của Khối (Thường trực Khối thêm bot vào nhóm rồi gửi lệnh ở đó), sau đó xác nhận tại đây.
grp-check_private = Mời Thường trực Khối xác nhận trong tin nhắn riêng với bot.
grp-confirm_link =
    Liên kết nhóm vừa gửi lệnh /nhomkhoi với { $block }?
    Bot sẽ đăng vào nhóm những việc cả Khối cần biết: hạn nộp mới, đổi, hủy hoặc đóng; sáng nhắc hạn, các đơn vị chưa nộp (tên đơn vị, không nêu tên người); phiếu bầu mở, số đơn vị đã bỏ phiếu, kết quả sau khi đóng; việc bàn giao. Không bao giờ đăng điểm hay thông tin bí mật.
grp-confirm_unlink = Hủy liên kết nhóm vừa gửi lệnh /nhomkhoi với { $block }? Bot sẽ không đăng vào nhóm đó nữa.
grp-link_button = Liên kết nhóm
grp-unlink_button = Hủy liên kết
grp-keep_button = Giữ nguyên
grp-kept = Đã giữ nguyên, không thay đổi gì.
grp-linked = Đã liên kết nhóm với { $block }.
grp-unlinked = Đã hủy liên kết nhóm với { $block }.
grp-linked_post =
    Nhóm này đã được liên kết với { $block }. Bot sẽ đăng ở đây hạn nộp, các đơn vị chưa nộp vào sáng nhắc hạn, phiếu bầu và kết quả, việc bàn giao.
    Việc của từng người (đăng ký, nộp, chấm điểm, bỏ phiếu) làm trong tin nhắn riêng với bot.
grp-unlinked_post = Nhóm này không còn liên kết với { $block }: bot sẽ không đăng vào đây nữa.
