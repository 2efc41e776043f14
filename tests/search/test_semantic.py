"""The semantic layer on small documents of its own: meaning across languages, fused with the words."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import embeddings
from search.embeddings import embed_passages, embed_query
from search.engine.hybrid import HybridEngine
from search.engine.lexical import LexicalEngine
from search.engine.semantic import SemanticIndex


def document(kind, identifier, locale, title, meaning, **fields):
    return {
        "type": kind,
        "id": identifier,
        "office": fields.pop("office", identifier),
        "locale": locale,
        "title": title,
        "meaning": meaning,
        "fields": fields,
    }


DOCUMENTS = [
    document(
        "service",
        "ktp-hilang",
        "id",
        "KTP-el hilang atau rusak",
        "KTP-el hilang atau rusak. Penggantian kartu tanda penduduk elektronik yang hilang, dicuri atau rusak.",
        summary="Penggantian kartu tanda penduduk elektronik yang hilang, dicuri atau rusak.",
        office="dukcapil",
    ),
    document(
        "service",
        "penyelamatan",
        "id",
        "Penyelamatan non-kebakaran",
        "Penyelamatan non-kebakaran. Evakuasi orang terjebak di lift, sumur atau reruntuhan; "
        "melepas cincin yang tersangkut; menangkap ular di rumah warga.",
        summary="Evakuasi orang terjebak di lift, sumur atau reruntuhan.",
        office="damkar",
    ),
    document(
        "service",
        "pencemaran",
        "id",
        "Pengaduan pencemaran lingkungan",
        "Pengaduan pencemaran lingkungan. Bau busuk dari peternakan atau pabrik, limbah cair ke sungai, asap.",
        summary="Bau busuk dari peternakan atau pabrik, limbah cair ke sungai, asap pembakaran.",
        office="dlh",
    ),
    document(
        "service",
        "pju",
        "id",
        "Penerangan jalan umum",
        "Penerangan jalan umum. Lampu jalan mati, pemasangan lampu jalan baru di gang dan jalan desa.",
        summary="Lampu jalan mati, pemasangan lampu jalan baru.",
        office="dishub",
    ),
    document(
        "office",
        "dlh",
        "id",
        "Dinas Lingkungan Hidup",
        "Dinas Lingkungan Hidup (DLH). Kebersihan, persampahan, taman dan pengendalian pencemaran.",
        acronym="DLH",
        summary="Kebersihan, persampahan, taman dan pengendalian pencemaran.",
    ),
]


@pytest.fixture(scope="module")
def vectors():
    return list(embed_passages([item["meaning"] for item in DOCUMENTS]))


@pytest.fixture(scope="module")
def semantic(vectors):
    return SemanticIndex([(item["type"], item["id"]) for item in DOCUMENTS], vectors)


@pytest.fixture(scope="module")
def hybrid(semantic):
    return HybridEngine(LexicalEngine(DOCUMENTS), semantic, embed_query)


def top_ids(results):
    return [key[1] for key, _ in results]


def test_vectors_are_normalised_and_sized_as_the_model_says():
    vector = embed_query("ktp hilang")
    assert vector.shape == (embeddings.DIMENSIONS,)
    assert abs(float(vector @ vector) - 1.0) < 1e-3


def test_english_question_finds_indonesian_only_content(semantic):
    found = semantic.search(embed_query("someone stole my identity card"), limit=2)
    assert top_ids(found)[0] == "ktp-hilang"


def test_indonesian_question_finds_english_only_content():
    english = [document("service", "street-lights", "en", "Street lighting", "Street lights that are broken or off.")]
    index = SemanticIndex(
        [("service", "street-lights"), ("service", "ktp-hilang")],
        [
            *embed_passages([english[0]["meaning"]]),
            *embed_passages([DOCUMENTS[0]["meaning"]]),
        ],
    )
    assert top_ids(index.search(embed_query("lampu jalan di depan rumah mati"), limit=1)) == ["street-lights"]


def test_a_paraphrase_beats_documents_that_share_no_meaning(semantic):
    found = semantic.search(embed_query("a pig farm behind our street smells terrible"), limit=4)
    assert top_ids(found)[0] == "pencemaran"


def test_the_fused_ranking_adds_the_answer_the_words_alone_miss(hybrid):
    query = "a pig farm behind our street smells terrible"
    assert "pencemaran" not in [key[1] for key in hybrid.lexical.rank(query).hits]
    assert "pencemaran" in [hit.key[1] for hit in hybrid.rank(query, limit=3)]


def test_fusion_keeps_an_exact_acronym_first(hybrid):
    assert hybrid.rank("dlh", limit=3)[0].key == ("office", "dlh")


def test_nonsense_finds_nothing_even_though_some_document_is_always_nearest(hybrid):
    assert hybrid.rank("qwxzv plorkt") == []


def test_type_filter_applies_to_both_rankings(hybrid):
    assert {hit.key[0] for hit in hybrid.rank("bau busuk peternakan", types=["office"])} <= {"office"}


def test_long_text_is_cut_to_a_bounded_number_of_tokens(monkeypatch):
    model = embeddings._loaded_model()
    seen = []
    original = model.query

    def spy(text):
        seen.append(model.token_count(text, True))
        return original(text)

    monkeypatch.setattr(model, "query", spy)
    embed_query("kartu tanda penduduk hilang " * 400)
    embed_query("🙂" * 500)
    assert seen and max(seen) <= embeddings.MAX_QUERY_TOKENS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=600))
def test_hostile_text_never_breaks_the_model(text):
    vector = embed_query(text)
    assert vector.shape == (embeddings.DIMENSIONS,)
    assert embed_passages([text, ""]).shape == (2, embeddings.DIMENSIONS)
