"""Build the search engine's index of the site's documents into a new index and swap its alias onto it."""

from django.core.management.base import BaseCommand, CommandError

from search.engine.remote.client import EngineError, engine_url
from search.site_search import build_remote_engine, engine_cache


class Command(BaseCommand):
    help = "Rebuild the OpenSearch/Elasticsearch index of the search documents (OPENSEARCH_URL or ELASTICSEARCH_URL)."

    def handle(self, **options):
        if not engine_url():
            raise CommandError("Neither OPENSEARCH_URL nor ELASTICSEARCH_URL is set: search runs in process.")
        try:
            site = build_remote_engine(rebuild=True)
        except EngineError as error:
            raise CommandError(f"The search engine could not be built: {error}") from error
        engine_cache.clear()
        if options["verbosity"]:
            self.stdout.write(f"Search engine index {site.index.alias}: {len(site.published)} objects.")
