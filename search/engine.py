"""In-memory search over plain documents: BM25F scoring, query expansion and ranking rules.

A document is a dict::

    {"type": "contact" | "service" | "office" | "news", "id": "stable-id", "office": "office-slug",
     "locale": "id" | "en", "title": "...", "fields": {"keywords": "..." or ["...", ...], ...},
     "boost": 1.0, "level": "technical" | ... | None}

Documents with the same ``(type, id)`` in different locales are merged into one entry,
so a query in either language finds the object and each object appears once.
"""

import bisect
import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from .analysis import AnalyzedQuery, Clause, Lexicon, QueryAnalyzer, is_stopword, normalize_text, stem, tokenize
from .vocabulary import JOB_GRADE_PHRASES, LEADERSHIP_WORDS, OFFICE_WORDS, SYNONYM_GROUPS

# How much a word found in each field tells about the document. Fields not listed
# count with DEFAULT_FIELD_WEIGHT.
FIELD_WEIGHTS = {
    "title": 3.0,
    "acronym": 4.0,
    "aliases": 3.0,
    "keywords": 2.5,
    "handles": 2.0,
    "position": 1.5,
    "field": 1.5,
    "services": 1.2,
    "related_services": 0.4,
    "name": 1.0,
    "summary": 1.0,
    "output": 1.0,
    "body": 0.8,
    "office": 0.6,
    "requirements": 0.35,
    "procedure": 0.3,
    "cost": 0.2,
    "duration": 0.2,
    "channels": 0.2,
    "legal_basis": 0.1,
}
DEFAULT_FIELD_WEIGHT = 0.5
# Short, precise fields barely depend on their length; prose does.
LENGTH_NORMALISATION = {"title": 0.3, "acronym": 0.0, "aliases": 0.2, "keywords": 0.3, "position": 0.3}
DEFAULT_LENGTH_NORMALISATION = 0.75
K1 = 1.2
ABOUT_THRESHOLD = 0.3  # weighted frequency from which a document counts towards a word's document frequency
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

# People's names are found when typed as written, but are never offered as the
# correction of a misspelt word ("hrs" is not "Haris").
EXACT_ONLY_FIELDS = ("name",)
# Fields whose values name the object; they feed exact-name matching and autocomplete.
NAME_FIELDS = ("acronym", "aliases")
SUGGESTION_FIELDS = ("title", "acronym", "aliases", "keywords")
_LIST_SEPARATORS = re.compile(r"[,;\n|]")


