"""The engine's queries, built from our analysed query (``search.text.query``).

Each clause of the analysed query (a word with its readings: colloquial, repaired,
abbreviated; a pair of neighbouring words; a synonym phrase) becomes a named
``dis_max`` over our stems, field by field with the lexical engine's weights, so the
engine's ``matched_queries`` give the share of the query a document covers. The text as
typed is also matched on the folded fields, fuzzily and with the editors' synonyms.
"""

from ...text.query import AnalyzedQuery, Clause
from ..fields import DEFAULT_FIELD_WEIGHT, FIELD_WEIGHTS
from .mapping import FIELDS, OTHER_FIELD

# The words as typed count little next to our analysis: they catch what it has no reading
# for (a misspelling the engine's fuzziness repairs, a synonym only the engine knows).
PLAIN_TEXT_WEIGHT = 0.3
# Every term is searched in each of the 21 stem fields, and Lucene refuses a query of more
# than 1,024 clauses: at most 24 terms (the words' own readings come first, then pairs and
# synonyms), at most 8 per clause. The typed text adds its first 6 words, fuzzily in the
# name fields only.
MAX_TERMS_PER_CLAUSE = 8
MAX_TERMS = 24
MAX_CLAUSES = 24
MAX_PLAIN_WORDS = 6
FUZZY_FIELDS = ("f_title^3.0", "f_acronym^4.0", "f_aliases^3.0", "f_keywords^2.5", "f_handles^2.0")
FUZZY_EXPANSIONS = 5


def weighted(prefix: str) -> list[str]:
    weight = {name: FIELD_WEIGHTS.get(name, DEFAULT_FIELD_WEIGHT) for name in FIELDS}
    weight[OTHER_FIELD] = DEFAULT_FIELD_WEIGHT
    return [f"{prefix}{name}^{value}" for name, value in weight.items()]


STEM_FIELDS = weighted("s_")
TEXT_FIELDS = weighted("f_")


def type_filter(types, role="object") -> list[dict]:
    """Objects (all their languages) for words, documents in one language for vectors and display."""
    return [{"term": {"role": role}}] + ([{"terms": {"type": sorted(types)}}] if types else [])


def _term_query(term: str, weight: float) -> dict:
    if "\x1f" in term:  # two neighbouring words: the phrase
        return {
            "multi_match": {
                "query": term.replace("\x1f", " "),
                "fields": STEM_FIELDS,
                "type": "phrase",
                "boost": weight,
            }
        }
    return {"multi_match": {"query": term, "fields": STEM_FIELDS, "type": "most_fields", "boost": weight}}


def clause_query(clause: Clause, name: str, budget: int = MAX_TERMS_PER_CLAUSE) -> dict:
    """The best of the clause's alternatives; a phrase alternative needs all its words."""
    queries = []
    for alternative in clause.alternatives:
        if len(alternative.slots) == 1:
            queries += [_term_query(term, alternative.weight) for term in sorted(alternative.slots[0])]
        else:
            words = [sorted(slot)[0] for slot in alternative.slots if slot]
            queries.append(_term_query("\x1f".join(words), alternative.weight))
    queries.sort(key=lambda query: -query["multi_match"]["boost"])  # stable: the typed word's own reading first
    queries = queries[: min(budget, MAX_TERMS_PER_CLAUSE)]
    return {"dis_max": {"queries": queries, "boost": clause.importance, "_name": name}}


def clause_queries(analyzed: AnalyzedQuery) -> list[dict]:
    """The clauses in the analyser's order (words, pairs, synonyms) until the term budget is spent."""
    clauses, budget = [], MAX_TERMS
    for i, clause in enumerate(analyzed.clauses[:MAX_CLAUSES]):
        if budget <= 0:
            break
        query = clause_query(clause, f"c{i}", budget)
        if query["dis_max"]["queries"]:
            clauses.append(query)
            budget -= len(query["dis_max"]["queries"])
    return clauses


def lexical_query(analyzed: AnalyzedQuery, text: str, types, size: int) -> dict:
    clauses = clause_queries(analyzed)
    text = " ".join(text.split()[:MAX_PLAIN_WORDS])
    plain = [
        {"multi_match": {"query": text, "fields": TEXT_FIELDS, "boost": PLAIN_TEXT_WEIGHT, "_name": "text"}},
        {
            "multi_match": {
                "query": text,
                "fields": list(FUZZY_FIELDS),
                "fuzziness": "AUTO",
                "max_expansions": FUZZY_EXPANSIONS,
                "prefix_length": 1,
                "analyzer": "folded",
                "boost": PLAIN_TEXT_WEIGHT,
                "_name": "fuzzy",
            }
        },
    ]
    query = {"bool": {"should": clauses + plain, "minimum_should_match": 1, "filter": type_filter(types)}}
    return {
        "size": size,
        "query": query,
        "collapse": {"field": "key"},
        "_source": ["type", "id", "office", "level", "boost"],
    }


def knn_query(vector, types, size: int, opensearch: bool) -> dict:
    vector = [float(x) for x in vector]
    filters = type_filter(types, role="locale")
    if opensearch:
        knn = {"vector": vector, "k": size * 2}
        if filters:
            knn["filter"] = {"bool": {"filter": filters}}
        query = {"knn": {"vector": knn}}
    else:
        query = {"knn": {"field": "vector", "query_vector": vector, "k": size * 2, "num_candidates": size * 4}}
        if filters:
            query["knn"]["filter"] = filters
    return {"size": size, "query": query, "collapse": {"field": "key"}, "_source": ["type", "id"]}


def names_query(phrases: set[str]) -> dict:
    query = {"bool": {"filter": [{"terms": {"names": sorted(phrases)}}, *type_filter(None)]}}
    return {"size": 50, "query": query, "_source": ["type", "id", "office", "names"]}


def heads_query(offices: set[str], types) -> dict:
    filters = [{"term": {"type": "contact"}}, {"term": {"level": "head"}}, {"terms": {"office": sorted(offices)}}]
    query = {"bool": {"filter": filters + type_filter(types)}}
    return {"size": 50, "query": query, "collapse": {"field": "key"}, "_source": ["type", "id", "office"]}
