"""The lexical engine and the semantic index, fused into one ranking.

The lexical engine (BM25F over stemmed, typo-repaired words) wins on acronyms, codes,
names and the exact words of a service; the semantic index wins when a citizen
describes a problem in words no document uses. Both rankings are normalised to [0, 1]
(the similarities by how far they stand out from the query's nearest objects in general)
and summed with a weight that follows the lexical engine's own confidence: when its
best result covers every word of the query the words are trusted, when it covers few
of them the meaning counts for more. Objects put first by a lexical ranking rule (an
office named by its acronym, its head when asked for) stay first.

The semantic side is asked with the query as the lexical analysis understood it (slang
mapped to standard Indonesian, typos and dropped vowels repaired), since the embedding
model reads ``syrt kk bru`` no better than a stranger would.
"""

from dataclasses import dataclass

from ..text.colloquial import only_vowels_dropped
from ..text.query import AnalyzedQuery
from .lexical import LexicalEngine, Ranking
from .semantic import SemanticIndex

CANDIDATES = 50
# Weight of the semantic ranking when the lexical engine's best result covers the whole
# query, and when it covers none of it; in between it moves linearly.
SEMANTIC_WEIGHT_CONFIDENT = 0.2
SEMANTIC_WEIGHT_UNSURE = 0.9
# A lexical score (BM25F with priors) from which the lexical engine is fully trusted.
CONFIDENT_LEXICAL_SCORE = 15.0
# Cosine similarities, read on an absolute scale, say how well a document is supported
# (``confident``): multilingual-e5 puts unrelated texts around 0.7-0.75, so below
# MIN_SIMILARITY a document is no answer on meaning alone (and nonsense still finds
# nothing); from FULL_SIMILARITY up it has the whole semantic weight's support.
MIN_SIMILARITY = 0.8
FULL_SIMILARITY = 0.9
# The order, though, follows how far a similarity stands out from the query's background,
# the similarity of its BACKGROUND_RANK-th nearest object: e5 lifts every document for some
# queries (a long, vague problem description sits at 0.83-0.86 from dozens of them), and
# that flat crowd, ordered by noise, pushed right lexical answers out of the top 3. STANDOUT
# above the background earns the whole semantic weight. On tuning data the semantic top-1
# was right for 14% of queries whose best stood less than 0.01 above the 10th, 36% at
# 0.01-0.02, 53% at 0.02-0.03, 93% from 0.03; the absolute top similarity told far less (49%
# at 0.84-0.86, 74% at 0.88-0.90). Chosen by cross-validation over the tuning halves, the
# hard probe's tuning half and the 2,680 keyword queries of ``--synthetic`` split in two:
# every rank 10-20 with a standout 0.05-0.08 beat the absolute scale on both folds; 10 and
# 0.06 sit in the middle (fused hit@3 on the two halves: keyword-en 0.920/0.941 -> 0.926/0.947,
# keyword-id 0.886/0.904 -> 0.894/0.918, damaged-id 0.865/0.868 -> 0.863/0.876; tuning
# halves: paraphrase-probe hit@1 0.92 -> 1.00, the others equal).
BACKGROUND_RANK = 10
STANDOUT = 0.06
# When no word of the query is known to the lexical engine, meaning alone must be clear:
# nonsense (``qwxzv``, ``lorem ipsum``, emoji) reaches 0.83 with some document.
MIN_SIMILARITY_ALONE = 0.86
# A fused support from which the best answer counts as a confident one (see ``confident``).
# Measured on the demo: far-fetched answers ("resep nasi goreng", "pizza delivery", "paspor")
# score 0.2 to 0.56, a problem described in fresh words and answered right 0.59 to 0.75.
CONFIDENT_SCORE = 0.58
# The lexical engine's best answer is never pushed below this place by meanings that outscore
# it. On the written sets' tuning halves, the 2,680 synthetic keyword queries and the village
# check's tuning half no query lost a hit@1 or hit@3 with it, and 4 of 4,843 gained a hit@3.
LEXICAL_BEST_WITHIN = 3


@dataclass
class FusedHit:
    key: tuple[str, str]
    score: float  # orders the hits
    support: float = 0.0  # the same sum with similarities on the absolute scale (``confident``)


def understood_text(ranking: Ranking) -> str:
    """The query as the lexical analysis read it, for the embedding model.

    Slang is already standard Indonesian in ``analyzed.words``. Of the repaired words
    only abbreviations are expanded (``syrt`` -> ``syarat``, ``kenaikn`` -> ``kenaikan``,
    an unfinished ``kelahi``): a word that is merely unknown to the index is often a
    good word of its own (``lift``, ``murah``, ``sell``) that the model understands,
    and an edit-distance guess would change its meaning (``list``, ``mudah``, ``self``)."""
    analyzed = ranking.analyzed
    expanded = {
        reading.typed: reading.best
        for reading in analyzed.readings
        if reading.terms
        and reading.source == "typo"
        and (only_vowels_dropped(reading.typed, reading.best) or reading.best.startswith(reading.typed))
    }
    return " ".join(expanded.get(word, word) for word in analyzed.words)


