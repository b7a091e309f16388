"""English texts: deadline_admin."""

EN: dict[str, str] = {}
