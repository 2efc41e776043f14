"""Test data built once for a module or package, seen by each of its tests, rolled back afterwards."""

import sys

from django.db import transaction


def built_once(django_db_blocker, build):
    """The body of a module- or package-scoped fixture: ``yield from built_once(django_db_blocker, build)``.

    ``build()`` runs in a transaction held open for the fixture's scope and rolled back at
    its end, so nothing has to be deleted by hand. Each test's own transaction nests inside
    it (a savepoint): a test still rolls back only its own changes. Between the two ends the
    database stays blocked, as for any test that does not ask for it.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
