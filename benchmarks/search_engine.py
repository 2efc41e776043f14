"""The lexical engine alone: time per query over the whole sample, no embedding model.

    .venv/bin/python benchmarks/search_engine.py [--repeat 10]

The figure the test suite used to assert (a colloquial, misspelt query under
50 ms), measured here instead, beside the median and p95 of the dev queries.
``benchmarks/search_scale.py`` measures the hybrid engine (lexical + semantic).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.search_quality import QUERY_FILES, documents_from_directory, load_directory  # noqa: E402
from search.engine.lexical import LexicalEngine  # noqa: E402

MESSY_QUERY = "syrt bikin akta kelahiran anak yg br lahir d rs"


def milliseconds(engine, query, repeat):
    started = time.perf_counter()
    for _ in range(repeat):
        engine.search(query)
    return (time.perf_counter() - started) / repeat * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="runs of each query (default 10)")
    arguments = parser.parse_args()
    documents = documents_from_directory(load_directory())
    started = time.perf_counter()
    engine = LexicalEngine(documents)
    print(f"built over {len(documents):,} documents in {time.perf_counter() - started:.2f} s")
    engine.search("warm up")
    print(f"messy query ({MESSY_QUERY!r}): {milliseconds(engine, MESSY_QUERY, arguments.repeat):.1f} ms")
    queries = [line.split("\t")[0] for path in QUERY_FILES for line in path.read_text().splitlines()[1:] if line]
    queries = [query for query in queries if not query.startswith("#")]
    timings = sorted(milliseconds(engine, query, arguments.repeat) for query in queries)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(f"{len(queries)} dev queries: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
