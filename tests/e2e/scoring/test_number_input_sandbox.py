"""In the Telegram-style sandbox (`thidua chat`) a number typed at a step that asks for a number is that
number, not a press of the menu's button; at a menu a typed number still presses the button. Read as
transcripts typed exactly as a person types them (`sb.say`, never the test-only `typed()`)."""

from __future__ import annotations

from decimal import Decimal

from bot.app import App
from bot.channels.sandbox import Sandbox
from bot.reply_sender import reply_row
from handlers.core.catalog import text
from handlers.core.messages import Choice, Incoming, Reply
from scheduler.delivery import as_reply
from storage.models import OutboxMessage
from tests.conftest import sandbox_for
from tests.e2e.scoring.test_scoring_admin_sandbox import ask_score, line, yte_view
from tests.e2e.scoring.test_scoring_admin_sandbox import people as admin_people
from tests.e2e.scoring.test_scoring_sandbox import ASK_1_1, SECTION_I, assessment_of, menu, people
from tests.helpers import deliver

EXPLAIN_1_1 = (f'{text("score.saved", code="1.1", score=5)}\n\n{text("score.ask_explain", code="1.1")}\n'
               + menu(text("score.opt_skip"), text("score.opt_back")))


async def test_a_typed_number_at_the_score_step_is_the_score(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem")
    assert await sandbox.say("binh", "1") == [ASK_1_1]  # a menu: "1" presses [1] ▶️ Tiếp tục từ 1.1
    assert await sandbox.say("binh", "5") == [EXPLAIN_1_1]  # not [5] Chuyển tiêu chí
    _, lines = await assessment_of(app)
    assert lines["1.1"].self_score == Decimal(5)
    evidence = await sandbox.say("binh", "1")  # the explanation step is a menu again: [1] Bỏ qua
    assert evidence[0].startswith(text("score.ask_evidence", code="1.1", max="20 MB"))
    out = await sandbox.say("binh", "1")  # [1] Bỏ qua: on to 1.2
    assert "\n1.2 — " in out[0]
    assert (await sandbox.say("binh", " 10 "))[0].startswith(text("score.saved", code="1.2", score=10))
    assert (await sandbox.say("binh", "2"))[0].startswith(  # [2] Quay lại at the explanation: the score again
        f"{SECTION_I}\n1.2 — ")
    assert (await sandbox.say("binh", "[5]"))[0].startswith(  # in brackets, a button: [5] Chuyển tiêu chí
        text("score.ask_goto", codes="1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4.1, 4.2, T1, T2, D1, D2"))
    assert (await sandbox.say("binh", "1"))[0].startswith(f"{SECTION_I}\n1.2 — ")  # no criterion "1": [1] Quay lại
    _, lines = await assessment_of(app)
    assert lines["1.2"].self_score == Decimal(10)


async def test_a_notice_in_between_does_not_turn_the_score_into_a_button(app: App, block_id: int,
                                                                         sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem 1.1")
    await sandbox.channel.send("sb-binh", Reply("Thông báo của Thường trực Khối"), 0)
    assert await sandbox.say("binh", "5") == ["Thông báo của Thường trực Khối", EXPLAIN_1_1]


async def test_a_typed_number_at_the_cross_check_is_the_checked_score(app: App, block_id: int,
                                                                      sandbox: Sandbox) -> None:
    await admin_people(app, block_id, sandbox)
    await sandbox.say("hoa", "/diem")
    await sandbox.say("hoa", "1")  # [1] Kiểm tra chéo
    await sandbox.say("hoa", "2")  # [2] Sở Y tế
    ask_1_2 = ask_score("1.2", 2, "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số", "10", "10",
                        text("sca.keep_self", own=10), text("back"))
    assert await sandbox.say("hoa", "1.2") == [ask_1_2]
    reason = await sandbox.say("hoa", "2")  # a checked score of 2, not [2] Quay lại
    assert reason[0].startswith(text("sca.ask_reason", checked=2, own=10, code="1.2"))
    assert await sandbox.say("hoa", "1") == [ask_1_2]  # the reason step is a menu: [1] Quay lại
    assert (await sandbox.say("hoa", "[2]"))[0].startswith(yte_view("98", "98", 1))  # [2] in brackets: Quay lại
    assert (await line(app, "YTE", "1.2")).checked_score is None


async def test_the_flag_travels_through_the_outbox(app: App, block_id: int) -> None:
    """A reply handed back to the outbox (its send failed) is sent later by the delivery loop: still a number step."""
    incoming = Incoming(channel="sandbox", chat_id="sb-x", user_id="sb-x", update_id="1")
    now = app.clock.now()
    for flag in (True, False):
        reply = Reply("Mời gõ điểm", (Choice("max", "Tối đa"),), number_input=flag)
        row = OutboxMessage(**reply_row(incoming, reply, 3, now, 1))
        assert as_reply(row) == reply
    zalo_style = sandbox_for(app, "zalo")
    await zalo_style.channel.send("sb-x", Reply("Mời gõ điểm", number_input=True), 0)
    assert zalo_style.incoming("x", "5").text == "5"  # Zalo style: a typed number is always text
    async with app.uow() as uow:
        uow.session.add(OutboxMessage(channel="sandbox", chat_id="sb-y", text="Mời gõ điểm",
                                      choices=[["max", "Tối đa"]], version=1, created_at=now, not_before=now,
                                      number_input=True))
        await uow.commit()
    sb = sandbox_for(app)
    assert await deliver(app) == 1
    assert sb.incoming("y", "1").text == "1"
