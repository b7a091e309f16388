"""The term: the block file that sets a year up, and the handover to the next year's term."""
