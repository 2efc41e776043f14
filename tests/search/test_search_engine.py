"""The shared-engine contract: OpenSearch (OPENSEARCH_URL) or Elasticsearch 9 (ELASTICSEARCH_URL).

The configuration-level tests run everywhere. The ``search_engine`` tests need a
server: ``bin/test`` starts ``bin/opensearch`` and runs them in a process of their
own. Without a URL they are skipped, saying why, except on CI (``CI`` set), where
they fail; a URL where nothing answers always fails.
"""

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from directory.models import ServicePage
from search.backends.analysis import index_settings, synonym_rules
from search.backends.elasticsearch9 import MelayaniElasticsearch9Index
from search.backends.opensearch2 import MelayaniOpenSearch2Index
from search.models import SynonymGroup

# The engine's analysis exercised on the sample's real service texts.
pytestmark = pytest.mark.sample

ROOT = Path(__file__).resolve().parents[2]
ENGINE_URL = os.environ.get("OPENSEARCH_URL") or os.environ.get("ELASTICSEARCH_URL")
EXPECTED_BACKEND = f"search.backends.{'opensearch2' if os.environ.get('OPENSEARCH_URL') else 'elasticsearch9'}"


@pytest.fixture(scope="module")
def engine():
    if not ENGINE_URL:
        reason = "neither OPENSEARCH_URL nor ELASTICSEARCH_URL is set: no search engine to test against"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (on CI, bin/test starts bin/opensearch and sets OPENSEARCH_URL)")
        pytest.skip(reason)
    try:
        urllib.request.urlopen(ENGINE_URL, timeout=5).close()
    except OSError as error:
        pytest.fail(f"no search engine answers at {ENGINE_URL}: {error}")
    backend = get_search_backend()
    assert type(backend).__module__ == EXPECTED_BACKEND, "the settings did not select the engine's backend"
    return backend


def services(backend, query, language):
    # The engine filters on the page's own fields only: the locale, not its language code.
    pages = ServicePage.objects.live().filter(locale=Locale.objects.get(language_code=language))
    results = backend.search(query, pages)
    return [page.stable_slug for page in results[:5]]


@pytest.mark.django_db
def test_index_settings_carry_indonesian_analysis_and_the_admin_synonyms():
    SynonymGroup.objects.create(terms="surat brojol, akta kelahiran")
    settings = index_settings({"settings": {"analysis": {"analyzer": {}}}}, synonym_rules())
    analysis = settings["settings"]["analysis"]
    assert analysis["filter"]["indonesian_stemmer"] == {"type": "stemmer", "language": "indonesian"}
    assert "indonesian_stemmer" in analysis["analyzer"]["default"]["filter"]
    assert "melayani_synonyms" in analysis["analyzer"]["default_search"]["filter"]
    assert "surat brojol, akta kelahiran" in analysis["filter"]["melayani_synonyms"]["synonyms"]


class RecordingIndices:
    def create(self, *args, **kwargs):
        self.call = (args, kwargs)


class FakeBackend:
    settings = {"settings": {"analysis": {}}, "mappings": {}}

    def __init__(self):
        self.es = type("Client", (), {"indices": RecordingIndices()})()
        self.mapping_class = None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("index_class", "settings_of"),
    [
        (MelayaniElasticsearch9Index, lambda call: {k: v for k, v in call[1].items() if k != "index"}),
        (MelayaniOpenSearch2Index, lambda call: call[1]["body"]),
    ],
    ids=["elasticsearch9", "opensearch2"],
)
def test_both_engines_create_their_index_with_the_shared_analysis(index_class, settings_of):
    SynonymGroup.objects.create(terms="surat brojol, akta kelahiran")
    backend = FakeBackend()
    index_class(backend, "melayani_wagtailcore_page").put()
    settings = settings_of(backend.es.indices.call)
    assert settings == index_settings(FakeBackend.settings, synonym_rules())
    assert backend.es.indices.call[1]["index"] == "melayani_wagtailcore_page"


@pytest.mark.search_engine
@pytest.mark.django_db
@pytest.mark.parametrize(("language", "query"), [("id", "kelahiran"), ("en", "births")])
def test_the_engine_stems_word_forms(engine, language, query):
    call_command("update_index", verbosity=0)
    assert "akta-kelahiran" in services(engine, query, language)


@pytest.mark.search_engine
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "terms", "query"),
    [("id", "surat brojol, akta kelahiran", "surat brojol"), ("en", "baby papers, birth certificate", "baby papers")],
)
def test_the_engine_applies_admin_synonyms_after_update_index(engine, language, terms, query):
    SynonymGroup.objects.create(terms=terms)
    call_command("update_index", verbosity=0)
    assert "akta-kelahiran" in services(engine, query, language)


@pytest.mark.parametrize(
    ("environment", "backend", "prefix"),
    [
        ({"OPENSEARCH_URL": "http://127.0.0.1:9200"}, "search.backends.opensearch2", "test_melayani_"),
        ({"ELASTICSEARCH_URL": "http://127.0.0.1:9201"}, "search.backends.elasticsearch9", "test_melayani_"),
        (
            {"OPENSEARCH_URL": "http://127.0.0.1:9200", "ELASTICSEARCH_URL": "http://127.0.0.1:9201"},
            "search.backends.opensearch2",
            "test_melayani_",
        ),
        ({}, "wagtail.search.backends.database", None),
    ],
    ids=["opensearch", "elasticsearch", "both", "neither"],
)
def test_the_engine_url_selects_the_backend_and_tests_get_their_own_indices(environment, backend, prefix):
    code = "from django.conf import settings; import json;print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))"
    env = {key: value for key, value in os.environ.items() if key not in ("OPENSEARCH_URL", "ELASTICSEARCH_URL")}
    env.update(environment, DJANGO_SETTINGS_MODULE="melayani.settings.test")
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    selected = json.loads(output.stdout)
    assert selected["BACKEND"] == backend
    assert selected.get("INDEX_PREFIX") == prefix
