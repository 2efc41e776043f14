"""The demo each app offers: a ``demo`` module with ``load(progress, options)`` returning ``DemoLoaded``.

The project's ``load_demo`` finds them through the app registry, in ``INSTALLED_APPS``
order (an app whose demo refers to another app's content comes after it), so no app
imports another one's demo.
"""

import importlib
import importlib.util
from dataclasses import dataclass

from django.apps import apps


@dataclass
class DemoLoaded:
    """What one app's demo did: a line for the command's output, and whether anything changed."""

    summary: str
    changed: bool


def app_demos():
    """[(app config, demo module), …] of the installed apps that have a ``demo`` module with ``load``."""
    demos = []
    for app_config in apps.get_app_configs():
        if importlib.util.find_spec(f"{app_config.name}.demo") is None:
            continue
        module = importlib.import_module(f"{app_config.name}.demo")
        if callable(getattr(module, "load", None)):
            demos.append((app_config, module))
    return demos
