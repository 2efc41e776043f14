"""The shape of the house: apps layered as pyproject.toml's import contracts say, no oversized module."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.template import engines
from django.urls import URLResolver, get_resolver

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


def layers():
    """The layers contract's layers, highest first, each a list of apps."""
    config = import_linter_config()
    (contract,) = [contract for contract in config["contracts"] if contract["id"] == "layers"]
    return [[app.strip() for app in layer.split("|")] for layer in contract["layers"]]


def test_every_app_has_its_place_in_the_layers():
    """An app left out of the layers contract would escape its check for import cycles."""
    layered = [app for layer in layers() for app in layer]
    assert sorted(layered) == sorted(import_linter_config()["root_packages"])
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


# Apps grouped by concern: each module sits at the app's top level (at most MAX_TOP_LEVEL_MODULES,
# __init__.py counted) or in one of its packages here or Django's own.
PACKAGES_BY_CONCERN = {"directory": {"models", "transfer", "translation", "editorial"}}
DJANGO_PACKAGES = {"migrations", "management", "templatetags"}
MAX_TOP_LEVEL_MODULES = 12


@pytest.mark.parametrize("app", sorted(PACKAGES_BY_CONCERN))
def test_an_app_grouped_by_concern_has_no_module_outside_its_packages(app):
    allowed = PACKAGES_BY_CONCERN[app] | DJANGO_PACKAGES
    modules = [path.relative_to(ROOT / app) for path in (ROOT / app).rglob("*.py")]
    assert [str(module) for module in modules if len(module.parts) > 1 and module.parts[0] not in allowed] == []


@pytest.mark.parametrize("app", sorted(PACKAGES_BY_CONCERN))
def test_an_app_grouped_by_concern_keeps_few_modules_at_its_top_level(app):
    top_level = sorted(path.name for path in (ROOT / app).glob("*.py"))
    assert len(top_level) <= MAX_TOP_LEVEL_MODULES, top_level


def test_no_module_outside_migrations_is_over_400_lines():
    oversized = {}
    for path in python_modules():
        with path.open(encoding="utf-8") as module:
            lines = sum(1 for _line in module)
        if lines > MAX_LINES:
            oversized[str(path.relative_to(ROOT))] = lines
    assert oversized == {}


# The project-wide templates/ folder holds each app's pages in a folder named after it, and the
# shell's own: the page frame (header, footer, breadcrumbs) and the top-level pages (base.html, 404,
# 500). The shell sits on top and may load any app's libraries. Components (cards, forms, notices)
# live in their app, as ``<app>/templates/components/<app>/``.
SHARED_TEMPLATES = {"navigation": "melayani", None: "melayani"}


def template_owner(relative):
    """The app a template under the project-wide templates/ folder belongs to."""
    parts = relative.parts
    if parts[0] == "components" and len(parts) > 2 and parts[1] in project_apps():
        return parts[1]  # templates/components/<app>/…
    folder = parts[0] if len(parts) > 1 else None
    return SHARED_TEMPLATES.get(folder, folder)


def our_templates():
    """(path, owning app) for every template of ours."""
    folders = [(ROOT / "templates", None)] + [(ROOT / app / "templates", app) for app in project_apps()]
    for folder, owner in folders:
        for path in sorted(folder.rglob("*.html")):
            yield path, owner or template_owner(path.relative_to(folder))


def template_loads():
    """(template path, owning app, library name) for every ``{% load %}`` in our templates."""
    pattern = re.compile(r"{%\s*load\s+([^%]*?)\s*%}")
    for path, app in our_templates():
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


def layer_ranks():
    """{app: height}: the shell highest, core lowest, apps side by side in one layer equal."""
    return {app: -depth for depth, layer in enumerate(layers()) for app in layer}


def url_name_apps():
    """{URL name: app of ours whose module defines its view} over every public and admin URL."""
    ours = set(project_apps())
    apps = {}

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif pattern.name:
                view = getattr(pattern.callback, "view_class", pattern.callback)
                app = view.__module__.split(".")[0]
                if app in ours:
                    apps.setdefault(pattern.name, app)

    walk(get_resolver().url_patterns)
    return apps


def test_a_template_links_only_to_views_of_its_own_layer_or_below():
    """A lower app's page shows an upper app's link through a ``page_section_*`` hook, never by its URL name."""
    pattern = re.compile(r"""{%\s*url\s+['"]([^'"]+)['"]""")
    ranks, views = layer_ranks(), url_name_apps()
    assert {"feedback", "directory", "search"} <= set(views.values())  # the check sees our views
    strays = []
    for path, owner in our_templates():
        for name in pattern.findall(path.read_text(encoding="utf-8")):
            if views.get(name) in ranks and ranks[views[name]] > ranks[owner]:
                strays.append(f"{path.relative_to(ROOT)} ({owner}) links to {name} ({views[name]})")
    assert strays == []


def test_an_apps_components_sit_in_a_folder_named_after_it():
    """``components/<app>/…`` says whose a component is, wherever it is included from."""
    strays = []
    for app in project_apps():
        folder = ROOT / app / "templates" / "components"
        strays += [
            str(path.relative_to(ROOT)) for path in folder.rglob("*") if path.relative_to(folder).parts[0] != app
        ]
    assert strays == []


COMPONENT_NAME = re.compile(r"""['"]components/(\w+)/[\w/]+\.html['"]""")


def component_uses():
    """(path, owning app, app of the component) for every component a template includes or a module renders."""
    modules = [(path, path.relative_to(ROOT).parts[0]) for path in python_modules()]
    for path, owner in [*our_templates(), *modules]:
        for app in COMPONENT_NAME.findall(path.read_text(encoding="utf-8")):
            yield str(path.relative_to(ROOT)), owner, app


def test_a_template_includes_only_components_of_its_own_layer_or_below():
    """A lower app shows what an upper one adds through a ``page_section_*`` hook, never by its component."""
    ranks = layer_ranks()
    uses = list(component_uses())
    assert {"core", "directory", "search", "feedback"} <= {app for _path, _owner, app in uses}  # the check sees them
    strays = [
        f"{path} ({owner}) uses a component of {app}"
        for path, owner, app in uses
        if app in ranks and owner in ranks and ranks[app] > ranks[owner]
    ]
    assert strays == []
