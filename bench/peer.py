"""The fair peer: the scoring step as a team would write it with aiogram 3 and SQLAlchemy, and a bare echo.

Written the way aiogram's documentation and the usual bot templates do it, not the way thidua does:
a `Router` with filters on an FSM `StatesGroup` (state in `RedisStorage`, or `MemoryStorage`), an
`AsyncSession` per update from the usual middleware, ORM models, `session.get` / `add` / `commit`, and
`message.answer(...)` with an inline keyboard from a `CallbackData` factory. The score is parsed
(`24,5` → 24.5) and checked against the criterion's maximum and the sheet's step of 0.5 as thidua does.

What it leaves out, as a usual bot does: no de-duplication of updates (aiogram's polling offset is
trusted), no lock on the chat's state or the unit's sheet (two taps may race), no re-check of the sender's
role at each step (it was checked when the scoring began), nothing kept for an answer whose reply failed.
Only the reply text and its two buttons are thidua's, so both sides send the same message.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from aiogram import BaseMiddleware, Dispatcher, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy import BigInteger, DateTime, ForeignKey, Numeric, String
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

STEP = Decimal("0.5")  # the sheet's smallest increment


class Base(DeclarativeBase):
    pass


class Unit(Base):
    __tablename__ = "peer_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class Contact(Base):
    __tablename__ = "peer_contact"
    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("peer_unit.id"))
    full_name: Mapped[str] = mapped_column(String(200))


class Criterion(Base):
    __tablename__ = "peer_criterion"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    text: Mapped[str] = mapped_column(String(500))
    max_score: Mapped[Decimal] = mapped_column(Numeric(6, 2))


class ScoreLine(Base):
    __tablename__ = "peer_score_line"
    unit_id: Mapped[int] = mapped_column(ForeignKey("peer_unit.id"), primary_key=True)
    criterion_code: Mapped[str] = mapped_column(ForeignKey("peer_criterion.code"), primary_key=True)
    score: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    explanation: Mapped[str | None] = mapped_column(String(500), default=None)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[int] = mapped_column(BigInteger)


class Scoring(StatesGroup):
    score = State()
    explain = State()


class ScoreAction(CallbackData, prefix="sc"):
    action: str
    code: str


class DbSessionMiddleware(BaseMiddleware):
    def __init__(self, session_pool: async_sessionmaker[AsyncSession]) -> None:
        self.session_pool = session_pool

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.session_pool() as session:
            data["session"] = session
            return await handler(event, data)


def number(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def question(criterion: Criterion) -> tuple[str, InlineKeyboardMarkup]:
    keyboard = InlineKeyboardBuilder()
    keyboard.button(text=f"Tối đa: {number(criterion.max_score)} điểm",
                    callback_data=ScoreAction(action="max", code=criterion.code))
    keyboard.button(text="0 điểm", callback_data=ScoreAction(action="zero", code=criterion.code))
    keyboard.adjust(1)
    return (f"{criterion.code}. {criterion.text} (tối đa {number(criterion.max_score)} điểm)\n"
            "Mời nhập điểm tự chấm.", keyboard.as_markup())


router = Router()


@router.message(Command("chamdiem"))
async def start_scoring(message: Message, command: CommandObject, state: FSMContext, session: AsyncSession) -> None:
    contact = await session.get(Contact, message.chat.id)
    if contact is None:
        await message.answer("Bạn chưa đăng ký làm đầu mối của đơn vị nào.")
        return
    criterion = await session.get(Criterion, (command.args or "1.1").strip())
    if criterion is None:
        await message.answer("Không có tiêu chí này.")
        return
    await state.set_state(Scoring.score)
    await state.update_data(unit_id=contact.unit_id, code=criterion.code)
    text, keyboard = question(criterion)
    await message.answer(text, reply_markup=keyboard)


async def save(message: Message, state: FSMContext, session: AsyncSession, raw: str) -> None:
    data = await state.get_data()
    criterion = await session.get(Criterion, data["code"])
    if criterion is None:
        await state.clear()
        return
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        await message.answer("Điểm phải là một số, ví dụ 24,5.")
        return
    if not 0 <= value <= criterion.max_score or value % STEP:
        await message.answer(f"Điểm từ 0 đến {number(criterion.max_score)}, bước {number(STEP)}.")
        return
    line = await session.get(ScoreLine, (data["unit_id"], criterion.code))
    now, user = datetime.now(UTC), message.chat.id
    if line is None:
        session.add(ScoreLine(unit_id=data["unit_id"], criterion_code=criterion.code, score=value,
                              updated_at=now, updated_by=user))
    else:
        line.score, line.updated_at, line.updated_by = value, now, user
    await session.commit()
    await state.set_state(Scoring.explain)
    keyboard = InlineKeyboardBuilder()
    keyboard.button(text="Bỏ qua", callback_data=ScoreAction(action="skip", code=criterion.code))
    keyboard.button(text="Quay lại", callback_data=ScoreAction(action="back", code=criterion.code))
    keyboard.adjust(1)
    await message.answer(f"✅ Đã lưu {criterion.code}: {number(value)} điểm.\n\nGiải trình, minh chứng ngắn cho "
                         f"{criterion.code} (tối đa 500 ký tự), hoặc chọn Bỏ qua.", reply_markup=keyboard.as_markup())


@router.message(Scoring.score, F.text)
async def save_score(message: Message, state: FSMContext, session: AsyncSession) -> None:
    await save(message, state, session, message.text or "")


@router.message(Scoring.explain, F.text == "Quay lại")
async def back_to_score(message: Message, state: FSMContext, session: AsyncSession) -> None:
    criterion = await session.get(Criterion, (await state.get_data())["code"])
    if criterion is not None:
        await state.set_state(Scoring.score)
        text, keyboard = question(criterion)
        await message.answer(text, reply_markup=keyboard)


@router.message(Scoring.explain, F.text)
async def save_explanation(message: Message, state: FSMContext, session: AsyncSession) -> None:
    data = await state.get_data()
    line = await session.get(ScoreLine, (data["unit_id"], data["code"]))
    if line is not None:
        line.explanation = (message.text or "")[:500]
        await session.commit()
    await state.clear()
    await message.answer(f"✅ Đã lưu giải trình cho {data['code']}.")


@router.callback_query(ScoreAction.filter())
async def on_button(query: CallbackQuery, callback_data: ScoreAction, state: FSMContext,
                    session: AsyncSession) -> None:
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if callback_data.action in ("max", "zero"):
        criterion = await session.get(Criterion, callback_data.code)
        if criterion is not None:
            value = criterion.max_score if callback_data.action == "max" else Decimal(0)
            await save(query.message, state, session, str(value))
    elif callback_data.action == "skip":
        await state.clear()
        await query.message.answer("Đã bỏ qua giải trình.")
    elif callback_data.action == "back":
        await back_to_score(query.message, state, session)


def peer_dispatcher(storage: BaseStorage, sessions: async_sessionmaker[AsyncSession]) -> Dispatcher:
    dispatcher = Dispatcher(storage=storage)
    dispatcher.update.outer_middleware(DbSessionMiddleware(sessions))
    dispatcher.include_router(router)
    return dispatcher


async def seed_peer(sessions: async_sessionmaker[AsyncSession], users: list[int]) -> None:
    """One unit per chat, the chat's user its contact, and criterion 1.1 of the sample sheet."""
    async with sessions() as session:
        session.add(Criterion(code="1.1", max_score=Decimal(25),
                              text="Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm"))
        for user in users:
            session.add(Unit(id=user, name=f"Đơn vị {user}"))
        await session.flush()
        session.add_all(Contact(telegram_id=user, unit_id=user, full_name="Cán bộ Thi đua") for user in users)
        await session.commit()


def echo_dispatcher() -> Dispatcher:
    dispatcher, echo = Dispatcher(), Router()

    @echo.message()
    async def answer(message: Message) -> None:
        await message.answer(message.text or "")

    dispatcher.include_router(echo)
    return dispatcher
