"""The engine's queries, built from our analysed query (``search.text.query``).

Each clause of the analysed query (a word with its readings: colloquial, repaired,
abbreviated; a pair of neighbouring words; a synonym phrase) becomes a named ``dis_max``
over its terms in the objects' ``weighted`` field, each term boosted by its weight in the
clause times its rarity, so that the engine sums exactly the scores ``LexicalEngine``
sums, and its ``matched_queries`` give the share of the query a document covers. The
rarities come first, from one counting request (``frequency_query``). When none of our
terms is found, the text as typed is matched on the folded fields, fuzzily and with the
editors' synonyms (``fallback_query``).
"""

from ...text.query import AnalyzedQuery, Clause
from ..fields import DEFAULT_FIELD_WEIGHT, FIELD_WEIGHTS, rarity
from .mapping import FIELDS, NAME_KINDS, OTHER_FIELD, engine_term

# Lucene refuses a query of more than 1,024 clauses, each term being one: the terms of the
# first clauses are kept (the words' own readings come before pairs and synonyms).
MAX_TERM_QUERIES = 900
# The meaning search's hits per object wanted: its documents and passages (two languages, a
# few situations each) may all come before the next object's.
HITS_PER_OBJECT = 8
MAX_PLAIN_WORDS = 6  # the fallback matches the first words as typed, fuzzily in the name fields
FUZZY_FIELDS = ("f_title^3.0", "f_acronym^4.0", "f_aliases^3.0", "f_keywords^2.5", "f_handles^2.0")
FUZZY_EXPANSIONS = 5


def weighted(prefix: str) -> list[str]:
    weight = {name: FIELD_WEIGHTS.get(name, DEFAULT_FIELD_WEIGHT) for name in FIELDS}
    weight[OTHER_FIELD] = DEFAULT_FIELD_WEIGHT
    return [f"{prefix}{name}^{value}" for name, value in weight.items()]


TEXT_FIELDS = weighted("f_")


def type_filter(types, role="object") -> list[dict]:
    """Objects (all their languages) for words, documents in one language for display; ``role`` may
    be a list (vectors: the documents' own and their passages')."""
    roles = {"terms": {"role": role}} if isinstance(role, list) else {"term": {"role": role}}
    return [roles] + ([{"terms": {"type": sorted(types)}}] if types else [])


def query_terms(analyzed: AnalyzedQuery) -> list[str]:
    """Every term the clauses may search, as the engine holds it."""
    terms = {
        engine_term(term)
        for clause in analyzed.clauses
        for alternative in clause.alternatives
        for slot in alternative.slots
        for term in slot
    }
    return sorted(terms)[: MAX_TERM_QUERIES * 2]


def frequency_query(terms: list[str]) -> dict:
    """How many objects there are, how many hold each term, and how many are about it."""
    filters = {f"w{i}": {"term": {"weighted": term}} for i, term in enumerate(terms)}
    filters |= {f"a{i}": {"term": {"about": term}} for i, term in enumerate(terms)}
    return {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": type_filter(None)}},
        "aggs": {"terms": {"filters": {"filters": filters}}},
    }


def rarities(terms: list[str], answer: dict) -> dict[str, float]:
    """Each term held by some object, with its rarity (``frequency_query``'s answer)."""
    objects = answer["hits"]["total"]["value"]
    buckets = answer.get("aggregations", {}).get("terms", {}).get("buckets", {})
    return {
        term: rarity(objects, buckets[f"a{i}"]["doc_count"])
        for i, term in enumerate(terms)
        if buckets.get(f"w{i}", {}).get("doc_count")
    }


def _term_query(term: str, boost: float) -> dict:
    return {"term": {"weighted": {"value": term, "boost": boost}}}


