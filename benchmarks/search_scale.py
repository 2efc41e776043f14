"""The search engine at scale: build time, update per publish, memory, latency.

    .venv/bin/python benchmarks/search_scale.py [--factors 1 5 20 50]
    .venv/bin/python benchmarks/search_scale.py --engine opensearch [--engine-url URL]

For each factor N, in a fresh process: the demo's search documents and N-1 synthetic
copies of each (new identifiers and scopes, same text, so the same embeddings), the
hybrid engine built over them (lexical index and semantic index), then one publish
simulated as the site does it (one office's documents replaced: lexical ``update`` and
the semantic index rebuilt), the first query after it and the p50/p95 of the dev
queries. Memory is the resident size of the process after the build.

With ``--engine opensearch`` the same documents go into the search engine's index
(``search.engine.remote``; start a node with ``bin/opensearch start``, with more heap for
50x: ``OPENSEARCH_JAVA_OPTS="-Xms1g -Xmx1g"``): the index build, one publish sent to it,
the engine's heap after them, then in a fresh process a worker as the site starts one
(the documents read, what query understanding needs kept, the model loaded) answering
the dev queries through the engine over HTTP, and its resident size.
"""

import argparse
import gc
import json
import os
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


ENGINE_ALIAS = "bench_scale_documents"


def dev_queries() -> list[str]:
    from benchmarks.search_quality import QUERY_FILES

    return [line.split("\t")[0] for path in QUERY_FILES for line in path.read_text().splitlines()[1:] if line]


def timed_queries(engine) -> tuple[float, float]:
    """p50 and p95 in milliseconds of the dev queries, ranked with the meaning fused in."""
    timings = []
    for query in dev_queries():
        started = time.perf_counter()
        engine.rank(query, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return round(statistics.median(timings), 1), round(timings[int(len(timings) * 0.95) - 1], 1)


def scaled_documents(factor: int):
    """The demo's documents and their copies, with the copies' vectors (same texts, same vectors)."""
    from benchmarks.search_quality import documents_from_directory, embeddings_for, load_directory

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
    return base, documents, vectors


def measure(factor: int) -> dict:
    from benchmarks.search_worker import resident_megabytes
    from search.embeddings import embed_query
    from search.engine.hybrid import HybridEngine
    from search.engine.lexical import LexicalEngine
    from search.engine.semantic import SemanticIndex

    base, documents, vectors = scaled_documents(factor)
    embed_query("warm up")
    started = time.perf_counter()
    lexical = LexicalEngine(documents)
    keys = [(document["type"], document["id"]) for document in documents]
    engine = HybridEngine(lexical, SemanticIndex(keys, vectors), embed_query)
    build = time.perf_counter() - started
    gc.freeze()  # as search.site_search.build_engine does
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

    p50, p95 = timed_queries(engine)
    return {
        "factor": factor,
        "documents": len(documents),
        "build_s": round(build, 2),
        "update_s": round(update, 3),
        "first_query_after_update_ms": round(first_query * 1000, 1),
        "p50_ms": p50,
        "p95_ms": p95,
        "memory_mb": round(memory),
    }


def engine_site(url: str, documents, build: bool, vectors=None):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "melayani.settings.dev")
    django.setup()  # the engine's site reads the editors' synonyms through Django's models
    from search.embeddings import embed_query
    from search.engine.remote.client import EngineClient
    from search.engine.remote.site import EngineIndex, RemoteSite
    from search.text.vocabulary import builtin_synonym_groups

    groups = builtin_synonym_groups()
    index = EngineIndex(EngineClient(url, timeout=30), ENGINE_ALIAS, opensearch=True)
    if build:
        rules = [", ".join(phrase.replace(",", " ") for phrase in group) for group in groups if len(group) > 1]
        index.build(documents, vectors, rules, None)
    return RemoteSite(index, documents, groups, embed_query, "id")


