"""Text analysis for the citizen search.

Documents and queries go through the same normalisation (casefold, accents stripped,
split on anything that is not a letter or digit) and stemming, so that ``perizinan``
meets ``izin`` and ``kelahiran`` meets ``lahir``. Queries get extra care because
citizens type on phones: slang and regional words are mapped to standard Indonesian,
words that are not in the index are read as typos (edit distance), abbreviations
(consonant skeleton: ``syrt`` -> ``syarat``), unfinished words (prefix), colloquial
verb forms (``ngadu`` -> ``adu``) or two words typed without a space (``kartuklrga``).
"""

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from .colloquial import colloquial_base_forms, only_vowels_dropped, standard_words
from .lexicon import MAX_READINGS_PER_WORD, Lexicon
from .normalize import content_words, is_stopword, tokenize
from .stemming import stem_english, stem_indonesian
from .vocabulary import LEADERSHIP_WORDS, OFFICE_WORDS, SLANG

MAX_QUERY_TOKENS = 40

# Weights of the readings of a query word, relative to the word found as typed.
COLLOQUIAL_WEIGHT = 0.9
TYPO_WEIGHTS = {1: 0.7, 2: 0.55}
VOWEL_DROP_WEIGHT = 0.9
FIRST_LETTER_SLIP = 0.8
PREFIX_WEIGHT = 0.7


@dataclass
class Alternative:
    """One way to match a piece of the query: a word (one slot) or a phrase (all slots)."""

    slots: tuple[frozenset[str], ...]
    weight: float


@dataclass
class Clause:
    """A piece of the query; a document scores its best alternative, times ``importance``."""

    alternatives: list[Alternative]
    importance: float = 1.0
    covers: tuple[int, ...] = ()  # positions of the query words this clause stands for


@dataclass
class WordReading:
    """How one query word was understood."""

    typed: str
    best: str
    terms: dict[str, float]
    source: str  # exact, colloquial, typo, skeleton, prefix, glued, unknown
    # The words a slip may stand for (at most MAX_READINGS_PER_WORD), weighted as its terms are
    candidates: dict[str, float] = field(default_factory=dict)


@dataclass
class AnalyzedQuery:
    typed: list[str] = field(default_factory=list)  # normalised words as typed
    words: list[str] = field(default_factory=list)  # the same after slang mapping
    readings: list[WordReading] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    wants_leader: bool = False
    wants_office: bool = False

    @property
    def phrase(self) -> str:
        return " ".join(self.words)

    @property
    def corrected_phrase(self) -> str:
        return " ".join(reading.best for reading in self.readings if reading.terms)


def single(term: str, weight: float) -> Alternative:
    return Alternative((frozenset((term,)),), weight)


