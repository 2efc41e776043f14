"""Lighthouse scores of the public pages, served as in production (gunicorn, WhiteNoise, page cache).

    .venv/bin/python benchmarks/lighthouse.py

Serves the demo site the way ``benchmarks/pages_wrk.py`` does, then runs
Lighthouse 12 (npm, through ``npx``; no network needed once the npm package is
cached) in Debian's Chromium, mobile form factor with Lighthouse's default
simulated throttling, against the home page, an office, a service and a
search, and prints the four category scores per page.

Targets: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO 100.
The search results page is ``noindex`` on purpose (and disallowed in
robots.txt), which Lighthouse's SEO category counts against it: its SEO score
is reported but not held to the target.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pages_wrk import HOST, PAGES, PORT, serve  # noqa: E402
from benchmarks.search_site import DATABASES, prepare_database  # noqa: E402

LIGHTHOUSE = "lighthouse@12"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
NOINDEX_PAGES = {"search"}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def lighthouse(url, attempts=3):
    """{category: score 0–100} and the audits below 100; retried, as Lighthouse's tracing fails now and then."""
    for attempt in range(1, attempts + 1):
        try:
            return lighthouse_once(url)
        except RuntimeError as error:
            if attempt == attempts:
                raise
            print(f"retrying ({error})".splitlines()[0] + " …", file=sys.stderr)


def lighthouse_once(url):
    environment = {**os.environ, "CHROME_PATH": CHROME_PATH}
    completed = subprocess.run(
        [
            "npx",
            "--yes",
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=180,
    )
    if completed.returncode:
        raise RuntimeError(f"lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    report = json.loads(completed.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failed = sorted(
        {
            audit_ref["id"]
            for name in CATEGORIES
            for audit_ref in report["categories"][name]["auditRefs"]
            if audit_ref["weight"] and (report["audits"][audit_ref["id"]]["score"] or 0) < 1
        }
    )
    return scores, failed


def main():
    if shutil.which("npx") is None:
        sys.exit("npx is missing: install Node.js and npm")
    prepare_database(DATABASES["sqlite"])
    rows, failures = [], []
    with serve(page_cache=True):
        for label, path in PAGES.items():
            scores, failed = lighthouse(f"http://{HOST}:{PORT}{path}")
            rows.append((label, scores, failed))
            for category, target in TARGETS.items():
                if category == "seo" and label in NOINDEX_PAGES:
                    continue
                if scores[category] < target:
                    failures.append(f"{label} {category} {scores[category]} < {target}")

    print(f"\nLighthouse 12, mobile, simulated throttling, Chromium at {CHROME_PATH}")
    print(f"  {'page':10s} " + " ".join(f"{name:>14s}" for name in CATEGORIES) + "  audits below 100")
    for label, scores, failed in rows:
        print(f"  {label:10s} " + " ".join(f"{scores[name]:14d}" for name in CATEGORIES) + "  " + ", ".join(failed))
    if failures:
        print("\nFAILED: " + "; ".join(failures))
        sys.exit(1)
    print("\nOK: every page meets the targets (SEO of the noindex search page apart).")


if __name__ == "__main__":
    main()