def clause_query(clause: Clause, name: str, rarity_of: dict[str, float]) -> tuple[dict, int]:
    """The best of the clause's alternatives (a phrase alternative needs all its words), and its term count."""
    queries, count = [], 0
    for alternative in clause.alternatives:
        slots = [[engine_term(term) for term in sorted(slot)] for slot in alternative.slots]
        slots = [[term for term in slot if term in rarity_of] for slot in slots]
        if len(slots) == 1:
            queries += [_term_query(term, alternative.weight * rarity_of[term]) for term in slots[0]]
            count += len(slots[0])
        elif all(slots):
            must = [{"dis_max": {"queries": [_term_query(term, rarity_of[term]) for term in slot]}} for slot in slots]
            queries.append({"bool": {"must": must, "boost": alternative.weight / len(slots)}})
            count += sum(len(slot) for slot in slots)
    return {"dis_max": {"queries": queries, "boost": clause.importance, "_name": name}}, count


def lexical_query(analyzed: AnalyzedQuery, rarity_of: dict[str, float], types, size: int) -> dict | None:
    """The clauses in the analyser's order (words, pairs, synonyms) while the term budget lasts; None if none."""
    clauses, budget = [], MAX_TERM_QUERIES
    for i, clause in enumerate(analyzed.clauses):
        query, count = clause_query(clause, f"c{i}", rarity_of)
        if query["dis_max"]["queries"] and count <= budget:
            clauses.append(query)
            budget -= count
    if not clauses:
        return None
    query = {"bool": {"should": clauses, "minimum_should_match": 1, "filter": type_filter(types)}}
    return {"size": size, "query": query, "_source": ["type", "id", "office", "level", "boost"]}


def fallback_query(text: str, types, size: int) -> dict:
    """The text as typed, on the folded fields with the editors' synonyms, and fuzzily on the names."""
    text = " ".join(text.split()[:MAX_PLAIN_WORDS])
    plain = [
        {"multi_match": {"query": text, "fields": TEXT_FIELDS}},
        {
            "multi_match": {
                "query": text,
                "fields": list(FUZZY_FIELDS),
                "fuzziness": "AUTO",
                "max_expansions": FUZZY_EXPANSIONS,
                "prefix_length": 1,
                "analyzer": "folded",
            }
        },
    ]
    query = {"bool": {"should": plain, "minimum_should_match": 1, "filter": type_filter(types)}}
    return {"size": size, "query": query, "_source": ["type", "id", "office", "level", "boost"]}


def knn_query(vector, types, size: int, opensearch: bool) -> dict:
    vector = [float(x) for x in vector]
    filters = type_filter(types, role=["locale", "passage"])
    if opensearch:
        knn = {"vector": vector, "k": size * HITS_PER_OBJECT}
        if filters:
            knn["filter"] = {"bool": {"filter": filters}}
        query = {"knn": {"vector": knn}}
    else:
        # Elasticsearch's knn query takes its k from the request's size.
        query = {"knn": {"field": "vector", "query_vector": vector, "num_candidates": size * HITS_PER_OBJECT * 2}}
        if filters:
            query["knn"]["filter"] = filters
    # Not collapsed: a passage's similarity is scaled before each object keeps its best (``RemoteSemantic``).
    return {"size": size * HITS_PER_OBJECT, "query": query, "_source": ["type", "id", "role"]}


def names_query(phrases: set[str]) -> dict:
    """The objects named by one of the phrases: offices (by title, acronym or alias), services (by title or keyword)."""
    named = [{"terms": {kind: sorted(phrases)}} for kind in NAME_KINDS]
    query = {"bool": {"should": named, "minimum_should_match": 1, "filter": type_filter(None)}}
    return {"size": 100, "query": query, "_source": ["type", "id", "office", *NAME_KINDS]}


def heads_query(offices: set[str], types) -> dict:
    filters = [{"term": {"type": "contact"}}, {"term": {"level": "head"}}, {"terms": {"office": sorted(offices)}}]
    query = {"bool": {"filter": filters + type_filter(types)}}
    return {"size": 50, "query": query, "collapse": {"field": "key"}, "_source": ["type", "id", "office"]}
