"""The secretariat's work in chat (lists, revoking a contact, rotating a code), read as transcripts."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import text
from storage.models import Contact
from tests.e2e.registration.conftest import buttons
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
TAGS = {"BHXH": text("tag.head"), "CDNDTNT": text("tag.deputy")}
SECRETARIAT_MENU = text("menu_secretariat", block=BLOCK)
OBSERVER_MENU = text("menu_observer", block=BLOCK)
UNIT_MENU = text("menu_unit", unit="Sở Y tế", block=BLOCK)
UNITS_ITEM, MISSING_ITEM, REVOKE_ITEM, ROTATE_ITEM, WHOAMI_ITEM = (
    text(f"menu.{item}") for item in ("units", "missing", "revoke", "rotate", "whoami"))
SECRETARIAT_ONLY = {REVOKE_ITEM, ROTATE_ITEM}
EXPIRED = text("menu_expired")
NOT_ALLOWED = text("not_allowed")
GUEST_MENU = text("menu_guest")
CODE_REVOKED = text("code_revoked")
SECRETARIAT = text("cli.invite_secretariat")  # the secretariat, listed among the units in the revoke and rotate menus
CANCEL = text("cancel")


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
    for said in (f"/start {code}", "1", name, position, phone):
        await sb.say(user, said)
    return await sb.say(user, "1")


def contact(name: str, position: str, phone: str, tag: str = "") -> str:
    """A contact's line in the directory."""
    return text("units_contact", name=name, position=position, phone=phone, tag=tag)


HOA = contact("Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678", text("tag.secretariat"))  # of the head unit, BHXH
BINH = contact("Trần Văn Bình", "Chuyên viên", "0987 654 321")


def unit_list(contacts: dict[str, list[str]]) -> str:
    """The directory as the secretariat sees it: Hoa, registered in every test here, is listed and counted
    under her own unit, the head unit, marked as the secretariat."""
    contacts = {"BHXH": [HOA], **contacts}
    done = sum(1 for code, _ in UNITS if contacts.get(code))
    lines = [text("units_header", block=BLOCK, done=done, total=len(UNITS))]
    for i, (code, name) in enumerate(UNITS, 1):
        lines.append(text("units_line", i=i, code=code, name=name, tag=TAGS.get(code, "")))
        lines += contacts.get(code, []) or [text("units_none")]
    return "\n".join(lines)


def registered_notice(name: str, position: str, phone: str, unit: str, done: int) -> str:
    """What the secretariat is told when a unit's contact registers."""
    return text("notice_registered", name=name, position=position, phone=phone, role_text=text("role.unit", unit=unit),
                done=done, total=11)


async def with_secretariat(app: App, block_id: int, sb: Sandbox) -> dict[str, str]:
    c = await codes(app, block_id)
    assert await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678") == [
        text("reg_done_secretariat", block=BLOCK)]
    return c


