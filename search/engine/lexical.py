"""The lexical half of the engine: in-memory BM25F scoring, query expansion and ranking rules.

The documents and how they are indexed: ``search.engine.index``.
"""

import heapq
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter

from ..text.query import AnalyzedQuery, Clause
from ..text.stemming import stem_indonesian
from ..text.vocabulary import KECAMATAN_WORDS, LEADERSHIP_WORDS, OFFICE_WORDS, VILLAGE_WORDS
from .fields import type_filter
from .index import Entry, LexicalIndex

# Heads of office carry broad descriptions ("unresolved complaints"); the officer who does
# the work should come first unless the citizen asks for the person in charge.
LEVEL_PRIOR = {"technical": 1.0, "section_head": 0.8, "division_head": 0.7, "secretary": 0.65, "head": 0.6}
LEADER_PRIOR = {"head": 1.15, "secretary": 1.0, "division_head": 1.0, "section_head": 0.95, "technical": 0.9}
OFFICE_PRIOR, OFFICE_WANTED_PRIOR = 0.85, 1.2
# How far above the rest the ranking rules put what a query names (see ``_promoted``).
NAMED_OFFICE_LIFT, OFFICE_WITH_INTENT_LIFT, NAMED_SERVICE_LIFT = 2.0, 1.5, 2.1
COVERAGE_FLOOR = 0.35  # share of the score kept by a document that matches only part of the query


@dataclass
class RankedEntry:
    score: float
    coverage: float  # share of the query's words the object matches
    promoted: bool = False  # put first by a ranking rule (an office named by its acronym, its head)
    office: str = ""


@dataclass
class Ranking:
    analyzed: AnalyzedQuery
    hits: dict[tuple[str, str], RankedEntry] = field(default_factory=dict)  # best first


class _Matches:
    """Clause scores of one query, summed per entry, with coverage worked out on demand."""

    def __init__(self, analyzed: AnalyzedQuery, clause_scores: list[dict[int, float]]):
        weighted = sorted(
            ((scores, clause.importance) for clause, scores in zip(analyzed.clauses, clause_scores, strict=True)),
            key=lambda item: -len(item[0]),
        )
        # Start from the largest clause with one fast copy, then add the others in.
        raw: dict[int, float] = {}
        if weighted:
            largest, importance = weighted[0]
            raw = {entry_index: value * importance for entry_index, value in largest.items()}
        get = raw.get
        for scores, importance in weighted[1:]:
            for entry_index, value in scores.items():
                raw[entry_index] = get(entry_index, 0.0) + value * importance
        self.raw = raw
        self._covering = [
            (clause.covers, scores)
            for clause, scores in zip(analyzed.clauses, clause_scores, strict=True)
            if clause.covers
        ]
        self._wanted = len(set().union(*(covers for covers, _ in self._covering)))

    def covered_share(self, entry_index: int) -> float:
        """The share of the query's words that the entry matches."""
        if not self._wanted:
            return 1.0
        covered = set()
        for covers, scores in self._covering:
            if entry_index in scores:
                covered.update(covers)
        return len(covered) / self._wanted

    def coverage_factor(self, entry_index: int) -> float:
        return coverage_factor(self.covered_share(entry_index))


def coverage_factor(covered_share: float) -> float:
    """Documents that answer every part of the query beat those that answer one part well."""
    return COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * covered_share


def prior(kind: str, level: str | None, boost: float, analyzed: AnalyzedQuery) -> float:
    """The ranking rules' weight of an object: officers before their heads unless a leader is asked for."""
    if kind == "contact" and level:
        table = LEADER_PRIOR if analyzed.wants_leader else LEVEL_PRIOR
        return boost * table.get(level, 1.0)
    if kind == "office":
        return boost * (OFFICE_WANTED_PRIOR if analyzed.wants_office or analyzed.wants_leader else OFFICE_PRIOR)
    return boost


def named_office_phrases(analyzed: AnalyzedQuery) -> tuple[set[str], set[str]]:
    """The phrases that name an office alone (an acronym or alias as typed, read or repaired),
    and those left once words such as "kantor" or "kepala" are set aside (when the query has them)."""
    alone = {analyzed.phrase, " ".join(analyzed.typed), analyzed.corrected_phrase}
    with_intent = set()
    if analyzed.wants_office or analyzed.wants_leader:
        for words in ([r.typed for r in analyzed.readings], [r.best for r in analyzed.readings if r.terms]):
            for ignored in (OFFICE_WORDS, LEADERSHIP_WORDS, OFFICE_WORDS | LEADERSHIP_WORDS):
                with_intent.add(" ".join(word for word in words if word not in ignored))
    return alone, with_intent


def place_phrases(analyzed: AnalyzedQuery, phrases: set[str]) -> set[str]:
    """The phrases that may name a village whose kecamatan office the query asks for: only when it
    has a word for the kecamatan level ("kecamatan", "camatnya"; without one, "kepala desa olehsari"
    asks for the village's own head), each of ``phrases`` (the query, or what is left once words such
    as "alamat" are set aside) as it is and without the words for an area ("kecamatan desa sarongan",
    "sarongan")."""
    meant = {reading.typed for reading in analyzed.readings} | {reading.best for reading in analyzed.readings}
    if not any(_area_level(word) == "kecamatan" for word in meant):
        return set()
    places = {" ".join(word for word in phrase.split() if not _area_level(word)) for phrase in phrases}
    return (phrases | places) - {""}


