"""Scoring: the criteria sheet, the unit's self-assessment, the cross-check, the ranking, the exports."""