async def test_lists_of_units_and_units_without_contacts(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await register(sandbox, "cuong", c["GDDT"], "Đỗ Mạnh Cường", "Phó Chánh Văn phòng", "024 3825 1234")
    assert await deliver(app) == 2
    assert sandbox.inbox("hoa") == [
        registered_notice("Trần Văn Bình", "Chuyên viên", "0987 654 321", "Sở Y tế", 2),
        registered_notice("Đỗ Mạnh Cường", "Phó Chánh Văn phòng", "024 3825 1234", "Sở Giáo dục và Đào tạo", 3),
    ]

    out = await sandbox.say("hoa", "/menu")
    assert len(out) == 1
    assert is_menu(out[0], SECRETARIAT_MENU, {UNITS_ITEM, MISSING_ITEM, *SECRETARIAT_ONLY, WHOAMI_ITEM})
    assert await choose(sandbox, "hoa", UNITS_ITEM) == [unit_list({
        "YTE": [BINH],
        "GDDT": [contact("Đỗ Mạnh Cường", "Phó Chánh Văn phòng", "024 3825 1234")],
    })]

    missing = [(code, name) for code, name in UNITS if code not in ("BHXH", "YTE", "GDDT")]
    assert await open_menu(sandbox, "hoa", MISSING_ITEM) == ["\n".join(
        [text("missing_header", count=8, total=11)]
        + [text("units_line", i=i, code=code, name=name, tag="") for i, (code, name) in enumerate(missing, 1)]
    )]

    # Hoa counts for BHXH in the lists above, yet her role stays the secretariat's
    assert (await sandbox.say("hoa", "/toi"))[0].startswith(text("whoami_header") + "\n" + text(
        "whoami_line", name="Nguyễn Thị Hoa", position="Chánh Văn phòng",
        role_text=text("role.secretariat", unit="Bảo hiểm Xã hội tỉnh"), block=BLOCK, phone="0912 345 678",
        date="23/11/2026 09:00"))


async def test_every_unit_covered(app: App, block_id: int, sandbox: Sandbox) -> None:
    await with_secretariat(app, block_id, sandbox)
    async with app.uow() as uow:
        for unit in await uow.directory.units(block_id):
            uow.directory.add(Contact(block_id=block_id, unit_id=unit.id, role="unit", full_name=f"Cán bộ {unit.code}",
                                      position="Chuyên viên", phone="0912000000", registered_at=app.clock.now()))
        await uow.commit()
    assert await open_menu(sandbox, "hoa", MISSING_ITEM) == [text("missing_none", total=11)]
    assert (await open_menu(sandbox, "hoa", UNITS_ITEM))[0].startswith(
        text("units_header", block=BLOCK, done=11, total=11) + "\n")


async def test_revoke_a_contact(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await deliver(app)
    sandbox.inbox("hoa")

    assert await open_menu(sandbox, "hoa", REVOKE_ITEM) == [buttons(text("revoke_pick_unit"), "YTE – Sở Y tế", CANCEL)]
    assert await sandbox.say("hoa", "1") == [buttons(text("revoke_pick_contact", unit="Sở Y tế"),
                                                     "Trần Văn Bình (Chuyên viên, 0987 654 321)", CANCEL)]
    assert await sandbox.say("hoa", "1") == [buttons(text("revoke_confirm", name="Trần Văn Bình", unit="Sở Y tế"),
                                                     text("confirm"), text("revoke_and_rotate"), CANCEL)]
    assert await sandbox.say("hoa", "1") == [
        text("revoke_done", name="Trần Văn Bình", unit="Sở Y tế") + "\n" + text("revoke_last_contact", unit="Sở Y tế")]

    assert sandbox.inbox("binh") == []  # told through the outbox, not inside the secretariat's update
    assert await deliver(app) == 1
    assert sandbox.inbox("binh") == [text("notice_revoked", unit="Sở Y tế", block=BLOCK)]

    assert await open_menu(sandbox, "hoa", UNITS_ITEM) == [unit_list({})]
    assert await open_menu(sandbox, "hoa", REVOKE_ITEM) == [text("revoke_no_contacts")]

    # the revoked person is a guest again
    assert await sandbox.say("binh", "/menu") == [GUEST_MENU]
    assert await sandbox.say("binh", "/toi") == [text("whoami_none")]
    assert await sandbox.say("binh", "xin chào") == [text("guest_hint")]
    async with app.uow() as uow:
        actions = [(e.action, e.detail.get("unit_id")) for e in await uow.audit.entries(block_id)]
    assert actions[-1][0] == "revoke_contact"

    # and may register again with the unit's code
    assert (await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321"))[0] == text(
        "reg_done_unit", unit="Sở Y tế", block=BLOCK)


async def test_revoke_can_be_cancelled(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await open_menu(sandbox, "hoa", REVOKE_ITEM)
    await sandbox.say("hoa", "1")
    await sandbox.say("hoa", "1")
    assert await sandbox.say("hoa", "3") == [text("cancelled")]  # [3] Hủy
    assert await deliver(app) == 1  # only the registration notice; nobody was told of a revocation
    assert sandbox.inbox("binh") == []
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])


async def test_rotate_a_units_code(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")

    assert await open_menu(sandbox, "hoa", ROTATE_ITEM) == [buttons(
        text("rotate_pick_unit"), *(f"{code} – {name}" for code, name in UNITS), SECRETARIAT,
        text("cli.invite_observer"), CANCEL)]
    assert await sandbox.say("hoa", "7") == [buttons(text("rotate_confirm", unit="Sở Y tế"), text("confirm"), CANCEL)]
    out = await sandbox.say("hoa", "1")
    match = re.fullmatch(re.escape(text("rotate_done", unit="Sở Y tế", code="{code}", link="{link}"))
                         .replace(re.escape("{code}"), r"(\w{5}-\w{5})")
                         .replace(re.escape("{link}"), r"https://t\.me/thidua_bot\?start=(\w{10})"), out[0])
    assert match is not None, out
    new_code = match.group(1)
    assert new_code != c["YTE"] and match.group(2) == new_code.replace("-", "")
    assert (await codes(app, block_id))["YTE"] == new_code  # the CLI's list shows the new code too

    assert await sandbox.say("an", f"/start {c['YTE']}") == [CODE_REVOKED]
    assert await sandbox.say("an", c["YTE"]) == [CODE_REVOKED]
    assert await sandbox.say("an", f"/start {new_code}") == [
        buttons(text("reg_confirm_unit", unit="Sở Y tế", block=BLOCK), text("yes"), text("no"))]
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
        state.choices = [["m.revoke", REVOKE_ITEM], ["m.rotate", ROTATE_ITEM]]
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
    assert sandbox.channel.delivered[-1].text == text("reg_confirm_observer", block=BLOCK)
    for said in ("1", "Phạm Thị Lan", "Chuyên viên Ban Thi đua - Khen thưởng"):
        await sandbox.say("lan", said)
    summary = (await sandbox.say("lan", "0901 234 567"))[0]  # no «Đơn vị: ?»: the observer follows the block
    assert summary == buttons(text("reg_summary", where=text("reg_summary_observer", block=BLOCK), name="Phạm Thị Lan",
                                   position="Chuyên viên Ban Thi đua - Khen thưởng", phone="0901 234 567"),
                              text("confirm"), text("redo"), CANCEL)
    assert "?" not in summary
    assert await sandbox.say("lan", "1") == [text("reg_done_observer", block=BLOCK)]
    assert await deliver(app) == 2
    assert sandbox.inbox("hoa")[-1] == text(
        "notice_registered", name="Phạm Thị Lan", position="Chuyên viên Ban Thi đua - Khen thưởng",
        phone="0901 234 567", role_text=text("role.observer"), done=2, total=11)

    observer_menu = await sandbox.say("lan", "/menu")
    assert is_menu(observer_menu[0], OBSERVER_MENU, {UNITS_ITEM, MISSING_ITEM, WHOAMI_ITEM},
                   frozenset(SECRETARIAT_ONLY))
    assert await choose(sandbox, "lan", UNITS_ITEM) == [unit_list({"YTE": [BINH]})]
    assert (await open_menu(sandbox, "lan", MISSING_ITEM))[0].startswith(
        text("missing_header", count=9, total=11) + "\n"
        + text("units_line", i=1, code="CDNDTNT", name="Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", tag="") + "\n")

    assert await sandbox.say("lan", "/menu") == observer_menu
    version = sandbox.channel.delivered[-1].version
    assert await sandbox.press("lan", "m.revoke", version) == [EXPIRED, *observer_menu]
    async with app.uow() as uow:  # a revoke item smuggled into the pending menu is still refused
        state = await uow.dialogs.load_for_update("sandbox", "sb-lan", datetime.now(UTC))
        assert state is not None
        state.choices = [["m.revoke", REVOKE_ITEM]]
        await uow.dialogs.save(state)
        await uow.commit()
    assert await sandbox.press("lan", "m.revoke", state.version) == [NOT_ALLOWED]
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])


