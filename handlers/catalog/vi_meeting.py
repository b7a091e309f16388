"""Vietnamese texts: the meeting screen for the projector and the web sandbox."""

VI: dict[str, str] = {
}
