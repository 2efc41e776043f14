"""How a search document goes into the engine: its index settings, mapping and source.

An object (in all its languages) carries its index terms as the lexical engine scores
them: ``weighted`` holds each term (Sastrawi stems, stop words out, neighbouring pairs)
with its BM25F pseudo-frequency as the term's frequency (``delimited_term_freq``), and a
scripted similarity saturates it like ``LexicalEngine``; the query brings the term's
rarity as its boost. ``about`` lists the terms the object is about, whose counts are that
rarity. So a query scores every object exactly as in process, but for the average field
lengths, fixed when the index is built. ``f_<field>`` keeps the text as written,
ASCII-folded, searched with the editors' synonyms (``synonym_graph`` at search time)
and fuzzily when our terms find nothing. The stored embedding is a vector field
searched by Lucene's HNSW (the k-NN plugin's native engines are not available here).
"""

import hashlib
import json
from collections import Counter, defaultdict

from ...text.normalize import tokenize
from ...text.vocabulary import JOB_GRADE_PHRASES, SPELLING_VARIANTS, STEM_EXCEPTIONS, STOPWORDS
from ..fields import (
    ABOUT_THRESHOLD,
    DEFAULT_FIELD_WEIGHT,
    DEFAULT_LENGTH_NORMALISATION,
    FIELD_WEIGHTS,
    K1,
    LENGTH_NORMALISATION,
    NAME_FIELDS,
    PAIR_SEPARATOR,
    PLACES_FIELD,
    SERVICE_NAME_FIELDS,
    document_fields,
    field_terms,
    field_values,
    number,
    place_names,
    pseudo_frequency,
)
from ..suggestions import phrases

DIMENSION = 384
# Bumped when the index's layout changes, so that an index built by older code is rebuilt.
LAYOUT_VERSION = 7


def _layout() -> str:
    """``LAYOUT_VERSION`` and a digest of what the index stores and was created with: the word lists as
    read (stopwords, spelling variants, job grades, the stemmer's exceptions), which shape its terms;
    the fields' weights, length normalisation and ``ABOUT_THRESHOLD``, with which each object's
    pseudo-frequencies are computed when it is indexed; ``K1``, in its saturation script; and the
    fields that give an object its names. An index built with any of them otherwise is rebuilt too,
    while comments, line endings and lists only queries use change nothing."""
    lists = {
        "stopwords": sorted(STOPWORDS),
        "spelling_variants": sorted(SPELLING_VARIANTS.items()),
        "job_grades": sorted(JOB_GRADE_PHRASES),
        "stem_exceptions": sorted(STEM_EXCEPTIONS.items()),
        "field_weights": [sorted(FIELD_WEIGHTS.items()), DEFAULT_FIELD_WEIGHT, ABOUT_THRESHOLD],
        "length_normalisation": [sorted(LENGTH_NORMALISATION.items()), DEFAULT_LENGTH_NORMALISATION],
        "saturation": K1,
        "name_fields": [sorted(NAME_FIELDS), sorted(SERVICE_NAME_FIELDS), PLACES_FIELD],
    }
    digest = hashlib.sha256(json.dumps(lists, ensure_ascii=False).encode()).hexdigest()
    return f"{LAYOUT_VERSION}-{digest[:12]}"


LAYOUT = _layout()
# Pseudo-frequencies travel as whole term frequencies: in hundredths as OpenSearch's
# ``term|frequency`` (``delimited_term_freq``); Elasticsearch has no such filter, so there a
# term is repeated, in tenths.
FREQUENCY_SCALE = {True: 100, False: 10}
ENGINE_PAIR = "_"  # never inside a term: words are letters and digits


def saturation_script(opensearch: bool) -> str:
    scale = float(FREQUENCY_SCALE[opensearch])
    return f"double tf = doc.freq / {scale}; return query.boost * tf * {K1 + 1} / ({K1} + tf);"


