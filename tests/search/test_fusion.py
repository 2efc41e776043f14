"""How the fusion reads similarities: by how far they stand out from the query's background
for the order, on the absolute scale for whether the best answer is a confident one."""

from search.engine.hybrid import confident, fuse
from search.engine.lexical import RankedEntry, Ranking
from search.text.query import AnalyzedQuery


def ranking(**scores):
    """A lexical ranking of services by score, each covering half of the query's words."""
    hits = {("service", name): RankedEntry(score, coverage=0.5) for name, score in scores.items()}
    return Ranking(AnalyzedQuery(words=["kata"]), hits)


def crowd(similarity, count=20):
    """Many objects all about as near the query: the background of a vague question."""
    return [(("contact", f"near-{number}"), similarity - number * 0.0005) for number in range(count)]


def test_a_crowd_of_equally_near_documents_does_not_push_the_words_answers_down():
    words = ranking(first=10.0, second=9.0, third=8.0)
    hits = fuse(words, crowd(0.86), weight=0.7)
    assert [hit.key[1] for hit in hits[:3]] == ["first", "second", "third"]


def test_a_meaning_that_stands_out_from_the_crowd_is_put_first():
    words = ranking(first=10.0, second=9.0)
    similar = [(("service", "meant"), 0.91), *crowd(0.84)]
    assert fuse(words, similar, weight=0.7)[0].key == ("service", "meant")


def test_a_standout_answer_to_a_far_fetched_query_is_not_called_confident():
    # Everything is far from the query, the best a little less far: first, yet a poor answer.
    similar = [(("service", "least-bad"), 0.84), *crowd(0.8)]
    hits = fuse(ranking(weak=2.0), similar, weight=0.9)
    assert hits[0].key == ("service", "least-bad")
    assert not confident(hits)


def test_a_clear_meaning_with_matching_words_is_confident():
    similar = [(("service", "first"), 0.92), *crowd(0.84)]
    assert confident(fuse(ranking(first=10.0), similar, weight=0.7))


def test_several_meanings_that_stand_out_leave_the_words_best_answer_third():
    words = ranking(first=10.0, second=9.9)
    meant = [(("service", f"meant-{number}"), 0.95 - number * 0.001) for number in range(4)]
    hits = fuse(words, [*meant, *crowd(0.84)], weight=0.9)
    assert [hit.key[1] for hit in hits[:3]] == ["meant-0", "meant-1", "first"]
    assert hits[3].key[1] == "meant-2"  # the others keep their order
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_objects_put_first_by_a_rule_stay_above_the_words_best_answer():
    words = ranking(first=10.0)
    words.hits = {
        ("office", f"named-{number}"): RankedEntry(20.0, 1.0, promoted=True) for number in range(3)
    } | words.hits
    meant = [(("service", f"meant-{number}"), 0.95 - number * 0.001) for number in range(4)]
    hits = fuse(words, [*meant, *crowd(0.84)], weight=0.9)
    assert [hit.key[1] for hit in hits[:4]] == ["named-0", "named-1", "named-2", "first"]
