"""Wagtail's OpenSearch 2 backend with our analysis and the editors' synonyms (``analysis.py``).

Select it with ``OPENSEARCH_URL``; ``bin/opensearch`` runs a node for development and CI.
"""

from wagtail.search.backends.opensearch2 import OpenSearch2Index, OpenSearch2SearchBackend

from search.backends.analysis import MelayaniIndexMixin


class MelayaniOpenSearch2Index(MelayaniIndexMixin, OpenSearch2Index):
    def create(self, settings):
        # opensearch-py 2 takes the settings and mappings as one body.
        self.es.indices.create(index=self.name, body=settings)


class MelayaniOpenSearch2SearchBackend(OpenSearch2SearchBackend):
    index_class = MelayaniOpenSearch2Index


SearchBackend = MelayaniOpenSearch2SearchBackend
