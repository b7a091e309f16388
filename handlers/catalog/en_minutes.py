"""English texts: the vote-count minutes (biên bản kiểm phiếu) and the handover."""

EN: dict[str, str] = {
}
