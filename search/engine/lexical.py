"""In-memory search over plain documents: BM25F scoring, query expansion and ranking rules.

A document is a dict::

    {"type": "contact" | "service" | "office" | "news", "id": "stable-id", "office": "office-slug",
     "locale": "id" | "en", "title": "...", "fields": {"keywords": "..." or ["...", ...], ...},
     "boost": 1.0, "level": "technical" | ... | None}

Documents with the same ``(type, id)`` in different locales are merged into one entry,
so a query in either language finds the object and each object appears once.
"""

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from ..text.lexicon import Lexicon
from ..text.normalize import tokenize
from ..text.query import AnalyzedQuery, Clause, QueryAnalyzer
from ..text.vocabulary import LEADERSHIP_WORDS, OFFICE_WORDS, builtin_synonym_groups
from .fields import (
    ABOUT_THRESHOLD,
    DEFAULT_FIELD_WEIGHT,
    DEFAULT_LENGTH_NORMALISATION,
    EXACT_ONLY_FIELDS,
    FIELD_WEIGHTS,
    K1,
    LENGTH_NORMALISATION,
    NAME_FIELDS,
    SUGGESTION_FIELDS,
    field_values,
    index_terms,
    number,
    type_filter,
)
from .suggestions import Suggestions, phrases

# Expansions count less than the words typed: a synonym phrase, and the bonus for two
# query words found side by side.
SYNONYM_WEIGHT = 0.8
BIGRAM_WEIGHT = 0.5

# Heads of office carry broad descriptions ("unresolved complaints"); the officer who does
# the work should come first unless the citizen asks for the person in charge.
LEVEL_PRIOR = {"technical": 1.0, "section_head": 0.8, "division_head": 0.7, "secretary": 0.65, "head": 0.6}
LEADER_PRIOR = {"head": 1.15, "secretary": 1.0, "division_head": 1.0, "section_head": 0.95, "technical": 0.9}
OFFICE_PRIOR, OFFICE_WANTED_PRIOR = 0.85, 1.2
COVERAGE_FLOOR = 0.35  # share of the score kept by a document that matches only part of the query


@dataclass
class _Entry:
    type: str
    id: str
    documents: dict[str, dict] = field(default_factory=dict)  # locale -> document
    boost: float = 1.0
    level: str | None = None
    office: str = ""


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
        """Documents that answer every part of the query beat those that answer one part well."""
        return COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * self.covered_share(entry_index)


