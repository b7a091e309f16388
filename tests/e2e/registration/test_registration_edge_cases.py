"""Registration off the happy path: bad codes, throttling, wrong input at every step, stale buttons,
commands in the middle of a flow, English, Zalo-style typed numbers, and arbitrary text."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import EN, VI, keys, text
from handlers.core.clock import FrozenClock
from handlers.core.roles import ROLE_UNIT
from handlers.core.validation import person_name, position, vn_phone
from handlers.registration import invite_book
from storage.models import ChatAccount, Contact
from tests.conftest import sandbox_for
from tests.helpers import codes, deliver

BLOCK = "Khối thi đua Văn hóa - Xã hội"
YTE, GDDT = "Sở Y tế", "Sở Giáo dục và Đào tạo"  # the sample block's units (data)
BINH = ("Trần Văn Bình", "Chuyên viên", "0987 654 321")
REGISTERED_AT = "23/11/2026 09:00"  # the clock fixture's time, when Bình registers


def english(key: str, **values: Any) -> str:
    """The English text, which must be one of its own (not the Vietnamese a missing English text falls back to)."""
    assert key in keys("en"), f"{key} has no English text"
    return text(key, "en", **values)


def said_in(lang: str, key: str, **values: Any) -> str:
    return english(key, **values) if lang == "en" else text(key, **values)


def menu(said: str, *labels: str, lang: str = "vi") -> str:
    """A reply with its buttons as the sandbox (Telegram style) shows it: «[1] Đồng ý» under the text."""
    return said + "".join(f"\n[{i}] {said_in(lang, key)}" for i, key in enumerate(labels, 1))


def zalo_menu(said: str, *labels: str) -> str:
    """A reply as Zalo shows it: the text, a blank line, then the numbered labels."""
    return said + "\n\n" + "\n".join(f"{i}. {text(key)}" for i, key in enumerate(labels, 1))


def summary(lang: str = "vi") -> str:
    """The registration's summary of Bình's answers, as the flow composes it (the unit line in it)."""
    return said_in(lang, "reg_summary", where=said_in(lang, "reg_summary_unit", unit=YTE), name=BINH[0],
                   position=BINH[1], phone=BINH[2])


CONFIRM_YTE = text("reg_confirm_unit", unit=YTE, block=BLOCK)
CONFIRM_YTE_TG = menu(CONFIRM_YTE, "yes", "no")
ASK_NAME = text("reg_ask_name")
ASK_POSITION = text("reg_ask_position")
ASK_PHONE = text("reg_ask_phone")
BAD_NAME = text("reg_bad_name")
BAD_POSITION = text("reg_bad_position")
BAD_PHONE = text("reg_bad_phone")
SUMMARY = summary()
SUMMARY_TG = menu(SUMMARY, "confirm", "redo", "cancel")
DONE_YTE = text("reg_done_unit", unit=YTE, block=BLOCK)
DECLINED = text("reg_declined")
CODE_GONE = text("reg_code_gone")
CHOOSE = text("choose_from_menu")
EXPIRED = text("menu_expired")
CANCELLED = text("cancelled")
NOTHING_TO_CANCEL = text("nothing_to_cancel")
GUEST_MENU = text("menu_guest")
GUEST_HINT = text("guest_hint")
UNIT_MENU = text("menu_unit", unit=YTE, block=BLOCK)
WHOAMI_ITEM = text("menu.whoami")
CODE_MALFORMED = text("code_malformed")
CODE_UNKNOWN = text("code_unknown")
CODE_REVOKED = text("code_revoked")
ALREADY_YTE = text("already_registered", role_text=text("role.unit", unit=YTE), block=BLOCK)
HELP_GUEST = text("help_guest")
HELP_UNIT = text("help_unit")
HELP_SECRETARIAT = text("help_secretariat")
HELP_OBSERVER = text("help_observer")
WHOAMI_NONE = text("whoami_none")
WHOAMI_BINH = "\n".join([
    text("whoami_header"),
    text("whoami_line", name=BINH[0], position=BINH[1], role_text=text("role.unit", unit=YTE), block=BLOCK,
         phone=BINH[2], date=REGISTERED_AT),
])


async def register(sb: Sandbox, user: str, code: str, name: str = BINH[0], position: str = BINH[1],
                   phone: str = BINH[2]) -> list[str]:
    for typed in (f"/start {code}", "1", name, position, phone):
        await sb.say(user, typed)
    return await sb.say(user, "1")


def is_unit_menu(rendered: str, header: str = UNIT_MENU, whoami: str = WHOAMI_ITEM) -> bool:
    """The unit contact's main menu (its other items grow with the features, so only these are pinned)."""
    lines = rendered.split("\n")
    return lines[0] == header and f"{whoami}" in [re.sub(r"^\[\d+\] |^\d+\. ", "", ln) for ln in lines[1:]]