def _area_level(word: str) -> str | None:
    """ "kecamatan" or "village" for a word of that level, in any of its forms ("kecamatannya"), else None."""
    for level, words in (("kecamatan", KECAMATAN_WORDS), ("village", VILLAGE_WORDS)):
        if word in words or stem_indonesian(word) in _stems(words):
            return level
    return None


@cache
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem_indonesian(word) for word in words)


@dataclass(frozen=True)
class _Later:
    """Heap tie-breaker: of two equal scores, the smaller identifier ranks first."""

    key: tuple[str, str]

    def __lt__(self, other):
        return self.key > other.key


class LexicalEngine(LexicalIndex):
    """Index of documents (see the module docstring) answering citizens' queries by their words.

    ``search.engine.hybrid.HybridEngine`` fuses its ranking with the meaning index.

    ``synonym_groups`` are the concept groups (lists of phrases); None means the
    curated groups of ``search/data/synonyms.txt``. Field names with a meaning to the
    ranking are listed in ``FIELD_WEIGHTS``; ``acronym`` and ``aliases`` of offices also
    give exact name matching, and ``title``, ``acronym``, ``aliases`` and ``keywords``
    feed ``suggest``.

    ``update`` replaces some objects and re-indexes only them. The scores stay exactly
    those of a full rebuild: each object keeps its raw term counts, and a term's posting
    (which depends on the collection: document frequency, average field lengths) is
    computed when a query first needs it after a change.
    """

    def _refresh(self) -> None:
        super()._refresh()
        largest_boost = max((entry.boost for entry in self._entries if entry is not None), default=1.0)
        self._largest_prior = max(0.0, largest_boost) * max(
            1.0, *LEVEL_PRIOR.values(), *LEADER_PRIOR.values(), OFFICE_PRIOR, OFFICE_WANTED_PRIOR
        )

    def search(self, query, types=None, limit=10, locale=None) -> list[tuple[dict, float]]:
        """The best documents for a query, best first, each object once."""
        ranking = self.rank(query, types, limit)
        return [(self.document(key, locale), round(hit.score, 6)) for key, hit in ranking.hits.items()]

    def rank(self, query, types=None, limit=10) -> "Ranking":
        """The best objects for a query with their scores, how much of the query each
        covers, and which of them the ranking rules put first."""
        try:
            limit = max(0, int(limit))
        except (TypeError, ValueError):
            limit = 10
        wanted_types = type_filter(types)
        analyzed = self.analyzer.analyze(query)
        ranking = Ranking(analyzed)
        if not limit or not analyzed.clauses:
            return ranking
        matches = _Matches(analyzed, [self._clause_scores(clause) for clause in analyzed.clauses])

        def admissible(entry_index: int) -> bool:
            return wanted_types is None or self._entries[entry_index].type in wanted_types

        def final_score(entry_index: int) -> float:
            entry = self._entries[entry_index]
            return matches.raw[entry_index] * matches.coverage_factor(entry_index) * self._prior(entry, analyzed)

        # Exact top-k without scoring every match: walk the matches by raw score and stop
        # once even the largest prior could not lift the next one into the results.
        promoted = self._promoted(analyzed, offices_wanted=wanted_types is None or "office" in wanted_types)
        best: list[tuple[float, _Later]] = []
        for entry_index, raw in sorted(matches.raw.items(), key=itemgetter(1), reverse=True):
            if len(best) >= limit and raw * self._largest_prior <= best[0][0]:
                break
            if admissible(entry_index) and entry_index not in promoted:
                item = (final_score(entry_index), _Later(self._entries[entry_index].key))
                if len(best) < limit:
                    heapq.heappush(best, item)
                elif item > best[0]:
                    heapq.heapreplace(best, item)
        ranked = [(score, self._index_of[later.key]) for score, later in best]
        top = max((score for score, _ in ranked), default=0.0)
        for entry_index, lift in promoted.items():
            if admissible(entry_index):
                score = final_score(entry_index) if entry_index in matches.raw else 0.0
                ranked.append((top * lift + 1.0 + score, entry_index))
        # Ties go by identifier, not by position in the index, which updates change.
        ranked.sort(key=lambda item: (-item[0], self._entries[item[1]].key))
        for score, index in ranked[:limit]:
            entry = self._entries[index]
            ranking.hits[(entry.type, entry.id)] = RankedEntry(
                score, matches.covered_share(index), promoted=index in promoted, office=entry.office
            )
        return ranking

    def _clause_scores(self, clause: Clause) -> dict[int, float]:
        """Best score of each entry over the clause's alternatives. May return a posting
        itself, so callers must not modify the result."""
        weighted_terms: dict[str, float] = {}
        phrases = []
        for alternative in clause.alternatives:
            if len(alternative.slots) > 1:
                phrases.append(alternative)
                continue
            for term in alternative.slots[0]:
                if term in self._rows and alternative.weight > weighted_terms.get(term, 0.0):
                    weighted_terms[term] = alternative.weight
        best = self._best_of_terms(weighted_terms, shared_ok=not phrases)
        for alternative in phrases:
            # A phrase counts only where every one of its words is found.
            summed: dict[int, float] = {}
            for position, slot in enumerate(alternative.slots):
                slot_best = self._best_of_terms(dict.fromkeys(slot, 1.0), shared_ok=True)
                if position == 0:
                    summed = dict(slot_best)
                else:
                    summed = {index: value + slot_best[index] for index, value in summed.items() if index in slot_best}
                if not summed:
                    break
            scale = alternative.weight / len(alternative.slots)
            for index, value in summed.items():
                value *= scale
                if value > best.get(index, 0.0):
                    best[index] = value
        return best

    def _best_of_terms(self, weighted_terms: dict[str, float], shared_ok: bool) -> dict[int, float]:
        """Per entry, the best weighted score of any of the terms. With ``shared_ok`` a
        single unweighted term returns its posting as is, saving a copy."""
        postings = [(self._posting(term), weight) for term, weight in weighted_terms.items() if term in self._rows]
        if not postings:
            return {}
        postings.sort(key=lambda item: -len(item[0]))
        first, first_weight = postings[0]
        if len(postings) == 1 and first_weight == 1.0 and shared_ok:
            return first
        best = dict(first) if first_weight == 1.0 else {index: value * first_weight for index, value in first.items()}
        get = best.get
        for posting, weight in postings[1:]:
            for index, value in posting.items():
                value *= weight
                if value > get(index, 0.0):
                    best[index] = value
        return best

    def _prior(self, entry: Entry, analyzed: AnalyzedQuery) -> float:
        return prior(entry.type, entry.level, entry.boost, analyzed)

    def _named_offices(self, analyzed: AnalyzedQuery) -> tuple[set[int], set[int]]:
        """Offices the query names: by acronym or alias alone, and with words such as
        "kantor", "alamat" or "kepala" around the name, and by a place the office serves asked for at
        the kecamatan level ("alamat kecamatan desa sarongan", "kecamatan sarongan" name Kecamatan
        Pesanggaran, as its own name would)."""
        alone_phrases, intent_phrases = named_office_phrases(analyzed)
        alone = set().union(*(self._exact_names.get(phrase, set()) for phrase in alone_phrases))
        with_intent = set().union(*(self._exact_names.get(phrase, set()) for phrase in intent_phrases))
        for place in place_phrases(analyzed, alone_phrases | intent_phrases):
            with_intent |= self._place_names.get(place, set())
        return alone, with_intent - alone

    def _named_services(self, analyzed: AnalyzedQuery) -> set[int]:
        """Services the query names when it also names their office by an alias ("uji kir" is an
        alias of Dishub and its service's name; "puskesmas" an alias of Dinkes and its service's
        keyword): the service is asked for, its office comes next. The office is
        what is asked for when the query is its acronym or title, when the alias shares a word
        with them ("rs genteng" for RSUD Genteng), or when the phrase names several services."""
        phrases = named_office_phrases(analyzed)[0]
        offices, by_own_name = set(), set()
        for phrase in phrases:
            by_own_name |= {self._entries[index].office for index in self._own_names.get(phrase, ())}
            for index in self._exact_names.get(phrase, set()) - self._own_names.get(phrase, set()):
                own_words = {word for name in self._indexed[index].own_names for word in name.split()}
                if not own_words & set(phrase.split()):
                    offices.add(self._entries[index].office)
        offices -= by_own_name
        services = {index for phrase in phrases for index in self._service_names.get(phrase, ())}
        services = {index for index in services if self._entries[index].office in offices}
        return services if len(services) == 1 else set()

    def _promoted(self, analyzed: AnalyzedQuery, offices_wanted: bool) -> dict[int, float]:
        """Entries put above everything else, with how far above. An office named by its
        acronym or alias comes first, unless the alias is also the name of one of its services,
        which then comes first (``_named_services``); when the citizen asks for the person in charge
        ("kepala dinas kesehatan") or only people are searched, the head of the office
        comes first and the office next."""
        alone, with_intent = self._named_offices(analyzed)
        promoted = dict.fromkeys(alone, NAMED_OFFICE_LIFT)
        promoted.update(dict.fromkeys(with_intent, OFFICE_WITH_INTENT_LIFT))
        promoted.update(dict.fromkeys(self._named_services(analyzed), NAMED_SERVICE_LIFT))
        if analyzed.wants_leader or not offices_wanted:
            for entry_index in alone | with_intent:
                lift = 1.5 if entry_index in alone and offices_wanted else 2.5
                for head in self._heads.get(self._entries[entry_index].office, ()):
                    promoted[head] = lift
        return promoted

    # ----------------------------------------------------------------- the search box
    def suggest(self, prefix, limit=8) -> list[str]:
        return self.suggestions.suggest(prefix, limit)

    def did_you_mean(self, query) -> str | None:
        return self.suggestions.did_you_mean(query)
