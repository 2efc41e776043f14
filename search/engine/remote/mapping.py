"""How a search document goes into the engine: its index settings, mapping and source.

Each field of the lexical engine (``search.engine.fields``) is indexed twice: ``f_<field>``
holds the text as written, ASCII-folded, searched with the editors' synonyms
(``synonym_graph`` at search time, so indexing does not depend on them) and fuzzily;
``s_<field>`` holds our own analysis (stop words out, Sastrawi stems for Indonesian),
so that a stemmed query term meets exactly the documents it meets in process. The
stored embedding is a vector field searched by Lucene's HNSW (the k-NN plugin's
native engines are not available here).
"""

import hashlib
import json

from ...text.normalize import tokenize
from ..fields import FIELD_WEIGHTS, NAME_FIELDS, field_values, index_terms, number
from ..suggestions import phrases

DIMENSION = 384
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
        **{f"s_{name}": {"type": "text", "analyzer": "whitespace"} for name in FIELDS},
        **dict.fromkeys(
            ("role", "key", "type", "id", "locale", "office", "scope", "level", "names"), {"type": "keyword"}
        ),
        "boost": {"type": "float"},
        "document": {"type": "object", "enabled": False},
        "vector": vector_mapping(opensearch),
    }
    folding = ["lowercase", "asciifolding"]
    settings = {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "analysis": {
            "filter": {"melayani_synonyms": {"type": "synonym_graph", "synonyms": rules, "lenient": True}},
            "analyzer": {
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
    mappings = {"dynamic": False, "_meta": {"synonyms": rules_version(rules)}, "properties": properties}
    return {"settings": settings, "mappings": mappings}


def document_id(document: dict) -> str:
    return f"{document['type']}:{document['id']}:{document.get('locale') or 'id'}"


def source(document: dict, vector) -> dict:
    """The engine's copy of a document: its texts, their stems, its names, its vector."""
    locale = str(document.get("locale") or "id")
    extra = document.get("fields")
    texts: dict[str, list[str]] = {}
    stems: dict[str, list[str]] = {}
    for name, value in {"title": document.get("title"), **(extra if isinstance(extra, dict) else {})}.items():
        for text in field_values(value):
            texts.setdefault(field_name(name), []).append(text)
            stems.setdefault(field_name(name), []).append(" ".join(index_terms(text, locale)[1]))
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
        "names": sorted(names(document)),
        "document": document,
        **{f"f_{name}": values for name, values in texts.items()},
        **{f"s_{name}": values for name, values in stems.items()},
    }
    if vector is not None:
        body["vector"] = [float(x) for x in vector]
    return body


def object_id(locale_source: dict) -> str:
    return locale_source["key"]


def object_source(locale_sources: list[dict]) -> dict:
    """One object in every language, as the lexical engine scores it: the texts of all its documents."""
    first = locale_sources[0]
    body = {name: first[name] for name in ("key", "type", "id", "office", "scope", "level", "boost")}
    body.update(role="object", names=sorted({name for part in locale_sources for name in part["names"]}))
    for part in locale_sources:
        for name, values in part.items():
            if name.startswith(("f_", "s_")):
                body.setdefault(name, []).extend(values)
    return body


def names(document: dict) -> set[str]:
    """The phrases that name the object exactly (an office's title, acronym and aliases)."""
    extra = document.get("fields") if isinstance(document.get("fields"), dict) else {}
    values = [phrase for name in NAME_FIELDS for phrase in phrases(extra.get(name))]
    if document.get("type") == "office":
        values.append(str(document.get("title") or ""))
    return {" ".join(tokenize(value)) for value in values if tokenize(value)}
