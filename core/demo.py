"""The demo each app offers: a ``demo`` module with ``load(progress, options)`` returning ``DemoLoaded``.

The project's ``load_demo`` finds them through the app registry, among the project's own
apps (those whose folder lies under ``settings.BASE_DIR``: a third-party app that happens
to have a ``demo`` module is not run), in ``INSTALLED_APPS`` order (an app whose demo
refers to another app's content comes after it), so no app imports another one's demo.
"""

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings


@dataclass
class DemoLoaded:
    """What one app's demo did: a line for the command's output, and whether anything changed."""

    summary: str
    changed: bool


def project_apps():
    """The installed apps that are this project's own: their folder is under ``settings.BASE_DIR``.

    The virtual environment may live under ``BASE_DIR`` too (``.venv``): what is installed there is not ours.
    """
    base = Path(settings.BASE_DIR).resolve()
    ours = []
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path).resolve()
        if folder.is_relative_to(base) and not {"site-packages", "dist-packages"} & set(folder.relative_to(base).parts):
            ours.append(app_config)
    return ours


def app_demos():
    """[(app config, demo module), …] of the project's apps that have a ``demo`` module with ``load``."""
    demos = []
    for app_config in project_apps():
        if importlib.util.find_spec(f"{app_config.name}.demo") is None:
            continue
        module = importlib.import_module(f"{app_config.name}.demo")
        if callable(getattr(module, "load", None)):
            demos.append((app_config, module))
    return demos
