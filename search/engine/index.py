"""The lexical index: documents in, raw term counts kept, postings computed when needed.

A document is a dict::

    {"type": "contact" | "service" | "office" | "news", "id": "stable-id", "office": "office-slug",
     "locale": "id" | "en", "title": "...", "fields": {"keywords": "..." or ["...", ...], ...},
     "boost": 1.0, "level": "technical" | ... | None}

Documents with the same ``(type, id)`` in different locales are merged into one entry,
so a query in either language finds the object and each object appears once.
``update`` replaces some objects and re-indexes only them. The scores stay exactly
those of a full rebuild: each object keeps its raw term counts, and a term's posting
(which depends on the collection: document frequency, average field lengths) is
computed when a query first needs it after a change.
"""

import gc
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..text.lexicon import Lexicon
from ..text.normalize import tokenize
from ..text.query import QueryAnalyzer
from ..text.vocabulary import builtin_synonym_groups
from .fields import (
    ABOUT_THRESHOLD,
    EXACT_ONLY_FIELDS,
    NAME_FIELDS,
    PAIR_SEPARATOR,
    PLACES_FIELD,
    SERVICE_NAME_FIELDS,
    SUGGESTION_FIELDS,
    document_fields,
    field_terms,
    field_values,
    number,
    place_names,
    pseudo_frequency,
    rarity,
    saturated,
)
from .suggestions import Suggestions, phrases


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
    # Stems its texts hold that are no index term of their own (the words of a place's name)
    unindexed_stems: set[str] = field(default_factory=set)
    words: dict[tuple[str, str], int] = field(default_factory=dict)  # (word, term) pairs for typo repair
    names: set[str] = field(default_factory=set)
    own_names: set[str] = field(default_factory=set)  # an office's acronym and title, not its aliases
    service_names: set[str] = field(default_factory=set)
    place_names: set[str] = field(default_factory=set)  # the places an office serves
    suggestions: list = field(default_factory=list)


@dataclass
class Entry:
    type: str
    id: str
    documents: dict[str, dict] = field(default_factory=dict)  # locale -> document
    boost: float = 1.0
    level: str | None = None
    office: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.id)


