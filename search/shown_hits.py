"""What each hit shows, read once per worker until the content changes.

Reading the pages, contacts and their offices behind ten hits is half the time of a
search. What they show changes only with a publish, an unpublish, a move, a deletion or a
view restriction, each of which changes the engine's content version; the engine cache then
starts an empty memo. Each hit is copied out of the memo with this query's score.

A warming worker fills the memo for every document it may show (``fill``), so that a query
never seen before reads no page either: only the model's run is left to it.
"""

from dataclasses import replace

from .content_memo import default_site_key
from .registry import Ranked

# Entries a worker keeps (each a few objects): more and the memo starts again.
MAX_ENTRIES = 5_000
# Hits read in one go when filling: a few queries each, bounded in size.
FILL_BATCH = 200


def load_with_memo(items, language_code, site, memo, load):
    """``load(items)``'s hits, taking those already read for this language and site (its key,
    ``ContentMemo.site_key``) from ``memo``."""

    def key(item):
        return (item.type, item.id, language_code, site)

    missing = [item for item in items if key(item) not in memo]
    if missing:
        if len(memo) + len(missing) > MAX_ENTRIES:
            memo.clear()
        memo.update({key(hit): hit for hit in load(missing)})
    return [
        replace(memo[key(item)], office=item.office, score=item.score, promoted=item.promoted, also_offered_by=[])
        for item in items
        if key(item) in memo
    ]


def fill(engine, language_codes, load):
    """Read what every document of ``engine`` shows, in each language, up to half of ``MAX_ENTRIES`` in all;
    ``load(items, language_code)`` reads hits. Returns how many entries the memo holds."""
    content_memo = getattr(engine, "memo", None)
    if content_memo is None or not language_codes:
        return 0
    memo, site = content_memo.hits, default_site_key()
    items = [Ranked(kind, identifier, office, 0.0) for (kind, identifier), office in engine.published.items()]
    # Half the memo at most: a full one would be emptied by the first search that misses (a large site).
    share = MAX_ENTRIES // (2 * len(language_codes))
    for language_code in language_codes:
        for start in range(0, min(share, len(items)), FILL_BATCH):
            batch = items[start : min(start + FILL_BATCH, share)]
            load_with_memo(batch, language_code, site, memo, lambda missing, code=language_code: load(missing, code))
    return len(memo)
