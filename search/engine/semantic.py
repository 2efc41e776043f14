"""Semantic index: documents ranked by the cosine similarity of their embedding to the query's.

Pure numpy: the vectors come in from the caller (``search.embeddings`` computes them,
``search.embedding_store`` keeps them), so this module is tested with small documents.
An object may have several vectors (a document in each language, and the passages of each,
such as a service's situations in a citizen's words): it keeps its best similarity, so one
passage that fits the query answers for its object instead of being averaged away.
"""

import numpy as np

# A passage (a service's situation, one short sentence) sits closer to many queries than a
# whole document does. Next to the words a query matched, its similarity counts at this
# share, so that it answers for its object when it fits clearly, not whenever it is near;
# when the words found nothing (a situation described in words no document uses) it counts
# in full. Tuning halves, passages in full everywhere: hard hit@1 0.94 -> 0.88, paraphrase
# 1.00 -> 0.75; at 0.95-0.97 next to matched words both were back and dev unchanged (0.96,
# the middle).
PASSAGE_WEIGHT = 0.96


class SemanticIndex:
    def __init__(self, keys, vectors, passages=None):
        """``keys[i]`` is the ``(type, id)`` of the object that ``vectors[i]`` stands for; a key may repeat.
        ``passages[i]`` says whether ``vectors[i]`` is a passage's (see ``PASSAGE_WEIGHT``)."""
        self.keys: list[tuple[str, str]] = []
        position: dict[tuple[str, str], int] = {}
        rows = []
        for key, vector in zip(keys, vectors, strict=True):
            if vector is None:
                continue
            if key not in position:
                position[key] = len(self.keys)
                self.keys.append(key)
            rows.append(position[key])
        self._row_entry = np.asarray(rows, dtype=np.int64)
        kept = [vector for vector in vectors if vector is not None]
        self._matrix = np.vstack(kept).astype(np.float32) if kept else np.zeros((0, 1), dtype=np.float32)
        self._types = np.asarray([key[0] for key in self.keys])
        flags = passages if passages is not None else [False] * len(vectors)
        kept_flags = [flag for flag, vector in zip(flags, vectors, strict=True) if vector is not None]
        self._passage_scale = np.where(np.asarray(kept_flags, dtype=bool), PASSAGE_WEIGHT, 1.0).astype(np.float32)

    def __len__(self):
        return len(self.keys)

    def similarities(self, query_vector, words_matched=False) -> np.ndarray:
        """Per object (in ``self.keys`` order), the best cosine similarity of its documents and passages."""
        best = np.full(len(self.keys), -1.0, dtype=np.float32)
        if len(self.keys):
            rows = self._matrix @ np.asarray(query_vector, dtype=np.float32)
            if words_matched:
                rows = rows * self._passage_scale
            np.maximum.at(best, self._row_entry, rows)
        return best

    def search(self, query_vector, limit=50, types=None, words_matched=False) -> list[tuple[tuple[str, str], float]]:
        """The ``limit`` most similar objects, best first, optionally of the given types only;
        ``words_matched``: the lexical engine found something, so passages count at ``PASSAGE_WEIGHT``."""
        scores = self.similarities(query_vector, words_matched)
        if types:
            scores = np.where(np.isin(self._types, list(types)), scores, -np.inf)
        limit = min(limit, int(np.isfinite(scores).sum()))
        if limit <= 0:
            return []
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.keys[index], float(scores[index])) for index in top]
