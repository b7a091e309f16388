"""Telegram updates → platform-neutral `Incoming`, and replies → Telegram keyboards.

Pure functions: no network, no bot instance, so they are tested without a server.
"""

from __future__ import annotations

from dataclasses import replace

from aiogram.enums import ContentType
from aiogram.types import (
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
    User,
)

from bot.rendering import decode_callback, encode_callback
from handlers.core.messages import FileRef, Incoming, Reply

CHANNEL = "telegram"

_GROUP_TYPES = frozenset({"group", "supergroup"})

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove

# What a person sends that the bot cannot read: it arrives as an `unsupported` message, answered with one
# short line while the conversation stays at its step. Service messages
# (members joining, a pinned message, a new title, …) and kinds this list does not know stay ignored.
_UNREADABLE_CONTENT = frozenset(
    {
        ContentType.ANIMATION,
        ContentType.AUDIO,
        ContentType.CHECKLIST,
        ContentType.DICE,
        ContentType.GAME,
        ContentType.LIVE_PHOTO,
        ContentType.LOCATION,
        ContentType.PAID_MEDIA,
        ContentType.PHOTO,
        ContentType.POLL,
        ContentType.STICKER,
        ContentType.STORY,
        ContentType.VENUE,
        ContentType.VIDEO,
        ContentType.VIDEO_NOTE,
        ContentType.VOICE,
    }
)


def update_kind(update: Update) -> str:
    """The kind of an update (`message`, `callback_query`, …) for logs that must not show content."""
    for name in type(update).model_fields:
        if name != "update_id" and getattr(update, name, None) is not None:
            return name
    extra = [key for key in (update.model_extra or {}) if key != "update_id"]
    return extra[0] if extra else "unknown"


def chat_key(update: Update) -> str:
    """The chat an update belongs to, for handling each chat's updates in order ("" when none)."""
    if update.message is not None:
        return str(update.message.chat.id)
    if update.callback_query is not None and update.callback_query.message is not None:
        return str(update.callback_query.message.chat.id)
    if update.my_chat_member is not None:
        return str(update.my_chat_member.chat.id)
    return ""


def to_incoming(update: Update) -> Incoming | None:
    """The `Incoming` an update stands for, or None when the bot has nothing to do with it.

    Only new messages from a person, button presses and a person blocking or unblocking the bot count:
    edited messages, channel posts and the like are ignored, and so are messages with no sender or sent
    by a bot.
    """
    if update.message is not None:
        return _from_message(str(update.update_id), update.message)
    if update.callback_query is not None:
        return _from_callback(str(update.update_id), update.callback_query)
    if update.my_chat_member is not None:
        return _from_member_change(str(update.update_id), update.my_chat_member)
    return None


_BLOCKED_STATUSES = {"kicked": True, "member": False}  # the bot's new status in the person's private chat


def _from_member_change(update_id: str, change: ChatMemberUpdated) -> Incoming | None:
    """The person blocked the bot ("kicked") or unblocked / restarted it ("member"), in their private chat.
    The bot joining or leaving a group is no concern of this: only private chats count."""
    blocked = _BLOCKED_STATUSES.get(change.new_chat_member.status)  # a str enum: looked up by its value
    if change.chat.type != "private" or blocked is None or change.from_user.is_bot:
        return None
    return Incoming(channel=CHANNEL, chat_id=str(change.chat.id), user_id=str(change.from_user.id),
                    update_id=update_id, display_name=display_name(change.from_user), blocked=blocked)


def _from_message(update_id: str, message: Message) -> Incoming | None:
    sender = message.from_user
    if message.migrate_to_chat_id is not None:  # the group became a supergroup: its link follows it
        return Incoming(channel=CHANNEL, chat_id=str(message.chat.id), user_id=str(sender.id) if sender else "",
                        update_id=update_id, group=True, migrate_to=str(message.migrate_to_chat_id))
    if sender is None or sender.is_bot:
        return None
    base = Incoming(
        channel=CHANNEL,
        chat_id=str(message.chat.id),
        user_id=str(sender.id),
        update_id=update_id,
        display_name=display_name(sender),
        group=message.chat.type in _GROUP_TYPES,
    )
    if message.text is not None:
        return replace(base, text=_strip_bot_mention(message.text))
    if message.contact is not None:
        # A forwarded card of somebody else must not register that person's number: the handler
        # sees an empty message and asks again.
        if message.contact.user_id == sender.id:
            return replace(base, contact_phone=message.contact.phone_number)
        return base
    if message.document is not None:
        doc = message.document
        ref = FileRef(file_id=doc.file_id, filename=doc.file_name, mime=doc.mime_type, size=doc.file_size)
        return replace(base, file=ref)
    if message.content_type in _UNREADABLE_CONTENT:
        return replace(base, unsupported=True)  # a photo, sticker, voice note, location, …
    return None


def _from_callback(update_id: str, query: CallbackQuery) -> Incoming | None:
    if query.message is None or query.data is None:
        return None  # inline-mode or game callbacks: not ours
    version, option = decode_callback(query.data)
    return Incoming(
        channel=CHANNEL,
        chat_id=str(query.message.chat.id),
        user_id=str(query.from_user.id),
        update_id=update_id,
        option=option,
        version=version,
        display_name=display_name(query.from_user),
        group=query.message.chat.type in _GROUP_TYPES,
    )


def display_name(user: User) -> str | None:
    name = " ".join(part for part in (user.first_name, user.last_name) if part)
    return name or None


def _strip_bot_mention(text: str) -> str:
    """`/start@thidua_bot CODE` (how groups send commands) → `/start CODE`."""
    if not text.startswith("/"):
        return text
    command, sep, rest = text.partition(" ")
    return f"{command.split('@', 1)[0]}{sep}{rest}"


def reply_markup(reply: Reply, version: int, contact_button_label: str) -> Markup:
    """The keyboard a reply's last message carries.

    Choices are inline buttons (one per row). A share-phone request is a one-time reply keyboard;
    when it comes with choices, the choices join it as plain buttons whose label the core maps back
    to the option, since one message cannot carry both kinds of keyboard. Anything else removes a
    reply keyboard left over from an earlier question.
    """
    if reply.ask_contact:
        rows = [[KeyboardButton(text=contact_button_label, request_contact=True)]]
        rows += [[KeyboardButton(text=choice.label)] for choice in reply.choices]
        return ReplyKeyboardMarkup(keyboard=rows, one_time_keyboard=True, resize_keyboard=True)
    if reply.choices:
        buttons = [
            [InlineKeyboardButton(text=choice.label, callback_data=encode_callback(version, choice.id))]
            for choice in reply.choices
        ]
        return InlineKeyboardMarkup(inline_keyboard=buttons)
    return ReplyKeyboardRemove(remove_keyboard=True)
