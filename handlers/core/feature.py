"""The core's own share of the conversation: the commands that work at any step."""

from __future__ import annotations

from handlers.core.commands import COMMANDS
from handlers.core.context import Feature

FEATURE = Feature("core", commands=COMMANDS)
