"""The installed version, for `thidua --version`, /healthz, /readyz and backups' manifests."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    try:
        return version("thidua")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
