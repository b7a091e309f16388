"""Voting: the year-end polls, the secret ballot, the count, the runoff, the minutes, the meeting screen."""
