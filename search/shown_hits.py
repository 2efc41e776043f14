"""What each hit shows, read once per worker until the content changes.

Reading the pages, contacts and their offices behind ten hits is half the time of a
search. What they show changes only with a publish, an unpublish, a move, a deletion or a
view restriction, each of which changes the engine's content version; the engine cache then
starts an empty memo. Each hit is copied out of the memo with this query's score.
"""

from dataclasses import replace

# Entries a worker keeps (each a few objects): more and the memo starts again.
MAX_ENTRIES = 5_000


def load_with_memo(items, language_code, request, memo, load):
    """``load(items)``'s hits, taking those already read for this language and host from ``memo``."""
    host = request.get_host() if request is not None else ""

    def key(item):
        return (item.type, item.id, language_code, host)

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
