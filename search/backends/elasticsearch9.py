"""Wagtail's Elasticsearch 9 backend with our analysis and the editors' synonyms (``analysis.py``).

Select it with ``ELASTICSEARCH_URL``.
"""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9Index, Elasticsearch9SearchBackend

from search.backends.analysis import MelayaniIndexMixin


class MelayaniElasticsearch9Index(MelayaniIndexMixin, Elasticsearch9Index):
    def create(self, settings):
        self.es.indices.create(index=self.name, **settings)


class MelayaniElasticsearch9SearchBackend(Elasticsearch9SearchBackend):
    index_class = MelayaniElasticsearch9Index


SearchBackend = MelayaniElasticsearch9SearchBackend
