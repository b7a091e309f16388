"""The secretariat's work in chat (lists, revoking a contact, rotating a code), read as transcripts."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from storage.models import Contact
from tests.helpers import codes, deliver

BLOCK = "Khối thi đua Văn hóa - Xã hội"
UNITS = [
    ("BHXH", "Bảo hiểm Xã hội tỉnh"),
    ("CDNDTNT", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh"),
    ("CDCD", "Trường Cao đẳng Cộng đồng"),
    ("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("TTTT", "Sở Thông tin và Truyền thông"),
    ("KHCN", "Sở Khoa học và Công nghệ"),
    ("YTE", "Sở Y tế"),
    ("BDT", "Ban Dân tộc"),
    ("GDDT", "Sở Giáo dục và Đào tạo"),
    ("PTTH", "Đài Phát thanh và Truyền hình tỉnh"),
    ("LDTBXH", "Sở Lao động - Thương binh và Xã hội"),
]
TAGS = {"BHXH": " [Trưởng khối]", "CDNDTNT": " [Phó Trưởng khối]"}
SECRETARIAT_MENU = f"Menu Thường trực {BLOCK}:"
OBSERVER_MENU = f"Bạn theo dõi {BLOCK} (Ban Thi đua - Khen thưởng tỉnh). Chọn mục cần xem:"
UNIT_MENU = f"Menu chính (Sở Y tế, {BLOCK}):"
UNITS_ITEM, MISSING_ITEM, REVOKE_ITEM, ROTATE_ITEM, WHOAMI_ITEM = (
    "Danh sách đơn vị và đầu mối", "Đơn vị chưa có đầu mối", "Thu hồi một đầu mối", "Đổi mã mời của đơn vị",
    "Thông tin của tôi")
SECRETARIAT_ONLY = {REVOKE_ITEM, ROTATE_ITEM}
EXPIRED = "Menu này đã hết hạn. Mời bạn chọn lại ở menu mới nhất:"
NOT_ALLOWED = "Chức năng này chỉ dành cho Thường trực Khối."
GUEST_MENU = "Bạn chưa đăng ký. Mời gửi mã mời do Thường trực Khối cấp để đăng ký làm đầu mối."
CODE_REVOKED = ("Mã mời này đã bị thu hồi hoặc đã được thay bằng mã mới. "
                "Mời liên hệ Thường trực Khối để lấy mã mới.")


def menu_of(rendered: str) -> tuple[str, list[str]]:
    """A rendered menu as (its text, its button labels in order)."""
    labels = re.findall(r"^\[\d+\] (.*)$", rendered, re.MULTILINE)
    return re.sub(r"(\n\[\d+\] .*)+$", "", rendered), labels


def is_menu(rendered: str, header: str, has: set[str], lacks: frozenset[str] = frozenset()) -> bool:
    text, labels = menu_of(rendered)
    return text.split("\n")[0] == header and has <= set(labels) and not lacks & set(labels)


def is_unit_menu(rendered: str) -> bool:
    return is_menu(rendered, UNIT_MENU, {WHOAMI_ITEM}, frozenset({UNITS_ITEM, MISSING_ITEM, *SECRETARIAT_ONLY}))


async def choose(sb: Sandbox, user: str, label: str) -> list[str]:
    """Press the button with this label on the chat's latest menu, as a person would."""
    last = sb.channel.last_with_choices(Sandbox.chat_of(user))
    assert last is not None
    labels = [c.label for c in last.choices]
    assert label in labels, labels
    return await sb.say(user, str(labels.index(label) + 1))


async def open_menu(sb: Sandbox, user: str, item: str) -> list[str]:
    await sb.say(user, "/menu")
    return await choose(sb, user, item)


async def register(sb: Sandbox, user: str, code: str, name: str, position: str, phone: str) -> list[str]:
    for text in (f"/start {code}", "1", name, position, phone):
        await sb.say(user, text)
    return await sb.say(user, "1")


HOA = "Nguyễn Thị Hoa, Chánh Văn phòng, 0912 345 678 (Thường trực Khối)"  # staff of the head unit, BHXH


