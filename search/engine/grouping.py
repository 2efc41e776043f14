"""One result for a service that many offices offer alike (``Legalisasi dokumen`` in 25 districts).

Services whose names in the site's default language are the same once their own
office's name is taken out ("Legalisasi dan pengesahan surat oleh Camat Licin" and "…
oleh Camat Kabat") are folded into the best-ranked one, which lists every other office
that offers it. When the query names one of those offices (``legalisasi dokumen
licin``), or one of the places it serves (``legalisasi dokumen desa kluncing``, a village
of Licin), that office's service stands for the group; when it names several (Tamansari
is a village of Licin and of Tegalsari), each of them is shown.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from ..text.normalize import tokenize
from .fields import PLACES_FIELD, document_fields, place_names


@dataclass
class Grouped:
    key: tuple[str, str]
    also: list[tuple[str, str]] = field(default_factory=list)  # the same service at other offices


class ServiceGroups:
    def __init__(self, documents, default_locale="id"):
        """``documents``: search documents; services are grouped by their name in ``default_locale``."""
        members = defaultdict(list)
        self._office: dict[tuple[str, str], str] = {}
        self._places: dict[tuple[str, str], list[frozenset[str]]] = {}
        for document in documents:
            if document.get("type") == "service" and document.get("locale", default_locale) == default_locale:
                key = (document["type"], str(document["id"]))
                self._office[key] = str(document.get("office") or "")
                places = place_names(document_fields(document).get(PLACES_FIELD))
                self._places[key] = [frozenset(name.split()) for name in places]
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

    def _distinguishing_words(self, keys) -> dict[tuple[str, str], list[frozenset[str]]]:
        """Per service, the ways to name its office alone: the words of the office's identifier
        the others lack (``licin``), and each place the office serves (``kluncing``)."""
        words = {key: set(tokenize(self._office[key].replace("-", " "))) for key in keys}
        common = set.intersection(*words.values())
        return {key: [frozenset(words[key] - common), *self._places.get(key, [])] for key in keys}

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
            named = [
                member
                for member, names in self._distinguishing[name].items()
                if any(words and words <= query_words for words in names)
            ]
            shown = named or [key]
            results.append(Grouped(shown[0], [member for member in self._members[name] if member not in shown]))
            results.extend(Grouped(member) for member in shown[1:])
        return results
