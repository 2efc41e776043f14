"""Stand-ins for services the site calls."""


class RecordingBackend:
    """Stands in for the Wagtail backend to see what the site hands it."""

    def __init__(self):
        self.queries = []

    def search(self, query, queryset, operator=None):
        self.queries.append(query)
        return queryset.none()
