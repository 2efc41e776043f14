"""Text analysis for the citizen search.

Documents and queries go through the same normalisation (casefold, accents stripped,
split on anything that is not a letter or digit) and stemming, so that ``perizinan``
meets ``izin`` and ``kelahiran`` meets ``lahir``. Queries get extra care because
citizens type on phones: slang and regional words are mapped to standard Indonesian,
words that are not in the index are read as typos (edit distance), abbreviations
(consonant skeleton: ``syrt`` -> ``syarat``), unfinished words (prefix), colloquial
verb forms (``ngadu`` -> ``adu``) or two words typed without a space (``kartuklrga``).
"""

import bisect
import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .vocabulary import LEADERSHIP_WORDS, OFFICE_WORDS, SLANG, SPELLING_VARIANTS, STEM_FAMILIES, STOPWORDS

MAX_TOKEN_LENGTH = 40
MAX_QUERY_TOKENS = 40
VOWELS = frozenset("aeiou")

# Weights of the readings of a query word, relative to the word found as typed.
COLLOQUIAL_WEIGHT = 0.9
TYPO_WEIGHTS = {1: 0.7, 2: 0.55}
VOWEL_DROP_WEIGHT = 0.9
FIRST_LETTER_SLIP = 0.8
SKELETON_WEIGHT = 0.75
LOOSE_SKELETON_WEIGHT = 0.55
PREFIX_WEIGHT = 0.7
MAX_READINGS_PER_WORD = 6

_TOKEN_PATTERN = re.compile(r"[^\W_]+")
# "5thn" is a number glued to an abbreviation; "b3" or "ak1" are names and stay whole.
_DIGITS_THEN_LETTERS = re.compile(r"^(\d+)([^\W\d_]{2,})$")
_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")

_indonesian_stemmer = snowballstemmer.stemmer("indonesian")
_english_stemmer = snowballstemmer.stemmer("english")


def normalize_text(text) -> str:
    """Casefold and strip accents; anything that is not text becomes an empty string."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", text.casefold())


def tokenize(text) -> list[str]:
    """Normalised word tokens with spelling variants unified (``akte`` -> ``akta``)."""
    return list(_tokenize(text if isinstance(text, str) else normalize_text(text)))


@lru_cache(maxsize=20_000)
def _tokenize(text: str) -> tuple[str, ...]:
    tokens = []
    for raw in _TOKEN_PATTERN.findall(normalize_text(text)):
        raw = raw[:MAX_TOKEN_LENGTH]
        glued = _DIGITS_THEN_LETTERS.match(raw)
        for token in glued.groups() if glued else (raw,):
            tokens.extend(SPELLING_VARIANTS.get(token, token).split())
    return tuple(tokens)


_FAMILY_ROOTS = {form: root for root, forms in STEM_FAMILIES.items() for form in forms.split()}


@lru_cache(maxsize=200_000)
def stem_indonesian(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    for possessive in ("", "nya", "ku", "mu"):
        if word.endswith(possessive) and word[: len(word) - len(possessive)] in _FAMILY_ROOTS:
            return _FAMILY_ROOTS[word[: len(word) - len(possessive)]]
    return _indonesian_stemmer.stemWord(word)


@lru_cache(maxsize=200_000)
def stem_english(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    return _english_stemmer.stemWord(word)


def stem(word: str, locale: str) -> str:
    return stem_english(word) if locale == "en" else stem_indonesian(word)


def word_stems(word: str) -> set[str]:
    """Index terms a query word may correspond to when its language is unknown."""
    return {word, stem_indonesian(word), stem_english(word)}


PARTICLES = ("nya", "lah", "kah", "pun")


def is_stopword(word: str) -> bool:
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        return True
    # "caranya", "syaratnya", "bisakah": a function word with a particle attached.
    return any(word.endswith(particle) and word[: -len(particle)] in STOPWORDS for particle in PARTICLES)


def content_words(text) -> list[str]:
    return [token for token in tokenize(text) if not is_stopword(token)]


def analyze(text, locale: str = "id") -> list[str]:
    """Index terms of a text: content words stemmed in the text's language."""
    return [stem(word, locale) for word in content_words(text)]


