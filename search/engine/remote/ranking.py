"""The engine's answers as the candidates ``HybridEngine`` fuses: a ``Ranking`` and similar objects.

Scores are the engine's sums of our BM25F term scores (see ``mapping``), then our
ranking rules exactly as in process: the coverage factor (from the clauses each document matched), the priors of
officers, heads and offices, and offices named by acronym or alias (with their heads)
put first.
"""

from ...text.query import AnalyzedQuery
from ..lexical import (
    NAMED_OFFICE_LIFT,
    NAMED_SERVICE_LIFT,
    OFFICE_WITH_INTENT_LIFT,
    RankedEntry,
    Ranking,
    coverage_factor,
    named_office_phrases,
    place_phrases,
    prior,
)
from ..semantic import PASSAGE_WEIGHT
from .client import EngineClient
from .queries import (
    fallback_query,
    frequency_query,
    heads_query,
    knn_query,
    lexical_query,
    names_query,
    query_terms,
    rarities,
)

SUGGESTION_SOURCE = ["document.title"]


def named_service(named: list[dict], phrases: set[str]) -> dict | None:
    """As ``LexicalEngine._named_services``, over the named objects' sources: the one service named
    by a phrase that names its office only by an alias sharing no word with the office's own names."""
    offices, by_own_name = set(), set()
    for found in named:
        for phrase in phrases & set(found["names"]):
            if phrase in found["own_names"]:
                by_own_name.add(found["office"])
            elif not {word for name in found["own_names"] for word in name.split()} & set(phrase.split()):
                offices.add(found["office"])
    offices -= by_own_name
    services = [
        found
        for found in named
        if found["type"] == "service" and set(found["service_names"]) & phrases and found["office"] in offices
    ]
    return services[0] if len(services) == 1 else None


def _key(hit) -> tuple[str, str]:
    return (hit["_source"]["type"], hit["_source"]["id"])


