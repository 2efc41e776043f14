"""What a query's results show, before what each hit shows is read: editors' promotions, the engine's
ranking with same-named services folded under the first, and what only the full-text backend finds.

``site_search.answer`` keeps the choice in the content memo, so a repeated query is chosen once per
content version.
"""

import logging

from django.db import DatabaseError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from .content_memo import ChosenAnswer
from .engine.hybrid import confident
from .registry import Ranked, sources
from .text.normalize import normalize_text, tokenize

logger = logging.getLogger(__name__)

# The Wagtail backend gets the distinct words of the query, at most this many: its work
# grows with every word, once per model.
MAX_BACKEND_WORDS = 10
# Same-named services are folded after ranking, so the engine is asked for more.
CANDIDATES_PER_RESULT = 3


def choose(engine, query, types, limit, memo=None) -> ChosenAnswer:
    """The objects a query's results show, best first: editors' promotions, the engine's ranking with
    same-named services folded, then what only the full-text backend finds. ``memo`` (the content
    version's ``ContentMemo``) keeps which queries have promotions."""
    failures = []  # an answer chosen without the promotions or the backend is not kept for the next asker
    promoted = promoted_items(query, types, failures, memo)
    promoted_keys = {(item.type, item.id) for item in promoted}
    ranked_hits, reading = engine.hybrid.rank_with_reading(query, types=types, limit=limit * CANDIDATES_PER_RESULT)
    fused = [hit for hit in ranked_hits if hit.key not in promoted_keys]
    # A district named with a typo ("blimbngsari") still counts: the repaired reading is added.
    grouped = engine.groups.fold([hit.key for hit in fused], f"{query} {reading.corrected_phrase}")
    score_of = {hit.key: hit.score for hit in fused}
    ranked = [
        Ranked(group.key[0], group.key[1], engine.published.get(group.key, ""), score_of.get(group.key, 0.0))
        for group in grouped
    ][:limit]
    also = {group.key: group.also for group in grouped}
    if len(fused) < limit:
        # The engine itself found too few: add what only the configured search backend finds. Not merely
        # when folding left room: the backend's full-text queries cost more than the rest of a search.
        seen = (
            promoted_keys | {(item.type, item.id) for item in ranked} | {key for keys in also.values() for key in keys}
        )
        ranked += [item for item in backend_matches(query, types, engine, failures) if (item.type, item.id) not in seen]
    items = tuple((promoted + ranked)[:limit])
    # Only what the shown items fold is kept: the memo and the shared cache hold thousands of answers.
    shown_also = {(item.type, item.id): also[(item.type, item.id)] for item in items if also.get((item.type, item.id))}
    return ChosenAnswer(items, shown_also, bool(promoted) or confident(fused), complete=not failures)


def promoted_items(query, types, failures, memo=None):
    """Editors' promoted pages for this query (Wagtail search promotions), as ranked items;
    none when the database fails (noted in ``failures``)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    query_string = normalise_query_string(query)
    try:
        # A few queries have promotions: the others, most new queries, ask the database nothing.
        if memo is not None and query_string not in memo.promoted_queries(promoted_query_strings):
            return []
        # A read, unlike Query.get(), which creates a row for every new query string.
        promotions = (
            SearchPromotion.objects.filter(query__query_string=query_string)
            .select_related("page")
            .order_by("sort_order")
        )
        items, seen = [], set()
        for promotion in promotions:
            # A page promoted twice for one query (two editors at once) is listed once.
            if promotion.page is None or not promotion.page.live or promotion.page_id in seen:
                continue
            seen.add(promotion.page_id)
            item = page_item(promotion.page.specific)
            if item and (not types or item.type in types):
                items.append(item)
        return items
    except DatabaseError as error:
        logger.exception("Search promotions could not be read")
        failures.append(error)
        return []


def promoted_query_strings():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return SearchPromotion.objects.values_list("query__query_string", flat=True)


def page_item(page):
    """A promoted page as a ranked item, or None for pages search does not list."""
    return next((item for source in sources() if (item := source.page_item(page)) is not None), None)


def backend_words(query) -> list[str]:
    """The distinct words of the query, in order, at most ``MAX_BACKEND_WORDS``."""
    words = [word for word in tokenize(normalize_text(query)) if word.isalnum()]
    return list(dict.fromkeys(words))[:MAX_BACKEND_WORDS]


def backend_matches(query, types, engine, failures):
    """What the configured Wagtail backend finds, limited to objects the engine knows (published ones);
    a backend that fails adds nothing (noted in ``failures``)."""
    words = backend_words(query)
    if not words:
        return []
    backend = get_search_backend()
    source_locale = Locale.get_default()
    matches = []
    for source in sources():
        for kind, (queryset, identifier_of) in source.backend_querysets(source_locale).items():
            if types and kind not in types:
                continue
            try:
                for item in backend.search(" ".join(words), queryset, operator="or")[:10]:
                    identifier = identifier_of(item)
                    if (kind, identifier) in engine.published:
                        matches.append(Ranked(kind, identifier, engine.published[(kind, identifier)], 0.0))
            except Exception as error:  # a backend outage must not take search down with it
                logger.exception("Search backend query failed")
                failures.append(error)
    return matches
