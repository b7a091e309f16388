"""English texts: the ballot as a unit's contact casts it, the receipt and its check."""

EN: dict[str, str] = {
}