def weighted_text(weights: dict[str, float], opensearch: bool) -> str:
    """The terms with their pseudo-frequencies, as the ``weighted`` field's analyzer reads them."""
    scale = FREQUENCY_SCALE[opensearch]
    frequencies = {engine_term(term): max(1, round(value * scale)) for term, value in weights.items()}
    if opensearch:
        return " ".join(f"{term}|{frequency}" for term, frequency in frequencies.items())
    return " ".join(" ".join([term] * frequency) for term, frequency in frequencies.items())


OTHER_FIELD = "other"  # fields with no weight of their own count as one, with DEFAULT_FIELD_WEIGHT
FIELDS = (*FIELD_WEIGHTS, OTHER_FIELD)


def field_name(name: str) -> str:
    return name if name in FIELD_WEIGHTS else OTHER_FIELD


def rules_version(rules: list[str]) -> str:
    return hashlib.sha256(json.dumps(rules).encode()).hexdigest()[:16]


def vector_mapping(opensearch: bool) -> dict:
    if opensearch:
        method = {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}
        return {"type": "knn_vector", "dimension": DIMENSION, "method": method}
    return {"type": "dense_vector", "dims": DIMENSION, "index": True, "similarity": "cosine"}


def index_body(rules: list[str], opensearch: bool) -> dict:
    text = {"type": "text", "analyzer": "folded", "search_analyzer": "folded_synonyms"}
    properties = {
        **{f"f_{name}": dict(text) for name in FIELDS},
        "weighted": {
            "type": "text",
            "analyzer": "weighted_terms",
            "similarity": "bm25f",
            "index_options": "freqs",
            "norms": False,
        },
        "about": {"type": "text", "analyzer": "whitespace", "index_options": "docs", "norms": False},
        **dict.fromkeys(
            ("role", "key", "type", "id", "locale", "office", "scope", "level", *NAME_KINDS), {"type": "keyword"}
        ),
        "boost": {"type": "float"},
        "document": {"type": "object", "enabled": False},
        "vector": vector_mapping(opensearch),
    }
    folding = ["lowercase", "asciifolding"]
    settings = {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "similarity": {"bm25f": {"type": "scripted", "script": {"source": saturation_script(opensearch)}}},
        "analysis": {
            "filter": {
                "melayani_synonyms": {"type": "synonym_graph", "synonyms": rules, "lenient": True},
                **({"frequency": {"type": "delimited_term_freq", "delimiter": "|"}} if opensearch else {}),
            },
            "analyzer": {
                "weighted_terms": {
                    "type": "custom",
                    "tokenizer": "whitespace",
                    "filter": ["frequency"] if opensearch else [],
                },
                "folded": {"type": "custom", "tokenizer": "standard", "filter": folding},
                "folded_synonyms": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [*folding, "melayani_synonyms"],
                },
            },
        },
    }
    if opensearch:
        settings["knn"] = True
    meta = {"synonyms": rules_version(rules), "layout": LAYOUT}
    mappings = {"dynamic": False, "_meta": meta, "properties": properties}
    return {"settings": settings, "mappings": mappings}


def document_id(document: dict) -> str:
    return f"{document['type']}:{document['id']}:{document.get('locale') or 'id'}"


def source(document: dict, vector) -> dict:
    """The engine's copy of a document: its texts, their stems, its names, its vector."""
    locale = str(document.get("locale") or "id")
    texts: dict[str, list[str]] = {}
    for name, value in document_fields(document).items():
        texts.setdefault(field_name(name), []).extend(field_values(value))
    body = {
        "role": "locale",
        "key": f"{document['type']}:{document['id']}",
        "type": str(document["type"]),
        "id": str(document["id"]),
        "locale": locale,
        "office": str(document.get("office") or ""),
        "scope": str(document.get("scope") or ""),
        "level": document.get("level"),
        "boost": number(document.get("boost"), default=1.0),
        **{kind: sorted(values) for kind, values in names(document).items()},
        "document": document,
        **{f"f_{name}": values for name, values in texts.items()},
    }
    if vector is not None:
        body["vector"] = [float(x) for x in vector]
    return body


