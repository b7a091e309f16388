"""The whole sample sheet scored over Zalo with numbers only: the real ZaloChannel long-polls a fake Zalo Bot
API over HTTP. Zalo numbers its menus, so at the score step there is no menu: a typed number is a score."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models import Assessment, Submission
from tests.e2e.conftest import ZaloChat
from tests.helpers import codes, deliver, import_sample_sheet

BLOCK = "Khối thi đua Văn hóa - Xã hội"
TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"  # the sample sheet's title
SECTIONS = {"I": "Thực hiện nhiệm vụ chính trị, chuyên môn được giao",
            "II": "Công tác xây dựng Đảng, chính quyền và các đoàn thể",
            "III": "Công tác thi đua, khen thưởng", "IV": "Tham gia hoạt động của Khối thi đua"}
SECTION_I = text("score.head_section", code="I", title=SECTIONS["I"])
TEXT_1_1 = "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm"


def menu(*labels: str) -> str:
    """Zalo's numbered menu, below a blank line."""
    return "\n\n" + "\n".join(f"{i}. {label}" for i, label in enumerate(labels, 1))


ASK_1_1 = "\n".join([SECTION_I, text("score.criterion", code="1.1", text=TEXT_1_1, max=25, step="0,5"),
                     text("score.ask_text", example="24,5", max=25, code="1.2")])
OVERVIEW_TOP = text("score.overview", title=TITLE, unit="Sở Y tế", sections="\0", total=0).split("\0")[0]
SKIP_BACK = menu(text("score.opt_skip"), text("score.opt_back"))
SCORES = {"1.1": "25", "1.2": "9,5", "1.3": "1", "1.4": "10", "2.1": "9.5", "2.2": "5", "2.3": "4,5", "3.1": "5",
          "3.2": "4", "3.3": "2", "4.1": "5", "4.2": "4,5", "T1": "10", "T2": "1", "D1": "1,5", "D2": "2"}
REVIEW = text("score.review", unit="Sở Y tế", title=TITLE, body="\n".join([
    text("score.review_section", code="I", title=SECTIONS["I"], score="45,5", max=55,
         items="1.1: 25 · 1.2: 9,5 · 1.3: 1 · 1.4: 10"),
    text("score.review_section", code="II", title=SECTIONS["II"], score=19, max=20,
         items="2.1: 9,5 · 2.2: 5 · 2.3: 4,5"),
    text("score.review_section", code="III", title=SECTIONS["III"], score=11, max=15,
         items="3.1: 5 · 3.2: 4 · 3.3: 2"),
    text("score.review_section", code="IV", title=SECTIONS["IV"], score="9,5", max=10, items="4.1: 5 · 4.2: 4,5"),
    text("score.review_base", score=85, max=100),
    text("score.review_bonus", score=11, items="T1: 10 · T2: 1"),
    text("score.review_deduction", score="3,5", items="D1: 1,5 · D2: 2"),
    text("score.review_total", total="92,5")])) + menu(
        text("score.opt_submit"), text("score.opt_edit"), text("score.opt_overview"), text("score.opt_pause"))




async def register(chat: ZaloChat, user: str, code: str, name: str, phone: str) -> None:
    for said in (code, "1", name, "Chuyên viên", phone):
        await chat.say(user, said)
    assert (await chat.say(user, "1"))[0].startswith("✅ Đã đăng ký bạn")


