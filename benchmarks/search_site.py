"""Search through the real site: quality on a database, latency over HTTP against gunicorn.

    .venv/bin/python benchmarks/search_site.py --database sqlite
    .venv/bin/python benchmarks/search_site.py --database postgres [--scale 20]
    .venv/bin/python benchmarks/search_site.py --profile [--profile-lines 40]

1. Builds (once, then reuses) a benchmark database with the demo site
   (``load_demo``): ``/tmp/melayani-bench.sqlite3`` or the PostgreSQL database
   ``melayani_bench`` on 127.0.0.1:5432.
2. Runs the dev query sets through ``search.site_search.search`` on that database
   (all types in one ranking, and ``type=contact``) and prints hit@1, hit@3 and
   MRR per file and per query kind.
3. Serves the site with gunicorn in production settings on loopback and times
   ``/api/search/`` over HTTP for every dev query, beside a static file and a
   one-office directory API call and two HSDS lists measured in the same run.

``--profile`` instead runs every dev query through ``/api/search/`` in process (Django's
test client, production settings, the whole middleware stack and the search log) under
pyinstrument, first as never-seen queries, then again, and prints where the time goes:
the frames that spend the most time themselves, then the call tree.

``--scale N`` puts N times the documents in the search engine of the served
site (synthetic copies of every document with new identifiers; see
``benchmarks/scaled_wsgi.py``). The database keeps the demo data: the database
work of a search is bounded by ``limit``, the engine's work grows with the data.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The in-process profile runs as a gunicorn worker does (gunicorn.conf.py): one BLAS thread.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from benchmarks.search_quality import QUERY_FILES, load_directory, load_queries, summarise  # noqa: E402

DATABASES = {
    "sqlite": "sqlite:////tmp/melayani-bench.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/melayani_bench",
}
PORT = 8765
# A trivial Django request: one small view behind the whole middleware stack.
TRIVIAL_PATH = "/robots.txt"
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")


def prepare_database(url):
    if url.startswith("postgres"):
        import psycopg

        name = urllib.parse.urlparse(url).path.lstrip("/")
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "melayani.settings.dev"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True)
    subprocess.run([sys.executable, "manage.py", "load_demo", "--no-admin"], cwd=ROOT, env=environment, check=True)


def evaluate_on_site(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "melayani.settings.dev"
    import django

    django.setup()
    from search import site_search

    data = load_directory()
    for path in QUERY_FILES:
        outcomes = []
        for row in load_queries(path, data):
            hits = site_search.search(row["query"], row["lang"], limit=10).hits
            keys = [f"{hit.type}:{hit.id}" for hit in hits]
            ranks = [rank for rank, key in enumerate(keys, 1) if key in row["accepted"]]
            wanted_contacts = {item for item in row["accepted"] if item.startswith("contact:")}
            contact_hit = None
            if wanted_contacts:
                contacts = site_search.search(row["query"], row["lang"], types=["contact"], limit=3).hits
                contact_hit = any(f"contact:{hit.id}" in wanted_contacts for hit in contacts)
            outcomes.append({**row, "rank": ranks[0] if ranks else None, "contact_hit": contact_hit})
        print(f"\n{path.name} through the site")
        print(f"  {'all':14s} {summarise(outcomes)}")
        for split, held_out in (("tune", False), ("held-out", True)):
            print(f"  {split:14s} {summarise([item for item in outcomes if item['held_out'] == held_out])}")
        for kind in sorted({item["kind"] for item in outcomes}):
            print(f"  {kind:14s} {summarise([item for item in outcomes if item['kind'] == kind])}")


def production_environment(url, **extra):
    """What a production process needs on loopback (no TLS in front of it)."""
    return {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "melayani.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def profile_request_path(url, lines):
    """The dev queries through the API in process under pyinstrument: where a search spends its time."""
    prefix = f"melayani-bench-{os.getpid()}"
    redis = {"REDIS_URL": BENCH_REDIS_URL, "CACHE_KEY_PREFIX": prefix} if redis_answers() else {}
    os.environ.update(
        production_environment(url, STATIC_ROOT=tempfile.mkdtemp(prefix="melayani-bench-static-"), **redis)
    )
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    from search.warmup import warm_up

    client = Client()
    warm_up()  # the model loaded, the engine built and the hits read, as a worker before its first request
    client.get("/api/search/?q=ktp")
    paths = [
        f"/api/search/?{urllib.parse.urlencode({'q': row['query']})}"
        for path in QUERY_FILES
        for row in load_queries(path)
    ]
    for label in ("never-seen queries", "the same queries again"):
        profiler, timings = Profiler(interval=0.0005), []
        with profiler:
            for path in paths:
                started = time.perf_counter()
                assert client.get(path).status_code == 200, path
                timings.append((time.perf_counter() - started) * 1000)
        p50, p95 = percentiles(timings)
        print(f"\n=== {label}: {len(timings)} requests in process, p50 {p50:.1f} ms, p95 {p95:.1f} ms ===")
        print("Frames that spend the most time themselves:")
        print("\n".join(profiler.output_text(flat=True, short_mode=True).splitlines()[: lines + 8]))
        print("Call tree (frames under 2% of the time hidden):")
        print(profiler.output_text(processor_options={"filter_threshold": 0.02}))
    if redis:
        forget_run(prefix)


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(BENCH_REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False


def forget_run(prefix):
    import redis

    client = redis.Redis.from_url(BENCH_REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def compare_with_trivial(search_paths):
    """Never-seen, then repeated searches, each followed by a trivial request: both see the same machine."""
    heading = f"each search, then GET {TRIVIAL_PATH}"
    print(f"  {heading:34s} {'search p50 / p95':>20s} {'trivial p50 / p95':>20s}  p95 ratio")
    for label in ("never-seen queries", "the same queries again"):
        searches, trivial, errors = [], [], 0
        for path in search_paths:
            timings, failed = time_requests([path, TRIVIAL_PATH], 1)
            searches.append(timings[0])
            trivial.append(timings[1])
            errors += failed
        (search_p50, search_p95), (trivial_p50, trivial_p95) = percentiles(searches), percentiles(trivial)
        print(
            f"  {label:34s} {search_p50:7.1f} / {search_p95:6.1f} ms {trivial_p50:7.1f} / {trivial_p95:6.1f} ms"
            f"  {search_p95 / trivial_p95:5.1f}x  errors={errors}"
        )


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def time_requests(paths, rounds):
    connection = HTTPConnection("127.0.0.1", PORT, timeout=30)
    timings, errors = [], 0
    for _ in range(rounds):
        for path in paths:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            timings.append((time.perf_counter() - started) * 1000)
            errors += response.status >= 400
    connection.close()
    return timings, errors


def serve_and_measure(url, scale):
    static_root = tempfile.mkdtemp(prefix="melayani-bench-static-")
    # A cache prefix of this run's own: the shared query vectors of earlier runs are not reused.
    prefix = f"melayani-bench-{os.getpid()}"
    redis = {"REDIS_URL": BENCH_REDIS_URL, "CACHE_KEY_PREFIX": prefix} if redis_answers() else {}
    environment = {
        **os.environ,
        **production_environment(url, STATIC_ROOT=static_root, MELAYANI_BENCH_SCALE=str(scale), **redis),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True
    )
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "benchmarks.scaled_wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    try:
        deadline = time.time() + 120
        while True:
            try:
                time_requests([TRIVIAL_PATH], 1)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
        first_search, _errors = time_requests(["/api/search/?q=ktp"], 1)
        queries = [row["query"] for path in QUERY_FILES for row in load_queries(path)]
        search_paths = [f"/api/search/?{urllib.parse.urlencode({'q': query})}" for query in queries]
        print(f"\nHTTP latency, gunicorn (2 workers, production settings), engine data x{scale}, {url.split(':')[0]}")
        print(f"  the first search after start: {first_search[0]:.0f} ms; Redis cache: {'yes' if redis else 'no'}")
        compare_with_trivial(search_paths)
        static_path = "/static/" + next(Path(static_root, "css").glob("site.*.css")).relative_to(static_root).as_posix()
        hundred_words = " ".join(["syarat", "ktp", "hilang", "tolong", "bagaimana"] * 20)
        trivial = {
            "static file": [static_path],
            "directory API, one office": ["/api/directory/offices/dispendukcapil/"],
            "HSDS, 50 services": ["/api/hsds/services/?per_page=50"],
            "HSDS, 57 organizations": ["/api/hsds/organizations/?per_page=100"],
            f"search API ({len(queries)} queries, 3rd time)": search_paths,
            "search API, a 100-word query, again": [f"/api/search/?{urllib.parse.urlencode({'q': hundred_words})}"],
        }
        for label, paths in trivial.items():
            rounds = 3 if len(paths) > 1 else 50
            timings, errors = time_requests(paths, rounds)
            p50, p95 = percentiles(timings)
            print(f"  {label:34s} n={len(timings):4d}  p50={p50:6.1f} ms  p95={p95:6.1f} ms  errors={errors}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if redis:
            forget_run(prefix)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=sorted(DATABASES), default="sqlite")
    parser.add_argument("--scale", type=int, default=1, help="multiply the engine's documents (latency only)")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile the request path in process, nothing else")
    parser.add_argument("--profile-lines", type=int, default=30, help="frames listed by time spent in them")
    arguments = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL") or DATABASES[arguments.database]
    prepare_database(url)
    if arguments.profile:
        return profile_request_path(url, arguments.profile_lines)
    if not arguments.no_latency:
        serve_and_measure(url, arguments.scale)
    if not arguments.no_quality:
        evaluate_on_site(url)


if __name__ == "__main__":
    main()
