"""The core every feature builds on: messages, the context and the feature registry, the router, the commands
and the main menu, people and roles, the clock, services' actor, the texts loader, the office-file reader."""
