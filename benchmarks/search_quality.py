"""Search quality and speed benchmark on the sample directory.

Builds documents straight from ``directory/data/directory.json`` (one per contact,
service and office, in Indonesian and English), embeds them with the site's model,
runs the query sets and prints hit@1, hit@3 and MRR for the lexical engine alone, the
semantic index alone and the two fused (the site's ranking), on the tuning half and
the held-out half of every set, the contact-only top-3 rate, and query latency on the
demo data and on 20 times as many documents.

    .venv/bin/python benchmarks/search_quality.py [--misses] [--synthetic] [--no-latency]
    .venv/bin/python benchmarks/search_quality.py --held-out-misses   # an audit, never for tuning
    .venv/bin/python benchmarks/search_quality.py --engine opensearch [--engine-url URL]

``--engine opensearch`` also builds the search engine's index of the same documents
(``search.engine.remote``, on ``OPENSEARCH_URL`` or ``--engine-url``; start a node with
``bin/opensearch start``) and prints its rows under the in-process engine's, set by set.

Query sets: the public dev sets (``../shared/data/search-dev.tsv``,
``search-hard-dev.tsv``), ``benchmarks/data/paraphrase-probe.tsv``, problems described
in plain words, ``benchmarks/data/hard-probe.tsv``, queries in the hard set's style
(dropped vowels, regional words, English and Indonesian mixed, several needs at once)
written from the services' own content, and ``benchmarks/data/village-queries.tsv``,
services asked for by a village's name (never a kecamatan's; the accepted result is the
service or office of the village's kecamatan, both for Tamansari, which is in Licin and
in Tegalsari), all three written without looking at the engine's answers. Each set is split
deterministically into halves by the first byte of the SHA-1 of the query text (odd:
tuning, even: held out); weights are tuned on the tuning halves only, so ``--misses`` lists
the tuning halves' misses alone: a held-out miss read while tuning stops being held out.

``--synthetic`` adds two generated checks (``benchmarks/synthetic_queries.py``): every
single-owner service keyword searched in an index without keywords, and every village in
the phrasings of ``benchmarks/data/village-templates.tsv``, as written and misspelt.

Document embeddings are cached in ``/tmp/melayani-bench-embeddings.npz`` by model and
text hash (embedding the demo takes about 70 s the first time).
"""

import argparse
import copy
import csv
import hashlib
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_queries import keyword_queries, village_queries  # noqa: E402
from directory.search_documents import documents_from_directory as build_documents  # noqa: E402
from search.embeddings import embed_passages, embed_query, text_hash  # noqa: E402
from search.engine.hybrid import HybridEngine  # noqa: E402
from search.engine.lexical import LexicalEngine  # noqa: E402
from search.engine.semantic import SemanticIndex  # noqa: E402

DIRECTORY_FILE = ROOT / "directory" / "data" / "directory.json"
SHARED_DATA = Path(os.environ.get("MELAYANI_SHARED_DATA", ROOT.parent / "shared" / "data"))
QUERY_FILES = [
    SHARED_DATA / "search-dev.tsv",
    SHARED_DATA / "search-hard-dev.tsv",
    ROOT / "benchmarks" / "data" / "paraphrase-probe.tsv",
    ROOT / "benchmarks" / "data" / "hard-probe.tsv",
    ROOT / "benchmarks" / "data" / "village-queries.tsv",
]
LOCALES = ("id", "en")
MODES = ("lexical", "semantic", "fused")
EMBEDDING_CACHE = Path("/tmp/melayani-bench-embeddings.npz")