async def choose(sb: Sandbox, user: str, label: str) -> list[str]:
    """Press (or type the number of) the item with this label on the chat's latest menu."""
    last = sb.channel.last_with_choices(Sandbox.chat_of(user))
    assert last is not None
    labels = [c.label for c in last.choices]
    assert label in labels, labels
    return await sb.say(user, str(labels.index(label) + 1))


async def contacts_of(app: App, user: str) -> list[Contact]:
    async with app.uow() as uow:
        return await uow.directory.contacts_of_user("sandbox", Sandbox.chat_of(user))


async def step_of(app: App, user: str) -> tuple[str | None, str | None, int]:
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", Sandbox.chat_of(user))
    return (state.flow, state.step, state.version) if state else (None, None, 0)


async def rotate(app: App, block_id: int, unit_code: str) -> None:
    async with app.uow() as uow:
        unit = await uow.directory.unit_by_code(block_id, unit_code)
        assert unit is not None
        await invite_book.rotate(uow, app.config.secret, block_id, ROLE_UNIT, unit.id, app.clock.now())
        await uow.commit()


# --- codes ---------------------------------------------------------------------------------------


async def test_unknown_malformed_and_revoked_codes(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    assert await sandbox.say("an", "/start abc") == [CODE_MALFORMED]
    assert await sandbox.say("an", "/start ABCDE-FGHJK-MNPQR") == [CODE_MALFORMED]
    assert await sandbox.say("an", "/start ABCDE-FGHJK") == [CODE_UNKNOWN]
    assert await sandbox.say("an", "abcde fghjk") == [CODE_UNKNOWN]
    assert await sandbox.say("an", "xin chào") == [GUEST_HINT]
    assert await sandbox.say("an", "/dangky") == [text("unknown_command", command="dangky")]

    await rotate(app, block_id, "YTE")
    assert await sandbox.say("an", f"/start {c['YTE']}") == [CODE_REVOKED]
    new = (await codes(app, block_id))["YTE"]
    # the new code works however it is typed: lower case, spaces, O for 0, I or L for 1
    typed = new.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    # (a different chat: "an" has just made its fifth wrong attempt)
    assert await sandbox.say("chi", typed) == [CONFIRM_YTE_TG]


async def test_five_wrong_codes_throttle_the_chat(app: App, block_id: int, sandbox: Sandbox,
                                                  clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    wrong = ["/start ZZZZZ-ZZZZZ", "/start abc", "ZZZZZ-ZZZZ1", "/start ZZZZZ-ZZZZ2", "ZZZZZ ZZZZ3"]
    for typed in wrong:
        assert (await sandbox.say("an", typed))[0] in (CODE_UNKNOWN, CODE_MALFORMED)
        clock.advance(timedelta(minutes=1))
    # the sixth try within ten minutes is refused, even with a right code
    assert await sandbox.say("an", f"/start {c['YTE']}") == [text("code_throttled", minutes=5)]
    assert await sandbox.say("an", c["YTE"]) == [text("code_throttled", minutes=5)]
    clock.advance(timedelta(minutes=3, seconds=30))
    assert await sandbox.say("an", c["YTE"]) == [text("code_throttled", minutes=2)]
    assert (await step_of(app, "an"))[0] is None
    # another chat is not affected
    assert await sandbox.say("binh", f"/start {c['YTE']}") == [CONFIRM_YTE_TG]

    clock.advance(timedelta(minutes=1, seconds=31))  # the first wrong code is now over ten minutes old
    assert await sandbox.say("an", f"/start {c['YTE']}") == [CONFIRM_YTE_TG]


async def test_an_already_registered_person_is_told_where(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    assert await register(sandbox, "binh", c["YTE"]) == [DONE_YTE]
    assert await sandbox.say("binh", f"/start {c['YTE']}") == [ALREADY_YTE]
    assert await sandbox.say("binh", c["YTE"]) == [ALREADY_YTE]
    # one person, one registration per block: another unit's code does not register them twice
    assert await sandbox.say("binh", f"/start {c['GDDT']}") == [ALREADY_YTE]
    assert await sandbox.say("binh", f"/start {c['secretariat']}") == [ALREADY_YTE]
    assert [(x.unit_id is not None, x.role) for x in await contacts_of(app, "binh")] == [(True, "unit")]
    assert await sandbox.say("binh", "/toi") == [WHOAMI_BINH]


async def test_a_code_revoked_during_registration(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    for typed in (f"/start {c['YTE']}", "1", *BINH):
        await sandbox.say("binh", typed)
    await rotate(app, block_id, "YTE")
    assert await sandbox.say("binh", "1") == [CODE_GONE]
    assert await contacts_of(app, "binh") == []


# --- wrong input, stale buttons, double taps ------------------------------------------------------


async def test_wrong_input_at_every_step(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    assert await sandbox.say("binh", f"/start {c['YTE']}") == [CONFIRM_YTE_TG]
    assert await sandbox.say("binh", "có lẽ") == [CHOOSE, CONFIRM_YTE_TG]
    assert await sandbox.say("binh", "7") == [CHOOSE, CONFIRM_YTE_TG]
    assert await sandbox.say("binh", "1") == [ASK_NAME]

    for bad in ("Trần Văn 2", "B", "https://binh.vn", "/ten Bình", "binh@so-yte.vn", "12345"):
        assert await sandbox.say("binh", bad) == [BAD_NAME], bad
    assert await sandbox.say("binh", "  Trần   Văn Bình ") == [ASK_POSITION]

    for bad in ("12", "x", "www.soyte.vn"):
        assert await sandbox.say("binh", bad) == [BAD_POSITION], bad
    assert await sandbox.say("binh", "Chuyên viên") == [ASK_PHONE]

    for bad in ("abc", "0123 456 789", "0912 345 67", "+1 202 555 0100"):
        assert await sandbox.say("binh", bad) == [BAD_PHONE, ASK_PHONE], bad
    assert await sandbox.say("binh", "+84 98.765.4321") == [SUMMARY_TG]

    assert await sandbox.say("binh", "được rồi") == [CHOOSE, SUMMARY_TG]
    assert await sandbox.say("binh", "2") == [ASK_NAME]  # [2] Nhập lại
    for typed, reply in (("Trần Văn Bình", ASK_POSITION), ("Chuyên viên", ASK_PHONE), ("0987654321", SUMMARY_TG)):
        assert await sandbox.say("binh", typed) == [reply]
    assert await sandbox.say("binh", "1") == [DONE_YTE]
    assert [x.full_name for x in await contacts_of(app, "binh")] == ["Trần Văn Bình"]


async def test_a_stale_button_shows_the_current_step(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await sandbox.say("binh", f"/start {c['YTE']}")
    confirm_version = sandbox.channel.delivered[-1].version
    assert await sandbox.press("binh", "yes", confirm_version) == [ASK_NAME]
    await sandbox.say("binh", "Trần Văn Bình")
    assert await sandbox.press("binh", "no", confirm_version) == [EXPIRED, ASK_POSITION]
    await sandbox.say("binh", "Chuyên viên")
    assert await sandbox.press("binh", "yes", confirm_version) == [EXPIRED, ASK_PHONE]
    assert await step_of(app, "binh") == ("register", "phone", (await step_of(app, "binh"))[2])
    await sandbox.say("binh", "0987 654 321")
    summary_version = sandbox.channel.delivered[-1].version
    assert await sandbox.press("binh", "confirm", summary_version) == [DONE_YTE]
    # an old button of a finished registration shows the menu instead
    for option, version in (("cancel", summary_version), ("redo", confirm_version)):
        out = await sandbox.press("binh", option, version)
        assert len(out) == 2 and out[0] == EXPIRED and is_unit_menu(out[1])
    assert len(await contacts_of(app, "binh")) == 1


async def test_a_double_tap_acts_once(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await sandbox.say("binh", f"/start {c['YTE']}")
    version = sandbox.channel.delivered[-1].version
    assert await sandbox.press("binh", "yes", version) == [ASK_NAME]
    assert await sandbox.press("binh", "yes", version) == [EXPIRED, ASK_NAME]
    assert (await step_of(app, "binh"))[:2] == ("register", "name")
    for typed in BINH:
        await sandbox.say("binh", typed)
    version = sandbox.channel.delivered[-1].version
    assert await sandbox.press("binh", "confirm", version) == [DONE_YTE]
    out = await sandbox.press("binh", "confirm", version)
    assert len(out) == 2 and out[0] == EXPIRED and is_unit_menu(out[1])
    async with app.uow() as uow:
        contacts = (await uow.session.exec(select(func.count()).select_from(Contact))).one()
        accounts = (await uow.session.exec(select(func.count()).select_from(ChatAccount))).one()
    assert (contacts, accounts) == (1, 1)


# --- commands -------------------------------------------------------------------------------------

STEP_INPUTS = {"confirm": [], "name": ["1"], "position": ["1", BINH[0]], "phone": ["1", BINH[0], BINH[1]],
               "summary": ["1", *BINH]}


async def test_huy_at_every_step(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    for step, inputs in STEP_INPUTS.items():
        user = f"binh-{step}"
        for typed in (f"/start {c['YTE']}", *inputs):
            await sandbox.say(user, typed)
        assert (await step_of(app, user))[:2] == ("register", step)
        assert await sandbox.say(user, "/huy") == [CANCELLED, GUEST_MENU], step
        assert (await step_of(app, user))[:2] == (None, None)
        assert await sandbox.say(user, "/huy") == [NOTHING_TO_CANCEL]
        assert await sandbox.say(user, "Trần Văn Bình") == [GUEST_HINT]  # the flow is really over
        assert await contacts_of(app, user) == []


async def test_declining_and_cancelling_with_buttons(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await sandbox.say("binh", f"/start {c['YTE']}")
    assert await sandbox.say("binh", "2") == [DECLINED]
    for typed in (f"/start {c['YTE']}", "1", *BINH):
        await sandbox.say("binh", typed)
    assert await sandbox.say("binh", "3") == [CANCELLED]  # [3] Hủy
    assert await contacts_of(app, "binh") == []
    # a phone shared with Telegram's contact button instead of typed
    for typed in (f"/start {c['YTE']}", "1", "Trần Văn Bình", "Chuyên viên"):
        await sandbox.say("binh", typed)
    assert await sandbox.share_phone("binh", "84987654321") == [SUMMARY_TG]


async def test_toi(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    assert await sandbox.say("binh", "/toi") == [WHOAMI_NONE]
    await register(sandbox, "binh", c["YTE"])
    assert await sandbox.say("binh", "/toi") == [WHOAMI_BINH]
    await sandbox.say("binh", "/menu")
    assert await choose(sandbox, "binh", WHOAMI_ITEM) == [WHOAMI_BINH]


async def test_help(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    assert await sandbox.say("binh", "/help") == [HELP_GUEST]
    assert await sandbox.say("binh", "/start") == [HELP_GUEST]
    assert await sandbox.say("binh", "/trogiup") == [HELP_GUEST]

    await sandbox.say("binh", f"/start {c['YTE']}")
    await sandbox.say("binh", "1")
    assert await sandbox.say("binh", "/help") == [HELP_GUEST]  # help in the middle of a flow keeps it
    assert await sandbox.say("binh", "Trần Văn Bình") == [ASK_POSITION]
    for typed in (BINH[1], BINH[2], "1"):
        await sandbox.say("binh", typed)
    out = await sandbox.say("binh", "/help")
    assert len(out) == 2 and out[0] == HELP_UNIT and is_unit_menu(out[1])

    await register(sandbox, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678")
    out = await sandbox.say("hoa", "/HELP@thidua_bot")
    assert out[0] == HELP_SECRETARIAT
    assert out[1].startswith(menu(text("menu_secretariat", block=BLOCK), "menu.units"))

    await register(sandbox, "lan", c["observer"], "Lê Thị Lan", "Chuyên viên Ban Thi đua", "0903 111 222")
    out = await sandbox.say("lan", "/help")
    assert out[0] == HELP_OBSERVER
    assert await sandbox.say("lan", "/lang en") == [english("lang_set")]
    assert (await sandbox.say("lan", "/help"))[0] == english("help_observer")


def test_telegram_command_menu_lists_what_help_names() -> None:
    """The commands /help names for each role are in Telegram's command menu (scoring among them)."""
    from bot.runner import COMMANDS
    from handlers.core.catalog import Catalog
    from handlers.features import FEATURES

    assert {"nop", "chamdiem", "trangthai", "diem", "bophieu", "baucu"} <= set(COMMANDS) <= set(FEATURES.commands)
    t = Catalog()
    assert "/chamdiem" in t("help_unit") and "/diem" in t("help_secretariat") and "/diem" in t("help_observer")


async def test_lang_en_then_english(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    confirm_en = menu(english("reg_confirm_unit", unit=YTE, block=BLOCK), "yes", "no", lang="en")
    assert await sandbox.say("binh", "/lang fr") == [text("lang_usage")]
    assert await sandbox.say("binh", "/lang en") == [english("lang_set")]
    assert await sandbox.say("binh", f"/start {c['YTE']}") == [confirm_en]
    assert await sandbox.say("binh", "maybe") == [english("choose_from_menu"), confirm_en]
    assert await sandbox.say("binh", "1") == [english("reg_ask_name")]
    assert await sandbox.say("binh", "Binh 2") == [english("reg_bad_name")]
    assert await sandbox.say("binh", "Trần Văn Bình") == [english("reg_ask_position")]
    assert await sandbox.say("binh", "Chuyên viên") == [english("reg_ask_phone")]
    assert await sandbox.say("binh", "0987 654 321") == [menu(summary("en"), "confirm", "redo", "cancel", lang="en")]
    assert await sandbox.say("binh", "1") == [english("reg_done_unit", unit=YTE, block=BLOCK)]
    main_menu_en = english("menu_unit", unit=YTE, block=BLOCK)
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0], main_menu_en, english("menu.whoami"))
    assert await sandbox.say("binh", "/huy") == [english("nothing_to_cancel")]
    assert await sandbox.say("binh", "/lang vi") == [text("lang_set")]
    assert is_unit_menu((await sandbox.say("binh", "/menu"))[0])


async def test_notices_use_the_recipients_language(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678")
    await sandbox.say("binh", "/lang en")
    await register(sandbox, "binh", c["YTE"])
    await deliver(app)
    assert sandbox.inbox("hoa")[-1] == text(  # in Hoa's Vietnamese, not Bình's English
        "notice_registered", name=BINH[0], position=BINH[1], phone=BINH[2], role_text=text("role.unit", unit=YTE),
        done=2, total=11)  # BHXH, through Hoa


# --- Zalo style -----------------------------------------------------------------------------------


async def test_zalo_style_registration_with_typed_numbers(app: App, block_id: int) -> None:
    c = await codes(app, block_id)
    zalo = sandbox_for(app, "zalo")
    assert await zalo.say("binh", c["YTE"].lower()) == [zalo_menu(CONFIRM_YTE, "yes", "no")]
    assert await zalo.say("binh", "3") == [CHOOSE, zalo_menu(CONFIRM_YTE, "yes", "no")]
    assert await zalo.say("binh", "1") == [ASK_NAME]
    assert await zalo.say("binh", "Trần Văn Bình") == [ASK_POSITION]
    assert await zalo.say("binh", "Chuyên viên") == [ASK_PHONE]
    assert await zalo.say("binh", "0987.654.321") == [zalo_menu(SUMMARY, "confirm", "redo", "cancel")]
    assert await zalo.say("binh", " 1 ") == [DONE_YTE]
    menu = await zalo.say("binh", "/menu")
    assert is_unit_menu(menu[0])
    number = re.search(rf"^(\d+)\. {WHOAMI_ITEM}$", menu[0], re.MULTILINE)
    assert number is not None
    assert await zalo.say("binh", number.group(1)) == [WHOAMI_BINH]


async def test_zalo_style_labels_typed_in_any_case(app: App, block_id: int) -> None:
    c = await codes(app, block_id)
    zalo = sandbox_for(app, "zalo")
    await zalo.say("an", f"/start {c['GDDT']}")
    assert await zalo.say("an", text("yes").upper()) == [ASK_NAME]
    for typed in ("Lê Thị An", "Phó Chánh Văn phòng", "0356123456"):
        await zalo.say("an", typed)
    assert await zalo.say("an", text("confirm").lower()) == [text("reg_done_unit", unit=GDDT, block=BLOCK)]


# --- arbitrary text at every step -----------------------------------------------------------------

STEPS = ("confirm", "name", "position", "phone", "summary")
VALID = {"name": BINH[0], "position": BINH[1], "phone": BINH[2]}


def _template_regex(template: str) -> str:
    parts = re.split(r"\{[^{}]*\}", template)
    return "(?s:.*?)".join(re.escape(p) for p in parts)


CATALOG_TEXT = re.compile(
    "(?:{0})(?:\n(?:{0}))*".format("|".join(_template_regex(t) for t in [*VI.values(), *EN.values()]))
)
THROTTLED = re.compile("|".join(_template_regex(t["code_throttled"]) for t in (VI, EN)))
junk = st.one_of(
    st.text(max_size=80),
    st.from_regex(r"/[a-zA-Z@_]{1,12}( .{0,20})?", fullmatch=True),
    st.sampled_from(["", " ", "1", "2", "3", "9", "[1]", "/huy", "/help", "/toi", "/menu", "/start", "/start x",
                     "/lang en", "ABCDE-FGHJK", "0912 345 678", "Nguyễn Văn A", "\x00", "đồng ý", "xác nhận",
                     "nhập lại", "0" * 5000]),
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(junk, min_size=len(STEPS), max_size=len(STEPS)))
async def test_arbitrary_text_at_every_step_never_breaks_registration(
    app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock, texts: list[str]
) -> None:
    code = (await codes(app, block_id))["YTE"]
    user = f"p{next(_people)}"
    chat = Sandbox.chat_of(user)

    async def drive(target: str | None) -> None:
        """Valid input until the flow stands at `target` (None: until registered)."""
        for _ in range(20):
            flow, step, version = await step_of(app, user)
            if await contacts_of(app, user):
                assert target is None, f"registered before reaching {target}"
                return
            if flow == "register" and step == target:
                return
            if flow != "register" or (target and STEPS.index(step or "") > STEPS.index(target)):
                out = await sandbox.say(user, f"/start {code}" if flow != "register" else "/huy")
                if out and THROTTLED.fullmatch(out[0]):
                    clock.advance(timedelta(minutes=11))
            elif step == "confirm":
                await sandbox.press(user, "yes", version)
            elif step == "summary":
                await sandbox.press(user, "confirm", version)
            else:
                await sandbox.say(user, VALID[step or ""])
        pytest.fail(f"could not reach {target}: {await step_of(app, user)}")

    for step, typed in zip(STEPS, texts, strict=True):
        await drive(step)
        seen = len(sandbox.channel.delivered)
        await sandbox.say(user, typed)
        replies = [d.text for d in sandbox.channel.delivered[seen:] if d.chat_id == chat]
        assert replies, f"no answer to {typed!r} at {step}"
        for reply in replies:
            assert reply.strip()
            assert reply not in (VI["internal_error"], EN["internal_error"]), (step, typed)
            assert CATALOG_TEXT.fullmatch(reply), (step, typed, reply)
    await drive(None)
    registered = await contacts_of(app, user)
    assert len(registered) == 1  # whatever was typed on the way, valid answers finish the registration
    contact = registered[0]
    assert person_name(contact.full_name) == contact.full_name and position(contact.position) == contact.position
    assert vn_phone(contact.phone) == contact.phone


_people = itertools.count(1)
