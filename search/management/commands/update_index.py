"""Wagtail's ``update_index``, which also brings the stored search embeddings up to date."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndex

from core.progress import Progress
from search.engine.remote.client import engine_url
from search.site_search import build_remote_engine, engine_cache, local_engine_cache, refresh_embeddings


class Command(WagtailUpdateIndex):
    help = (
        "Rebuild the search backend's index, compute the embeddings of new or changed content and, when a "
        "search engine is configured, rebuild its index of the search documents."
    )

    def handle(self, **options):
        super().handle(**options)
        progress = Progress(self.stdout, "Embedding search documents") if options["verbosity"] else None
        computed = refresh_embeddings(progress)
        if engine_url():
            # A new index behind the alias: searches never see a half-built one.
            build_remote_engine(rebuild=True)
        engine_cache.clear()
        local_engine_cache.clear()
        if options["verbosity"]:
            self.stdout.write(f"Search embeddings: {computed} computed, the rest unchanged.")
