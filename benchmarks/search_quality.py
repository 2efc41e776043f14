"""Search quality and speed benchmark on the sample directory.

Builds documents straight from ``directory/data/directory.json`` (one per contact,
service and office, in Indonesian and English), runs the dev query sets and prints
hit@1, hit@3 and MRR per file and per query kind, the contact-only top-3 rate, and
query latency on the demo data and on 20 times as many documents.

    .venv/bin/python benchmarks/search_quality.py [--misses] [--split tune|held-out|all] [--synthetic]

Queries are split deterministically (by a hash of the query text) into a tuning part
and a held-out part, so that tuning on one can be checked against the other.
"""

import argparse
import copy
import csv
import hashlib
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.documents import documents_from_directory as build_documents  # noqa: E402
from search.engine import SearchEngine  # noqa: E402

DIRECTORY_FILE = ROOT / "directory" / "data" / "directory.json"
SHARED_DATA = Path(os.environ.get("MELAYANI_SHARED_DATA", ROOT.parent / "shared" / "data"))
QUERY_FILES = [SHARED_DATA / "search-dev.tsv", SHARED_DATA / "search-hard-dev.tsv"]
LOCALES = ("id", "en")
HELD_OUT_SHARE = 3  # one query in three is held out


def load_directory(path=DIRECTORY_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def documents_from_directory(data: dict) -> list[dict]:
    """The site's own document builder, fed straight from the sample file."""
    return build_documents(data["opds"])


def without_keywords(data: dict) -> dict:
    stripped = copy.deepcopy(data)
    for office in stripped["opds"]:
        for service in office.get("services", []):
            service["keywords"] = {locale: [] for locale in LOCALES}
    return stripped


def load_queries(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        row["accepted"] = set(row["accept"].split())
        digest = hashlib.sha1(row["query"].encode("utf-8")).digest()
        row["held_out"] = digest[0] % HELD_OUT_SHARE == 0
    return rows


def _key(document: dict) -> str:
    return f"{document['type']}:{document['id']}"


def evaluate(engine: SearchEngine, queries: list[dict]) -> dict:
    """Per-query outcomes: rank of the first accepted result and the contact-only hit."""
    outcomes = []
    for row in queries:
        results = engine.search(row["query"], limit=10)
        ranks = [rank for rank, (document, _) in enumerate(results, 1) if _key(document) in row["accepted"]]
        accepted_contacts = {item for item in row["accepted"] if item.startswith("contact:")}
        contact_hit = None
        if accepted_contacts:
            contacts = engine.search(row["query"], types=["contact"], limit=3)
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


def report(title: str, outcomes: list[dict], split: str, show_misses: bool) -> None:
    if split == "tune":
        outcomes = [item for item in outcomes if not item["held_out"]]
    elif split == "held-out":
        outcomes = [item for item in outcomes if item["held_out"]]
    print(f"\n{title}")
    print(f"  {'all':14s} {summarise(outcomes)}")
    if split == "all" and any(item["held_out"] for item in outcomes):
        print(f"  {'  tune':14s} {summarise([item for item in outcomes if not item['held_out']])}")
        print(f"  {'  held-out':14s} {summarise([item for item in outcomes if item['held_out']])}")
    by_kind = defaultdict(list)
    for item in outcomes:
        by_kind[item["kind"]].append(item)
    for kind, items in sorted(by_kind.items()):
        print(f"  {kind:14s} {summarise(items)}")
    if show_misses:
        for item in outcomes:
            if not item["rank"] or item["rank"] > 1 or item["contact_hit"] is False:
                top = ", ".join(f"{_key(document)} ({score:.2f})" for document, score in item["top"])
                print(f"    rank={item['rank']} contact={item['contact_hit']} | {item['query']} -> {top}")


def keyword_queries(data: dict) -> list[dict]:
    """Self-made queries for a generalisation check: every keyword that belongs to a single
    service, to be searched in an index built without any keywords, plus a copy with
    phone-style damage (vowels dropped, letters swapped or lost) in about half the words."""
    owners = defaultdict(set)
    for office in data["opds"]:
        for service in office.get("services", []):
            for locale in LOCALES:
                for keyword in service["keywords"][locale]:
                    owners[keyword.lower()].add(service["slug"])
    rows = []
    for office in data["opds"]:
        for service in office.get("services", []):
            accepted = {f"service:{service['slug']}", f"contact:{service['contacts'][0]}"}
            for locale in LOCALES:
                for keyword in service["keywords"][locale]:
                    if len(owners[keyword.lower()]) == 1 and len(keyword) > 3:
                        rows.append({"query": keyword, "kind": f"keyword-{locale}", "accepted": accepted})
    generator = random.Random(7)
    damaged = [
        {**row, "query": _damage(row["query"], generator), "kind": "damaged-id"}
        for row in rows
        if row["kind"] == "keyword-id"
    ]
    return [{**row, "held_out": False} for row in rows + damaged]


def _damage(text: str, generator: random.Random) -> str:
    words = []
    for word in text.split():
        if len(word) >= 5 and generator.random() < 0.6:
            kind, cut = generator.random(), generator.randrange(1, len(word) - 1)
            if kind < 0.4:
                word = word[0] + "".join(letter for letter in word[1:] if letter not in "aeiou")
            elif kind < 0.7:
                word = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
            else:
                word = word[:cut] + word[cut + 1 :]
        words.append(word)
    return " ".join(words)


def measure_latency(engine: SearchEngine, queries: list[str], rounds: int = 3) -> tuple[float, float]:
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            engine.search(query, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def multiplied(documents: list[dict], factor: int) -> list[dict]:
    copies = list(documents)
    for copy_number in range(1, factor):
        copies += [{**document, "id": f"{document['id']}~{copy_number}"} for document in documents]
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print queries whose accepted result is not first")
    parser.add_argument("--split", choices=["all", "tune", "held-out"], default="all")
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument(
        "--synthetic", action="store_true", help="also run service keywords as queries against a keyword-less index"
    )
    arguments = parser.parse_args()

    data = load_directory()
    documents = documents_from_directory(data)
    started = time.perf_counter()
    engine = SearchEngine(documents)
    print(f"indexed {len(documents)} documents in {time.perf_counter() - started:.2f}s")
    all_queries = []
    for path in QUERY_FILES:
        queries = load_queries(path)
        all_queries += [row["query"] for row in queries]
        report(path.name, evaluate(engine, queries), arguments.split, arguments.misses)
        if path.name == "search-dev.tsv":
            bare_engine = SearchEngine(documents_from_directory(without_keywords(data)))
            report(
                f"{path.name} (service keywords emptied)",
                evaluate(bare_engine, queries),
                arguments.split,
                arguments.misses,
            )

    if arguments.synthetic:
        bare_engine = SearchEngine(documents_from_directory(without_keywords(data)))
        report(
            "service keywords as queries, keyword-less index",
            evaluate(bare_engine, keyword_queries(data)),
            "all",
            False,
        )
    if arguments.no_latency:
        return
    median, p95 = measure_latency(engine, all_queries)
    print(f"\nlatency, demo data ({len(documents)} docs): p50={median:.1f} ms  p95={p95:.1f} ms")
    big_documents = multiplied(documents, 20)
    started = time.perf_counter()
    big_engine = SearchEngine(big_documents)
    build_seconds = time.perf_counter() - started
    median, p95 = measure_latency(big_engine, all_queries, rounds=1)
    print(
        f"latency, 20x data ({len(big_documents)} docs, built in {build_seconds:.1f}s): "
        f"p50={median:.1f} ms  p95={p95:.1f} ms"
    )


if __name__ == "__main__":
    main()
