"""Vietnamese texts: the polls as the secretariat prepares, opens and closes them, and the count."""

VI: dict[str, str] = {
}
