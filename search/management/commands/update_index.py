"""Wagtail's ``update_index``, which also brings the stored search embeddings up to date."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndex

from core.progress import Progress
from search.service import engine_cache, refresh_embeddings


class Command(WagtailUpdateIndex):
    help = "Rebuild the search backend's index and compute the embeddings of new or changed content."

    def handle(self, **options):
        super().handle(**options)
        progress = Progress(self.stdout, "Embedding search documents") if options["verbosity"] else None
        computed = refresh_embeddings(progress)
        engine_cache.clear()
        if options["verbosity"]:
            self.stdout.write(f"Search embeddings: {computed} computed, the rest unchanged.")
