"""The shape of the house: apps layered as pyproject.toml's import contracts say, no oversized module."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400
NOT_OURS = {".venv", ".git", "node_modules", "static", "media"}


def project_apps():
    """Top-level packages that are Django apps of ours (a folder with ``apps.py``)."""
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def import_linter_config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]


def test_every_app_is_under_the_import_contracts():
    assert sorted(import_linter_config()["root_packages"]) == project_apps()


def test_the_import_contracts_hold():
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run(
        [command, "--no-cache", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def python_modules():
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & NOT_OURS or "migrations" in parts:
            continue
        yield path


def test_no_module_outside_migrations_is_over_400_lines():
    oversized = {}
    for path in python_modules():
        with path.open(encoding="utf-8") as module:
            lines = sum(1 for _line in module)
        if lines > MAX_LINES:
            oversized[str(path.relative_to(ROOT))] = lines
    assert oversized == {}