class LexicalIndex:
    """The index behind ``LexicalEngine``: entries, raw counts, lexicon, suggestions, names."""

    # Expansions count less than the words typed: a synonym phrase, and the bonus for two
    # query words found side by side.
    synonym_weight = 0.8
    bigram_weight = 0.5

    def __init__(self, documents, synonym_groups=None):
        self._entries: list[Entry | None] = []
        self._free: list[int] = []
        self._index_of: dict[tuple[str, str], int] = {}
        self._heads: dict[str, set[int]] = defaultdict(set)  # office slug -> its head(s) of office
        self._indexed: dict[int, _Indexed] = {}
        self._rows: dict[str, dict[int, tuple[tuple[str, int], ...]]] = {}  # term -> entry -> (field, count)...
        self._field_length_sum: dict[str, int] = defaultdict(int)
        self._field_entries: dict[str, int] = defaultdict(int)
        self._unindexed_holding: Counter = Counter()  # stem -> entries whose texts hold it only in pairs
        self._postings: dict[str, dict[int, float]] = {}  # computed on demand, emptied by every change
        self._exact_names: dict[str, set[int]] = defaultdict(set)
        self._own_names: dict[str, set[int]] = defaultdict(set)  # the part of _exact_names not from aliases
        self._service_names: dict[str, set[int]] = defaultdict(set)
        self._place_names: dict[str, set[int]] = defaultdict(set)  # a village's name -> the offices serving it
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
                entry = Entry(*key, boost=number(document.get("boost"), default=1.0))
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
            for field_name, value in document_fields(document).items():
                for text in field_values(value):
                    indexed.lengths[field_name] = indexed.lengths.get(field_name, 0) + self._index_text(
                        field_name, text, locale, counts, indexed
                    )
                if field_name in SUGGESTION_FIELDS:
                    indexed.suggestions.append(value)
                    self.suggestions.add(value)
                self._index_names(index, entry, indexed, field_name, value)
        by_term: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for field_name, term_counts in counts.items():
            for term, count in term_counts.items():
                by_term[term].append((field_name, count))
        for term, field_counts in by_term.items():
            self._rows.setdefault(term, {})[index] = tuple(field_counts)
        indexed.terms = list(by_term)
        indexed.unindexed_stems -= by_term.keys()
        self._unindexed_holding.update(indexed.unindexed_stems)
        for field_name, length in indexed.lengths.items():
            self._field_length_sum[field_name] += length
            self._field_entries[field_name] += 1
        for (word, term), count in indexed.words.items():
            self.lexicon.add(word, term, count)
        if entry.type == "contact" and entry.level == "head":
            self._heads[entry.office].add(index)
        self._indexed[index] = indexed

    def _index_names(self, index: int, entry: Entry, indexed: _Indexed, field_name: str, value) -> None:
        """The exact names a field's values give the entry: an office's, a service's, the places an office serves."""
        if field_name == PLACES_FIELD and entry.type == "office":
            for name in place_names(value):
                indexed.place_names.add(name)
                self._place_names[name].add(index)
            return
        names_office = field_name in NAME_FIELDS or (field_name == "title" and entry.type == "office")
        names_service = field_name in SERVICE_NAME_FIELDS and entry.type == "service"
        if not (names_office or names_service):
            return
        for phrase in phrases(value) if field_name != "title" else [str(value or "")]:
            name = " ".join(tokenize(phrase))
            if not name:
                continue
            if names_office:
                indexed.names.add(name)
                self._exact_names[name].add(index)
                if field_name != "aliases":
                    indexed.own_names.add(name)
                    self._own_names[name].add(index)
            if names_service:
                indexed.service_names.add(name)
                self._service_names[name].add(index)

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
        self._unindexed_holding -= Counter(indexed.unindexed_stems)
        for table, names in (
            (self._exact_names, indexed.names),
            (self._own_names, indexed.own_names),
            (self._service_names, indexed.service_names),
            (self._place_names, indexed.place_names),
        ):
            for name in names:
                table[name].discard(index)
                if not table[name]:
                    del table[name]
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
        # As often as the objects' texts hold each stem, as the remote engine's vocabulary counts it
        held = dict(self._unindexed_holding)
        for term, row in self._rows.items():
            if PAIR_SEPARATOR not in term:
                held[term] = held.get(term, 0) + len(row)
        self.lexicon.freeze(held)
        self.analyzer = QueryAnalyzer(self.lexicon, self._synonym_groups, self.synonym_weight, self.bigram_weight)
        self.suggestions.freeze(self.analyzer)

    def _posting(self, term: str) -> dict[int, float] | None:
        """BM25F weight of the term in each entry that has it, from the raw counts."""
        posting = self._postings.get(term)
        if posting is not None or term not in self._rows:
            return posting
        row = self._rows[term]
        pseudo_frequencies = {
            index: pseudo_frequency(field_counts, self._indexed[index].lengths, self._average_length)
            for index, field_counts in sorted(row.items())
        }
        # Rarity counts the documents that are about the word, not those that mention it
        # in passing: "KTP" is in half the requirement lists but names few services.
        about = sum(1 for value in pseudo_frequencies.values() if value >= ABOUT_THRESHOLD)
        idf = rarity(len(self._index_of), about)
        posting = {index: idf * saturated(value) for index, value in pseudo_frequencies.items()}
        self._postings[term] = posting
        return posting

    def _index_text(self, field_name: str, text: str, locale: str, counts, indexed: _Indexed) -> int:
        """Count the text's terms into ``counts`` (by field, then term); its (word, stem) pairs go to
        ``indexed.words`` when the field is correctable."""
        text_words, stems, terms = field_terms(field_name, text, locale)
        if field_name not in EXACT_ONLY_FIELDS:
            for word, stem in zip(text_words, stems, strict=True):
                indexed.words[(word, stem)] = indexed.words.get((word, stem), 0) + 1
        for term in terms:
            counts[field_name][term] += 1
        if len(terms) < len(stems):
            indexed.unindexed_stems.update(set(stems).difference(terms))
        return len(stems)

    def keys(self) -> list[tuple[str, str]]:
        """The ``(type, id)`` of every object in the index."""
        return list(self._index_of)

    def document(self, key: tuple[str, str], locale=None) -> dict:
        """The object's document in ``locale``, or in the language it has."""
        return self._document_for(self._entries[self._index_of[key]], locale)

    def _document_for(self, entry: Entry, locale) -> dict:
        if locale in entry.documents:
            return entry.documents[locale]
        return next(iter(entry.documents.values()))