def semantic_weight(ranking: Ranking) -> float:
    """How much the meaning counts for this query: more when the lexical engine's best
    answer matches few of the query's words, or matches them weakly (a low BM25 score
    means the shared words are common ones or sit in minor fields)."""
    best = next((hit for hit in ranking.hits.values() if not hit.promoted), None)
    confidence = best.coverage * min(1.0, best.score / CONFIDENT_LEXICAL_SCORE) if best else 0.0
    return SEMANTIC_WEIGHT_UNSURE + (SEMANTIC_WEIGHT_CONFIDENT - SEMANTIC_WEIGHT_UNSURE) * confidence


def query_background(similar: list[tuple[tuple[str, str], float]]) -> float:
    """The similarity the query has with objects in general (see ``BACKGROUND_RANK``);
    ``MIN_SIMILARITY`` when the index is too small to tell."""
    if len(similar) < BACKGROUND_RANK:
        return MIN_SIMILARITY
    return max(MIN_SIMILARITY, similar[BACKGROUND_RANK - 1][1])


def fuse(ranking: Ranking, similar: list[tuple[tuple[str, str], float]], weight: float) -> list[FusedHit]:
    """Weighted sum of the two rankings, each scaled to [0, 1]; promoted objects first."""
    promoted = {key: hit for key, hit in ranking.hits.items() if hit.promoted}
    scores: dict[tuple[str, str], float] = {}
    top = max((hit.score for key, hit in ranking.hits.items() if key not in promoted), default=0.0) or 1.0
    for key, hit in ranking.hits.items():
        if key not in promoted:
            scores[key] = (1 - weight) * hit.score / top
    support = dict(scores)
    threshold = MIN_SIMILARITY if ranking.hits or weight >= 1.0 else MIN_SIMILARITY_ALONE
    background = query_background(similar)
    for key, similarity in similar:
        if similarity >= threshold and key not in promoted:
            standing = min(1.0, max(0.0, (similarity - background) / STANDOUT))
            scores[key] = scores.get(key, 0.0) + weight * standing
            absolute = min(1.0, (similarity - MIN_SIMILARITY) / (FULL_SIMILARITY - MIN_SIMILARITY))
            support[key] = support.get(key, 0.0) + weight * absolute
    first = [FusedHit(key, 2.0 + hit.score, 2.0 + hit.score) for key, hit in promoted.items()]
    rest = sorted(
        (FusedHit(key, score, support[key]) for key, score in scores.items()), key=lambda hit: (-hit.score, hit.key)
    )
    lexical_best = next((key for key in ranking.hits if key not in promoted), None)
    place = max(0, LEXICAL_BEST_WITHIN - 1 - len(first))
    position = next((index for index, hit in enumerate(rest) if hit.key == lexical_best), None)
    if position is not None and position > place:
        moved = rest.pop(position)
        # It ties with the hit it passes, so that the scores still read best first.
        rest.insert(place, FusedHit(moved.key, rest[place].score, moved.support))
    return first + rest


def confident(hits: list[FusedHit]) -> bool:
    """Whether the best hit is a good answer rather than the least bad one.

    Its support says how well it is backed, with the similarity on the absolute scale (a
    far-fetched query's answer may stand out from the rest and still be a poor one): a
    result the lexical engine fully trusts has at least ``1 - SEMANTIC_WEIGHT_CONFIDENT``,
    objects put first by a ranking rule 2 or more; words matched weakly and a meaning
    merely near (a similarity a little over ``MIN_SIMILARITY``) stay below ``CONFIDENT_SCORE``."""
    return bool(hits) and hits[0].support >= CONFIDENT_SCORE


class HybridEngine:
    """Answers like ``LexicalEngine`` (and offers its suggestions), with the meaning fused in."""

    def __init__(self, lexical: LexicalEngine, semantic: SemanticIndex | None, embed_query):
        self.lexical = lexical
        self.semantic = semantic  # None or empty: the lexical ranking alone
        self._embed_query = embed_query

    def rank(self, query, types=None, limit=10, mode="fused") -> list[FusedHit]:
        """Best objects first; ``mode`` "lexical" or "semantic" gives one side alone (benchmarks)."""
        return self.rank_with_reading(query, types, limit, mode)[0]

    def rank_with_reading(self, query, types=None, limit=10, mode="fused") -> tuple[list[FusedHit], AnalyzedQuery]:
        """``rank``, and how the lexical analysis read the query (for callers that need both)."""
        ranking = self.lexical.rank(query, types, max(limit, CANDIDATES))
        if mode == "lexical" or not self.semantic or not ranking.analyzed.words:
            weight, similar = 0.0, []
        else:
            query_vector = self._embed_query(understood_text(ranking))
            similar = self.semantic.search(query_vector, CANDIDATES, types, words_matched=bool(ranking.hits))
            weight = 1.0 if mode == "semantic" else semantic_weight(ranking)
            if mode == "semantic":
                ranking = Ranking(ranking.analyzed)
        return fuse(ranking, similar, weight)[:limit], ranking.analyzed

    def search(self, query, types=None, limit=10, locale=None, mode="fused") -> list[tuple[dict, float]]:
        return [
            (self.lexical.document(hit.key, locale), round(hit.score, 6))
            for hit in self.rank(query, types, limit, mode)
        ]

    def suggest(self, prefix, limit=8) -> list[str]:
        return self.lexical.suggest(prefix, limit)

    def did_you_mean(self, query) -> str | None:
        return self.lexical.did_you_mean(query)
