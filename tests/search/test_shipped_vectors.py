"""The demo's search vectors ship with the code: a fresh database embeds nothing that has not changed.

If a test here fails after the demo's texts changed, regenerate the file (docs/search.md, ``embedding_store.py``):
``manage.py load_demo`` on a fresh database, then ``manage.py export_search_vectors
directory/data/demo-vectors.npz``.
"""

import numpy as np
import pytest
from django.conf import settings

from search import embedding_store, site_search
from search.embeddings import embed_passages, text_hash
from search.models import DocumentEmbedding

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


@pytest.fixture
def nothing_stored(monkeypatch):
    DocumentEmbedding.objects.all().delete()
    monkeypatch.setattr(embedding_store, "_recent", embedding_store.OrderedDict())


def test_the_sample_directory_needs_no_embedding_on_a_fresh_database(nothing_stored, monkeypatch):
    def refuse(texts, progress=None):
        raise AssertionError(f"{len(texts)} texts embedded: the shipped vectors no longer cover the demo")

    monkeypatch.setattr(embedding_store, "_compute", refuse)
    documents = site_search.searchable_documents()
    vectors, computed = embedding_store.vectors_for(documents)
    assert documents and computed == 0
    assert DocumentEmbedding.objects.count() == len(documents)  # and they are stored, as computed ones would be


def test_the_shipped_vectors_are_the_models(nothing_stored):
    documents = site_search.searchable_documents()
    sampled = [documents[i] for i in range(0, len(documents), max(1, len(documents) // 5))][:5]
    shipped = embedding_store.shipped_vectors()
    computed = embed_passages([document["meaning"] for document in sampled])
    for document, vector in zip(sampled, computed, strict=True):
        stored = shipped[text_hash(document["meaning"])]
        assert float(np.dot(stored, vector) / (np.linalg.norm(stored) * np.linalg.norm(vector))) > 0.9999


def test_a_missing_file_ships_nothing_and_is_logged(monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(settings, "SEARCH_SHIPPED_VECTORS", [tmp_path / "absent.npz"])
    monkeypatch.setattr(embedding_store, "_shipped", None)
    assert embedding_store.shipped_vectors() == {}
    assert "absent.npz" in caplog.text