def unit_list(contacts: dict[str, list[str]]) -> str:
    """The directory as the secretariat sees it: Hoa, registered in every test here, is listed and counted
    under her own unit, the head unit, marked as the secretariat."""
    contacts = {"BHXH": [HOA], **contacts}
    done = sum(1 for code, _ in UNITS if contacts.get(code))
    lines = [f"Đơn vị và đầu mối của {BLOCK} ({done}/{len(UNITS)} đơn vị đã có đầu mối):"]
    for i, (code, name) in enumerate(UNITS, 1):
        lines.append(f"{i}. {code} – {name}{TAGS.get(code, '')}")
        lines += [f"    • {c}" for c in contacts.get(code, [])] or ["    (chưa có đầu mối)"]
    return "\n".join(lines)


async def with_secretariat(app: App, block_id: int, sb: Sandbox) -> dict[str, str]:
    c = await codes(app, block_id)
    assert await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678") == [
        f"✅ Đã đăng ký bạn vào Thường trực {BLOCK}. Gõ /menu để xem danh sách đơn vị và đầu mối."]
    return c


async def test_lists_of_units_and_units_without_contacts(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await register(sandbox, "cuong", c["GDDT"], "Đỗ Mạnh Cường", "Phó Chánh Văn phòng", "024 3825 1234")
    assert await deliver(app) == 2
    assert sandbox.inbox("hoa") == [
        "🆕 Trần Văn Bình (Chuyên viên, 0987 654 321) vừa đăng ký làm đầu mối của Sở Y tế. Đơn vị đã có đầu mối: 2/11.",
        "🆕 Đỗ Mạnh Cường (Phó Chánh Văn phòng, 024 3825 1234) vừa đăng ký làm đầu mối của Sở Giáo dục và Đào tạo. "
        "Đơn vị đã có đầu mối: 3/11.",
    ]

    out = await sandbox.say("hoa", "/menu")
    assert len(out) == 1
    assert is_menu(out[0], SECRETARIAT_MENU, {UNITS_ITEM, MISSING_ITEM, *SECRETARIAT_ONLY, WHOAMI_ITEM})
    assert await choose(sandbox, "hoa", UNITS_ITEM) == [unit_list({
        "YTE": ["Trần Văn Bình, Chuyên viên, 0987 654 321"],
        "GDDT": ["Đỗ Mạnh Cường, Phó Chánh Văn phòng, 024 3825 1234"],
    })]

    missing = [(code, name) for code, name in UNITS if code not in ("BHXH", "YTE", "GDDT")]
    assert await open_menu(sandbox, "hoa", MISSING_ITEM) == ["\n".join(
        ["Các đơn vị chưa có đầu mối (8/11):"] + [f"{i}. {code} – {name}" for i, (code, name) in enumerate(missing, 1)]
    )]

    # Hoa counts for BHXH in the lists above, yet her role stays the secretariat's
    assert (await sandbox.say("hoa", "/toi"))[0].startswith(
        "Thông tin đăng ký của bạn:\n• Nguyễn Thị Hoa, Chánh Văn phòng, Thường trực Khối (Bảo hiểm Xã hội tỉnh), "
        f"{BLOCK}, SĐT 0912 345 678, đăng ký 23/11/2026 09:00")


async def test_every_unit_covered(app: App, block_id: int, sandbox: Sandbox) -> None:
    await with_secretariat(app, block_id, sandbox)
    async with app.uow() as uow:
        for unit in await uow.directory.units(block_id):
            uow.directory.add(Contact(block_id=block_id, unit_id=unit.id, role="unit", full_name=f"Cán bộ {unit.code}",
                                      position="Chuyên viên", phone="0912000000", registered_at=app.clock.now()))
        await uow.commit()
    assert await open_menu(sandbox, "hoa", MISSING_ITEM) == ["Tất cả 11 đơn vị đều đã có đầu mối. 🎉"]
    assert (await open_menu(sandbox, "hoa", UNITS_ITEM))[0].startswith(
        f"Đơn vị và đầu mối của {BLOCK} (11/11 đơn vị đã có đầu mối):")


async def test_revoke_a_contact(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await deliver(app)
    sandbox.inbox("hoa")

    assert await open_menu(sandbox, "hoa", REVOKE_ITEM) == [
        "Chọn đơn vị có đầu mối cần thu hồi:\n[1] YTE – Sở Y tế\n[2] Hủy"]
    assert await sandbox.say("hoa", "1") == [
        "Chọn đầu mối của Sở Y tế cần thu hồi:\n[1] Trần Văn Bình (Chuyên viên, 0987 654 321)\n[2] Hủy"]
    assert await sandbox.say("hoa", "1") == [
        "Thu hồi quyền đầu mối của Trần Văn Bình (Sở Y tế)? Người này sẽ không nhận nhắc việc và không thao tác "
        "thay đơn vị được nữa.\n[1] Xác nhận\n[2] Thu hồi và đổi mã mời\n[3] Hủy"]
    assert await sandbox.say("hoa", "1") == [
        "Đã thu hồi đầu mối Trần Văn Bình (Sở Y tế).\n⚠️ Sở Y tế không còn đầu mối nào: đơn vị sẽ không nhận được "
        "nhắc việc cho đến khi có người đăng ký lại."]

    assert sandbox.inbox("binh") == []  # told through the outbox, not inside the secretariat's update
    assert await deliver(app) == 1
    assert sandbox.inbox("binh") == [
        f"Quyền đầu mối của bạn tại Sở Y tế ({BLOCK}) đã được Thường trực Khối thu hồi. "
        "Nếu có nhầm lẫn, mời liên hệ Thường trực Khối."]

    assert await open_menu(sandbox, "hoa", UNITS_ITEM) == [unit_list({})]
    assert await open_menu(sandbox, "hoa", REVOKE_ITEM) == ["Chưa đơn vị nào có đầu mối để thu hồi."]

    # the revoked person is a guest again
    assert await sandbox.say("binh", "/menu") == [GUEST_MENU]
    assert await sandbox.say("binh", "/toi") == ["Bạn chưa đăng ký ở khối nào. Gửi mã mời để đăng ký."]
    assert await sandbox.say("binh", "xin chào") == [
        "Tôi chưa hiểu. Nếu bạn có mã mời, hãy gửi mã (ví dụ ABCDE-FGHJK). Gõ /help để xem hướng dẫn."]
    async with app.uow() as uow:
        actions = [(e.action, e.detail.get("unit_id")) for e in await uow.audit.entries(block_id)]
    assert actions[-1][0] == "revoke_contact"

    # and may register again with the unit's code
    assert (await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321"))[0].startswith(
        "✅ Đã đăng ký bạn là đầu mối thi đua của Sở Y tế")


async def test_revoke_can_be_cancelled(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await open_menu(sandbox, "hoa", REVOKE_ITEM)
    await sandbox.say("hoa", "1")
    await sandbox.say("hoa", "1")
    assert await sandbox.say("hoa", "3") == ["Đã hủy thao tác đang làm."]  # [3] Hủy
    assert await deliver(app) == 1  # only the registration notice; nobody was told of a revocation
    assert sandbox.inbox("binh") == []
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])


async def test_rotate_a_units_code(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")

    assert await open_menu(sandbox, "hoa", ROTATE_ITEM) == ["\n".join(
        ["Chọn đơn vị cần đổi mã mời (mã cũ sẽ hết hiệu lực):"]
        + [f"[{i}] {code} – {name}" for i, (code, name) in enumerate(UNITS, 1)]
        + ["[12] Thường trực Khối", "[13] Ban Thi đua - Khen thưởng tỉnh (theo dõi)", "[14] Hủy"])]
    assert await sandbox.say("hoa", "7") == [
        "Đổi mã mời của Sở Y tế? Mã cũ sẽ không dùng được nữa; các đầu mối đã đăng ký vẫn giữ nguyên."
        "\n[1] Xác nhận\n[2] Hủy"]
    out = await sandbox.say("hoa", "1")
    match = re.fullmatch(r"Mã mời mới của Sở Y tế: (\w{5}-\w{5})\nĐường dẫn Telegram: https://t\.me/thidua_bot\?start=(\w{10})",
                         out[0])
    assert match is not None, out
    new_code = match.group(1)
    assert new_code != c["YTE"] and match.group(2) == new_code.replace("-", "")
    assert (await codes(app, block_id))["YTE"] == new_code  # the CLI's list shows the new code too

    assert await sandbox.say("an", f"/start {c['YTE']}") == [CODE_REVOKED]
    assert await sandbox.say("an", c["YTE"]) == [CODE_REVOKED]
    assert await sandbox.say("an", f"/start {new_code}") == [
        f"Mã mời của đơn vị:\nSở Y tế\n{BLOCK}\n\nBạn là cán bộ đầu mối thi đua của đơn vị này?\n[1] Đồng ý\n[2] Không"]
    # the contact registered before keeps the role
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])
    async with app.uow() as uow:
        assert (await uow.audit.entries(block_id))[-1].action == "rotate_code"


