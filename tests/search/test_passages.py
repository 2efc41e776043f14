"""Several vectors per object in the semantic index: the best passage answers, it is not averaged away."""

import numpy as np

from search.embedding_store import passages_of
from search.engine.semantic import SemanticIndex


def unit(*values):
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_an_object_is_as_similar_as_its_best_passage():
    index = SemanticIndex(
        [("service", "ktp"), ("service", "ktp"), ("service", "kk")],
        [unit(1, 0, 0), unit(0, 1, 0), unit(0.6, 0.8, 0.1)],
    )
    results = dict(index.search(unit(0, 1, 0), limit=5))
    assert results[("service", "ktp")] > 0.99
    assert results[("service", "ktp")] > results[("service", "kk")]


def test_an_object_with_several_passages_is_listed_once():
    index = SemanticIndex(
        [("service", "ktp")] * 3 + [("office", "dukcapil")], [unit(1, 0), unit(0, 1), None, unit(1, 1)]
    )
    assert [key for key, _ in index.search(unit(1, 0.1), limit=10)] == [("service", "ktp"), ("office", "dukcapil")]


def test_each_passage_of_a_document_is_numbered_in_its_language_and_scope():
    document = {"type": "service", "id": "ktp", "locale": "en", "scope": "office:x", "passages": ["lost it", "burnt"]}
    assert passages_of([document, {"type": "office", "id": "x"}]) == [
        {"type": "service", "id": "ktp", "locale": "en", "scope": "office:x", "passage": 1, "meaning": "lost it"},
        {"type": "service", "id": "ktp", "locale": "en", "scope": "office:x", "passage": 2, "meaning": "burnt"},
    ]
