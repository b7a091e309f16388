# Two commands for a newcomer: `make run` (the bot, or the sandbox with the sample block) and `make test`.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test lint chat invites clean

# Python may write its bytecode caches: with PYTHONDONTWRITEBYTECODE set (some shells set it), every test worker
# and every `thidua run` a test starts would compile the project and re-rewrite each test module from source.
unexport PYTHONDONTWRITEBYTECODE

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/thidua run

chat: $(STAMP)
	$(VENV)/bin/thidua chat

invites: $(STAMP)
	$(VENV)/bin/thidua invites

lint: $(STAMP)
	$(VENV)/bin/ruff check bot handlers storage scheduler tests bench
	$(VENV)/bin/mypy

test: $(STAMP) lint
	$(VENV)/bin/python -m pytest -q -n 3 --dist worksteal  # three workers on two cores (a third of the time goes to waiting on processes, sockets and the database), each test independent (own database, own ports); an idle worker takes half of a busy one's queue

# Caches and the venv only: data/ holds the database and secret.key, which every invite code comes from.
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build *.egg-info
	find bot handlers storage scheduler tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
