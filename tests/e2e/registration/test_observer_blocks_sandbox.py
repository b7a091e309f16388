"""One officer of the provincial board follows two blocks: each block's observer code, redeemed from the
same chat, adds a block; /trangthai and /diem then show both, block by block; /toi lists them. Roles stay
checked: the observer reads only, and only the blocks it holds a code for. Read as sandbox transcripts."""

from __future__ import annotations

import dataclasses

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import text
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from tests.conftest import SAMPLE_BLOCK
from tests.e2e.conftest import ZaloChat
from tests.helpers import codes, deliver, import_sample_sheet, register

BLOCK = "Khối thi đua Văn hóa - Xã hội"
OTHER = "Cụm thi đua số 2"
EXIT = text("sca.action.exit")
OBSERVER_ACTIONS = (text("sca.action.ranking"), text("sca.action.export"), text("sca.action.export_unit"), EXIT)
PICK = f"{text('sca.pick_block')}\n[1] {BLOCK}\n[2] {OTHER}\n[3] {EXIT}"
FOLLOWER = text("role.observer")  # how the observer's role is written (in /toi, and when already registered)


def menu(*labels: str) -> str:
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))


def status_header(block: str) -> str:
    return text("status.header", block=block, now="23/11/2026 09:00")


def scores_header(block: str) -> str:
    return text("sca.overview_header", year=2026, block=block)


async def two_blocks(app: App, block_id: int) -> int:
    """The sample block and a second one, each with the sample sheet; the second block's id."""
    async with app.uow() as uow:
        spec = dataclasses.replace(load_block_file(SAMPLE_BLOCK), name=OTHER)
        other = (await import_block(uow, spec, app.config.secret, app.clock.now())).block_id
        await uow.commit()
    for block in (block_id, other):
        await import_sample_sheet(app, block)
    return other


async def follow_both(app: App, block_id: int, other: int, sb: Sandbox) -> None:
    """Lan registers as the observer of the first block, then redeems the second block's observer code."""
    await register(sb, "lan", (await codes(app, block_id))["observer"], "Lê Thị Lan", "0904 222 333")
    assert await sb.say("lan", f"/start {(await codes(app, other))['observer']}") == [
        text("reg_confirm_observer_more", block=OTHER, blocks=BLOCK, name="Lê Thị Lan", phone="0904 222 333") + "\n"
        + menu(text("yes"), text("no"))]
    assert await sb.say("lan", "1") == [
        text("reg_done_observer_more", block=OTHER, count=2, blocks=f"{BLOCK}; {OTHER}")]


