from tests.support.html import texts


def listed_titles(node):
    """Titles of the announcement list items in ``node`` (a parsed page or a part of one), in page order."""
    return texts(node, ".announcement-list__title a")
