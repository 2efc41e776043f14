"""In-memory search over plain documents: BM25F scoring, query expansion and ranking rules.

A document is a dict::

    {"type": "contact" | "service" | "office" | "news", "id": "stable-id", "office": "office-slug",
     "locale": "id" | "en", "title": "...", "fields": {"keywords": "..." or ["...", ...], ...},
     "boost": 1.0, "level": "technical" | ... | None}

Documents with the same ``(type, id)`` in different locales are merged into one entry,
so a query in either language finds the object and each object appears once.
"""

import gc
import heapq
import math
from collections import defaultdict
from contextlib import contextmanager
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


@contextmanager
def cycle_collection_paused():
    """Indexing allocates millions of small objects that hold no cycles; Python's cycle
    collector would scan the whole growing heap again and again meanwhile (measured: an
    update at 5x the demo took 0.72 s with it, 0.15 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _document_key(document) -> tuple[str, str]:
    return (str(document.get("type", "")), str(document.get("id", "")))


@dataclass
class _Indexed:
    """What an entry put into the index, so that it can be taken out again."""

    lengths: dict[str, int] = field(default_factory=dict)  # indexed words per field
    terms: list[str] = field(default_factory=list)
    words: dict[tuple[str, str], int] = field(default_factory=dict)  # (word, term) pairs for typo repair
    names: set[str] = field(default_factory=set)
    suggestions: list = field(default_factory=list)


@dataclass
class _Entry:
    type: str
    id: str
    documents: dict[str, dict] = field(default_factory=dict)  # locale -> document
    boost: float = 1.0
    level: str | None = None
    office: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.id)


@dataclass(frozen=True)
class _Later:
    """Heap tie-breaker: of two equal scores, the smaller identifier ranks first."""

    key: tuple[str, str]

    def __lt__(self, other):
        return self.key > other.key


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
    curated groups of ``search/data/synonyms.txt``. Field names with a meaning to the
    ranking are listed in ``FIELD_WEIGHTS``; ``acronym`` and ``aliases`` of offices also
    give exact name matching, and ``title``, ``acronym``, ``aliases`` and ``keywords``
    feed ``suggest``.

    ``update`` replaces some objects and re-indexes only them. The scores stay exactly
    those of a full rebuild: each object keeps its raw term counts, and a term's posting
    (which depends on the collection: document frequency, average field lengths) is
    computed when a query first needs it after a change.
    """

    def __init__(self, documents, synonym_groups=None):
        self._entries: list[_Entry | None] = []
        self._free: list[int] = []
        self._index_of: dict[tuple[str, str], int] = {}
        self._heads: dict[str, set[int]] = defaultdict(set)  # office slug -> its head(s) of office
        self._indexed: dict[int, _Indexed] = {}
        self._rows: dict[str, dict[int, tuple[tuple[str, int], ...]]] = {}  # term -> entry -> (field, count)...
        self._field_length_sum: dict[str, int] = defaultdict(int)
        self._field_entries: dict[str, int] = defaultdict(int)
        self._postings: dict[str, dict[int, float]] = {}  # computed on demand, emptied by every change
        self._exact_names: dict[str, set[int]] = defaultdict(set)
        self.suggestions = Suggestions()
        self.lexicon = Lexicon()
        if synonym_groups is None:
            synonym_groups = builtin_synonym_groups()
        self._synonym_groups = [[str(phrase) for phrase in group] for group in synonym_groups if group]
        with cycle_collection_paused():
            self._add(documents)
            self._refresh()

    # ----------------------------------------------------------------- indexing
    def update(self, removed_keys, documents) -> None:
        """Drop the objects ``removed_keys`` and (re)index ``documents`` (all languages of each object)."""
        changed = set(removed_keys) | {_document_key(document) for document in documents}
        with cycle_collection_paused():
            for key in changed:
                self._remove(key)
            self._add(documents)
            self._refresh()

    def _add(self, documents) -> None:
        new_entries = []
        for document in documents:
            key = _document_key(document)
            if key not in self._index_of:
                index = self._free.pop() if self._free else len(self._entries)
                entry = _Entry(*key, boost=number(document.get("boost"), default=1.0))
                if index == len(self._entries):
                    self._entries.append(entry)
                else:
                    self._entries[index] = entry
                self._index_of[key] = index
                new_entries.append(index)
            entry = self._entries[self._index_of[key]]
            entry.documents.setdefault(str(document.get("locale") or "id"), document)
            entry.level = entry.level or document.get("level")
            entry.office = entry.office or str(document.get("office") or "")
        for index in new_entries:
            self._index_entry(index)

    def _index_entry(self, index: int) -> None:
        entry = self._entries[index]
        indexed = _Indexed()
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for locale, document in entry.documents.items():
            extra_fields = document.get("fields")
            fields = {"title": document.get("title"), **(extra_fields if isinstance(extra_fields, dict) else {})}
            for field_name, value in fields.items():
                correctable = field_name not in EXACT_ONLY_FIELDS
                for text in field_values(value):
                    indexed.lengths[field_name] = indexed.lengths.get(field_name, 0) + self._index_text(
                        text, locale, counts[field_name], indexed.words if correctable else None
                    )
                if field_name in SUGGESTION_FIELDS:
                    indexed.suggestions.append(value)
                    self.suggestions.add(value)
                if field_name in NAME_FIELDS or (field_name == "title" and entry.type == "office"):
                    for phrase in phrases(value) if field_name != "title" else [str(value or "")]:
                        if tokenize(phrase):
                            name = " ".join(tokenize(phrase))
                            indexed.names.add(name)
                            self._exact_names[name].add(index)
        by_term: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for field_name, term_counts in counts.items():
            for term, count in term_counts.items():
                by_term[term].append((field_name, count))
        for term, field_counts in by_term.items():
            self._rows.setdefault(term, {})[index] = tuple(field_counts)
        indexed.terms = list(by_term)
        for field_name, length in indexed.lengths.items():
            self._field_length_sum[field_name] += length
            self._field_entries[field_name] += 1
        for (word, term), count in indexed.words.items():
            self.lexicon.add(word, term, count)
        if entry.type == "contact" and entry.level == "head":
            self._heads[entry.office].add(index)
        self._indexed[index] = indexed

    def _remove(self, key) -> None:
        index = self._index_of.pop(key, None)
        if index is None:
            return
        entry, indexed = self._entries[index], self._indexed.pop(index)
        for term in indexed.terms:
            row = self._rows[term]
            del row[index]
            if not row:
                del self._rows[term]
        for field_name, length in indexed.lengths.items():
            self._field_length_sum[field_name] -= length
            self._field_entries[field_name] -= 1
            if not self._field_entries[field_name]:
                del self._field_entries[field_name], self._field_length_sum[field_name]
        for (word, term), count in indexed.words.items():
            self.lexicon.remove(word, term, count)
        for name in indexed.names:
            self._exact_names[name].discard(index)
            if not self._exact_names[name]:
                del self._exact_names[name]
        for value in indexed.suggestions:
            self.suggestions.remove(value)
        self._heads.get(entry.office, set()).discard(index)
        self._entries[index] = None
        self._free.append(index)

    def _refresh(self) -> None:
        """Collection-wide structures, after documents came or went."""
        self._postings = {}
        self._average_length = {
            name: max(1.0, self._field_length_sum[name] / count) for name, count in self._field_entries.items()
        }
        self.lexicon.freeze({term: len(row) for term, row in self._rows.items() if "\x1f" not in term})
        self.analyzer = QueryAnalyzer(self.lexicon, self._synonym_groups, SYNONYM_WEIGHT, BIGRAM_WEIGHT)
        self.suggestions.freeze(self.analyzer)
        largest_boost = max((entry.boost for entry in self._entries if entry is not None), default=1.0)
        self._largest_prior = max(0.0, largest_boost) * max(
            1.0, *LEVEL_PRIOR.values(), *LEADER_PRIOR.values(), OFFICE_PRIOR, OFFICE_WANTED_PRIOR
        )

    def _posting(self, term: str) -> dict[int, float] | None:
        """BM25F weight of the term in each entry that has it, from the raw counts."""
        posting = self._postings.get(term)
        if posting is not None or term not in self._rows:
            return posting
        row = self._rows[term]
        pseudo_frequencies = {}
        for index, field_counts in sorted(row.items()):
            lengths = self._indexed[index].lengths
            value = 0.0
            for field_name, count in field_counts:
                b = LENGTH_NORMALISATION.get(field_name, DEFAULT_LENGTH_NORMALISATION)
                norm = 1 - b + b * lengths.get(field_name, 0) / self._average_length[field_name]
                value += FIELD_WEIGHTS.get(field_name, DEFAULT_FIELD_WEIGHT) * count / norm
            pseudo_frequencies[index] = value
        # Rarity counts the documents that are about the word, not those that mention it
        # in passing: "KTP" is in half the requirement lists but names few services.
        about = max(1, sum(1 for value in pseudo_frequencies.values() if value >= ABOUT_THRESHOLD))
        idf = math.log(1 + (len(self._index_of) - about + 0.5) / (about + 0.5))
        saturation = K1 + 1
        posting = {index: idf * value * saturation / (K1 + value) for index, value in pseudo_frequencies.items()}
        self._postings[term] = posting
        return posting

    def _index_text(self, text: str, locale: str, counts: dict[str, int], words: dict | None) -> int:
        """Count the text's terms into ``counts``; its (word, term) pairs go to ``words`` when correctable."""
        text_words, terms = index_terms(text, locale)
        for word, term in zip(text_words, terms, strict=True):
            if words is not None:
                words[(word, term)] = words.get((word, term), 0) + 1
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

    def keys(self) -> list[tuple[str, str]]:
        """The ``(type, id)`` of every object in the index."""
        return list(self._index_of)

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
