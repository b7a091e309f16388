"""What the bot posts to the linked group: on a reminder morning, the units still missing (units, never people,
never a score), in Vietnamese, once per morning. Both channels."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.app import App
from handlers.core.catalog import Catalog, text
from handlers.core.clock import FrozenClock
from handlers.core.service import OPERATOR
from handlers.deadlines import service
from handlers.voting import closing
from handlers.voting.result_text import result_text, unit_names
from tests.e2e.conftest import ZaloChat
from tests.e2e.deadlines.test_reminders_sandbox import WED_0810
from tests.e2e.groups.test_group_linking import HOA, TG_GROUP, button, register_secretariat_tg
from tests.e2e.groups.test_group_turnout_handover import QUESTION, open_flag_poll
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import cast_test_ballot, codes, deliver

REPORT = "Báo cáo tổng kết công tác thi đua năm 2026"
HEADER = text("grp_morning", "vi", block="Khối thi đua Văn hóa - Xã hội")


async def test_telegram_morning_post_names_the_missing_units(app: App, block_id: int, tg: FakeTelegramAPI,
                                                            clock: FrozenClock) -> None:
    await register_secretariat_tg(tg, (await codes(app, block_id))["secretariat"])
    tg.push_text(HOA, "/nhomkhoi", chat_id=TG_GROUP)
    await tg.next_message(TG_GROUP)
    await deliver(app)
    tg.push_callback(HOA, button(await tg.next_message(HOA), text("grp.link_button", "vi")))
    await tg.next_message(HOA)
    await deliver(app)
    await tg.next_message(TG_GROUP)  # the post that the group is linked

    clock._now = WED_0810
    await app.plan_reminders()
    await app.plan_reminders()  # a second tick the same morning posts nothing more
    for _ in range(20):  # the group's posts keep 1 a second (the limiter outlives a delivery pass)
        await deliver(app)
        if len(tg.sent_to(TG_GROUP)) >= 4:
            break
        await asyncio.sleep(0.25)
        clock.advance(timedelta(seconds=1))
    posts = [m["text"] for m in tg.sent_to(TG_GROUP)[2:]]
    assert len(posts) == 2  # one per deadline with units missing
    report = next(p for p in posts if REPORT in p)
    assert report.startswith(f"{HEADER}\n• {REPORT}, hạn 30/11/2026 17:00\n")
    counts = text("status.counts", "vi", done=0, total=11, on_time=0, late=0)
    assert counts in report and text("status.missing", "vi", units="").rstrip(".") in report and "Sở Y tế" in report
    assert "Nguyễn Thị Hoa" not in report and "0912" not in report  # units only, never a person


async def test_zalo_morning_post_names_the_missing_units(app: App, block_id: int, zalo: ZaloChat,
                                                        clock: FrozenClock) -> None:
    group = "a1b2c3d4e5f6a7b8c9d0"
    c = await codes(app, block_id)
    for answer in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        await zalo.say("hoa", answer)
    for answer in (c["YTE"], "1", "Trần Văn Bình", "Chuyên viên", "0987654321", "1"):
        await zalo.say("binh", answer)
    zalo.api.push_text("hoa", "/nhomkhoi", chat_id=group)
    await zalo.handled.get()
    await deliver(app)
    await zalo.say("hoa", "1")
    await deliver(app)
    seen = len(zalo.api.sent_to(group))

    clock._now = WED_0810
    await app.plan_reminders()
    for _ in range(20):  # two posts to one chat: the second may wait for the chat's 1 message/s
        await deliver(app)
        if len(zalo.api.sent_to(group)) - seen >= 2:
            break
        await asyncio.sleep(0.25)
    posts = zalo.api.sent_to(group)[seen:]
    assert len(posts) == 2 and all(p.startswith(HEADER) for p in posts)
    assert "Sở Y tế" in posts[0] and "Trần Văn Bình" not in "".join(posts)


async def test_zalo_group_hears_deadlines_added_moved_closed_and_cancelled(app: App, block_id: int,
                                                                          zalo: ZaloChat) -> None:
    group = "a1b2c3d4e5f6a7b8c9d0"
    c = await codes(app, block_id)
    for answer in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        await zalo.say("hoa", answer)
    zalo.api.push_text("hoa", "/nhomkhoi", chat_id=group)
    await zalo.handled.get()
    await deliver(app)
    await zalo.say("hoa", "1")
    await deliver(app)
    seen = len(zalo.api.sent_to(group))

    due, later = datetime(2026, 12, 15, 10, tzinfo=UTC), datetime(2026, 12, 18, 10, tzinfo=UTC)
    async with app.uow() as uow:  # what the /hannop conversation and `thidua deadline` both call
        term, block = await uow.directory.current_term(block_id), await uow.directory.block(block_id)
        assert term is not None and block is not None
        tell = await service.outbox_teller(uow, app.clock.now())
        deadline, _ = await service.add(uow, term, block, "custom", "Báo cáo quý IV", due, app.clock.now(), "t", tell)
        await service.move(uow, deadline, later, app.clock.now(), "t", tell)
        await service.set_closed(uow, deadline, True, app.clock.now(), "t")
        await service.cancel(uow, deadline, app.clock.now(), "t", tell)
        await uow.commit()
    await deliver(app)
    block_name = "Khối thi đua Văn hóa - Xã hội"
    assert zalo.api.sent_to(group)[seen:] == [
        text("dl.notice_added", "vi", block=block_name, title="Báo cáo quý IV", due="15/12/2026 17:00"),
        text("dl.notice_moved", "vi", block=block_name, title="Báo cáo quý IV", old="15/12/2026 17:00",
             new="18/12/2026 17:00"),
        text("dl.group_closed", "vi", block=block_name, title="Báo cáo quý IV"),
        text("dl.notice_cancelled", "vi", block=block_name, title="Báo cáo quý IV", due="18/12/2026 17:00"),
    ]


async def test_zalo_group_hears_a_poll_opened_and_its_result(app: App, block_id: int, zalo: ZaloChat) -> None:
    group = "a1b2c3d4e5f6a7b8c9d0"
    c = await codes(app, block_id)
    for answer in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        await zalo.say("hoa", answer)
    zalo.api.push_text("hoa", "/nhomkhoi", chat_id=group)
    await zalo.handled.get()
    await deliver(app)
    await zalo.say("hoa", "1")
    await deliver(app)
    seen = len(zalo.api.sent_to(group))

    question = QUESTION
    poll_id = await open_flag_poll(app, block_id)
    await cast_test_ballot(app, block_id, poll_id, "KHCN", ["YTE"])
    async with app.uow() as uow:
        closed = await closing.close_poll(uow, app.clock.now(), OPERATOR, poll_id, closing.SECRETARIAT)
        assert closed is not None
        names = await unit_names(uow, block_id)
        await uow.commit()
    await deliver(app)
    block_name = "Khối thi đua Văn hóa - Xã hội"
    posts = zalo.api.sent_to(group)[seen:]
    assert posts[0] == text("vote.group_opened", "vi", block=block_name, question=question, members=11, closes="")
    assert posts[1:] == [result_text(Catalog("vi"), closed.poll, closed.count, names, block_name)]
