"""What a visitor notices when Redis stops, PostgreSQL restarts, or Elasticsearch is unreachable.

    .venv/bin/python benchmarks/faults.py [--seconds 4]

Builds (once, then reuses) the demo on the PostgreSQL database ``melayani_bench``
(as ``benchmarks/search_site.py`` does), copies it into a throwaway PostgreSQL
cluster, starts a throwaway Redis, and serves the site with gunicorn (2 workers,
production settings) on loopback. Two visitors then ask for public pages, the
directory API and the search API in a loop, before, during and after each fault:

- Redis stopped (then started again);
- PostgreSQL stopped for two seconds right after a publish (every page must be
  rendered again), then started again;
- ``ELASTICSEARCH_URL`` pointing to a port where nothing listens.

It prints, per phase, the answers by status and the p50 / p95 latency of each
kind of request. Loopback only, bounded in time; needs gunicorn (in .venv),
redis-server and PostgreSQL's initdb / pg_ctl.
"""

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.core.cache.backends.redis import RedisCache  # noqa: E402

from benchmarks.search_site import DATABASES, prepare_database  # noqa: E402
from core.cache import GENERATION_KEY  # noqa: E402
from tests.support import servers  # noqa: E402

TARGETS = {
    "pages": ["/id/", "/id/direktori/", "/id/direktori/dispendukcapil/", "/en/directory/dispendukcapil/"],
    "directory API": ["/api/directory/offices/dispendukcapil/"],
    "search API": ["/api/search/?q=ktp+hilang"],
}


class Visitors:
    """Two threads asking for every target in turn; results are kept per phase."""

    def __init__(self, port):
        self.port = port
        self.phase = "before"
        self.results = defaultdict(list)
        self.running = threading.Event()
        self.threads = [threading.Thread(target=self.visit, daemon=True) for _ in range(2)]

    def visit(self):
        while self.running.is_set():
            for kind, paths in TARGETS.items():
                for path in paths:
                    started = time.perf_counter()
                    try:
                        status = servers.request(self.port, path, timeout=10).status
                    except OSError:
                        status = "no answer"
                    self.results[(self.phase, kind)].append((status, (time.perf_counter() - started) * 1000))

    def __enter__(self):
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=30)


def report(title, visitors):
    print(f"\n{title}")
    print(f"  {'phase':8s} {'request':14s} {'answers':>7s} {'by status':28s} {'p50 ms':>7s} {'p95 ms':>7s}")
    for (phase, kind), results in visitors.results.items():
        counts = Counter(status for status, _ms in results)
        timings = sorted(ms for _status, ms in results)
        p95 = timings[int(0.95 * (len(timings) - 1))]
        by_status = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items(), key=str))
        print(f"  {phase:8s} {kind:14s} {len(results):7d} {by_status:28s} {statistics.median(timings):7.1f} {p95:7.1f}")


def run_phases(visitors, seconds, fault, recover=None):
    with visitors:
        time.sleep(seconds)
        visitors.phase = "during"
        fault()
        time.sleep(seconds)
        if recover:
            recover()  # returns once the server answers again
        visitors.phase = "after"
        time.sleep(seconds)


def warm(port):
    for _round in range(4):
        for paths in TARGETS.values():
            for path in paths:
                servers.request(port, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=4, help="length of each phase")
    arguments = parser.parse_args()
    missing = servers.missing_binaries("gunicorn", "redis-server", "initdb", "pg_ctl", "pg_dump", "psql")
    if missing:
        sys.exit(f"missing: {', '.join(missing)}")
    prepare_database(DATABASES["postgres"])
    static_root = tempfile.mkdtemp(prefix="melayani-faults-static-")
    servers.collect_static(static_root)

    with servers.postgres_cluster(copy_from=DATABASES["postgres"]) as postgres, servers.redis_server() as redis:
        environment = {
            "DATABASE_URL": postgres.url,
            "STATIC_ROOT": static_root,
            "REDIS_URL": redis.url,
            "LOG_LEVEL": "CRITICAL",  # the expected errors and warnings would drown the tables
        }
        with servers.gunicorn(**environment) as port:
            warm(port)
            visitors = Visitors(port)
            run_phases(visitors, arguments.seconds, redis.stop, redis.start)
            report("Redis stopped, then started again", visitors)

            warm(port)
            visitors = Visitors(port)

            def publish_and_stop_postgres():
                cache = RedisCache(redis.url, {"KEY_PREFIX": "melayani-pages"})
                cache.set(GENERATION_KEY, cache.get(GENERATION_KEY).split(".")[0] + ".after-publish", None)
                postgres.stop()

            run_phases(visitors, arguments.seconds, publish_and_stop_postgres, postgres.start)
            report("PostgreSQL stopped right after a publish, then started again", visitors)

        environment["ELASTICSEARCH_URL"] = f"http://127.0.0.1:{servers.free_port()}"
        with servers.gunicorn(**environment) as port:
            warm(port)
            visitors = Visitors(port)
            run_phases(visitors, arguments.seconds, lambda: None)
            report("ELASTICSEARCH_URL pointing to nothing (the whole run)", visitors)


if __name__ == "__main__":
    main()