async def test_a_unit_with_two_contacts(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await with_secretariat(app, block_id, sandbox)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    assert (await register(sandbox, "an", c["YTE"], "Lê Thị An", "Phó Chánh Văn phòng", "0356 123 456"))[0] == (
        text("reg_done_unit", unit="Sở Y tế", block=BLOCK))
    assert await deliver(app) == 2
    assert sandbox.inbox("hoa") == [  # a unit with two contacts counts once
        registered_notice("Trần Văn Bình", "Chuyên viên", "0987 654 321", "Sở Y tế", 2),
        registered_notice("Lê Thị An", "Phó Chánh Văn phòng", "0356 123 456", "Sở Y tế", 2)]

    both = [BINH, contact("Lê Thị An", "Phó Chánh Văn phòng", "0356 123 456")]
    assert await open_menu(sandbox, "hoa", UNITS_ITEM) == [unit_list({"YTE": both})]

    await open_menu(sandbox, "hoa", REVOKE_ITEM)
    assert await sandbox.say("hoa", "1") == [buttons(
        text("revoke_pick_contact", unit="Sở Y tế"), "Trần Văn Bình (Chuyên viên, 0987 654 321)",
        "Lê Thị An (Phó Chánh Văn phòng, 0356 123 456)", CANCEL)]
    await sandbox.say("hoa", "2")
    assert await sandbox.say("hoa", "1") == [text("revoke_done", name="Lê Thị An", unit="Sở Y tế")]
    assert await deliver(app) == 1
    assert sandbox.inbox("an")[-1] == text("notice_revoked", unit="Sở Y tế", block=BLOCK)
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
    assert out[0] == text("revoke_done", name="Trần Văn Bình", unit="Sở Y tế") + "\n" + text(
        "revoke_last_contact", unit="Sở Y tế")
    assert out[1].startswith(text("rotate_done", unit="Sở Y tế", code="{}", link="").split("{}")[0])
    assert await sandbox.say("binh", f"/start {c['YTE']}") == [CODE_REVOKED]  # the old code no longer works


async def test_a_second_secretariat_member_and_the_secretariat_code_can_be_shut_out(
        app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678")
    await register(sandbox, "lan", c["secretariat"], "Lê Thị Lan", "Chuyên viên", "0912000111")
    out = await open_menu(sandbox, "hoa", REVOKE_ITEM)
    assert out == [buttons(text("revoke_pick_unit"), SECRETARIAT, CANCEL)]
    assert await sandbox.say("hoa", "1") == [buttons(text("revoke_pick_contact", unit=SECRETARIAT),
                                                     "Lê Thị Lan (Chuyên viên, 0912 000 111)", CANCEL)]
    await sandbox.say("hoa", "1")
    out = await sandbox.say("hoa", "2")
    assert out[1].startswith(text("rotate_done", unit=SECRETARIAT, code="{}", link="").split("{}")[0])
    assert await sandbox.say("lan", "/menu") == [GUEST_MENU]
    assert await sandbox.say("lan", f"/start {c['secretariat']}") == [CODE_REVOKED]
