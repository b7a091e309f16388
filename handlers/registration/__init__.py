"""Registration: invite codes, the registration conversation, the secretariat's directory of contacts."""
