"""What the engines' backends share: Indonesian and English analysis, the editors' synonyms, the index settings.

Synonym groups managed in the admin are written into the index settings whenever
the index is (re)created, i.e. by ``manage.py update_index``; a search-time
``synonym_graph`` filter keeps indexing independent of them. Elasticsearch and
OpenSearch read the same settings (the analysis lives in OpenSearch's
``analysis-common`` module).
"""

import copy

from search.models import SynonymGroup

ANALYSIS = {
    "filter": {
        "indonesian_stop": {"type": "stop", "stopwords": "_indonesian_"},
        "indonesian_stemmer": {"type": "stemmer", "language": "indonesian"},
        "english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "english_stemmer": {"type": "stemmer", "language": "light_english"},
        "melayani_synonyms": {"type": "synonym_graph", "synonyms": [], "lenient": True},
    },
    "analyzer": {
        # Content is Indonesian and English side by side: fold, stem Indonesian, then English.
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "asciifolding",
                "english_possessive",
                "indonesian_stop",
                "indonesian_stemmer",
                "english_stemmer",
            ],
        },
        "default_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "asciifolding",
                "melayani_synonyms",
                "english_possessive",
                "indonesian_stop",
                "indonesian_stemmer",
                "english_stemmer",
            ],
        },
    },
}


def synonym_rules():
    """Solr-format rules, one group a line: the editors' synonym groups (the curated ones are seeded there)."""
    groups = SynonymGroup.all_groups()
    return [", ".join(term.replace(",", " ") for term in group) for group in groups if len(group) > 1]


def index_settings(base_settings, rules):
    settings = copy.deepcopy(base_settings)
    analysis = settings.setdefault("settings", {}).setdefault("analysis", {})
    for section, entries in ANALYSIS.items():
        analysis.setdefault(section, {}).update(copy.deepcopy(entries))
    analysis["filter"]["melayani_synonyms"]["synonyms"] = rules
    return settings


class MelayaniIndexMixin:
    """Creates the index with our analysis and the editors' synonyms as they are now."""

    def put(self):
        self.create(index_settings(self.backend.settings, synonym_rules()))

    def create(self, settings):
        raise NotImplementedError
