"""The search engine's index body and queries, built without a server."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from search.engine.fields import pseudo_frequency, rarity
from search.engine.index import LexicalIndex
from search.engine.lexical import LexicalEngine
from search.engine.remote import mapping, queries
from search.engine.remote.mapping import index_body, object_source, source
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


def test_objects_carry_our_sastrawi_stems_weighted_as_in_process_and_their_office_names():
    parts = [source(DOCUMENTS[0], None)]
    body = object_source(parts, [DOCUMENTS[0]], {"title": 2.0})
    # "Perizinan usaha" stems to "izin usaha": each term, and the pair, in the title (weight 3).
    weights = dict(term.split("|") for term in body["weighted"].split())
    assert set(weights) == {"izin", "usaha", "izin_usaha"}
    assert int(weights["izin"]) == round(100 * pseudo_frequency([("title", 1)], {"title": 2}, {"title": 2.0}))
    assert body["about"].split() == ["izin", "usaha", "izin_usaha"]
    assert source(DOCUMENTS[1], None)["names"] == ["dinas penanaman modal", "dpmptsp"]


def every_term(analyzed):
    return dict.fromkeys(queries.query_terms(analyzed), 1.0)


def test_a_repaired_typo_is_sent_as_the_stem_it_stands_for():
    analyzed = analyzer().analyze("perijinan usha")
    body = queries.lexical_query(analyzed, every_term(analyzed), None, 10)
    assert '"izin"' in json.dumps(body) and '"usaha"' in json.dumps(body)


def test_a_term_is_boosted_by_its_rarity_counted_on_the_objects_about_it():
    answer = {
        "hits": {"total": {"value": 100}},
        "aggregations": {
            "terms": {
                "buckets": {
                    "w0": {"doc_count": 30},
                    "a0": {"doc_count": 3},
                    "w1": {"doc_count": 0},
                    "a1": {"doc_count": 0},
                }
            }
        },
    }
    assert queries.rarities(["ktp", "zzz"], answer) == {"ktp": rarity(100, 3)}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_hostile_text_gives_a_bounded_query(text):
    analyzed = analyzer().analyze(text)
    terms = queries.query_terms(analyzed)
    json.dumps(queries.frequency_query(terms))
    body = queries.lexical_query(analyzed, every_term(analyzed), ["service"], 50)
    # Each term is one of Lucene's clauses, at most 1,024 in a query.
    assert body is None or json.dumps(body).count('"weighted"') <= queries.MAX_TERM_QUERIES < 1024
    json.dumps(queries.fallback_query(text, ["service"], 50))


def test_on_elasticsearch_terms_are_repeated_since_it_has_no_delimited_term_freq_filter():
    body = index_body([], opensearch=False)
    analysis = body["settings"]["analysis"]
    assert "frequency" not in analysis["filter"] and analysis["analyzer"]["weighted_terms"]["filter"] == []
    assert "/ 10.0" in body["settings"]["similarity"]["bm25f"]["script"]["source"]
    assert body["mappings"]["properties"]["vector"] == {
        "type": "dense_vector",
        "dims": 384,
        "index": True,
        "similarity": "cosine",
    }
    assert "knn" not in body["settings"]
    weighted = object_source([source(DOCUMENTS[0], None)], [DOCUMENTS[0]], {"title": 2.0}, opensearch=False)["weighted"]
    tenths = round(10 * pseudo_frequency([("title", 1)], {"title": 2}, {"title": 2.0}))
    assert weighted.split().count("izin") == tenths and "|" not in weighted


def test_the_knn_query_takes_each_engines_form():
    opensearch = queries.knn_query([0.0] * 384, ["service"], 10, opensearch=True)["query"]["knn"]["vector"]
    assert opensearch["k"] == 80 and opensearch["filter"]["bool"]["filter"][1] == {"terms": {"type": ["service"]}}
    elastic = queries.knn_query([0.0] * 384, ["service"], 10, opensearch=False)
    assert elastic["size"] == 80 and set(elastic["query"]["knn"]) == {
        "field",
        "query_vector",
        "num_candidates",
        "filter",
    }


def test_an_index_built_with_other_word_lists_or_field_weights_counts_as_another_layout(monkeypatch):
    assert mapping._layout() == mapping.LAYOUT
    changed_lists = {
        "STEM_EXCEPTIONS": {**mapping.STEM_EXCEPTIONS, "peninggalan": "peninggalan"},
        "STOPWORDS": mapping.STOPWORDS | {"sertifikat"},
        "SPELLING_VARIANTS": {**mapping.SPELLING_VARIANTS, "sijil": "sertifikat"},
        # The stored pseudo-frequencies are weighed by field when an object is indexed.
        "FIELD_WEIGHTS": {**mapping.FIELD_WEIGHTS, "places": mapping.FIELD_WEIGHTS["places"] + 1},
        "LENGTH_NORMALISATION": {**mapping.LENGTH_NORMALISATION, "title": 0.5},
        "K1": mapping.K1 + 0.3,  # written into the index's saturation script when it is created
        "NAME_FIELDS": (*mapping.NAME_FIELDS, "keywords"),
    }
    for name, changed in changed_lists.items():
        with monkeypatch.context() as patch:
            patch.setattr(mapping, name, changed)
            assert mapping._layout() != mapping.LAYOUT, name


def test_a_place_named_in_several_words_is_a_term_only_whole_and_both_engines_still_know_its_words():
    office = {"type": "office", "id": "kecamatan-singojuruh", "locale": "id", "title": "Kecamatan Singojuruh"} | {
        "fields": {"places": ["Sumber Baru", "Sumberbaru"]}
    }
    service = {"type": "service", "id": "nib", "locale": "id", "title": "Izin usaha baru"}
    weighted = object_source([source(office, None)], [office], {})["weighted"].split()
    terms = {term.split("|")[0] for term in weighted}
    assert {"sumber_baru", "sumberbaru"} <= terms and not {"sumber", "baru"} & terms
    in_process = LexicalIndex([office, service])
    assert [document["id"] for document, _ in LexicalEngine([office, service]).search("baru")] == ["nib"]
    vocabulary = Vocabulary()
    vocabulary.replace(set(), [office, service])
    # Typo repair weighs a word by how many objects hold it, the same in both engines.
    for word, objects in (("sumber", 1), ("baru", 2)):
        assert in_process.lexicon.word_frequency(word) == vocabulary.lexicon().word_frequency(word) == objects
    in_process.update({("office", "kecamatan-singojuruh")}, [])
    vocabulary.replace({("office", "kecamatan-singojuruh")}, [])
    assert in_process.lexicon.word_frequency("baru") == vocabulary.lexicon().word_frequency("baru") == 1
    assert in_process.lexicon.word_frequency("sumber") == vocabulary.lexicon().word_frequency("sumber") == 0