class SearchEngine:
    """Index of documents (see the module docstring) answering citizens' queries.

    ``synonym_groups`` are the concept groups (lists of phrases); None means the
    curated groups of ``search/data/synonyms.txt``. Field names with a meaning to the ranking are
    listed in ``FIELD_WEIGHTS``; ``acronym`` and ``aliases`` of offices also give exact
    name matching, and ``title``, ``acronym``, ``aliases`` and ``keywords`` feed ``suggest``.
    """

    def __init__(self, documents, synonym_groups=None):
        self._entries: list[_Entry] = []
        self._index_of: dict[tuple[str, str], int] = {}
        self._heads: dict[str, list[int]] = defaultdict(list)  # office slug -> its head(s) of office
        self._postings: dict[str, dict[int, float]] = {}
        self._exact_names: dict[str, set[int]] = defaultdict(set)
        self.suggestions = Suggestions()
        self.lexicon = Lexicon()
        self._build(documents)
        if synonym_groups is None:
            synonym_groups = builtin_synonym_groups()
        groups = [[str(phrase) for phrase in group] for group in synonym_groups if group]
        self.analyzer = QueryAnalyzer(self.lexicon, groups, SYNONYM_WEIGHT, BIGRAM_WEIGHT)
        self.suggestions.freeze(self.analyzer)

    # ----------------------------------------------------------------- indexing
    def _build(self, documents) -> None:
        by_key = self._index_of
        for document in documents:
            key = (str(document.get("type", "")), str(document.get("id", "")))
            if key not in by_key:
                by_key[key] = len(self._entries)
                self._entries.append(_Entry(*key, boost=number(document.get("boost"), default=1.0)))
            entry = self._entries[by_key[key]]
            entry.documents.setdefault(str(document.get("locale") or "id"), document)
            entry.level = entry.level or document.get("level")
            entry.office = entry.office or str(document.get("office") or "")

        field_term_counts: list[dict[str, dict[str, int]]] = []
        field_lengths: dict[str, list[int]] = defaultdict(list)
        for entry_index, entry in enumerate(self._entries):
            counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            lengths: dict[str, int] = defaultdict(int)
            for locale, document in entry.documents.items():
                extra_fields = document.get("fields")
                fields = {"title": document.get("title"), **(extra_fields if isinstance(extra_fields, dict) else {})}
                for field_name, value in fields.items():
                    correctable = field_name not in EXACT_ONLY_FIELDS
                    for text in field_values(value):
                        lengths[field_name] += self._index_text(text, locale, counts[field_name], correctable)
                    if field_name in SUGGESTION_FIELDS:
                        self.suggestions.add(value)
                    if field_name in NAME_FIELDS or (field_name == "title" and entry.type == "office"):
                        for phrase in phrases(value) if field_name != "title" else [str(value or "")]:
                            if tokenize(phrase):
                                self._exact_names[" ".join(tokenize(phrase))].add(entry_index)
            field_term_counts.append(counts)
            for field_name, length in lengths.items():
                field_lengths[field_name].append(length)

        average_length = {name: max(1.0, sum(values) / len(values)) for name, values in field_lengths.items()}
        pseudo_frequencies: dict[str, dict[int, float]] = defaultdict(dict)
        for entry_index, counts in enumerate(field_term_counts):
            for field_name, term_counts in counts.items():
                length = sum(count for term, count in term_counts.items() if "\x1f" not in term)
                b = LENGTH_NORMALISATION.get(field_name, DEFAULT_LENGTH_NORMALISATION)
                norm = 1 - b + b * length / average_length[field_name]
                weight = FIELD_WEIGHTS.get(field_name, DEFAULT_FIELD_WEIGHT)
                for term, count in term_counts.items():
                    row = pseudo_frequencies[term]
                    row[entry_index] = row.get(entry_index, 0.0) + weight * count / norm

        total = len(self._entries)
        document_frequency = {}
        for term, row in pseudo_frequencies.items():
            document_frequency[term] = len(row)
            # Rarity counts the documents that are about the word, not those that mention it
            # in passing: "KTP" is in half the requirement lists but names few services.
            about = max(1, sum(1 for value in row.values() if value >= ABOUT_THRESHOLD))
            idf = math.log(1 + (total - about + 0.5) / (about + 0.5))
            saturation = K1 + 1
            self._postings[term] = {
                index: idf * value * saturation / (K1 + value) for index, value in sorted(row.items())
            }
        self.lexicon.freeze({term: df for term, df in document_frequency.items() if "\x1f" not in term})
        for entry_index, entry in enumerate(self._entries):
            if entry.type == "contact" and entry.level == "head":
                self._heads[entry.office].append(entry_index)
        largest_boost = max((entry.boost for entry in self._entries), default=1.0)
        self._largest_prior = max(0.0, largest_boost) * max(
            1.0, *LEVEL_PRIOR.values(), *LEADER_PRIOR.values(), OFFICE_PRIOR, OFFICE_WANTED_PRIOR
        )

    def _index_text(self, text: str, locale: str, counts: dict[str, int], correctable: bool = True) -> int:
        words, terms = index_terms(text, locale)
        for word, term in zip(words, terms, strict=True):
            if correctable:
                self.lexicon.add(word, term)
            counts[term] += 1
        # Neighbouring words are indexed as pairs so that phrases typed in order score extra.
        for previous, term in zip(terms, terms[1:], strict=False):
            counts[f"{previous}\x1f{term}"] += 1
        return len(terms)

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
        best: list[tuple[float, int]] = []
        for entry_index, raw in sorted(matches.raw.items(), key=itemgetter(1), reverse=True):
            if len(best) >= limit and raw * self._largest_prior <= best[0][0]:
                break
            if admissible(entry_index) and entry_index not in promoted:
                item = (final_score(entry_index), -entry_index)
                if len(best) < limit:
                    heapq.heappush(best, item)
                elif item > best[0]:
                    heapq.heapreplace(best, item)
        ranked = [(score, -negative_index) for score, negative_index in best]
        top = max((score for score, _ in ranked), default=0.0)
        for entry_index, lift in promoted.items():
            if admissible(entry_index):
                score = final_score(entry_index) if entry_index in matches.raw else 0.0
                ranked.append((top * lift + 1.0 + score, entry_index))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        for score, index in ranked[:limit]:
            entry = self._entries[index]
            ranking.hits[(entry.type, entry.id)] = RankedEntry(
                score, matches.covered_share(index), promoted=index in promoted, office=entry.office
            )
        return ranking

    def keys(self) -> list[tuple[str, str]]:
        """The ``(type, id)`` of every object in the index."""
        return [(entry.type, entry.id) for entry in self._entries]

    def document(self, key: tuple[str, str], locale=None) -> dict:
        """The object's document in ``locale``, or in the language it has."""
        return self._document_for(self._entries[self._index_of[key]], locale)

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
                if term in self._postings and alternative.weight > weighted_terms.get(term, 0.0):
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
        postings = [(self._postings[term], weight) for term, weight in weighted_terms.items() if term in self._postings]
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

    def _prior(self, entry: _Entry, analyzed: AnalyzedQuery) -> float:
        prior = entry.boost
        if entry.type == "contact" and entry.level:
            table = LEADER_PRIOR if analyzed.wants_leader else LEVEL_PRIOR
            prior *= table.get(entry.level, 1.0)
        elif entry.type == "office":
            prior *= OFFICE_WANTED_PRIOR if analyzed.wants_office or analyzed.wants_leader else OFFICE_PRIOR
        return prior

    def _named_offices(self, analyzed: AnalyzedQuery) -> tuple[set[int], set[int]]:
        """Offices the query names: by acronym or alias alone, and with words such as
        "kantor", "alamat" or "kepala" around the name."""
        alone = set()
        for phrase in {analyzed.phrase, " ".join(analyzed.typed), analyzed.corrected_phrase}:
            alone |= self._exact_names.get(phrase, set())
        with_intent = set()
        if analyzed.wants_office or analyzed.wants_leader:
            for words in ([r.typed for r in analyzed.readings], [r.best for r in analyzed.readings if r.terms]):
                for ignored in (OFFICE_WORDS, LEADERSHIP_WORDS, OFFICE_WORDS | LEADERSHIP_WORDS):
                    phrase = " ".join(word for word in words if word not in ignored)
                    with_intent |= self._exact_names.get(phrase, set())
        return alone, with_intent - alone

    def _promoted(self, analyzed: AnalyzedQuery, offices_wanted: bool) -> dict[int, float]:
        """Entries put above everything else, with how far above. An office named by its
        acronym or alias comes first; when the citizen asks for the person in charge
        ("kepala dinas kesehatan") or only people are searched, the head of the office
        comes first and the office next."""
        alone, with_intent = self._named_offices(analyzed)
        promoted = dict.fromkeys(alone, 2.0)
        promoted.update(dict.fromkeys(with_intent, 1.5))
        if analyzed.wants_leader or not offices_wanted:
            for entry_index in alone | with_intent:
                lift = 1.5 if entry_index in alone and offices_wanted else 2.5
                for head in self._heads.get(self._entries[entry_index].office, ()):
                    promoted[head] = lift
        return promoted

    def _document_for(self, entry: _Entry, locale) -> dict:
        if locale in entry.documents:
            return entry.documents[locale]
        return next(iter(entry.documents.values()))

    # ----------------------------------------------------------------- the search box
    def suggest(self, prefix, limit=8) -> list[str]:
        return self.suggestions.suggest(prefix, limit)

    def did_you_mean(self, query) -> str | None:
        return self.suggestions.did_you_mean(query)