class QueryAnalyzer:
    """Turns a citizen's query into weighted clauses over the index terms of a lexicon."""

    def __init__(self, lexicon: Lexicon, synonym_groups, synonym_weight: float = 0.6, bigram_weight: float = 0.5):
        self.lexicon = lexicon
        self.synonym_weight = synonym_weight
        self.bigram_weight = bigram_weight
        self._phrase_groups: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._group_phrases: list[list[tuple[frozenset[str], ...]]] = []
        for group in synonym_groups:
            phrases = []
            for phrase in group:
                words = [part for word in content_words(phrase) for part in standard_words(word)]
                words = [word for word in words if not is_stopword(word)]
                if not words:
                    continue
                for stemmer in (stem_indonesian, stem_english):
                    self._phrase_groups[tuple(stemmer(word) for word in words)].add(len(self._group_phrases))
                phrases.append(tuple(frozenset(self.lexicon.known_terms(word)) for word in words))
            self._group_phrases.append(phrases)
        self._reading_cache: dict[str, list[WordReading]] = {}

    def analyze(self, query) -> AnalyzedQuery:
        analyzed = AnalyzedQuery()
        analyzed.typed = tokenize(query)[:MAX_QUERY_TOKENS]
        for token in analyzed.typed:
            analyzed.words.extend(standard_words(token))
        content = [word for word in analyzed.words if not is_stopword(word)]
        for word in content:
            analyzed.readings.extend(self.read_word(word))
        words_meant = set(analyzed.words) | {reading.best for reading in analyzed.readings}
        analyzed.wants_leader = bool(words_meant & LEADERSHIP_WORDS)
        analyzed.wants_office = bool(words_meant & OFFICE_WORDS)
        analyzed.clauses = self._word_clauses(analyzed.readings)
        analyzed.clauses += self._bigram_clauses(analyzed.readings)
        analyzed.clauses += self._joined_clauses(analyzed.readings)
        analyzed.clauses += self._synonym_clauses(analyzed.readings)
        return analyzed

    def read_word(self, word: str) -> list[WordReading]:
        """The readings of one query word (two when it was two words glued together)."""
        cached = self._reading_cache.get(word)
        if cached is None:
            cached = self._read_word(word, allow_split=True)
            if len(self._reading_cache) > 50_000:
                self._reading_cache.clear()
            self._reading_cache[word] = cached
        return cached

    def _read_word(self, word: str, allow_split: bool) -> list[WordReading]:
        lexicon = self.lexicon
        exact = lexicon.known_terms(word)
        if exact or word.isdigit() or len(word) <= 2:
            return [WordReading(word, word, dict.fromkeys(exact, 1.0), "exact")]
        candidates: dict[str, float] = {}
        source = "colloquial"
        colloquial_forms = colloquial_base_forms(word)
        for form in colloquial_forms:
            if lexicon.known_terms(form):
                candidates.setdefault(form, COLLOQUIAL_WEIGHT)
        if not candidates:
            source = "typo"
            # A colloquial form may be abbreviated too: "btulin" is "betulin" without a vowel.
            for form in [word, *colloquial_forms]:
                factor = 1.0 if form == word else COLLOQUIAL_WEIGHT
                for candidate, weight in self._misspelling_candidates(form).items():
                    candidates[candidate] = max(candidates.get(candidate, 0.0), weight * factor)
        if not candidates and allow_split and len(word) >= 7:
            glued = self._split_glued(word)
            if glued:
                return glued
        if not candidates:
            return [WordReading(word, word, {}, "unknown")]
        return [self._reading_from_candidates(word, candidates, source)]

    def _exact_terms(self, word: str) -> dict[str, float]:
        return dict.fromkeys(self.lexicon.known_terms(word), COLLOQUIAL_WEIGHT)

    def _misspelling_candidates(self, word: str) -> dict[str, float]:
        """Indexed words the typed word may be a slip, abbreviation or beginning of."""
        lexicon = self.lexicon
        candidates: dict[str, float] = {}
        for candidate, distance in lexicon.typo_candidates(word).items():
            # Leaving out vowels is the commonest shortcut on a phone keyboard.
            weight = VOWEL_DROP_WEIGHT if only_vowels_dropped(word, candidate) else TYPO_WEIGHTS[distance]
            # People rarely get the first letter wrong.
            candidates[candidate] = weight if candidate[0] == word[0] else weight * FIRST_LETTER_SLIP
        skeleton_words, skeleton_weight = lexicon.skeleton_candidates(word)
        for candidate in skeleton_words:
            weight = VOWEL_DROP_WEIGHT if only_vowels_dropped(word, candidate) else skeleton_weight
            candidates[candidate] = max(candidates.get(candidate, 0.0), weight)
        for candidate in lexicon.prefix_candidates(word):
            candidates[candidate] = max(candidates.get(candidate, 0.0), PREFIX_WEIGHT)
        return candidates

    def _reading_from_candidates(self, word: str, candidates: dict[str, float], source: str) -> WordReading:
        """Weigh the readings of an unknown word like a noisy channel: how plausible the
        slip is, times how common the intended word is. A word with many equally likely
        readings ("kali": kaji, kasi, bali ...) says little, so each reading weighs less."""
        plausibility = {
            candidate: closeness**4 * max(1, self.lexicon.word_frequency(candidate)) ** 0.25
            for candidate, closeness in candidates.items()
        }
        total = sum(plausibility.values())
        ranked = sorted(candidates, key=lambda candidate: (-plausibility[candidate], candidate))
        readings = {
            candidate: candidates[candidate] * max(plausibility[candidate] / total, 0.05) ** 0.5
            for candidate in ranked[:MAX_READINGS_PER_WORD]
        }
        if ranked[0] in SLANG and ranked[0] not in self.lexicon.word_terms:
            # An abbreviated colloquial word ("ngrs" for "ngurus"): read its standard form.
            meant = [standard for standard in standard_words(ranked[0]) if not is_stopword(standard)]
            terms = {term: weight for standard in meant for term, weight in self._exact_terms(standard).items()}
            return WordReading(word, " ".join(meant) or ranked[0], terms, source, readings)
        if is_stopword(ranked[0]):
            return WordReading(word, ranked[0], {}, source, readings)
        terms: dict[str, float] = {}
        for candidate, weight in readings.items():
            for term in self.lexicon.known_terms(candidate):
                terms[term] = max(terms.get(term, 0.0), weight)
        return WordReading(word, ranked[0], terms, source, readings)

    def _split_glued(self, word: str) -> list[WordReading] | None:
        for cut in range(len(word) - 3, 3, -1):
            left, right = word[:cut], word[cut:]
            if left in self.lexicon.word_terms and not is_stopword(left):
                right_readings = self._read_word(right, allow_split=False)
                if right_readings[0].terms:
                    left_terms = dict.fromkeys(self.lexicon.known_terms(left), 1.0)
                    right_reading = right_readings[0]
                    return [
                        WordReading(word, left, left_terms, "glued"),
                        WordReading(word, right_reading.best, right_reading.terms, "glued"),
                    ]
        return None

    @staticmethod
    def _word_clauses(readings: list[WordReading]) -> list[Clause]:
        """One clause per distinct word; a repeated word ("bocah-bocah") counts once."""
        positions: dict[str, list[int]] = defaultdict(list)
        for position, reading in enumerate(readings):
            if reading.terms:
                positions[reading.best].append(position)
        return [
            Clause([single(term, weight) for term, weight in readings[found[0]].terms.items()], covers=tuple(found))
            for found in positions.values()
        ]

    def _bigram_clauses(self, readings: list[WordReading]) -> list[Clause]:
        """Adjacent query words found next to each other in a field score extra."""
        clauses = []
        readings = [reading for reading in readings if reading.terms]
        for left, right in zip(readings, readings[1:], strict=False):
            left_terms = sorted(left.terms.items(), key=lambda item: -item[1])[:2]
            right_terms = sorted(right.terms.items(), key=lambda item: -item[1])[:2]
            alternatives = [
                single(f"{left_term}\x1f{right_term}", left_weight * right_weight)
                for left_term, left_weight in left_terms
                for right_term, right_weight in right_terms
            ]
            clauses.append(Clause(alternatives, self.bigram_weight))
        return clauses

    def _joined_clauses(self, readings: list[WordReading]) -> list[Clause]:
        """Two neighbouring words that the index knows as one ("sumber baru" and Sumberbaru, "wringin
        agung" and Wringinagung) count as that word too, also when a slip in one of them may be read as
        that word. Function words between them are already gone, as for the pairs."""
        clauses = []
        for position, (left, right) in enumerate(zip(readings, readings[1:], strict=False)):
            terms: dict[str, float] = {}
            for left_word, left_weight in (left.candidates or {left.best: 1.0}).items():
                for right_word, right_weight in (right.candidates or {right.best: 1.0}).items():
                    joined = left_word + right_word
                    for term in self.lexicon.word_terms.get(joined, ()):
                        terms[term] = max(terms.get(term, 0.0), left_weight * right_weight)
            if terms:
                alternatives = [single(term, weight) for term, weight in sorted(terms.items())]
                clauses.append(Clause(alternatives, covers=(position, position + 1)))
        return clauses

    def _synonym_clauses(self, readings: list[WordReading]) -> list[Clause]:
        """Other phrases of the concept groups that a span of the query belongs to."""
        # A word counts as typed and as corrected: "abdi" may be unknown to the index and
        # still be half of a phrase the vocabulary knows.
        keys_by_position = []
        for reading in readings:
            forms = {reading.best, reading.typed}
            if not reading.terms:
                forms.update(colloquial_base_forms(reading.typed))
            keys_by_position.append(
                sorted({key for form in forms for key in (stem_indonesian(form), stem_english(form))})
            )
        clauses = []
        for length in range(min(4, len(readings)), 0, -1):
            for start in range(len(readings) - length + 1):
                groups = set()
                for key in itertools.islice(itertools.product(*keys_by_position[start : start + length]), 256):
                    groups |= self._phrase_groups.get(key, set())
                if not groups:
                    continue
                span_terms = set().union(*(readings[start + offset].terms for offset in range(length)))
                alternatives = {}
                for group in sorted(groups):
                    for slots in self._group_phrases[group]:
                        if all(slots) and not set().union(*slots) <= span_terms:
                            alternatives[slots] = Alternative(slots, self.synonym_weight)
                alternatives = list(alternatives.values())
                if alternatives:
                    clauses.append(Clause(alternatives, float(length), covers=tuple(range(start, start + length))))
        return clauses
