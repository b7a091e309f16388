"""Deadlines: the calendar and its reminders, submissions, the status of who has submitted, the exports."""
