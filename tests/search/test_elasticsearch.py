"""Elasticsearch 9 contract: runs wherever ELASTICSEARCH_URL is set, skipped elsewhere."""

import os

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from directory.models import ServicePage
from search.backends.elasticsearch9 import index_settings, synonym_rules
from search.models import SynonymGroup

needs_server = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch 9 server to test against on this machine",
)


@pytest.mark.django_db
def test_index_settings_carry_indonesian_analysis_and_the_admin_synonyms():
    SynonymGroup.objects.create(terms="surat brojol, akta kelahiran")
    settings = index_settings({"settings": {"analysis": {"analyzer": {}}}}, synonym_rules())
    analysis = settings["settings"]["analysis"]
    assert analysis["filter"]["indonesian_stemmer"] == {"type": "stemmer", "language": "indonesian"}
    assert "indonesian_stemmer" in analysis["analyzer"]["default"]["filter"]
    assert "melayani_synonyms" in analysis["analyzer"]["default_search"]["filter"]
    assert "surat brojol, akta kelahiran" in analysis["filter"]["melayani_synonyms"]["synonyms"]


@needs_server
@pytest.mark.django_db
def test_elasticsearch_stems_indonesian_word_forms():
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    results = backend.search("kelahiran", ServicePage.objects.live().filter(locale__language_code="id"))
    assert "akta-kelahiran" in [page.stable_slug for page in results[:5]]


@needs_server
@pytest.mark.django_db
def test_elasticsearch_applies_admin_synonyms_after_update_index():
    SynonymGroup.objects.create(terms="surat brojol, akta kelahiran")
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    results = backend.search("surat brojol", ServicePage.objects.live().filter(locale__language_code="id"))
    assert "akta-kelahiran" in [page.stable_slug for page in results[:5]]
