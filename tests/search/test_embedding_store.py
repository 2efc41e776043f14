"""Embeddings are computed when content is published or imported, stored, and reused by every worker."""

import pytest
from wagtail.models import Locale

from directory.models import ServicePage
from search import embedding_store, site_search
from search.models import DocumentEmbedding

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]


def stored_hashes():
    """The documents' own embeddings (passage 0), not those of their passages."""
    rows = DocumentEmbedding.objects.filter(passage=0)
    return {(row.kind, row.identifier, row.language_code): row.text_hash for row in rows}


def test_every_published_document_has_a_stored_embedding_and_a_new_worker_computes_none():
    documents = site_search.searchable_documents()
    assert {(doc["type"], str(doc["id"]), doc["locale"]) for doc in documents} <= set(stored_hashes())
    embedding_store._recent.clear()  # a new process remembers nothing
    _, computed = embedding_store.vectors_for(documents)
    assert computed == 0


def test_publishing_a_change_recomputes_only_what_changed(django_capture_on_commit_callbacks):
    before = stored_hashes()
    page = ServicePage.objects.get(stable_slug="ktp-el-hilang-rusak", locale=Locale.get_default())
    page.summary = "Penggantian KTP-el yang hilang, dicuri di jalan, terbakar atau rusak."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    after = stored_hashes()
    changed = {key for key in after if after[key] != before.get(key)}
    # The English page follows and shows the new Indonesian text until it is translated.
    assert ("service", "ktp-el-hilang-rusak", "id") in changed
    assert changed <= {("service", "ktp-el-hilang-rusak", "id"), ("service", "ktp-el-hilang-rusak", "en")}


def test_unpublishing_drops_the_embedding(django_capture_on_commit_callbacks):
    page = ServicePage.objects.get(stable_slug="ktp-el-hilang-rusak", locale=Locale.get_default())
    with django_capture_on_commit_callbacks(execute=True):
        for translation in page.get_translations(inclusive=True):
            translation.unpublish()
    assert not DocumentEmbedding.objects.filter(identifier="ktp-el-hilang-rusak").exists()


def test_each_situation_of_a_service_is_a_stored_passage_of_its_own_in_each_language():
    for language in ("id", "en"):
        rows = DocumentEmbedding.objects.filter(identifier="ktp-el-hilang-rusak", language_code=language)
        assert sorted(rows.values_list("passage", flat=True)) == [0, 1, 2, 3]
    embedding_store._recent.clear()
    _, computed = embedding_store.passage_vectors(site_search.searchable_documents())
    assert computed == 0
