"""The shape of the house: apps layered as pyproject.toml's import contracts say, no oversized module."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from django.template import engines

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


def test_every_app_has_its_place_in_the_layers():
    """An app left out of the layers contract would escape its check for import cycles."""
    config = import_linter_config()
    (layers,) = [contract["layers"] for contract in config["contracts"] if contract["id"] == "layers"]
    layered = [app.strip() for layer in layers for app in layer.split("|")]
    assert sorted(layered) == sorted(config["root_packages"])
    assert len(layered) == len(set(layered))


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


# The project-wide templates/ folder holds each app's templates in a folder named after it, and
# these pieces, which belong to no single app:
SHARED_TEMPLATES = {
    # Pieces every app includes (cards, forms, notices): core's, so they load only core's libraries.
    "components": "core",
    # The page frame (header, footer, breadcrumbs) and the top-level pages (base.html, 404, 500):
    # the shell's, which sits on top and may load any app's libraries.
    "navigation": "melayani",
    None: "melayani",
}


def template_owner(relative):
    """The app a template under the project-wide templates/ folder belongs to."""
    folder = relative.parts[0] if len(relative.parts) > 1 else None
    return SHARED_TEMPLATES.get(folder, folder)


def template_loads():
    """(template path, owning app, library name) for every ``{% load %}`` in our templates."""
    pattern = re.compile(r"{%\s*load\s+([^%]*?)\s*%}")
    folders = [(ROOT / "templates", None)] + [(ROOT / app / "templates", app) for app in project_apps()]
    for folder, owner in folders:
        for path in folder.rglob("*.html"):
            app = owner or template_owner(path.relative_to(folder))
            for libraries in pattern.findall(path.read_text(encoding="utf-8")):
                for name in libraries.split():
                    yield str(path.relative_to(ROOT)), app, name


def test_every_template_belongs_to_an_app():
    owners = {app for _path, app, _name in template_loads()}
    owners |= {template_owner(path.relative_to(ROOT / "templates")) for path in (ROOT / "templates").rglob("*.html")}
    assert owners <= set(project_apps())


def test_an_apps_templates_load_only_cores_or_their_own_tag_libraries():
    libraries = engines["django"].engine.libraries  # {name: module path}
    ours = set(project_apps())
    strays = []
    for path, app, name in template_loads():
        library_app = libraries[name].split(".")[0] if name in libraries else None
        if app in ours - {"melayani"} and library_app in ours - {"core", app}:
            strays.append(f"{path} loads {name} ({library_app})")
    assert strays == []