POSSESSIVE_SUFFIXES = ("nya", "ku", "mu")


def standard_words(word: str) -> list[str]:
    """Standard Indonesian for a slang or regional word (``bocahku`` -> ``anak``)."""
    if word in SLANG:
        return SLANG[word].split()
    for suffix in POSSESSIVE_SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and base in SLANG:
            return SLANG[base].split()
    return [word]


def only_vowels_dropped(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with some of its vowels left out (``rusk`` <- ``rusak``)."""
    if len(typed) >= len(word):
        return False
    position = 0
    for letter in word:
        if position < len(typed) and typed[position] == letter:
            position += 1
        elif letter not in VOWELS:
            return False
    return position == len(typed)


def consonant_skeleton(word: str) -> str:
    """First letter plus the consonants: how people abbreviate by dropping vowels."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in VOWELS)


def loose_skeleton(word: str) -> str:
    """Skeleton that also ignores the half-vowels w, y and h (``bwt`` ~ ``buat``)."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in VOWELS and ch not in "wyh")


def colloquial_base_forms(word: str) -> list[str]:
    """Standard forms behind colloquial Indonesian and Javanese verbs and nouns.

    Covers the nasal prefixes (``ngadu`` -> ``adu``, ``nyusul`` -> ``susul``,
    ``mbayar`` -> ``bayar``, ``nutup`` -> ``tutup``), the Betawi ``-in`` suffix
    (``daftarin`` -> ``daftar``) and the Javanese ``-e``/``-ne`` suffix (``kancane``).
    """
    stems = [word]
    if word.startswith("di") and len(word) >= 6:  # passive of a loan word: "dibully"
        stems.append(word[2:])
    for suffix in ("nin", "in", "ne", "e", "ke"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.append(word[: -len(suffix)])
    forms = []
    for base in stems:
        forms.append(base)
        if base.startswith("nge") and len(base) > 5:
            forms.append(base[3:])
        if base.startswith("ng") and len(base) > 4:
            rest = base[2:]
            forms.extend([rest, "k" + rest] if rest[0] in VOWELS else [rest])
        elif base.startswith("ny") and len(base) > 4 and base[2] in VOWELS:
            forms.extend(["s" + base[2:], "c" + base[2:]])
        elif base.startswith(("mb", "mp", "nd", "nj")) and len(base) > 4:
            forms.append(base[1:])
        elif base.startswith("n") and len(base) > 4 and base[1] in VOWELS:
            forms.append("t" + base[1:])
        elif base.startswith("m") and len(base) > 4 and base[1] in VOWELS:
            forms.append("p" + base[1:])
    seen = set()
    return [form for form in forms[1:] if form != word and not (form in seen or seen.add(form))]


class Lexicon:
    """The words seen in the indexed documents and the index terms each produced."""

    def __init__(self):
        self.word_terms: dict[str, set[str]] = defaultdict(set)
        self.term_frequency: dict[str, int] = {}
        self._words: list[str] = []
        self._skeletons: dict[str, list[str]] = {}
        self._loose_skeletons: dict[str, list[str]] = {}
        self._function_word_frequency = 1

    def add(self, word: str, term: str) -> None:
        self.word_terms[word].add(term)

    def freeze(self, term_frequency: dict[str, int]) -> None:
        """Build the look-up structures once all documents are in.

        Function words join the candidates for typos and abbreviations even though they
        are not indexed, so that "hrs" is read as "harus" and dropped rather than taken
        for some rare word that happens to share its consonants."""
        self.term_frequency = term_frequency
        frequencies = sorted(term_frequency.values())
        # As common as the commonest indexed words, without outweighing every other reading.
        self._function_word_frequency = frequencies[int(len(frequencies) * 0.99)] if frequencies else 1
        words = {word for word in self.word_terms if word.isalpha() and len(word) >= 3}
        # Stems too: "btul" should find "betul" even if only "pembetulan" was written.
        for word in list(words):
            for term in self.word_terms[word]:
                if term.isalpha() and len(term) >= 4 and term not in self.word_terms:
                    self.word_terms[term].add(term)
                    words.add(term)
        words |= {word for word in STOPWORDS | SLANG.keys() if word.isalpha() and len(word) >= 3}
        self._words = sorted(words)
        skeletons, loose = defaultdict(list), defaultdict(list)
        for word in self._words:
            skeletons[consonant_skeleton(word)].append(word)
            loose[loose_skeleton(word)].append(word)
        self._skeletons, self._loose_skeletons = dict(skeletons), dict(loose)

    def word_frequency(self, word: str) -> int:
        if word in STOPWORDS or word in SLANG:
            return self._function_word_frequency
        return max((self.term_frequency.get(term, 0) for term in self.word_terms.get(word, ())), default=0)

    def known_terms(self, word: str) -> set[str]:
        """Index terms the word can stand for as typed (surface form or a stem)."""
        terms = set(self.word_terms.get(word, ()))
        terms.update(term for term in word_stems(word) if term in self.term_frequency)
        return terms

    def typo_candidates(self, word: str) -> dict[str, int]:
        """Words within the allowed edit distance: 1 for 4-7 letters, 2 for longer words."""
        if len(word) < 4 or not word.isalpha():
            return {}
        max_distance = 1 if len(word) <= 7 else 2
        matches = process.extract(
            word, self._words, scorer=OSA.distance, score_cutoff=max_distance, limit=MAX_READINGS_PER_WORD * 3
        )
        # A second typo is only believable if the first letter is right.
        return {
            candidate: distance
            for candidate, distance, _ in matches
            if distance > 0 and (distance == 1 or candidate[0] == word[0])
        }

    def skeleton_candidates(self, word: str) -> tuple[list[str], float]:
        if len(word) < 3 or not word.isalpha():
            return [], 0.0
        skeleton = consonant_skeleton(word)
        if len(skeleton) >= 3:
            found = [other for other in self._skeletons.get(skeleton, ()) if len(other) > len(word)]
            if found:
                return found, SKELETON_WEIGHT
        skeleton = loose_skeleton(word)
        if len(skeleton) >= 3:
            found = [other for other in self._loose_skeletons.get(skeleton, ()) if len(other) > len(word)]
            return found, LOOSE_SKELETON_WEIGHT
        return [], 0.0

    def prefix_candidates(self, word: str) -> list[str]:
        if len(word) < 5:
            return []
        start = bisect.bisect_left(self._words, word)
        found = []
        for candidate in self._words[start : start + 200]:
            if not candidate.startswith(word):
                break
            found.append(candidate)
        return found


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
        if ranked[0] in SLANG and ranked[0] not in self.lexicon.word_terms:
            # An abbreviated colloquial word ("ngrs" for "ngurus"): read its standard form.
            meant = [standard for standard in standard_words(ranked[0]) if not is_stopword(standard)]
            terms = {term: weight for standard in meant for term, weight in self._exact_terms(standard).items()}
            return WordReading(word, " ".join(meant) or ranked[0], terms, source)
        if is_stopword(ranked[0]):
            return WordReading(word, ranked[0], {}, source)
        terms: dict[str, float] = {}
        for candidate in ranked[:MAX_READINGS_PER_WORD]:
            weight = candidates[candidate] * max(plausibility[candidate] / total, 0.05) ** 0.5
            for term in self.lexicon.known_terms(candidate):
                terms[term] = max(terms.get(term, 0.0), weight)
        return WordReading(word, ranked[0], terms, source)

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
