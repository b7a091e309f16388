"""The one list of features, in their dependency order; bot/app.py hands it to the router through
`HandlerConfig.features`. A feature imports core and the features before it here, never one after it."""

from __future__ import annotations

from handlers.core import feature as core
from handlers.core.context import Features
from handlers.deadlines import feature as deadlines
from handlers.registration import feature as registration
from handlers.scoring import feature as scoring
from handlers.term import feature as term
from handlers.voting import feature as voting

ORDER = ("core", "registration", "deadlines", "scoring", "voting", "term")
FEATURES = Features((core.FEATURE, registration.FEATURE, deadlines.FEATURE, scoring.FEATURE, voting.FEATURE,
                     term.FEATURE))
