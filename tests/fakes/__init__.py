"""Fakes of the outside world (chat platform servers) that tests talk to over real HTTP."""
