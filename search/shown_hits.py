"""What each hit shows, read once per worker until the content changes.

Reading the pages, contacts and their offices behind ten hits is half the time of a
search. What they show changes only with a publish, an unpublish, a move, a deletion or a
view restriction, each of which changes the engine's content version; the engine cache then
starts an empty memo. Each hit is copied out of the memo with this query's score.

A warming worker fills the memo for every document it may show (``fill``), so that a query
never seen before reads no page either: only the model's run is left to it.
"""

from dataclasses import replace

from wagtail.models import Site

from .registry import Ranked

# Entries a worker keeps (each a few objects): more and the memo starts again.
MAX_ENTRIES = 5_000
# Hits read in one go when filling: a few queries each, bounded in size.
FILL_BATCH = 200


def _site_key(request):
    # A hit's links depend on the site the request is for, not on the host's spelling: every host
    # of one site (its names, a port, the proxy's) shares the entries; a warming worker has no
    # request and reads for the default site, as Wagtail does for an unknown host.
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site is not None else None


def load_with_memo(items, language_code, request, memo, load):
    """``load(items)``'s hits, taking those already read for this language and site from ``memo``."""
    site = _site_key(request)

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
    memo = getattr(engine, "shown_hits", None)
    if memo is None or not language_codes:
        return 0
    items = [Ranked(kind, identifier, office, 0.0) for (kind, identifier), office in engine.published.items()]
    # Half the memo at most: a full one would be emptied by the first search that misses (a large site).
    share = MAX_ENTRIES // (2 * len(language_codes))
    for language_code in language_codes:
        for start in range(0, min(share, len(items)), FILL_BATCH):
            batch = items[start : min(start + FILL_BATCH, share)]
            load_with_memo(batch, language_code, None, memo, lambda missing, code=language_code: load(missing, code))
    return len(memo)