def measure_engine(factor: int, url: str) -> dict:
    """The index built and one publish sent to it; the engine's heap after them."""
    base, documents, vectors = scaled_documents(factor)
    started = time.perf_counter()
    site = engine_site(url, documents, True, vectors)
    build = time.perf_counter() - started
    office = [document for document in base if document["scope"] == "office:dispendukcapil"]
    changed = [{**document, "title": document["title"] + " (diperbarui)"} for document in office]
    by_key = dict(zip(((d["type"], d["id"], d.get("locale")) for d in documents), vectors, strict=True))
    changed_vectors = [by_key[(d["type"], d["id"], d.get("locale"))] for d in office]
    started = time.perf_counter()
    site.replace({"office:dispendukcapil"}, {(d["type"], d["id"]) for d in office}, changed, changed_vectors)
    update = time.perf_counter() - started
    client = site.index.client
    client.request("POST", "_refresh")
    heap = next(iter(client.request("GET", "_nodes/stats/jvm")["nodes"].values()))["jvm"]["mem"]
    store = client.request("GET", f"{ENGINE_ALIAS}/_stats/store")["_all"]["primaries"]["store"]["size_in_bytes"]
    return {
        "factor": factor,
        "documents": len(documents),
        "build_s": round(build, 2),
        "update_s": round(update, 3),
        "heap_mb": round(heap["heap_used_in_bytes"] / 2**20),
        "heap_max_mb": round(heap["heap_max_in_bytes"] / 2**20),
        "index_mb": round(store / 2**20),
    }


def measure_engine_worker(factor: int, url: str) -> dict:
    """A worker's start, its answers over HTTP and its resident size, on the index built before."""
    from benchmarks.search_worker import resident_megabytes

    _, documents, _ = scaled_documents(factor)
    started = time.perf_counter()
    site = engine_site(url, documents, False)
    start = time.perf_counter() - started
    del documents
    gc.collect()
    site.hybrid.rank("ktp hilang", limit=10)  # loads the model
    p50, p95 = timed_queries(site.hybrid)
    return {"worker_start_s": round(start, 2), "p50_ms": p50, "p95_ms": p95, "worker_mb": round(resident_megabytes())}


def run_one(*arguments) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, *map(str, arguments)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def engine_table(factors, url: str) -> None:
    print(
        "factor  documents  build     update/publish  worker start  p50       p95       engine heap      index  worker"
    )
    for factor in factors:
        row = run_one("--one", factor, "--engine", "opensearch", "--engine-url", url)
        row |= run_one("--one", factor, "--engine", "opensearch", "--engine-url", url, "--worker")
        print(
            f"{row['factor']:>5}x  {row['documents']:>9,}  {row['build_s']:>6.1f} s  {row['update_s'] * 1000:>10.0f} ms"
            f"  {row['worker_start_s']:>10.1f} s  {row['p50_ms']:>5.1f} ms  {row['p95_ms']:>5.1f} ms"
            f"  {row['heap_mb']:>5} / {row['heap_max_mb']} MB  {row['index_mb']:>4} MB  {row['worker_mb']:>5} MB",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 20, 50])
    parser.add_argument("--engine", choices=["opensearch"], help="measure the search engine's index instead")
    parser.add_argument("--engine-url", default=os.environ.get("OPENSEARCH_URL") or "http://127.0.0.1:9200")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one and arguments.engine:
        measured = (measure_engine_worker if arguments.worker else measure_engine)(arguments.one, arguments.engine_url)
        print(json.dumps(measured))
        return
    if arguments.one:
        print(json.dumps(measure(arguments.one)))
        return
    if arguments.engine:
        engine_table(arguments.factors, arguments.engine_url)
        return
    print("factor  documents  build    update/publish  first query after  p50      p95      memory")
    for factor in arguments.factors:
        row = run_one("--one", factor)
        print(
            f"{row['factor']:>5}x  {row['documents']:>9,}  {row['build_s']:>5.1f} s  {row['update_s'] * 1000:>10.0f} ms"
            f"  {row['first_query_after_update_ms']:>14.0f} ms  {row['p50_ms']:>5.1f} ms  {row['p95_ms']:>5.1f} ms"
            f"  {row['memory_mb']:>5} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