async def test_the_whole_sheet_with_numbers_only(app: App, block_id: int, zalo: ZaloChat) -> None:
    await import_sample_sheet(app, block_id)
    c = await codes(app, block_id)
    await register(zalo, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(zalo, "lan", c["YTE"], "Lê Thị Lan", "0903 111 222")
    await deliver(app)

    assert await zalo.say("lan", "2") == [  # not a menu item: the menu
        f"Menu chính (Sở Y tế, {BLOCK}):" + menu(text("menu.submit"), text("menu.score"), text("menu.status"),
                                                 text("menu.whoami"))]
    overview = await zalo.say("lan", "2")
    assert overview[0].startswith(OVERVIEW_TOP)
    sizes = {"I": 4, "II": 3, "III": 3, "IV": 2}
    assert overview[0].endswith(menu(
        text("score.opt_continue", code="1.1"), text("score.opt_review"),
        *(text("score.opt_section", code=code, done=0, count=count) for code, count in sizes.items()),
        text("score.opt_bonus", done=0, count=2), text("score.opt_deduction", done=0, count=2),
        text("score.opt_pause")))
    assert await zalo.say("lan", "1") == [ASK_1_1]  # no numbered menu at the score step

    assert await zalo.say("lan", "30") == [text("score.above_max", code="1.1", nearest=25, value=30), ASK_1_1]
    for code, score in SCORES.items():
        out = await zalo.say("lan", score)  # "1", "2", "4", "5": scores, whatever the previous menu had
        saved = text("score.saved", code=code, score=score.replace(".", ","))
        assert out == [f'{saved}\n\n{text("score.ask_explain", code=code)}{SKIP_BACK}']
        out = await zalo.say("lan", "1")  # 1. Bỏ qua: no evidence step on Zalo, straight to the next line
        if code != "D2":  # the next criterion's question, with the words to type and no menu
            words_end = text("score.ask_text", example="\0", max="\0", code="\0").split("\0")[-1]
            assert "\n1. " not in out[0] and out[0].endswith(words_end)
    assert out == [REVIEW]

    confirm = await zalo.say("lan", "1")
    assert confirm == [text("score.confirm", unit="Sở Y tế", total="92,5")
                       + menu(text("score.opt_confirm"), text("score.opt_back_review"))]
    done = await zalo.say("lan", "1")
    assert done[0] == text("score.done_on_time", at="23/11/2026 09:00", due="30/11/2026 17:00", total="92,5",
                           unit="Sở Y tế")
    async with app.uow() as uow:
        row = (await uow.session.exec(select(Assessment))).one()
        assert row.id is not None
        lines = await uow.scoring.lines(row.id)
        submission = (await uow.session.exec(select(Submission))).one()
    assert row.status == "submitted" and submission.kind == "assessment"
    assert {k: v.self_score for k, v in lines.items()} == {k: Decimal(v.replace(",", ".")) for k, v in SCORES.items()}
    assert await deliver(app) == 1
    notice = text("score.notice", unit="Sở Y tế", timing=text("score.notice_on_time"), total="92,5", base=85, bonus=11,
                  deduction="3,5", done=1, count=11)
    assert zalo.api.sent_to("hoa")[-1] == notice


async def test_words_and_the_jump_command_on_zalo(app: App, block_id: int, zalo: ZaloChat) -> None:
    await import_sample_sheet(app, block_id)
    await register(zalo, "lan", (await codes(app, block_id))["YTE"], "Lê Thị Lan", "0903 111 222")
    await zalo.say("lan", "/chamdiem")
    await zalo.say("lan", "1")
    assert (await zalo.say("lan", "toi da"))[0].startswith(text("score.saved", code="1.1", score=25))
    assert (await zalo.say("lan", "2"))[0].startswith(f"{SECTION_I}\n1.1")  # 2. Quay lại
    assert (await zalo.say("lan", "bo qua"))[0].startswith(f"{SECTION_I}\n1.2")
    bonus_t2 = f'{text("score.head_bonus")}\nT2 — '
    assert (await zalo.say("lan", "/di D1"))[0].startswith(f'{text("score.head_deduction")}\nD1 — Gửi báo cáo chậm')
    assert (await zalo.say("lan", "quay lai"))[0].startswith(bonus_t2)
    out = await zalo.say("lan", "2.1")  # a criterion's code, and a score at this step
    assert out[0] == (text("score.off_step", value="2,1", step="0,5", nearest="2 hoặc 2,5") + "\n"
                      + text("score.also_code", code="2.1"))
    assert out[1].startswith(bonus_t2)
    assert (await zalo.say("lan", "tong quan"))[0].startswith(OVERVIEW_TOP)
