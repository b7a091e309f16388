"""A contact who blocks the bot, as the people see it on both channels: the next reminder morning skips them,
the secretariat's digest names them (and their unit, which nobody could remind), the directory shows it, and
once they write again the next reminder reaches them.

Telegram tells the bot at once (a `my_chat_member` update); Zalo does not, so there the first refused send
(403) is what marks the contact, and the morning after skips them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from handlers.core.clock import FrozenClock
from scheduler.delivery import OutboxDelivery
from scheduler.rate_limits import ChannelLimits, Limit
from storage.models import ChatAccount
from tests.e2e.conftest import ZaloChat
from tests.e2e.deadlines.conftest import BLOCK, SELF_ASSESSMENT, YEAR_END
from tests.e2e.deadlines.test_submissions_telegram import BINH, HOA, button, register
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes

MON_1000 = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # Monday 23/11/2026 10:00 in Hà Nội
WED_0810 = datetime(2026, 11, 25, 1, 10, tzinfo=UTC)  # the reminders of «3 working days left»
FRI_0810 = datetime(2026, 11, 27, 1, 10, tzinfo=UTC)  # the reminders of «1 working day left»
MON_0810 = datetime(2026, 11, 30, 1, 10, tzinfo=UTC)  # the due day's
YTE = "Sở Y tế"
YTE_MENU = text("menu_unit", unit=YTE, block=BLOCK)


def first_line(key: str, title: str) -> str:
    """A reminder's first line, which names the deadline."""
    return text(key, title=title, due="", days=0, unit="").split("\n")[0]


def blocked_line(name: str, since: str, unit: str = YTE) -> str:
    return text("digest.blocked", people=text("digest.blocked_person", unit=unit, name=name, since=since))


async def deliver(app: App) -> int:
    """One delivery run without the per-chat limit (the clock is frozen: a chat's second message would
    otherwise wait for a moment that never comes). The replies sent so far are recorded first: the clock jumps
    days ahead between steps, past the lease of a reply whose record is still being written."""
    await app.dispatcher.sender.recorded()
    rates = {name: ChannelLimits(Limit.per_second(100.0)) for name in app.channels}
    return await OutboxDelivery(app.sessions, app.clock, app.send, rates).run_once()


async def handled(tg: FakeTelegramAPI) -> None:
    """Every pushed update handled (the bot confirmed them with its next poll)."""
    await tg.wait_for(lambda: not tg.pending_updates, timeout=10)


async def unreachable_since(app: App, chat_id: str) -> datetime | None:
    async with app.uow() as uow:
        account = (await uow.session.exec(select(ChatAccount).where(ChatAccount.chat_id == chat_id))).one()
    return account.unreachable_since


