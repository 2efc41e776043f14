"""What every check of the protection package shares: the rejection and the settings it reads."""

from django.conf import settings


class Rejected(Exception):
    """A submission turned away, with the message the citizen sees and the HTTP status to answer with."""

    def __init__(self, message, status=400):
        super().__init__(str(message))
        self.message = message
        self.status = status


def setting(name, default):
    return getattr(settings, name, default)
