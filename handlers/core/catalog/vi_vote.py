"""Vietnamese texts: the ballot as a unit's contact casts it, the receipt and its check."""

VI: dict[str, str] = {
    # the ballot arrives
    "vote.notice": ("🗳️ Bỏ phiếu kín: {question}\n{block}\nĐơn vị của bạn: {unit}. Số được bầu: {seats}; mỗi phiếu "
                    "chọn tối đa {max} đơn vị.{closes}\nBấm «Mở phiếu bầu» (hoặc gõ /bophieu) để bỏ phiếu. Mỗi đơn vị "
                    "chỉ bỏ một phiếu: đầu mối nào xác nhận trước thì phiếu đó được tính."),
    "vote.notice_closes": "\nHạn bỏ phiếu: {at}.",
    "vote.open_ballot": "🗳️ Mở phiếu bầu",
    # who may vote, which poll
    "vote.not_voter": "Chức năng bỏ phiếu chỉ dành cho đầu mối của các đơn vị thành viên và Thường trực Khối.",
    "vote.none": "Hiện không có cuộc bỏ phiếu nào đang mở mà đơn vị của bạn chưa bỏ phiếu.",
    "vote.pick": "Có {count} cuộc bỏ phiếu đang chờ đơn vị của bạn. Chọn cuộc bỏ phiếu:",
    "vote.gone": "Cuộc bỏ phiếu này không còn, hoặc không thuộc khối của bạn. Gõ /bophieu để xem các cuộc bỏ phiếu đang mở.",
    "vote.not_open": "Cuộc bỏ phiếu «{question}» chưa được mở.",
    "vote.closed": "Cuộc bỏ phiếu «{question}» đã kết thúc lúc {at}, nên phiếu này không được nhận.",
    "vote.already": "{unit} đã bỏ phiếu cho «{question}». Mỗi đơn vị chỉ bỏ một phiếu; phiếu đã bỏ không sửa được.",
    "vote.not_allowed": "Bạn không còn là đầu mối của đơn vị thành viên nên không bỏ phiếu được nữa. Phiếu chưa được gửi.",
    # the ballot
    "vote.ballot": "🗳️ PHIẾU BẦU — {question}\nĐơn vị bỏ phiếu: {unit}\nSố được bầu: {seats}; chọn tối đa {max} đơn vị.",
    "vote.ballot_no_self": "Phiếu này không cho phép đơn vị tự bầu cho mình.",
    "vote.ballot_hint": ("Chọn hoặc bỏ chọn từng đơn vị bằng số thứ tự (hoặc bấm nút); gõ nhiều số, ví dụ «1 3», "
                         "để chọn lại cả danh sách."),
    "vote.chosen": "Đang chọn ({count}/{max}): {names}",
    "vote.chosen_none": "Chưa chọn đơn vị nào.",
    "vote.mark_on": "☑ {name}",
    "vote.mark_off": "☐ {name}",
    "vote.review_button": "✔️ Xem lại và xác nhận",
    "vote.blank_button": "Phiếu trắng",
    "vote.later": "Để sau",
    "vote.later_done": "Phiếu chưa được gửi. Khi sẵn sàng, gõ /bophieu để bỏ phiếu.",
    # refusals while choosing
    "vote.too_many": "Phiếu này chỉ được chọn tối đa {max} đơn vị. Mời bỏ chọn bớt rồi chọn lại.",
    "vote.self_refused": "Phiếu này không cho phép đơn vị tự bầu cho mình ({unit}).",
    "vote.bad_shape": "Mời gõ số thứ tự của các đơn vị muốn chọn, cách nhau bởi dấu cách hoặc dấu phẩy, ví dụ «1 3».",
    "vote.bad_number": "Không có đơn vị số {number} trên phiếu; số thứ tự chỉ từ 1 đến {count}.",
    # review and confirm
    "vote.review": "Mời kiểm tra lại phiếu bầu — {question}\nĐơn vị bỏ phiếu: {unit}\n{choices}\n\nSau khi xác nhận, phiếu không sửa được nữa.",
    "vote.review_blank": "Phiếu trắng (không chọn đơn vị nào).",
    "vote.review_line": "• {position}. {name}",
    "vote.confirm": "✅ Xác nhận bỏ phiếu",
    "vote.edit": "Sửa lại",
    # cast
    "vote.cast": ("✅ Đã ghi nhận phiếu bầu của {unit} — «{question}».\n🔑 Mã biên nhận: {code}\n"
                  "Mã này chỉ hiện một lần và không được lưu ở đâu: hãy chép lại. Sau khi kết thúc bỏ phiếu, gõ "
                  "/kiemtra {code} để kiểm tra phiếu của đơn vị đã được tính. Phiếu là phiếu kín: không ai xem được "
                  "đơn vị đã chọn ai."),
    "vote.unit_voted": "🗳️ {unit} đã bỏ phiếu cho «{question}» ({name} xác nhận). Mỗi đơn vị chỉ bỏ một phiếu.",
    # the receipt check
    "vote.receipt_usage": "Dùng: /kiemtra MÃ-BIÊN-NHẬN (12 ký tự, ví dụ /kiemtra ABCD-EFGH-JKMN).",
    "vote.receipt_malformed": "Mã biên nhận gồm 12 chữ và số (ví dụ ABCD-EFGH-JKMN). Mời kiểm tra lại.",
    "vote.receipt_unknown": "Không có phiếu nào với mã biên nhận này trong các cuộc bỏ phiếu của khối. Mời kiểm tra lại mã.",
    "vote.receipt_throttled": "Bạn đã nhập sai mã nhiều lần. Mời thử lại sau {minutes} phút.",
    "vote.receipt_in_box": "🗳️ Phiếu có mã biên nhận này đã ở trong hòm phiếu của «{question}» (đang bỏ phiếu). Phiếu sẽ được tính khi kết thúc.",
    "vote.receipt_counted": ("✅ Phiếu có mã biên nhận này đã được tính trong kết quả của «{question}» "
                             "(kết thúc lúc {at}; {count} phiếu). Mã băm công bố: {hash}"),
}
