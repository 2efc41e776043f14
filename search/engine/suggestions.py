"""Helpers for the search box: completions of what was typed, and "did you mean"."""

import bisect
import re
from collections import Counter

from ..text.normalize import normalize_text, tokenize
from ..text.query import QueryAnalyzer

_LIST_SEPARATORS = re.compile(r"[,;\n|]")


def _clean_display(phrase: str) -> str:
    """Tidy a phrase for showing as a suggestion: single spaces, no stray brackets."""
    display = " ".join(phrase.split())
    if display.count("(") != display.count(")"):
        display = display.replace("(", "").replace(")", "")
    return display.strip(" .,:;-/")


def phrases(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [part for part in _LIST_SEPARATORS.split(str(value or "")) if part.strip()]


class Suggestions:
    """Phrases of the documents' names and keywords, and the query analyzer, for the search box."""

    def __init__(self):
        self._displays: dict[str, Counter] = {}  # key -> how often each way of writing it was seen
        self._suggestions: dict[str, tuple[str, int]] = {}  # key -> (display, count), set by freeze
        self._keys: list[str] = []
        self.analyzer: QueryAnalyzer | None = None

    def _phrases(self, value):
        for phrase in phrases(value):
            display = _clean_display(phrase)
            key = " ".join(tokenize(display))
            if key and len(key) <= 80:
                yield key, display

    def add(self, value) -> None:
        for key, display in self._phrases(value):
            self._displays.setdefault(key, Counter())[display] += 1

    def remove(self, value) -> None:
        for key, display in self._phrases(value):
            displays = self._displays[key]
            displays[display] -= 1
            if displays[display] <= 0:
                del displays[display]
            if not displays:
                del self._displays[key]

    def freeze(self, analyzer: QueryAnalyzer) -> None:
        self.analyzer = analyzer
        # The commonest way of writing a phrase is shown; ties go alphabetically.
        self._suggestions = {
            key: (min(displays, key=lambda display: (-displays[display], display)), sum(displays.values()))
            for key, displays in self._displays.items()
        }
        self._keys = sorted(self._suggestions)

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
        keys = self._keys
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