async def test_a_unit_contact_cannot_open_the_secretariats_items(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    menu = await sandbox.say("binh", "/menu")
    assert len(menu) == 1 and is_unit_menu(menu[0])
    version = sandbox.channel.delivered[-1].version
    for option in ("m.units", "m.missing", "m.revoke", "m.rotate", "m.deadlines"):  # a forged button press
        out = await sandbox.press("binh", option, version)
        assert out[0] == EXPIRED and is_unit_menu(out[1]) and len(out) == 2
        version = sandbox.channel.delivered[-1].version
    out = await sandbox.say("binh", "9")  # typed numbers only pick from the own menu
    assert len(out) == 1 and is_unit_menu(out[0])

    # even if a secretariat item were pending in the chat, the role is checked
    async with app.uow() as uow:
        state = await uow.dialogs.load_for_update("sandbox", "sb-binh", datetime.now(UTC))
        assert state is not None
        state.choices = [["m.revoke", "Thu hồi một đầu mối"], ["m.rotate", "Đổi mã mời của đơn vị"]]
        await uow.dialogs.save(state)
        await uow.commit()
    assert await sandbox.press("binh", "m.revoke", state.version) == [NOT_ALLOWED]
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", "sb-binh")
    assert state is not None and state.flow is None


async def test_the_role_is_checked_on_every_step(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await open_menu(sandbox, "hoa", REVOKE_ITEM)
    async with app.uow() as uow:  # meanwhile the operator withdraws hoa's secretariat role
        hoa = (await uow.session.exec(select(Contact).where(Contact.full_name == "Nguyễn Thị Hoa"))).one()
        hoa.revoked_at = app.clock.now()
        uow.session.add(hoa)
        await uow.commit()
    assert await sandbox.say("hoa", "1") == [NOT_ALLOWED]
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])  # nothing was revoked


