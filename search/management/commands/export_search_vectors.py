"""Write the stored search vectors, by text hash, to a file shipped with the code (the demo's).

    python manage.py export_search_vectors directory/data/demo-vectors.npz

Run after the demo is loaded (``load_demo``) whenever its texts change; the test
``tests/search/test_shipped_vectors.py`` says when the file no longer covers the sample.
"""

import numpy as np
from django.core.management.base import BaseCommand

from search.embedding_store import write_shipped_vectors
from search.models import DocumentEmbedding
from search.site_search import refresh_embeddings


class Command(BaseCommand):
    help = "Write the stored search vectors (by text hash) to an .npz file shipped with the code."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        refresh_embeddings()  # what is published, and nothing else
        rows = dict(DocumentEmbedding.objects.order_by("text_hash").values_list("text_hash", "vector"))
        vectors = [np.frombuffer(bytes(vector), dtype=np.float32) for vector in rows.values()]
        write_shipped_vectors(path, list(rows), vectors)
        self.stdout.write(f"{len(rows)} vectors written to {path}")
