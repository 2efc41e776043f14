"""Search through the real site: quality on a database, latency over HTTP against gunicorn.

    .venv/bin/python benchmarks/search_site.py --database sqlite
    .venv/bin/python benchmarks/search_site.py --database postgres [--scale 20]

1. Builds (once, then reuses) a benchmark database with the demo site
   (``load_demo``): ``/tmp/melayani-bench.sqlite3`` or the PostgreSQL database
   ``melayani_bench`` on 127.0.0.1:5432.
2. Runs the dev query sets through ``search.service.search`` on that database
   (all types in one ranking, and ``type=contact``) and prints hit@1, hit@3 and
   MRR per file and per query kind.
3. Serves the site with gunicorn in production settings on loopback and times
   ``/api/search/`` over HTTP for every dev query, beside a static file and a
   one-office directory API call and two HSDS lists measured in the same run.

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

from benchmarks.search_quality import QUERY_FILES, load_directory, load_queries, summarise  # noqa: E402

DATABASES = {
    "sqlite": "sqlite:////tmp/melayani-bench.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/melayani_bench",
}
PORT = 8765


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
    from search import service

    data = load_directory()
    for path in QUERY_FILES:
        outcomes = []
        for row in load_queries(path, data):
            hits = service.search(row["query"], row["lang"], limit=10).hits
            keys = [f"{hit.type}:{hit.id}" for hit in hits]
            ranks = [rank for rank, key in enumerate(keys, 1) if key in row["accepted"]]
            wanted_contacts = {item for item in row["accepted"] if item.startswith("contact:")}
            contact_hit = None
            if wanted_contacts:
                contacts = service.search(row["query"], row["lang"], types=["contact"], limit=3).hits
                contact_hit = any(f"contact:{hit.id}" in wanted_contacts for hit in contacts)
            outcomes.append({**row, "rank": ranks[0] if ranks else None, "contact_hit": contact_hit})
        print(f"\n{path.name} through the site")
        print(f"  {'all':14s} {summarise(outcomes)}")
        for split, held_out in (("tune", False), ("held-out", True)):
            print(f"  {split:14s} {summarise([item for item in outcomes if item['held_out'] == held_out])}")
        for kind in sorted({item["kind"] for item in outcomes}):
            print(f"  {kind:14s} {summarise([item for item in outcomes if item['kind'] == kind])}")


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
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "melayani.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "MELAYANI_BENCH_SCALE": str(scale),
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
                time_requests(["/api/search/?q=ktp"], 1)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
        queries = [row["query"] for path in QUERY_FILES for row in load_queries(path)]
        search_paths = [f"/api/search/?{urllib.parse.urlencode({'q': query})}" for query in queries]
        time_requests(["/api/search/?q=ktp"] * 4, 1)  # build both workers' engines, load the model
        # Each query once, unseen by either worker: the embedding model runs for every one.
        first_timings, first_errors = time_requests(search_paths, 1)
        static_path = "/static/" + next(Path(static_root, "css").glob("site.*.css")).relative_to(static_root).as_posix()
        hundred_words = " ".join(["syarat", "ktp", "hilang", "tolong", "bagaimana"] * 20)
        trivial = {
            "static file": [static_path],
            "directory API, one office": ["/api/directory/offices/dispendukcapil/"],
            "HSDS, 50 services": ["/api/hsds/services/?per_page=50"],
            "HSDS, 57 organizations": ["/api/hsds/organizations/?per_page=100"],
            f"search API ({len(queries)} queries, again)": search_paths,
            "search API, a 100-word query, again": [f"/api/search/?{urllib.parse.urlencode({'q': hundred_words})}"],
        }
        print(f"\nHTTP latency, gunicorn (2 workers, production settings), engine data x{scale}, {url.split(':')[0]}")
        p50, p95 = percentiles(first_timings)
        label = f"search API ({len(queries)} queries, first time)"
        print(f"  {label:34s} n={len(first_timings):4d}  p50={p50:6.1f} ms  p95={p95:6.1f} ms  errors={first_errors}")
        for label, paths in trivial.items():
            rounds = 3 if len(paths) > 1 else 50
            timings, errors = time_requests(paths, rounds)
            p50, p95 = percentiles(timings)
            print(f"  {label:34s} n={len(timings):4d}  p50={p50:6.1f} ms  p95={p95:6.1f} ms  errors={errors}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=sorted(DATABASES), default="sqlite")
    parser.add_argument("--scale", type=int, default=1, help="multiply the engine's documents (latency only)")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--no-latency", action="store_true")
    arguments = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL") or DATABASES[arguments.database]
    prepare_database(url)
    if not arguments.no_latency:
        serve_and_measure(url, arguments.scale)
    if not arguments.no_quality:
        evaluate_on_site(url)


if __name__ == "__main__":
    main()
