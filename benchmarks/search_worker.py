"""What the search costs one application worker: start-up (first search) time and memory.

    .venv/bin/python benchmarks/search_worker.py [--database-url URL]

Runs in a fresh process against the benchmark database that ``search_site.py`` builds
(``/tmp/melayani-bench.sqlite3`` by default): the time from ``django.setup()`` to the
answer of the first search (the engine is built then, and the embedding model loaded),
then the resident memory of the process after ten more searches.
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def resident_megabytes() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="sqlite:////tmp/melayani-bench.sqlite3")
    arguments = parser.parse_args()
    os.environ["DATABASE_URL"] = arguments.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "melayani.settings.dev")
    started = time.perf_counter()
    import django

    django.setup()
    from search import site_search

    setup_done = time.perf_counter()
    site_search.search("ktp hilang", "id")
    first = time.perf_counter()
    for query in ["akta kelahiran", "birth certificate", "lampu jalan mati", "syrt kk bru", "dlh"] * 2:
        site_search.search(query, "id")
    print(f"django.setup: {setup_done - started:.2f} s")
    print(f"first search (engine built, model loaded): {first - setup_done:.2f} s")
    print(f"resident memory after 11 searches: {resident_megabytes():.0f} MB")


if __name__ == "__main__":
    main()