async def test_telegram_contact_blocks_the_bot_is_skipped_listed_then_reached_again(
        app: App, block_id: int, tg: FakeTelegramAPI, clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    await register(tg, HOA, c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(tg, BINH, c["YTE"], "Trần Văn Bình", "0987 654 321")
    await deliver(app)
    assert (await tg.next_message(HOA))["text"].startswith("🆕 Trần Văn Bình")

    clock._now = MON_1000
    tg.push_my_chat_member(BINH, "kicked")  # Bình blocks the bot
    await handled(tg)
    assert await unreachable_since(app, str(BINH)) == MON_1000
    assert len(tg.sent_to(BINH)) == 6  # nothing said to a chat that blocked the bot

    clock._now = WED_0810
    planned = await app.plan_reminders()
    assert planned.messages == 2  # the secretariat's own unit's two reminders; none to Bình
    await deliver(app)
    assert len(tg.sent_to(BINH)) == 6
    assert not [p for m, p in tg.calls if m == "sendMessage" and str(p.get("chat_id")) == str(BINH)][6:]
    digests = [m["text"] for m in tg.sent_to(HOA) if m["text"].startswith("📋")]
    assert len(digests) == 2
    lines = digests[0].split("\n")
    assert blocked_line("Trần Văn Bình", "23/11/2026 10:00") in lines
    # no other contact: nobody in Sở Y tế was reminded (and it is not among the units with no contact at all)
    assert [line for line in lines if "⚠️" in line and YTE in line] == [text("digest.all_blocked", units=YTE)]

    tg.mark_read(HOA)
    tg.push_text(HOA, "/menu")  # the directory shows it too
    tg.push_callback(HOA, button(await tg.next_message(HOA), text("menu.units")))
    directory = (await tg.next_message(HOA))["text"].split("\n")
    at = directory.index(text("units_contact", name="Trần Văn Bình", position="Chuyên viên", phone="0987 654 321",
                              tag=""))
    assert directory[at + 1] == text("units_blocked", since="23/11/2026 10:00")

    tg.mark_read(BINH)
    tg.push_text(BINH, "/menu")  # Bình writes again
    assert (await tg.next_message(BINH))["text"] == YTE_MENU
    assert await unreachable_since(app, str(BINH)) is None

    clock._now = FRI_0810
    await app.plan_reminders()
    await deliver(app)
    got = [m["text"] for m in tg.sent_to(BINH)[7:]]
    assert len(got) == 2 and got[0].startswith(first_line("remind.before", YEAR_END))
    friday = [m["text"] for m in tg.sent_to(HOA) if m["text"].startswith("📋")][2]
    assert "🚫" not in friday and text("digest.all_blocked", units=YTE) not in friday


async def test_telegram_refused_send_marks_the_contact_and_restart_lifts_it(
        app: App, block_id: int, tg: FakeTelegramAPI, clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    await register(tg, HOA, c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(tg, BINH, c["YTE"], "Trần Văn Bình", "0987 654 321")
    await deliver(app)
    tg.blocked.add(BINH)  # blocked, and the bot missed the update: the first refused send tells it

    clock._now = WED_0810
    await app.plan_reminders()
    await deliver(app)
    assert await unreachable_since(app, str(BINH)) == WED_0810
    clock._now = FRI_0810
    planned = await app.plan_reminders()
    assert planned.messages == 2  # Bình skipped
    await deliver(app)
    friday = [m["text"] for m in tg.sent_to(HOA) if m["text"].startswith("📋")][-1]
    assert blocked_line("Trần Văn Bình", "25/11/2026 08:10") in friday.split("\n")

    tg.push_my_chat_member(BINH, "member")  # Bình presses Restart
    await handled(tg)
    assert await unreachable_since(app, str(BINH)) is None
    clock._now = MON_0810
    await app.plan_reminders()
    await deliver(app)
    assert tg.sent_to(BINH)[-1]["text"].startswith(first_line("remind.due_day", SELF_ASSESSMENT))


async def register_zalo(zalo: ZaloChat, user: str, code: str, name: str) -> None:
    for said in (code, "1", name, "Chuyên viên", "0977000111", "1"):
        out = await zalo.say(user, said)
    assert out[0].startswith("✅"), out


async def test_zalo_contact_whose_sends_are_refused_is_skipped_listed_then_reached_again(
        app: App, block_id: int, zalo: ZaloChat, clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    await register_zalo(zalo, "hoa", c["secretariat"], "Nguyễn Thị Hoa")
    await register_zalo(zalo, "lan", c["KHCN"], "Lê Thị Lan")
    await register_zalo(zalo, "nam", c["YTE"], "Lê Văn Nam")
    await deliver(app)
    zalo.api.unreachable.add("nam")  # Nam blocked the bot: Zalo says nothing until a send is refused

    clock._now = WED_0810
    await app.plan_reminders()
    await deliver(app)
    assert zalo.api.sent_to("nam")[-1].startswith("✅")  # the reminders did not reach him
    assert await unreachable_since(app, "nam") == WED_0810
    assert len([m for m in zalo.api.sent_to("lan") if m.startswith("⏰")]) == 2

    clock._now = FRI_0810
    planned = await app.plan_reminders()
    assert planned.messages == 4  # Lan's two and the secretariat's two: none for Nam
    await deliver(app)
    digest = [m for m in zalo.api.sent_to("hoa") if m.startswith("📋")][-1].split("\n")
    assert blocked_line("Lê Văn Nam", "25/11/2026 08:10") in digest
    assert text("digest.all_blocked", units=YTE) in digest

    out = await zalo.say("nam", "menu")  # Nam writes again
    assert out[0].startswith(YTE_MENU)
    assert await unreachable_since(app, "nam") is None
    clock._now = MON_0810
    await app.plan_reminders()
    await deliver(app)
    assert zalo.api.sent_to("nam")[-1].startswith(first_line("remind.due_day", SELF_ASSESSMENT))
