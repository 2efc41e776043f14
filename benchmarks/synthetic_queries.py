"""Self-made query sets for generalisation checks, generated from the data rather than written.

``keyword_queries``: every keyword that belongs to a single service, to be searched in an
index built without any keywords, plus a copy with phone-style damage.

``village_queries``: the phrasings of ``data/village-templates.tsv`` filled with every
village of ``directory/data/villages.tsv`` that is not also a kecamatan's name, once as
written and once misspelt; the answer is that service of the village's kecamatan (of
each, for a name that several kecamatan have). Then the other side: each Indonesian
keyword of a service that no kecamatan offers, in a phrasing of ``data/village-mentions.tsv``
with a village; the answer stays that service. Split into halves like the written sets.
"""

import csv
import hashlib
import random
from collections import defaultdict
from pathlib import Path

from directory.villages import comparable, gazetteer

LOCALES = ("id", "en")
VILLAGE_TEMPLATES = Path(__file__).resolve().parent / "data" / "village-templates.tsv"
VILLAGE_MENTIONS = Path(__file__).resolve().parent / "data" / "village-mentions.tsv"


def keyword_queries(data: dict) -> list[dict]:
    """Each single-owner keyword as a query, and a phone-damaged copy of the Indonesian ones."""
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


def village_queries(data: dict) -> list[dict]:
    """Services asked for by a village's name, as typed and misspelt, in both languages. A slip
    that leaves the name as it was or makes another village's name gives no misspelt query."""
    places = gazetteer()
    kecamatan_names = {comparable(name) for name in places.kecamatan}
    village_names = {comparable(name) for village in places.villages for name in village.names}
    office_of = {places.kecamatan_of_office(office): office["slug"] for office in data["opds"]}
    responsible = {
        service["slug"]: service["contacts"][0]
        for office in data["opds"]
        for service in office.get("services", [])
        if service.get("contacts")
    }
    with open(VILLAGE_TEMPLATES, encoding="utf-8") as handle:
        templates = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    generator = random.Random(7)
    rows, seen = [], set()
    names = sorted({village.name for village in places.villages if comparable(village.name) not in kecamatan_names})
    for name in names:
        offices = [office_of[kecamatan] for kecamatan in places.kecamatan_of_village(name)]
        for template in templates:
            slugs = [f"{office}-{template['service']}" for office in offices]
            accepted = {f"service:{slug}" for slug in slugs} | {
                f"contact:{responsible[slug]}" for slug in slugs if slug in responsible
            }
            misspelt = _misspelt(name.lower(), generator)
            typed = {"as written": name.lower()}
            if comparable(misspelt) not in village_names:
                typed["misspelt"] = misspelt
            for kind, village in typed.items():
                query = template["template"].format(village=village)
                if query in seen:
                    continue
                seen.add(query)
                rows.append(
                    {
                        "query": query,
                        "kind": f"village-{template['lang']} {kind}",
                        "accepted": accepted,
                        "held_out": hashlib.sha1(query.encode("utf-8")).digest()[0] % 2 == 0,
                    }
                )
    return rows + village_mentions(data, sorted({name.lower() for name in names}), generator)


def village_mentions(data: dict, villages: list[str], generator: random.Random) -> list[dict]:
    """Regency services asked for by their own keywords, with a village named around them."""
    with open(VILLAGE_MENTIONS, encoding="utf-8") as handle:
        templates = [row["template"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    rows = []
    for row in keyword_queries(data):
        if row["kind"] != "keyword-id" or any(item.startswith("service:kecamatan-") for item in row["accepted"]):
            continue
        query = generator.choice(templates).format(keyword=row["query"], village=generator.choice(villages))
        held_out = hashlib.sha1(query.encode("utf-8")).digest()[0] % 2 == 0
        rows.append({**row, "query": query, "kind": "regency service, village named", "held_out": held_out})
    return rows


def _misspelt(name: str, generator: random.Random) -> str:
    """The name with one slip in its longest word (a vowel or a letter lost, two swapped)."""
    words = name.split()
    longest = max(range(len(words)), key=lambda position: len(words[position]))
    if len(words[longest]) >= 5:
        words[longest] = _slip(words[longest], generator)
    return " ".join(words)


def _damage(text: str, generator: random.Random) -> str:
    return " ".join(
        _slip(word, generator) if len(word) >= 5 and generator.random() < 0.6 else word for word in text.split()
    )


def _slip(word: str, generator: random.Random) -> str:
    kind, cut = generator.random(), generator.randrange(1, len(word) - 1)
    if kind < 0.4:
        return word[0] + "".join(letter for letter in word[1:] if letter not in "aeiou")
    if kind < 0.7:
        return word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
    return word[:cut] + word[cut + 1 :]
