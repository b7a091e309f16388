"""What the README promises: in the terminal sandbox, all 11 units of the sample block register and
the secretariat sees the list fill up. Runs `thidua run` as a newcomer would, with typed input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CODE = re.compile(r"^\s{6}([0-9A-Z]{5}-[0-9A-Z]{5})\s", re.MULTILINE)


def thidua(args: list[str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    env |= {"THIDUA_DATA_DIR": str(cwd / "data"), "PYTHONPATH": str(ROOT), "THIDUA_LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", *args],
                          cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=120, check=False)


def test_newcomer_registers_all_units_in_the_terminal(tmp_path: Path) -> None:
    first = thidua(["run"], tmp_path, stdin="/thoat\n")
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr + first.stdout  # quitting at once lets the first reminder tick finish
    assert "Đã nạp khối mẫu" in first.stdout
    codes = CODE.findall(first.stdout)
    assert len(codes) == 13  # secretariat, observer, 11 units

    script = ["/as thuongtruc", f"/start {codes[0]}", "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"]
    for i, code in enumerate(codes[2:]):
        script += [f"/as donvi{i}", code, "1", f"Cán Bộ {chr(65 + i)}", "Chuyên viên", f"09120000{i:02d}", "1"]
    script += ["/as thuongtruc", "/menu", "1", "/thoat"]
    second = thidua(["run"], tmp_path, stdin="\n".join(script) + "\n")
    assert second.returncode == 0, second.stderr
    out = second.stdout
    assert "Đã nạp khối mẫu" not in out  # the data persisted; nothing loaded twice
    assert out.count("✅ Đã đăng ký bạn là đầu mối thi đua") == 11
    assert "(11/11 đơn vị đã có đầu mối)" in out
    assert "(chưa có đầu mối)" not in out