def passage_source(document: dict, vector) -> dict:
    """A passage of a document (a service's situation): only its vector, under its object's key."""
    body = {name: str(document.get(name) or "") for name in ("type", "id", "office", "scope")}
    body.update(
        role="passage",
        key=f"{document['type']}:{document['id']}",
        locale=str(document.get("locale") or "id"),
        vector=[float(x) for x in vector],
    )
    return body


def object_id(locale_source: dict) -> str:
    return locale_source["key"]


def object_terms(documents) -> tuple[dict[str, Counter], dict[str, int]]:
    """The counts of the object's index terms per field, in all its languages, and each field's length."""
    counts: dict[str, Counter] = defaultdict(Counter)
    lengths: dict[str, int] = {}
    for document in documents:
        locale = str(document.get("locale") or "id")
        for name, value in document_fields(document).items():
            for text in field_values(value):
                stems, terms = field_terms(name, text, locale)[1:]
                lengths[name] = lengths.get(name, 0) + len(stems)
                counts[name].update(terms)
    return counts, lengths


def average_lengths(objects) -> dict[str, float]:
    """Each field's average length over the objects that have it (``object_terms``' lengths)."""
    total, having = Counter(), Counter()
    for lengths in objects:
        total.update(lengths)
        having.update(lengths.keys())
    return {name: max(1.0, total[name] / count) for name, count in having.items()}


def engine_term(term: str) -> str:
    return term.replace(PAIR_SEPARATOR, ENGINE_PAIR)


def object_source(
    locale_sources: list[dict], documents: list[dict], averages: dict[str, float], opensearch=True
) -> dict:
    """One object in every language: its texts, and its terms weighted as the lexical engine weighs them."""
    first = locale_sources[0]
    body = {name: first[name] for name in ("key", "type", "id", "office", "scope", "level", "boost")}
    body["role"] = "object"
    for kind in NAME_KINDS:
        body[kind] = sorted({name for part in locale_sources for name in part[kind]})
    for part in locale_sources:
        for name, values in part.items():
            if name.startswith("f_"):
                body.setdefault(name, []).extend(values)
    counts, lengths = object_terms(documents)
    by_term: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, term_counts in counts.items():
        for term, count in term_counts.items():
            by_term[term].append((name, count))
    weights = {term: pseudo_frequency(fields, lengths, averages) for term, fields in by_term.items()}
    body["weighted"] = weighted_text(weights, opensearch)
    body["about"] = " ".join(engine_term(term) for term, value in weights.items() if value >= ABOUT_THRESHOLD)
    return body


NAME_KINDS = ("names", "own_names", "service_names", "place_names")


def names(document: dict) -> dict[str, set[str]]:
    """The phrases that name the object exactly, as ``LexicalIndex._index_names`` reads them:
    ``names`` (an office's title, acronym and aliases), ``own_names`` (those not from aliases),
    ``service_names`` (a service's title and keywords) and ``place_names`` (the villages an office serves)."""
    found: dict[str, set[str]] = {kind: set() for kind in NAME_KINDS}
    office, service = document.get("type") == "office", document.get("type") == "service"
    for field, value in document_fields(document).items():
        if field == PLACES_FIELD and office:
            found["place_names"].update(place_names(value))
            continue
        names_office = field in NAME_FIELDS or (field == "title" and office)
        names_service = field in SERVICE_NAME_FIELDS and service
        if not (names_office or names_service):
            continue
        for phrase in phrases(value) if field != "title" else [str(value or "")]:
            name = " ".join(tokenize(phrase))
            if name and names_office:
                found["names"].add(name)
                if field != "aliases":
                    found["own_names"].add(name)
            if name and names_service:
                found["service_names"].add(name)
    return found
