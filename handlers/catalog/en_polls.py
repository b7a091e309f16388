"""English texts: the polls as the secretariat prepares, opens and closes them, and the count."""

EN: dict[str, str] = {
}
