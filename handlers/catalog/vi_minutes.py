"""Vietnamese texts: the vote-count minutes (biên bản kiểm phiếu) and the handover."""

VI: dict[str, str] = {
}
