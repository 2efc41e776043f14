"""The search engine's index body and queries, built without a server."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from search.engine.index import LexicalIndex
from search.engine.remote import queries
from search.engine.remote.mapping import index_body, source
from search.engine.remote.site import Vocabulary
from search.text.query import QueryAnalyzer

DOCUMENTS = [
    {"type": "service", "id": "izin-usaha", "locale": "id", "title": "Perizinan usaha", "scope": "office:dpmptsp"},
    {"type": "office", "id": "dpmptsp", "locale": "id", "title": "Dinas Penanaman Modal"}
    | {"fields": {"acronym": "DPMPTSP"}},
]


def analyzer():
    vocabulary = Vocabulary()
    vocabulary.replace(set(), DOCUMENTS)
    return QueryAnalyzer(vocabulary.lexicon(), [["izin usaha", "NIB"]], LexicalIndex.synonym_weight)


def test_the_vector_field_uses_lucene_hnsw_with_cosine_similarity():
    vector = index_body([], opensearch=True)["mappings"]["properties"]["vector"]
    assert vector == {
        "type": "knn_vector",
        "dimension": 384,
        "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"},
    }


def test_the_editors_synonyms_are_a_search_time_filter():
    body = index_body(["surat brojol, akta kelahiran"], opensearch=True)
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["melayani_synonyms"]["synonyms"] == ["surat brojol, akta kelahiran"]
    assert "melayani_synonyms" not in analysis["analyzer"]["folded"]["filter"]
    assert body["mappings"]["properties"]["f_title"]["search_analyzer"] == "folded_synonyms"


def test_documents_carry_our_sastrawi_stems_and_their_office_names():
    assert source(DOCUMENTS[0], None)["s_title"] == ["izin usaha"]
    assert source(DOCUMENTS[1], None)["names"] == ["dinas penanaman modal", "dpmptsp"]


def test_a_repaired_typo_is_sent_as_the_stem_it_stands_for():
    body = queries.lexical_query(analyzer().analyze("perijinan usha"), "perijinan usha", None, 10)
    assert '"izin"' in json.dumps(body) and '"usaha"' in json.dumps(body)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_hostile_text_gives_a_bounded_query(text):
    body = queries.lexical_query(analyzer().analyze(text), text, ["service"], 50)
    assert len(body["query"]["bool"]["should"]) <= queries.MAX_CLAUSES + 2
    terms = [len(clause["dis_max"]["queries"]) for clause in body["query"]["bool"]["should"] if "dis_max" in clause]
    assert all(0 < count <= queries.MAX_TERMS_PER_CLAUSE for count in terms)
    # Each term is searched in every stem field: Lucene's limit is 1,024 clauses.
    assert sum(terms) * len(queries.STEM_FIELDS) < 1024 - 300
    json.dumps(body)