def load_directory(path=DIRECTORY_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def documents_from_directory(data: dict) -> list[dict]:
    """The site's own document builder, fed straight from the sample file."""
    return build_documents(data["opds"])


def embeddings_for(documents: list[dict]) -> list[np.ndarray]:
    """One vector per document, from the cache where the same text was embedded before."""
    cache = dict(np.load(EMBEDDING_CACHE)) if EMBEDDING_CACHE.exists() else {}
    hashes = [text_hash(document["meaning"]) for document in documents]
    missing = sorted({digest for digest in hashes if digest not in cache})
    if missing:
        texts = {text_hash(document["meaning"]): document["meaning"] for document in documents}
        started = time.perf_counter()
        for start in range(0, len(missing), 64):
            batch = missing[start : start + 64]
            for digest, vector in zip(batch, embed_passages([texts[digest] for digest in batch]), strict=True):
                cache[digest] = vector
        print(f"embedded {len(missing)} documents in {time.perf_counter() - started:.1f}s")
        np.savez(EMBEDDING_CACHE, **cache)
    return [cache[digest] for digest in hashes]


def passage_documents(documents: list[dict]) -> list[dict]:
    """The documents' passages (a service's situations), each embedded on its own as the site does."""
    return [
        {"type": document["type"], "id": document["id"], "locale": document.get("locale") or "id", "meaning": text}
        for document in documents
        for text in document.get("passages") or ()
    ]


def build_engine(documents: list[dict]) -> HybridEngine:
    """The hybrid engine as the site builds it: an object's documents and passages all in the meaning index."""
    passages = passage_documents(documents)
    vectors = embeddings_for(documents) + embeddings_for(passages)
    keys = [(document["type"], document["id"]) for document in documents + passages]
    semantic = SemanticIndex(keys, vectors, [False] * len(documents) + [True] * len(passages))
    return HybridEngine(LexicalEngine(documents), semantic, embed_query)


def passage_vectors_of(documents: list[dict]) -> dict:
    passages = passage_documents(documents)
    grouped: dict[tuple, list] = {}
    for passage, vector in zip(passages, embeddings_for(passages), strict=True):
        grouped.setdefault((passage["type"], str(passage["id"]), passage["locale"]), []).append(vector)
    return grouped


def build_remote_engine(documents: list[dict], url: str, alias: str) -> HybridEngine:
    """The same documents in the search engine's index, ranked through the same fusion."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "melayani.settings.dev")
    django.setup()  # the engine's site reads the editors' synonyms through Django's models

    from search.engine.remote.client import EngineClient
    from search.engine.remote.site import EngineIndex, RemoteSite
    from search.text.vocabulary import builtin_synonym_groups

    groups = builtin_synonym_groups()
    rules = [", ".join(phrase.replace(",", " ") for phrase in group) for group in groups if len(group) > 1]
    index = EngineIndex(EngineClient(url, timeout=10), alias, opensearch=True, passage_vectors=passage_vectors_of)
    index.build(documents, embeddings_for(documents), rules, None)
    return RemoteSite(index, documents, groups, embed_query, "id").hybrid


def without_keywords(data: dict) -> dict:
    stripped = copy.deepcopy(data)
    for office in stripped["opds"]:
        for service in office.get("services", []):
            service["keywords"] = {locale: [] for locale in LOCALES}
    return stripped


def load_queries(path: Path, data: dict | None = None) -> list[dict]:
    """Rows of a query file; a query that accepts a service also accepts its responsible officer."""
    responsible = {}
    for office in (data or {}).get("opds", []):
        for service in office.get("services", []):
            if service.get("contacts"):
                responsible[f"service:{service['slug']}"] = f"contact:{service['contacts'][0]}"
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    for row in rows:
        accepted = set(row["accept"].split())
        row["accepted"] = accepted | {responsible[item] for item in accepted if item in responsible}
        row["held_out"] = hashlib.sha1(row["query"].encode("utf-8")).digest()[0] % 2 == 0
    return rows


def _key(document: dict) -> str:
    return f"{document['type']}:{document['id']}"


def evaluate(engine, queries: list[dict], mode: str = "fused") -> list[dict]:
    """Per-query outcomes: rank of the first accepted result and the contact-only hit."""
    outcomes = []
    for row in queries:
        results = engine.search(row["query"], limit=10, mode=mode)
        ranks = [rank for rank, (document, _) in enumerate(results, 1) if _key(document) in row["accepted"]]
        accepted_contacts = {item for item in row["accepted"] if item.startswith("contact:")}
        contact_hit = None
        if accepted_contacts:
            contacts = engine.search(row["query"], types=["contact"], limit=3, mode=mode)
            contact_hit = any(_key(document) in accepted_contacts for document, _ in contacts)
        outcomes.append({**row, "rank": ranks[0] if ranks else None, "contact_hit": contact_hit, "top": results[:3]})
    return outcomes


def summarise(outcomes: list[dict]) -> str:
    if not outcomes:
        return "n=0"
    count = len(outcomes)
    hit1 = sum(1 for item in outcomes if item["rank"] == 1) / count
    hit3 = sum(1 for item in outcomes if item["rank"] and item["rank"] <= 3) / count
    mrr = sum(1 / item["rank"] for item in outcomes if item["rank"]) / count
    contact = [item["contact_hit"] for item in outcomes if item["contact_hit"] is not None]
    contact_rate = f"{sum(contact) / len(contact):.2f}" if contact else "-"
    return f"n={count:3d}  hit@1={hit1:.2f}  hit@3={hit3:.2f}  MRR={mrr:.2f}  contact-top3={contact_rate}"


def report(title: str, engine, queries: list[dict], show_misses, others=None) -> None:
    """The table of one query set; ``others`` ({name: engine}) get a row under each of the engine's.
    ``show_misses``: falsy, True (the tuning half's misses) or "held-out" (both halves')."""
    print(f"\n{title}")
    for mode in MODES:
        outcomes = evaluate(engine, queries, mode)
        compared = {name: evaluate(other, queries, mode) for name, other in (others or {}).items()}
        for split, held_out in (("tune", False), ("held-out", True)):
            print(f"  {mode:9s} {split:9s} {summarise([item for item in outcomes if item['held_out'] == held_out])}")
            for name, items in compared.items():
                half = [item for item in items if item["held_out"] == held_out]
                print(f"  {'':9s} {name[:9]:9s} {summarise(half)}")
        if show_misses and mode == "fused":
            for item in outcomes:
                if item["held_out"] and show_misses != "held-out":
                    continue
                if not item["rank"] or item["rank"] > 1 or item["contact_hit"] is False:
                    top = ", ".join(f"{_key(document)} ({score:.2f})" for document, score in item["top"])
                    split = "held-out" if item["held_out"] else "tune"
                    print(f"    {split} rank={item['rank']} contact={item['contact_hit']} | {item['query']} -> {top}")


def measure_latency(engine, queries: list[str], rounds: int = 3, mode: str = "fused") -> tuple[float, float, float]:
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            engine.search(query, limit=10, mode=mode)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], timings[-1]


def multiplied(documents: list[dict], factor: int) -> list[dict]:
    copies = list(documents)
    for copy_number in range(1, factor):
        copies += [{**document, "id": f"{document['id']}~{copy_number}"} for document in documents]
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--misses", action="store_true", help="print the tuning halves' queries whose accepted result is not first"
    )
    parser.add_argument(
        "--held-out-misses",
        action="store_true",
        help="print the held-out halves' misses too: an audit, after which those queries are no longer unseen",
    )
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument(
        "--synthetic",
        action="store_true",
        help="also run service keywords as queries against a keyword-less index, and every village in set phrasings",
    )
    parser.add_argument("--engine", choices=["opensearch"], help="compare with the search engine's ranking")
    parser.add_argument("--engine-url", default=os.environ.get("OPENSEARCH_URL") or "http://127.0.0.1:9200")
    arguments = parser.parse_args()
    misses = "held-out" if arguments.held_out_misses else arguments.misses

    data = load_directory()
    documents = documents_from_directory(data)
    started = time.perf_counter()
    engine = build_engine(documents)
    print(f"indexed {len(documents)} documents in {time.perf_counter() - started:.2f}s (embeddings from the cache)")
    bare_documents = documents_from_directory(without_keywords(data))
    bare_engine = build_engine(bare_documents)
    others, bare_others = {}, {}
    if arguments.engine:
        url = arguments.engine_url
        started = time.perf_counter()
        others = {arguments.engine: build_remote_engine(documents, url, "bench_melayani_documents")}
        print(f"engine index of {len(documents)} documents built in {time.perf_counter() - started:.2f}s")
        bare_others = {arguments.engine: build_remote_engine(bare_documents, url, "bench_melayani_bare_documents")}
    all_queries = []
    for path in QUERY_FILES:
        queries = load_queries(path, data)
        all_queries += [row["query"] for row in queries]
        report(path.name, engine, queries, misses, others)
        if path.name == "search-dev.tsv":
            title = f"{path.name} (service keywords emptied)"
            report(title, bare_engine, queries, misses, bare_others)

    if arguments.synthetic:
        print("\nservice keywords as queries, keyword-less index (fused)")
        outcomes = evaluate(bare_engine, keyword_queries(data))
        by_kind = defaultdict(list)
        for item in outcomes:
            by_kind[item["kind"]].append(item)
        for kind, items in sorted(by_kind.items()):
            print(f"  {kind:14s} {summarise(items)}")
        print("\nevery village in the generated phrasings (fused)")
        outcomes = evaluate(engine, village_queries(data))
        by_kind = defaultdict(list)
        for item in outcomes:
            by_kind[(item["kind"], item["held_out"])].append(item)
        for (kind, held_out), items in sorted(by_kind.items()):
            print(f"  {kind:22s} {'held-out' if held_out else 'tune':9s} {summarise(items)}")
    if arguments.no_latency:
        return
    for name, other in others.items():
        # Over HTTP, with a request per result shown for its document (the site loads hits from the database).
        median, p95, worst = measure_latency(other, all_queries, rounds=1)
        print(f"\nlatency fused, {name} (HTTP): p50={median:.1f} ms  p95={p95:.1f} ms  max={worst:.1f} ms")
    words = " ".join(f"kata{number} ktp" for number in range(50))
    for mode in ("lexical", "fused"):
        median, p95, worst = measure_latency(engine, all_queries, mode=mode)
        print(
            f"\nlatency {mode}, demo data ({len(documents)} docs): "
            f"p50={median:.1f} ms  p95={p95:.1f} ms  max={worst:.1f} ms"
        )
    started = time.perf_counter()
    engine.search(words, limit=10)
    print(f"a 100-word query: {(time.perf_counter() - started) * 1000:.1f} ms")
    big_documents = multiplied(documents, 20)
    started = time.perf_counter()
    big_engine = build_engine(big_documents)
    build_seconds = time.perf_counter() - started
    median, p95, worst = measure_latency(big_engine, all_queries, rounds=1)
    print(
        f"latency fused, 20x data ({len(big_documents)} docs, built in {build_seconds:.1f}s): "
        f"p50={median:.1f} ms  p95={p95:.1f} ms  max={worst:.1f} ms"
    )


if __name__ == "__main__":
    main()
