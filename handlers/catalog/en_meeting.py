"""English texts: the meeting screen for the projector and the web sandbox."""

EN: dict[str, str] = {
}
