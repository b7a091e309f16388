"""The roles a contact can hold in a block: a member unit's contact, the secretariat, the observer."""

from __future__ import annotations

from typing import Final

ROLE_UNIT = "unit"
ROLE_SECRETARIAT = "secretariat"
ROLE_OBSERVER = "observer"
ROLES = (ROLE_UNIT, ROLE_SECRETARIAT, ROLE_OBSERVER)
ROLE_KEYS: Final = {  # how each role reads
    "observer": "role.observer", "secretariat": "role.secretariat", "unit": "role.unit",
}
