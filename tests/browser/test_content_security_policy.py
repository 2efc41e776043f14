"""The Content-Security-Policy in a real browser: the main pages and /api/docs break none of its rules."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

# Only reads: shares the prepared database (tests/browser/conftest.py).
pytestmark = pytest.mark.browser

MAIN_PAGES = {
    "home": "/id/",
    "directory": "/id/direktori/",
    "office": "/id/direktori/dispendukcapil/",
    "service": "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/",
    "search": "/id/search/?q=ktp+hilang",
    "survey form": "/id/feedback/survey/ktp-el-hilang-rusak/",
    "complaint form": "/id/feedback/complaint/dispendukcapil/",
    "english office": "/en/directory/dispendukcapil/",
    "api docs": "/api/docs",
}
# Injected through the browser's own channel, before the page's scripts, so the policy cannot stop it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
    const where = `${event.sourceFile}:${event.lineNumber}`;
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def watched(desktop, site):
    """The desktop page, recording policy violations, console errors and requests to other origins."""
    origin = urlsplit(site).netloc
    seen = {"console": [], "elsewhere": []}
    desktop.add_init_script(RECORD_VIOLATIONS)
    desktop.on("console", lambda message: message.type == "error" and seen["console"].append(message.text))
    desktop.on(
        "request",
        lambda request: (
            urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != origin
            and seen["elsewhere"].append(request.url)
        ),
    )
    return desktop, seen


def violations_on(page):
    return page.evaluate("window.__cspViolations")


def test_the_main_pages_break_no_rule_of_the_policy(watched):
    page, seen = watched
    found = {}
    for name, path in MAIN_PAGES.items():
        response = page.goto(path)
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        page.wait_for_load_state("networkidle")
        problems = violations_on(page) + [text for text in seen["console"] if "Content Security Policy" in text]
        if problems:
            found[name] = problems
        seen["console"].clear()
    assert found == {}


def test_the_api_docs_list_the_operations_with_nothing_from_other_hosts(watched):
    page, seen = watched
    page.goto("/api/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock-summary-path").count() > 10
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Banyuwangi Melayani API")
    page.wait_for_load_state("networkidle")
    assert violations_on(page) == []
    assert seen["elsewhere"] == []
