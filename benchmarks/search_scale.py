"""The in-process search engine at scale: build time, update per publish, memory, latency.

    .venv/bin/python benchmarks/search_scale.py [--factors 1 5 20 50]

For each factor N, in a fresh process: the demo's search documents and N-1 synthetic
copies of each (new identifiers and scopes, same text, so the same embeddings), the
hybrid engine built over them (lexical index and semantic index), then one publish
simulated as the site does it (one office's documents replaced: lexical ``update`` and
the semantic index rebuilt), the first query after it and the p50/p95 of the dev
queries. Memory is the resident size of the process after the build.
"""

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def copies(documents, factor):
    result = list(documents)
    for number in range(1, factor):
        result += [
            {**document, "id": f"{document['id']}~{number}", "scope": f"{document['scope']}~{number}"}
            for document in documents
        ]
    return result


def measure(factor: int) -> dict:
    from benchmarks.search_quality import QUERY_FILES, documents_from_directory, embeddings_for, load_directory
    from benchmarks.search_worker import resident_megabytes
    from search.embeddings import embed_query
    from search.engine.hybrid import HybridEngine
    from search.engine.lexical import SearchEngine
    from search.engine.semantic import SemanticIndex

    data = load_directory()
    base = documents_from_directory(data)
    base_vectors = dict(zip((id(document) for document in base), embeddings_for(base), strict=True))
    documents = copies(base, factor)
    vectors = [base_vectors.get(id(document)) for document in documents]
    by_text = {document["meaning"]: base_vectors[id(document)] for document in base}
    vectors = [
        vector if vector is not None else by_text[document["meaning"]]
        for document, vector in zip(documents, vectors, strict=True)
    ]
    embed_query("warm up")
    started = time.perf_counter()
    lexical = SearchEngine(documents)
    keys = [(document["type"], document["id"]) for document in documents]
    engine = HybridEngine(lexical, SemanticIndex(keys, vectors), embed_query)
    build = time.perf_counter() - started
    gc.freeze()  # as search.service.build_engine does
    memory = resident_megabytes()

    office = [document for document in base if document["scope"] == "office:dispendukcapil"]
    changed = [{**document, "title": document["title"] + " (diperbarui)"} for document in office]
    started = time.perf_counter()
    lexical.update({(document["type"], document["id"]) for document in office}, changed)
    engine.semantic = SemanticIndex(keys, vectors)
    update = time.perf_counter() - started
    started = time.perf_counter()
    engine.rank("ktp hilang", limit=10)
    first_query = time.perf_counter() - started

    queries = [line.split("\t")[0] for path in QUERY_FILES for line in path.read_text().splitlines()[1:] if line]
    timings = []
    for query in queries:
        started = time.perf_counter()
        engine.rank(query, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "factor": factor,
        "documents": len(documents),
        "build_s": round(build, 2),
        "update_s": round(update, 3),
        "first_query_after_update_ms": round(first_query * 1000, 1),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "memory_mb": round(memory),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 20, 50])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(measure(arguments.one)))
        return
    print("factor  documents  build    update/publish  first query after  p50      p95      memory")
    for factor in arguments.factors:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(factor)], capture_output=True, text=True, check=True
        ).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print(
            f"{row['factor']:>5}x  {row['documents']:>9,}  {row['build_s']:>5.1f} s  {row['update_s'] * 1000:>10.0f} ms"
            f"  {row['first_query_after_update_ms']:>14.0f} ms  {row['p50_ms']:>5.1f} ms  {row['p95_ms']:>5.1f} ms"
            f"  {row['memory_mb']:>5} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
