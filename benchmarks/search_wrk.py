"""Do concurrent searches wait for each other? wrk at 1, 2 and 16 connections against 2 workers.

    .venv/bin/python benchmarks/search_wrk.py [--database sqlite|postgres] [--duration 5]

Serves the benchmark database of ``search_site.py`` (built there; run it once first;
``BENCH_DATABASE_URL`` overrides it)
with gunicorn (2 workers, production settings, page cache off) and runs wrk against
the search API, the search page, the directory API and a static file, in one run. Two
connections keep both workers busy: if a search waited for another (a lock, the log
write) requests/s at 2 and 16 connections would fall below twice the 1-connection figure.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.search_site import DATABASES  # noqa: E402
from tests.support import servers  # noqa: E402

PATHS = {
    "search API": "/api/search/?q=ktp+hilang",
    "search page": "/id/search/?q=ktp+hilang",
    "directory API": "/api/directory/offices/dispendukcapil/",
}


def wrk(port, path, connections, duration):
    output = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency"]
        + [f"http://{servers.HOST}:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    median = re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)
    return requests, median


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=sorted(DATABASES), default="sqlite")
    parser.add_argument("--duration", type=int, default=5)
    arguments = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL") or DATABASES[arguments.database]
    static_root = tempfile.mkdtemp(prefix="melayani-search-wrk-")
    servers.collect_static(static_root)
    static = "/static/" + next(Path(static_root, "css").glob("site.*.css")).relative_to(static_root).as_posix()
    with servers.gunicorn(DATABASE_URL=database_url, STATIC_ROOT=static_root, PAGE_CACHE_TIMEOUT=0) as port:
        for path in [*PATHS.values(), *PATHS.values()]:  # load both workers' engines and models
            servers.request(port, path)
        print(f"gunicorn 2 workers, {arguments.database}, wrk {arguments.duration} s per row")
        print(f"  {'':16s} {'1 connection':>22s} {'2 connections':>22s} {'16 connections':>22s}")
        for label, path in {"static file": static, **PATHS}.items():
            cells = [wrk(port, path, connections, arguments.duration) for connections in (1, 2, 16)]
            print(f"  {label:16s}" + "".join(f" {rate:9.0f} req/s p50 {p50:>7s}" for rate, p50 in cells))


if __name__ == "__main__":
    main()