async def test_an_observer_follows_two_blocks(app: App, block_id: int, sandbox: Sandbox) -> None:
    sb = sandbox
    other = await two_blocks(app, block_id)
    await register(sb, "hoa", (await codes(app, other))["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await deliver(app)
    sb.inbox("hoa")
    await follow_both(app, block_id, other, sb)
    assert await deliver(app) == 1  # the second block's secretariat is told, as for any registration
    assert sb.inbox("hoa")[-1] == text("notice_registered", name="Lê Thị Lan", position="Chuyên viên",
                                       phone="0904 222 333", role_text=FOLLOWER, done=1, total=11)
    async with app.uow() as uow:
        lan = [c for c in await uow.directory.contacts_of_user("sandbox", "sb-lan")]
    assert sorted((c.block_id, c.role, c.full_name) for c in lan) == [
        (block_id, "observer", "Lê Thị Lan"), (other, "observer", "Lê Thị Lan")]

    me = await sb.say("lan", "/toi")
    assert me[0].startswith(text("whoami_header"))
    assert me[0].count(FOLLOWER) == 2
    assert me[0].endswith(text("whoami_following", count=2, blocks=f"{BLOCK}; {OTHER}"))
    assert (await sb.say("lan", "/menu"))[0].startswith(
        text("menu_observer_many", count=2, blocks=f"{BLOCK}; {OTHER}", block=OTHER))
    # a code of a block already followed starts nothing
    assert await sb.say("lan", f"/start {(await codes(app, other))['observer']}") == [
        text("already_registered", role_text=FOLLOWER, block=OTHER)]

    status = await sb.say("lan", "/trangthai")  # one message per block, in the order they were followed
    assert [s.split("\n")[0] for s in status] == [status_header(BLOCK), status_header(OTHER)]
    assert status[0].replace(BLOCK, OTHER) == status[1]  # the same sample deadlines, each block's own rows

    scores = await sb.say("lan", "/diem")
    assert len(scores) == 3 and scores[-1] == PICK
    assert scores[0].startswith(scores_header(BLOCK) + "\n")
    assert scores[1].startswith(scores_header(OTHER) + "\n")
    assert await sb.say("lan", "hello") == [text("choose_from_menu"), PICK]
    assert await sb.say("lan", "2") == [f"{text('sca.block_actions', block=OTHER)}\n{menu(*OBSERVER_ACTIONS)}"]
    assert (await sb.say("lan", "1"))[0].startswith(text("sca.ranking_none"))  # Xếp hạng of the second block
    assert (await sb.say("lan", text("sca.action.check")))[0] == text("choose_from_menu")  # read only
    assert (await sb.say("lan", "4")) == [text("sca.bye")]  # Thoát

    # the second block's secretariat revokes her there: the first block stays, the second is gone at once
    await sb.say("lan", "/diem")
    async with app.uow() as uow:
        mine = [c for c in await uow.directory.contacts_of_user("sandbox", "sb-lan") if c.block_id == other]
        mine[0].revoked_at = app.clock.now()
        uow.session.add(mine[0])
        await uow.commit()
    only_first = f"{text('sca.pick_block')}\n[1] {BLOCK}\n[2] {EXIT}"
    assert await sb.say("lan", "2") == [text("choose_from_menu"), only_first]
    assert [s.split("\n")[0] for s in await sb.say("lan", "/trangthai")] == [status_header(BLOCK)]
    assert (await sb.say("lan", "/diem"))[0].startswith(scores_header(BLOCK) + "\n")


async def test_a_secretariat_and_a_contact_who_also_follow_another_block(app: App, block_id: int,
                                                                         sandbox: Sandbox) -> None:
    sb = sandbox
    other = await two_blocks(app, block_id)
    mine, theirs = await codes(app, block_id), await codes(app, other)
    await register(sb, "hoa", mine["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "binh", mine["YTE"], "Trần Văn Bình", "0987 654 321")
    secretariat_menu = await sb.say("hoa", "/menu")
    await register(sb, "hoa", theirs["observer"], "Nguyễn Thị Hoa", "0912 345 678")  # a first observer code: the form
    await register(sb, "binh", theirs["observer"], "Trần Văn Bình", "0987 654 321")
    assert await sb.say("hoa", "/menu") == secretariat_menu  # still the secretariat's menu

    scores = await sb.say("hoa", "/diem")
    assert [s.split("\n")[0] for s in scores[:2]] == [scores_header(BLOCK), scores_header(OTHER)]
    assert scores[2] == PICK
    assert await sb.say("hoa", "1") == [  # her own block: every action of the secretariat
        f"{text('sca.block_actions', block=BLOCK)}\n" + menu(
            text("sca.action.check"), text("sca.action.ranking"), text("sca.action.export"),
            text("sca.action.export_unit"), text("sca.action.reopen"), EXIT)]
    await sb.say("hoa", "/diem")
    assert await sb.say("hoa", "2") == [f"{text('sca.block_actions', block=OTHER)}\n{menu(*OBSERVER_ACTIONS)}"]
    version = sb.channel.delivered[-1].version
    assert (await sb.press("hoa", "a.check", version))[0] == text("menu_expired")  # not on her menu there
    assert (await sb.say("hoa", text("sca.action.check")))[0] == text("choose_from_menu")  # not hers there

    status = await sb.say("binh", "/trangthai")  # the unit's own view first, as before, then the followed block
    assert status[0].startswith(text("status.unit_header", unit="Sở Y tế"))
    assert status[1].startswith(status_header(OTHER) + "\n")
    assert len(status) == 2
    unit_menu = await sb.say("binh", "/menu")
    assert unit_menu[0].startswith(text("menu_unit", unit="Sở Y tế", block=BLOCK) + "\n")  # still the contact's menu
    sheet = "Bảng tiêu chí chấm điểm thi đua năm 2026"  # the sample sheet's title
    assert (await sb.say("binh", "/chamdiem"))[0].startswith(
        text("score.overview", title=sheet, unit="Sở Y tế", sections="", total="").split("\n\n")[0] + "\n")
    assert (await sb.say("binh", "/diem"))[0].startswith(scores_header(OTHER) + "\n")


async def test_on_zalo_the_observer_of_two_blocks_picks_one_by_its_number(app: App, block_id: int,
                                                                          zalo: ZaloChat) -> None:
    other = await two_blocks(app, block_id)
    for said in ((await codes(app, block_id))["observer"], "1", "Lê Thị Lan", "Chuyên viên", "0904222333", "1"):
        await zalo.say("lan", said)
    second = await zalo.say("lan", (await codes(app, other))["observer"])  # the code alone, typed
    assert second[-1] == (text("reg_confirm_observer_more", block=OTHER, blocks=BLOCK, name="Lê Thị Lan",
                               phone="0904 222 333") + f"\n\n1. {text('yes')}\n2. {text('no')}")
    assert await zalo.say("lan", "1") == [text("reg_done_observer_more", block=OTHER, count=2,
                                               blocks=f"{BLOCK}; {OTHER}")]
    assert len(await zalo.say("lan", "/trangthai")) == 2
    scores = await zalo.say("lan", "/diem")
    assert [s.split("\n")[0] for s in scores] == [scores_header(BLOCK), scores_header(OTHER), text("sca.pick_block")]
    assert scores[-1].endswith(f"\n\n1. {BLOCK}\n2. {OTHER}\n3. {EXIT}")
    assert await zalo.say("lan", "2") == [
        f"{text('sca.block_actions', block=OTHER)}\n\n" + "\n".join(
            f"{i}. {label}" for i, label in enumerate(OBSERVER_ACTIONS, 1))]
