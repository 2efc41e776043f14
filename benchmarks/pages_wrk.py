"""Public pages under load: gunicorn in production settings, wrk on loopback, a static file as the ceiling.

    .venv/bin/python benchmarks/pages_wrk.py [--duration 10] [--no-uncached] [--no-redis]

1. Builds (once, then reuses) the demo database ``/tmp/melayani-bench.sqlite3``
   (``load_demo``, as ``benchmarks/search_site.py`` does) and collects the
   static files (WhiteNoise, compressed and fingerprinted) into a temporary folder.
2. Serves the site with gunicorn (2 workers, production settings) on 127.0.0.1,
   with the page cache in a temporary folder, and asks each page once.
3. Runs ``wrk -t2 -c16 -d10s --latency`` (gzip accepted, as browsers do) against
   the home page, an office, a service, a search and the site's stylesheet,
   and prints requests/s, p50, p99, errors and the ratio to the static file.
   With the page cache off (``PAGE_CACHE_TIMEOUT=0``) it measures the pages again.
4. Serves the site again with the page cache on a throwaway Redis (``REDIS_URL``,
   as several hosts would share it) and measures the static file and the cached
   pages again, printed beside the local (folder) cache's figures.

Server and wrk share the machine's cores: compare figures of the same run only.
Needs ``wrk`` (``apt-get install wrk``) and, for step 4, ``redis-server``.
"""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.search_site import DATABASES, prepare_database  # noqa: E402
from tests.support import servers  # noqa: E402

HOST, PORT = "127.0.0.1", 8766
PAGES = {
    "home": "/id/",
    "office": "/id/direktori/dispendukcapil/",
    "service": "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/",
    "search": "/id/search/?q=ktp+hilang",
}
CACHED = ("home", "office", "service")
REQUIRED_RATIO = 0.5


def get(path, headers=None):
    connection = HTTPConnection(HOST, PORT, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


@contextlib.contextmanager
def serve(page_cache=True, database_url=DATABASES["sqlite"], redis_url=""):
    """The demo site under gunicorn in production settings; yields the fingerprinted stylesheet's path.

    The page cache is a temporary folder, or Redis at ``redis_url``.
    """
    workdir = Path(tempfile.mkdtemp(prefix="melayani-pages-bench-"))
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "melayani.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "PAGE_CACHE_DIR": str(workdir / "pages"),
        "PAGE_CACHE_TIMEOUT": "600" if page_cache else "0",
        "REDIS_URL": redis_url,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True
    )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    arguments = ["melayani.wsgi:application", "--workers", "2", "--bind", f"{HOST}:{PORT}", "--log-level", "warning"]
    server = subprocess.Popen([gunicorn, *arguments], cwd=ROOT, env=environment)
    try:
        deadline = time.time() + 120
        while True:
            try:
                get("/robots.txt")
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        stylesheet = next((workdir / "static" / "css").glob("site.*.css")).name
        yield f"/static/css/{stylesheet}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(path, duration):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{duration}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            f"http://{HOST}:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def measure(targets, duration):
    for path in targets.values():  # fill the page cache, load the search engine in both workers
        for _ in range(4):
            assert get(path, {"Accept-Encoding": "gzip"}).status == 200, path
    return {label: run_wrk(path, duration) for label, path in targets.items()}


def report(title, results, ceiling):
    print(f"\n{title}")
    print(f"  {'page':28s} {'req/s':>8s} {'p50 ms':>8s} {'p99 ms':>8s} {'errors':>7s} {'vs static':>9s}")
    for label, result in results.items():
        ratio = result["rps"] / ceiling
        print(
            f"  {label:28s} {result['rps']:8.0f} {result['p50']:8.2f} {result['p99']:8.2f} "
            f"{result['errors']:7d} {ratio:9.2f}"
        )


def side_by_side(local, on_redis):
    print("\npage cache in a local folder vs on Redis (each run beside its own static file)")
    print(f"  {'page':24s} {'folder req/s':>12s} {'p50':>6s} {'p99':>6s} {'Redis req/s':>12s} {'p50':>6s} {'p99':>6s}")
    for label in on_redis:
        figures = [
            f"{run[label]['rps']:12.0f} {run[label]['p50']:6.1f} {run[label]['p99']:6.1f}" for run in (local, on_redis)
        ]
        print(f"  {label:24s} {' '.join(figures)}")


def headers_of(path):
    response = get(path, {"Accept-Encoding": "gzip"})
    wanted = ("Cache-Control", "ETag", "Content-Encoding", "Vary")
    return ", ".join(f"{name}: {response.getheader(name)}" for name in wanted if response.getheader(name))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--no-uncached", action="store_true", help="skip the run without the page cache")
    parser.add_argument("--no-redis", action="store_true", help="skip the run with the page cache on Redis")
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    prepare_database(DATABASES["sqlite"])

    failures = []
    with serve(page_cache=True) as stylesheet:
        print(f"\nstatic file  {headers_of(stylesheet)}")
        print(f"office page  {headers_of(PAGES['office'])}")
        results = measure({"static file (site.css)": stylesheet, **PAGES}, arguments.duration)
    ceiling = results["static file (site.css)"]["rps"]
    report("gunicorn, 2 workers, production settings, page cache on (wrk -t2 -c16, gzip)", results, ceiling)
    for label in CACHED:
        if results[label]["rps"] < REQUIRED_RATIO * ceiling:
            failures.append(f"{label}: {results[label]['rps']:.0f} req/s is under half the static file's")
    failures += [
        f"{label}: {results[label]['errors']} errors"
        for label in ("static file (site.css)", *CACHED)
        if results[label]["errors"]
    ]

    if not arguments.no_uncached:
        with serve(page_cache=False) as stylesheet:
            targets = {"static file (site.css)": stylesheet, **{label: PAGES[label] for label in CACHED}}
            uncached = measure(targets, arguments.duration)
        report("the same, page cache off", uncached, uncached["static file (site.css)"]["rps"])

    if not arguments.no_redis and servers.binary("redis-server"):
        with servers.redis_server() as redis, serve(redis_url=redis.url) as stylesheet:
            targets = {"static file (site.css)": stylesheet, **{label: PAGES[label] for label in CACHED}}
            on_redis = measure(targets, arguments.duration)
        side_by_side(results, on_redis)
        failures += [
            f"{label} on Redis: {on_redis[label]['errors']} errors" for label in on_redis if on_redis[label]["errors"]
        ]

    if failures:
        print("\nFAILED: " + "; ".join(failures))
        sys.exit(1)
    print(f"\nOK: cached pages reach at least {REQUIRED_RATIO:.0%} of the static file's requests/s, no errors.")


if __name__ == "__main__":
    main()
