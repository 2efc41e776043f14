"""HSDS identifiers: UUID v5 of our stable identifiers, the same across imports and languages.

An office's ``stable_slug``, a service's ``stable_slug`` and a contact's ``key`` are shared
by a page and its translations and survive a re-import, so every record derived from them
keeps its HSDS ``id`` for good. Never change ``NAMESPACE``: every published id would change.
"""

import uuid

NAMESPACE = uuid.UUID("f2305928-09a2-4f7c-9652-931f9228a1f3")
ORGANIZATION = "organization"
SERVICE = "service"


def hsds_id(*parts):
    """The id of a record named by ``parts`` (a kind and a stable identifier, or a parent id and a role)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def organization_id(office):
    return hsds_id(ORGANIZATION, office.stable_slug)


def location_id(office):
    return hsds_id("location", office.stable_slug)


def service_id(service):
    return hsds_id(SERVICE, service.stable_slug)


def contact_id(contact, owner_id=None):
    """An office's contact; listed under a service (``owner_id``) it is a record of its own."""
    if owner_id is None:
        return hsds_id("contact", contact.key)
    return hsds_id(owner_id, "contact", contact.key)
