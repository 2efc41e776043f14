"""One result for a service that many offices offer alike (``Legalisasi dokumen`` in 25 districts).

Services whose names in the site's default language are the same once their own
office's name is taken out ("Legalisasi dan pengesahan surat oleh Camat Licin" and "…
oleh Camat Kabat") are folded into the best-ranked one, which lists every other office
that offers it. When the query names one of those offices (``legalisasi dokumen
licin``), that office's service stands for the group.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from ..text.normalize import tokenize


@dataclass
class Grouped:
    key: tuple[str, str]
    also: list[tuple[str, str]] = field(default_factory=list)  # the same service at other offices


class ServiceGroups:
    def __init__(self, documents, default_locale="id"):
        """``documents``: search documents; services are grouped by their name in ``default_locale``."""
        members = defaultdict(list)
        self._office: dict[tuple[str, str], str] = {}
        for document in documents:
            if document.get("type") == "service" and document.get("locale", default_locale) == default_locale:
                key = (document["type"], str(document["id"]))
                self._office[key] = str(document.get("office") or "")
                office_words = set(tokenize(self._office[key].replace("-", " "))) | set(
                    tokenize(document.get("office_name", ""))
                )
                name = [word for word in tokenize(document.get("title", "")) if word not in office_words]
                members[" ".join(name)].append(key)
        self._group_of = {}
        self._members = {}
        for name, keys in members.items():
            if len(keys) > 1:
                self._members[name] = sorted(keys, key=lambda key: self._office[key])
                self._group_of.update(dict.fromkeys(keys, name))
        self._distinguishing = {name: self._distinguishing_words(keys) for name, keys in self._members.items()}

    def _distinguishing_words(self, keys) -> dict[tuple[str, str], set[str]]:
        """Per service, the words of its office's identifier the others lack (``licin``)."""
        words = {key: set(tokenize(self._office[key].replace("-", " "))) for key in keys}
        common = set.intersection(*words.values())
        return {key: office_words - common for key, office_words in words.items()}

    def fold(self, keys, query) -> list[Grouped]:
        """``keys`` in order, each group of same services once, at the place of its best member."""
        query_words = set(tokenize(query))
        results, seen = [], set()
        for key in keys:
            name = self._group_of.get(key)
            if name is None:
                results.append(Grouped(key))
                continue
            if name in seen:
                continue
            seen.add(name)
            named = [member for member, words in self._distinguishing[name].items() if words and words <= query_words]
            first = named[0] if named else key
            results.append(Grouped(first, [member for member in self._members[name] if member != first]))
        return results
