"""A SQLite file (the embedded default), migrated, with the sample slice, in the real servers' settings,
that the SQLite half of the database-lock tests and the browser tests copy instead of building their own.

Building it takes about 30 s here. ``bin/test`` builds it while the SQLite half runs, after the
PostgreSQL template (``postgres_template``), and names it in ``TEST_SQLITE_TEMPLATE``; without it the
tests build their own.

    python -m tests.support.sqlite_template var/test-site.sqlite3
"""

import sqlite3
import sys
from pathlib import Path

from tests.support import servers
from tests.support.postgres_template import IMPORT_SAMPLE

WAL_FILES = ("-wal", "-shm")


def build(path: Path) -> Path:
    """(Re)build the file at ``path`` and fold its write-ahead log into it, so that a copy of the one file is whole."""
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", *WAL_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    servers.manage(url, "migrate", "--noinput", "-v0")
    servers.manage(url, "shell", "-v0", "-c", IMPORT_SAMPLE)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
