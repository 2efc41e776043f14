"""Real-browser tests: Playwright driving Debian's Chromium against Django's live server.

They run in their own pytest process, ``python -m pytest -m browser tests/browser``
(``bin/test`` does). The live server answers from another thread, so what it serves
is committed: the imported slice of the directory (``tests/conftest.py``) and the
announcements index, prepared once for the session.

Most browser tests only read: they share that prepared database as it is, with
nothing restored or flushed around them. A test that changes the database is marked
``WRITES`` (a transactional test with ``serialized_rollback``): Django restores the
prepared database before it and flushes the database after it, so the writers run
after every reader (``pytest_collection_modifyitems``).
"""

import contextlib
import json
import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import import_sample

# Playwright's sync API runs an event loop in the test's thread; the ORM calls made
# there (fixtures, assertions) are ordinary blocking calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("MELAYANI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE_VIEWPORT = {"width": 360, "height": 740}
AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# A browser test that changes the database: restored before, flushed after (see above).
WRITES = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def writes(item):
    return item.get_closest_marker("browser") is not None and item.get_closest_marker("django_db") is not None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests that write run after those that read: each writer leaves the database flushed."""
    items.sort(key=writes)


@pytest.fixture
def transactional_db(request, django_db_setup, django_db_blocker):
    """What the live server asks for (pytest-django's ``_live_server_helper``).

    A ``WRITES`` test gets pytest-django's transactional test through its marker; any other
    test reads the prepared database as it is: no snapshot restored, nothing flushed.
    """
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")
        yield
        return
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: ``playwright install`` cannot download a browser here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: apt-get install chromium (or set MELAYANI_CHROMIUM).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The imported slice, plus the announcements index, is what every browser test starts from
    (the snapshot that writers' tests restore)."""
    from django.db import connections

    with django_db_blocker.unblock():
        import_sample()
        _ensure_announcement_index()
        for connection in connections.all(initialized_only=True):
            connection._test_serialized_contents = _snapshot(connection)


# Editors' bookkeeping that no public page reads and that nothing kept refers to:
# left out of the snapshot, it is not restored before every test (two thirds of the rows).
SNAPSHOT_LEAVES_OUT = {
    "wagtail_localize.overridablesegment",
    "wagtail_localize.string",
    "wagtail_localize.stringsegment",
    "wagtail_localize.stringtranslation",
    "wagtail_localize.translationcontext",
    "wagtail_localize.translationlog",
    "wagtailcore.pagelogentry",
    "wagtailcore.referenceindex",
}


def _snapshot(connection):
    objects = json.loads(connection.creation.serialize_db_to_string())
    return json.dumps([obj for obj in objects if obj["model"] not in SNAPSHOT_LEAVES_OUT])


def _ensure_announcement_index():
    try:
        from announcements.structure import ensure_announcement_index
    except ImportError:
        return
    from melayani.models import HomePage

    home = HomePage.objects.filter(locale__language_code="id").first()
    if home is not None:
        ensure_announcement_index(home)


@pytest.fixture
def site(live_server):
    """The live server's address, e.g. ``http://localhost:43211``."""
    return live_server.url


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def javascript(request):
    return request.param


@contextlib.contextmanager
def _page(browser, site, **options):
    """A page in a fresh browser context, settled before the test's data is flushed."""
    context = browser.new_context(base_url=site, **options)
    page = context.new_page()
    try:
        yield page
    finally:
        # The admin keeps pinging in the background, and a live-server request still being
        # closed holds SQLite's shared in-memory database: the flush after the test then
        # fails with "database table is locked". Let the page go quiet first.
        with contextlib.suppress(PlaywrightError):
            page.wait_for_load_state("networkidle", timeout=5_000)
            page.goto("about:blank")
        time.sleep(0.2)  # the server's request_finished handlers run after the last byte is sent
        context.close()


@pytest.fixture
def phone(browser, site, javascript):
    """A page in a 360×740 phone browser, with or without JavaScript (the ``javascript`` fixture)."""
    with _page(
        browser, site, viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, java_script_enabled=javascript
    ) as page:
        yield page


@pytest.fixture
def phone_with_js(browser, site):
    with _page(browser, site, viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True) as page:
        yield page


@pytest.fixture
def desktop(browser, site):
    """A page in a 1280×900 desktop browser (the admin)."""
    with _page(browser, site, viewport={"width": 1280, "height": 900}) as page:
        yield page


def run_axe(page):
    """axe-core's violations on the page as loaded (WCAG 2.0/2.1 A and AA rules and best practices)."""
    # Evaluated rather than added as a <script> element, which the site's Content-Security-Policy refuses.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary),
            }));
        }"""
    )