async def test_an_observer_sees_the_lists_but_cannot_revoke(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await sandbox.say("lan", f"/start {c['observer']}")
    assert sandbox.channel.delivered[-1].text == (
        f"Mã mời theo dõi {BLOCK} dành cho Ban Thi đua - Khen thưởng tỉnh.\n\nBạn là cán bộ theo dõi khối?")
    for text in ("1", "Phạm Thị Lan", "Chuyên viên Ban Thi đua - Khen thưởng"):
        await sandbox.say("lan", text)
    summary = (await sandbox.say("lan", "0901 234 567"))[0]  # no «Đơn vị: ?»: the observer follows the block
    assert summary.startswith(f"Mời kiểm tra lại thông tin:\n• Theo dõi: {BLOCK} (Ban Thi đua - Khen thưởng tỉnh)\n")
    assert "?" not in summary
    assert await sandbox.say("lan", "1") == [f"✅ Đã đăng ký bạn theo dõi {BLOCK}. Gõ /menu để xem tình hình của khối."]
    assert await deliver(app) == 2
    assert sandbox.inbox("hoa")[-1] == (
        "🆕 Phạm Thị Lan (Chuyên viên Ban Thi đua - Khen thưởng, 0901 234 567) vừa đăng ký làm theo dõi khối "
        "(Ban Thi đua - Khen thưởng tỉnh). Đơn vị đã có đầu mối: 2/11.")

    observer_menu = await sandbox.say("lan", "/menu")
    assert is_menu(observer_menu[0], OBSERVER_MENU, {UNITS_ITEM, MISSING_ITEM, WHOAMI_ITEM},
                   frozenset(SECRETARIAT_ONLY))
    assert await choose(sandbox, "lan", UNITS_ITEM) == [
        unit_list({"YTE": ["Trần Văn Bình, Chuyên viên, 0987 654 321"]})]
    assert (await open_menu(sandbox, "lan", MISSING_ITEM))[0].startswith(
        "Các đơn vị chưa có đầu mối (9/11):\n1. CDNDTNT – Trường")

    assert await sandbox.say("lan", "/menu") == observer_menu
    version = sandbox.channel.delivered[-1].version
    assert await sandbox.press("lan", "m.revoke", version) == [EXPIRED, *observer_menu]
    async with app.uow() as uow:  # a revoke item smuggled into the pending menu is still refused
        state = await uow.dialogs.load_for_update("sandbox", "sb-lan", datetime.now(UTC))
        assert state is not None
        state.choices = [["m.revoke", "Thu hồi một đầu mối"]]
        await uow.dialogs.save(state)
        await uow.commit()
    assert await sandbox.press("lan", "m.revoke", state.version) == [NOT_ALLOWED]
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])