@lru_cache(maxsize=50_000)
def _index_terms(text: str, locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = tuple(word for word in _without_job_grades(tokenize(text)) if not is_stopword(word))
    return words, tuple(stem(word, locale) for word in words)


def _without_job_grades(words: list[str]) -> list[str]:
    kept, position = [], 0
    while position < len(words):
        grade = next((g for g in JOB_GRADE_PHRASES if tuple(words[position : position + len(g)]) == g), None)
        if grade:
            position += len(grade)
        else:
            kept.append(words[position])
            position += 1
    return kept


@dataclass
class _Entry:
    type: str
    id: str
    documents: dict[str, dict] = field(default_factory=dict)  # locale -> document
    boost: float = 1.0
    level: str | None = None
    office: str = ""


def _field_values(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def _number(value, default: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _type_filter(types) -> set[str] | None:
    """The document types asked for, or None for all; nonsense means no filter."""
    if types is None or types == "":
        return None
    if isinstance(types, str):
        return {types}
    try:
        return {str(item) for item in types} or None
    except TypeError:
        return None


def _clean_display(phrase: str) -> str:
    """Tidy a phrase for showing as a suggestion: single spaces, no stray brackets."""
    display = " ".join(phrase.split())
    if display.count("(") != display.count(")"):
        display = display.replace("(", "").replace(")", "")
    return display.strip(" .,:;-/")


def _phrases(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [part for part in _LIST_SEPARATORS.split(str(value or "")) if part.strip()]


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

    def coverage_factor(self, entry_index: int) -> float:
        """Documents that answer every part of the query beat those that answer one part well."""
        if not self._wanted:
            return 1.0
        covered = set()
        for covers, scores in self._covering:
            if entry_index in scores:
                covered.update(covers)
        return COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * len(covered) / self._wanted


class SearchEngine:
    """Index of documents (see the module docstring) answering citizens' queries.

    ``synonym_groups`` are extra concept groups (lists of phrases), merged with the
    built-in ``vocabulary.SYNONYM_GROUPS``. Field names with a meaning to the ranking are
    listed in ``FIELD_WEIGHTS``; ``acronym`` and ``aliases`` of offices also give exact
    name matching, and ``title``, ``acronym``, ``aliases`` and ``keywords`` feed ``suggest``.
    """

    def __init__(self, documents, synonym_groups=()):
        self._entries: list[_Entry] = []
        self._heads: dict[str, list[int]] = defaultdict(list)  # office slug -> its head(s) of office
        self._postings: dict[str, dict[int, float]] = {}
        self._exact_names: dict[str, set[int]] = defaultdict(set)
        self._suggestions: dict[str, tuple[str, int]] = {}
        self.lexicon = Lexicon()
        self._build(documents)
        groups = [list(group) for group in SYNONYM_GROUPS] + [
            [str(phrase) for phrase in group] for group in synonym_groups or () if group
        ]
        self.analyzer = QueryAnalyzer(self.lexicon, groups, SYNONYM_WEIGHT, BIGRAM_WEIGHT)
        self._suggestion_keys = sorted(self._suggestions)

    # ----------------------------------------------------------------- indexing
    def _build(self, documents) -> None:
        by_key: dict[tuple[str, str], int] = {}
        for document in documents:
            key = (str(document.get("type", "")), str(document.get("id", "")))
            if key not in by_key:
                by_key[key] = len(self._entries)
                self._entries.append(_Entry(*key, boost=_number(document.get("boost"), default=1.0)))
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
                    for text in _field_values(value):
                        lengths[field_name] += self._index_text(text, locale, counts[field_name], correctable)
                    if field_name in SUGGESTION_FIELDS:
                        self._add_suggestions(value)
                    if field_name in NAME_FIELDS or (field_name == "title" and entry.type == "office"):
                        for phrase in _phrases(value) if field_name != "title" else [str(value or "")]:
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
        words, terms = _index_terms(text, locale)
        for word, term in zip(words, terms, strict=True):
            if correctable:
                self.lexicon.add(word, term)
            counts[term] += 1
        # Neighbouring words are indexed as pairs so that phrases typed in order score extra.
        for previous, term in zip(terms, terms[1:], strict=False):
            counts[f"{previous}\x1f{term}"] += 1
        return len(terms)

    def _add_suggestions(self, value) -> None:
        for phrase in _phrases(value):
            display = _clean_display(phrase)
            key = " ".join(tokenize(display))
            if key and len(key) <= 80:
                known_display, count = self._suggestions.get(key, (display, 0))
                self._suggestions[key] = (known_display, count + 1)

    # ----------------------------------------------------------------- searching
    def search(self, query, types=None, limit=10, locale=None) -> list[tuple[dict, float]]:
        """The best documents for a query, best first, each object once."""
        try:
            limit = max(0, int(limit))
        except (TypeError, ValueError):
            limit = 10
        wanted_types = _type_filter(types)
        analyzed = self.analyzer.analyze(query)
        if not limit or not analyzed.clauses:
            return []
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
        return [(self._document_for(self._entries[index], locale), round(score, 6)) for score, index in ranked[:limit]]

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

    # ----------------------------------------------------------------- helpers for the search box
    def suggest(self, prefix, limit=8) -> list[str]:
        """Completions for what the citizen has typed so far (``akta kel`` -> ``akta kelahiran``)."""
        try:
            limit = max(0, int(limit))
        except (TypeError, ValueError):
            limit = 8
        typed = " ".join(tokenize(prefix))
        if not typed or not limit:
            return []
        if normalize_text(prefix)[-1:].isspace():
            typed += " "
        found = self._complete(typed, limit)
        if not found:
            words = typed.split()
            corrected = [self._best_reading(word) for word in words[:-1]] + words[-1:]
            corrected_typed = " ".join(corrected) + (" " if typed.endswith(" ") else "")
            if corrected_typed != typed:
                found = self._complete(corrected_typed, limit)
        return found

    def _complete(self, typed: str, limit: int) -> list[str]:
        keys = self._suggestion_keys
        low = bisect.bisect_left(keys, typed)
        starts = []
        for key in keys[low : low + 2000]:
            if not key.startswith(typed):
                break
            starts.append(key)
        # Popular, short phrases first: they are what most people are typing towards.
        starts.sort(key=lambda key: (-self._suggestions[key][1], len(key), key))
        results = [self._suggestions[key][0] for key in starts[:limit]]
        if len(results) < limit and len(typed) >= 3:
            inner = [key for key in keys if f" {typed}" in f" {key}" and not key.startswith(typed)]
            inner.sort(key=lambda key: (-self._suggestions[key][1], len(key), key))
            results += [self._suggestions[key][0] for key in inner[: limit - len(results)]]
        return results

    def _best_reading(self, word: str) -> str:
        readings = self.analyzer.read_word(word)
        return " ".join(reading.best for reading in readings if reading.terms) or word

    def did_you_mean(self, query) -> str | None:
        """The query with misspelt or abbreviated words replaced, or None if it looks right."""
        analyzed = self.analyzer.analyze(query)
        replacements = {}
        for reading in analyzed.readings:
            if reading.source in ("typo", "glued") and reading.best != reading.typed:
                replacements.setdefault(reading.typed, []).append(reading.best)
        if not replacements:
            return None
        words = []
        for word in tokenize(query):
            if word in replacements:
                words.extend(replacements[word])
            else:
                words.append(word)
        suggestion = " ".join(words)
        return suggestion if suggestion != " ".join(tokenize(query)) else None
