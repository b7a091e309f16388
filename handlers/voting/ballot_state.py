"""The ballot conversation's name, the data key of the choice being made, and who votes: the services that
open and close a poll read them without importing the conversation."""

from __future__ import annotations

from handlers.core.roles import ROLE_SECRETARIAT, ROLE_UNIT

FLOW = "vote"
SELECTION = "sel"
VOTER_ROLES = (ROLE_UNIT, ROLE_SECRETARIAT)  # observers never vote
GLOBAL_VOTE = "g.vote."  # the ballot notice's button: valid whatever the chat's dialog version