async def test_a_unit_with_two_contacts(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    assert (await register(sandbox, "an", c["YTE"], "Lê Thị An", "Phó Chánh Văn phòng", "0356 123 456"))[0] == (
        f"✅ Đã đăng ký bạn là đầu mối thi đua của Sở Y tế ({BLOCK}). "
        "Tôi sẽ nhắn bạn khi có hạn nộp, việc chấm điểm và bỏ phiếu.")
    assert await deliver(app) == 2
    assert [n[-27:] for n in sandbox.inbox("hoa")] == ["Đơn vị đã có đầu mối: 2/11."] * 2

    both = ["Trần Văn Bình, Chuyên viên, 0987 654 321", "Lê Thị An, Phó Chánh Văn phòng, 0356 123 456"]
    assert await open_menu(sandbox, "hoa", UNITS_ITEM) == [unit_list({"YTE": both})]

    await open_menu(sandbox, "hoa", REVOKE_ITEM)
    assert await sandbox.say("hoa", "1") == [
        "Chọn đầu mối của Sở Y tế cần thu hồi:\n[1] Trần Văn Bình (Chuyên viên, 0987 654 321)\n"
        "[2] Lê Thị An (Phó Chánh Văn phòng, 0356 123 456)\n[3] Hủy"]
    await sandbox.say("hoa", "2")
    assert await sandbox.say("hoa", "1") == ["Đã thu hồi đầu mối Lê Thị An (Sở Y tế)."]
    assert await deliver(app) == 1
    assert sandbox.inbox("an")[-1].startswith("Quyền đầu mối của bạn tại Sở Y tế")
    assert sandbox.inbox("binh") == []

    assert await open_menu(sandbox, "hoa", UNITS_ITEM) == [unit_list({"YTE": both[:1]})]
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])
    assert await sandbox.say("an", "/menu") == [GUEST_MENU]


async def test_revoke_and_rotate_shuts_the_person_out(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678")
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987654321")
    await open_menu(sandbox, "hoa", REVOKE_ITEM)
    await sandbox.say("hoa", "1")
    await sandbox.say("hoa", "1")
    out = await sandbox.say("hoa", "2")  # [2] Thu hồi và đổi mã mời
    assert out[0].startswith("Đã thu hồi đầu mối Trần Văn Bình (Sở Y tế).")
    assert out[1].startswith("Mã mời mới của Sở Y tế: ")
    assert await sandbox.say("binh", f"/start {c['YTE']}") == [CODE_REVOKED]  # the old code no longer works


async def test_a_second_secretariat_member_and_the_secretariat_code_can_be_shut_out(
        app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678")
    await register(sandbox, "lan", c["secretariat"], "Lê Thị Lan", "Chuyên viên", "0912000111")
    out = await open_menu(sandbox, "hoa", REVOKE_ITEM)
    assert out == ["Chọn đơn vị có đầu mối cần thu hồi:\n[1] Thường trực Khối\n[2] Hủy"]
    assert await sandbox.say("hoa", "1") == [
        "Chọn đầu mối của Thường trực Khối cần thu hồi:\n[1] Lê Thị Lan (Chuyên viên, 0912 000 111)\n[2] Hủy"]
    await sandbox.say("hoa", "1")
    out = await sandbox.say("hoa", "2")
    assert out[1].startswith("Mã mời mới của Thường trực Khối: ")
    assert await sandbox.say("lan", "/menu") == [GUEST_MENU]
    assert await sandbox.say("lan", f"/start {c['secretariat']}") == [CODE_REVOKED]
