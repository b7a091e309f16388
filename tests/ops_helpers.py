"""What the operations tests share: a free port, and `thidua` as a real process in its own folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

THIDUA = [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_env(cwd: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment less any THIDUA_ setting of the caller's, with the data folder in `cwd`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    env |= {"THIDUA_DATA_DIR": str(cwd / "data"), "PYTHONPATH": str(ROOT), "THIDUA_LOG_LEVEL": "WARNING",
            "THIDUA_WEB_PORT": str(free_port())}
    return env | (extra or {})


def thidua(args: list[str], cwd: Path, stdin: str = "", extra_env: dict[str, str] | None = None,
           timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THIDUA, *args], cwd=cwd, env=process_env(cwd, extra_env), input=stdin,
                          capture_output=True, text=True, timeout=timeout, check=False)

