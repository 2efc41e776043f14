"""Next steps for a citizen the search could not answer well: the topics the query touches, and help.

Search knows no office type, life event or complaint box: the apps above it add them
through the Wagtail hook ``search_next_steps``. A hook function is called with the query,
the results shown (``Result``: type, id and office of each, best first; empty when nothing
was found) and the language code, and returns a list of ``{"title": …, "url": …}`` in that
language, plus ``"group": "help"`` for a way to ask or complain rather than a topic to browse.
"""

from typing import NamedTuple

from wagtail import hooks

HOOK = "search_next_steps"
TOPICS, HELP = "topics", "help"
# Enough to choose from, few enough to read.
MAX_STEPS_PER_GROUP = 6


class Result(NamedTuple):
    type: str
    id: str
    office: str


def results_of(hits) -> list[Result]:
    return [Result(hit.type, str(hit.id), hit.office) for hit in hits]


def next_steps(query, results, language_code) -> dict[str, list[dict]]:
    """The steps every app offers, by group (``TOPICS``, ``HELP``), each address once, in hook order."""
    steps = {TOPICS: [], HELP: []}
    seen = set()
    for offer in hooks.get_hooks(HOOK):
        for step in offer(query, results, language_code) or []:
            group = steps.get(step.get("group", TOPICS), steps[TOPICS])
            if step["url"] not in seen and len(group) < MAX_STEPS_PER_GROUP:
                seen.add(step["url"])
                group.append({"title": step["title"], "url": step["url"]})
    return steps
