"""The words seen in the indexed documents, and the candidates a misspelt query word may stand for."""

import bisect
from collections import Counter, defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .colloquial import consonant_skeleton, loose_skeleton
from .stemming import word_stems
from .vocabulary import SLANG, STOPWORDS

MAX_READINGS_PER_WORD = 6
SKELETON_WEIGHT = 0.75
LOOSE_SKELETON_WEIGHT = 0.55


class Lexicon:
    """The words seen in the indexed documents and the index terms each produced."""

    def __init__(self):
        self.word_terms: dict[str, set[str]] = defaultdict(set)
        # How many indexed words produced each (word, term) pair: documents come and go.
        self._pairs: Counter[tuple[str, str]] = Counter()
        self.term_frequency: dict[str, int] = {}
        self._words: list[str] = []
        self._skeletons: dict[str, list[str]] = {}
        self._loose_skeletons: dict[str, list[str]] = {}
        self._function_word_frequency = 1

    def add(self, word: str, term: str, count: int = 1) -> None:
        self._pairs[(word, term)] += count

    def remove(self, word: str, term: str, count: int = 1) -> None:
        self._pairs[(word, term)] -= count
        if self._pairs[(word, term)] <= 0:
            del self._pairs[(word, term)]

    def freeze(self, term_frequency: dict[str, int]) -> None:
        """Build the look-up structures once all documents are in.

        Function words join the candidates for typos and abbreviations even though they
        are not indexed, so that "hrs" is read as "harus" and dropped rather than taken
        for some rare word that happens to share its consonants."""
        self.term_frequency = term_frequency
        self.word_terms = defaultdict(set)
        for word, term in self._pairs:
            self.word_terms[word].add(term)
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
