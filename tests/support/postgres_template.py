"""A migrated PostgreSQL database, with the site's structure and the sample slice, that the test
databases are copied from.

Migrating a new database takes about 18 s here and importing the sample about 15 s, and each run on
PostgreSQL makes one database per pytest-xdist worker and one for the real-server tests. ``bin/test``
builds this template once, while the SQLite half runs, and hands its name to the test settings
(``TEST_DATABASE_TEMPLATE``): each test database is then a copy, its migrations find nothing to do
and the session does not import the sample again (``tests/conftest.py``).

    python -m tests.support.postgres_template postgres://postgres@127.0.0.1:5432/melayani
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import psycopg

ROOT = Path(__file__).resolve().parents[2]
IMPORT_SAMPLE = "from tests.conftest import import_sample; import_sample()"


def template_name(database_url: str) -> str:
    return f"{urlparse(database_url).path.lstrip('/') or 'melayani'}_test_template"


def build(database_url: str) -> str:
    """Drop and recreate the template of ``database_url``'s server, migrated, with the sample; returns its name."""
    name = template_name(database_url)
    server = urlunparse(urlparse(database_url)._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    environment = {
        **os.environ,
        "DATABASE_URL": urlunparse(urlparse(database_url)._replace(path=f"/{name}")),
        "DJANGO_SETTINGS_MODULE": "melayani.settings.test",
    }
    environment.pop("TEST_DATABASE_TEMPLATE", None)
    for command in (["migrate", "--noinput", "-v0"], ["shell", "-v0", "-c", IMPORT_SAMPLE]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=environment, check=True)
    return name


if __name__ == "__main__":
    print(build(sys.argv[1]))