class RemoteLexical:
    """Like ``LexicalEngine`` for ``HybridEngine`` and ``search.site_search``, answered by the engine."""

    def __init__(self, client: EngineClient, alias: str, opensearch: bool):
        self.client, self.alias, self.opensearch = client, alias, opensearch
        self.analyzer = None  # set by the site with the vocabulary's lexicon

    def rank(self, query, types=None, limit=10) -> Ranking:
        analyzed = self.analyzer.analyze(query)
        ranking = Ranking(analyzed)
        if not limit or not analyzed.clauses:
            return ranking
        wanted = {i for clause in analyzed.clauses for i in clause.covers}
        covers = {f"c{i}": set(clause.covers) for i, clause in enumerate(analyzed.clauses)}
        scored = []
        for hit in self._lexical_hits(analyzed, query, types, limit):
            covered = set().union(*(covers.get(name, set()) for name in hit.get("matched_queries", [])))
            share = len(covered & wanted) / len(wanted) if wanted else 1.0
            found = hit["_source"]
            score = (
                hit["_score"]
                * coverage_factor(share)
                * prior(found["type"], found.get("level"), found["boost"], analyzed)
            )
            scored.append((score, _key(hit), RankedEntry(score, share, office=found["office"])))
        top = max((score for score, _, _ in scored), default=0.0)
        promoted = self._promoted(analyzed, types)
        entries = {key: entry for _, key, entry in scored}
        for key, (lift, office) in promoted.items():
            base = entries.get(key)
            score = top * lift + 1.0 + (base.score if base else 0.0)
            scored.append((score, key, RankedEntry(score, base.coverage if base else 0.0, True, office)))
        scored = [item for item in scored if item[1] not in promoted or item[2].promoted]
        scored.sort(key=lambda item: (-item[0], item[1]))
        ranking.hits = {key: entry for _, key, entry in scored[:limit]}
        return ranking

    def _lexical_hits(self, analyzed: AnalyzedQuery, text: str, types, limit: int) -> list[dict]:
        """The engine's best objects for our terms, weighted by their rarity; or for the text as typed."""
        terms = query_terms(analyzed)
        rarity_of = {}
        if terms:
            rarity_of = rarities(terms, self.client.request("POST", f"{self.alias}/_search", frequency_query(terms)))
        body = lexical_query(analyzed, rarity_of, types, limit)
        hits = self.client.search(self.alias, body) if body else []
        return hits or self.client.search(self.alias, fallback_query(text, types, limit))

    def _promoted(self, analyzed: AnalyzedQuery, types) -> dict[tuple[str, str], tuple[float, str]]:
        """As ``LexicalEngine._promoted``: offices named alone (2.0) or with intent words (1.5) around
        their name or a place they serve, their heads, and a service named by its office's alias
        (``named_service``, 2.1)."""
        alone_phrases, intent_phrases = named_office_phrases(analyzed)
        phrases = {phrase for phrase in alone_phrases | intent_phrases if phrase}
        if not phrases:
            return {}
        places = place_phrases(analyzed, alone_phrases | intent_phrases)
        named = self.client.search(self.alias, names_query(phrases | places))
        offices_wanted = not types or "office" in types
        promoted, offices = {}, {}
        for hit in named:
            hit_names = set(hit["_source"]["names"])
            if not hit_names & phrases and not set(hit["_source"].get("place_names", ())) & places:
                continue  # named as a service only, or by a place without words such as "kantor"
            alone = bool(hit_names & alone_phrases)
            if _key(hit) not in promoted or alone:
                promoted[_key(hit)] = (
                    NAMED_OFFICE_LIFT if alone else OFFICE_WITH_INTENT_LIFT,
                    hit["_source"]["office"],
                )
                offices[hit["_source"]["office"]] = 1.5 if alone and offices_wanted else 2.5
        service = named_service([hit["_source"] for hit in named], alone_phrases)
        if service:
            promoted[(service["type"], service["id"])] = (NAMED_SERVICE_LIFT, service["office"])
        if (analyzed.wants_leader or not offices_wanted) and offices:
            for hit in self.client.search(self.alias, heads_query(set(offices), types)):
                promoted[_key(hit)] = (offices[hit["_source"]["office"]], hit["_source"]["office"])
        return {key: value for key, value in promoted.items() if not types or key[0] in types}

    def search(self, query, types=None, limit=10, locale=None) -> list[tuple[dict, float]]:
        ranking = self.rank(query, types, limit)
        return [(self.document(key, locale), round(hit.score, 6)) for key, hit in ranking.hits.items()]

    def document(self, key, locale=None) -> dict:
        """The object's document in ``locale``, or in the language it has."""
        query = {"bool": {"filter": [{"term": {"key": f"{key[0]}:{key[1]}"}}, {"term": {"role": "locale"}}]}}
        body = {"size": 5, "query": query, "_source": ["document", "locale"]}
        found = {hit["_source"]["locale"]: hit["_source"]["document"] for hit in self.client.search(self.alias, body)}
        return found.get(locale) or next(iter(found.values()), {"type": key[0], "id": key[1], "title": ""})

    def suggest(self, prefix, limit=8) -> list[str]:
        body = {
            "size": limit * 3,
            "query": {
                "bool": {
                    "must": {"match_phrase_prefix": {"f_title": {"query": prefix, "max_expansions": 20}}},
                    "filter": {"term": {"role": "locale"}},
                }
            },
            "_source": SUGGESTION_SOURCE,
        }
        titles = [hit["_source"]["document"]["title"] for hit in self.client.search(self.alias, body)]
        return list(dict.fromkeys(titles))[:limit]

    def did_you_mean(self, query) -> str | None:
        analyzed = self.analyzer.analyze(query)
        corrected = analyzed.corrected_phrase
        return corrected if corrected and corrected != analyzed.phrase else None


class RemoteSemantic:
    """Like ``SemanticIndex.search``: the engine's nearest neighbours, as cosine similarities."""

    def __init__(self, lexical: RemoteLexical):
        self.lexical = lexical

    def __bool__(self):
        return True

    def search(self, query_vector, limit=50, types=None, words_matched=False) -> list[tuple[tuple[str, str], float]]:
        """Each object's best similarity over its documents and passages, a passage's scaled as in process."""
        body = knn_query(query_vector, types, limit, self.lexical.opensearch)
        best: dict[tuple[str, str], float] = {}
        for hit in self.lexical.client.search(self.lexical.alias, body):
            # Lucene scores a cosine similarity c as (1 + c) / 2.
            similarity = 2 * hit["_score"] - 1
            if words_matched and hit["_source"].get("role") == "passage":
                similarity *= PASSAGE_WEIGHT
            best[_key(hit)] = max(similarity, best.get(_key(hit), -1.0))
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
