"""Search documents: one per office, contact and service (and announcement), per language.

Documents are built from directory records in the sample-data schema, so the
same function serves the live site (records of the published pages, from
``directory.transfer.records.published_offices``) and the benchmark (records read straight
from the sample file). Plain Python: no Django import.
"""

from collections import defaultdict

from search.engine.fields import PLACES_FIELD

from .villages import gazetteer

LOCALES = ("id", "en")


def _office_context(office, locale):
    return [office.get("acronym", ""), *office.get("aliases", []), office["name"][locale]]


def _village_fields(office) -> dict:
    """The names of the villages of the kecamatan an office serves (none for other offices): a
    citizen who knows their desa, not their kecamatan, names the village."""
    kecamatan = gazetteer().kecamatan_of_office(office)
    if kecamatan is None:
        return {}
    return {PLACES_FIELD: [name for village in gazetteer().villages_of(kecamatan) for name in village.names]}


def sentences(*parts) -> str:
    """Plain prose for the embedding model: the non-empty parts, each ending with a full stop."""
    texts = [" ".join(str(part).split()) for part in parts if part and str(part).strip()]
    return " ".join(text if text[-1] in ".!?" else text + "." for text in texts)


def _office_document(office, locale):
    name = office["name"][locale]
    return {
        # What the embedding model reads: what the office is and does, in plain words.
        "meaning": sentences(
            f"{name} ({office['acronym']})" if office.get("acronym") else name, office["summary"][locale]
        ),
        "type": "office",
        "id": office["slug"],
        "office": office["slug"],
        "locale": locale,
        "title": office["name"][locale],
        "fields": {
            "acronym": office.get("acronym", ""),
            "aliases": office.get("aliases", []),
            "summary": office["summary"][locale],
            **_village_fields(office),
        },
        "boost": 1.0,
        "level": None,
    }


def _contact_document(office, contact, locale, responsible, assisting):
    return {
        # The officer as a citizen would describe their need: what they handle, where.
        "meaning": sentences(
            f"{contact['position'][locale]}, {office['name'][locale]}",
            contact["handles"][locale],
            contact["field"][locale],
            ", ".join(service["name"][locale] for service in responsible),
        ),
        "type": "contact",
        "id": contact["key"],
        "office": office["slug"],
        "locale": locale,
        "title": contact["position"][locale],
        "fields": {
            "name": contact.get("name", ""),
            "field": contact["field"][locale],
            "handles": contact["handles"][locale],
            # What a contact is responsible for says more about them than their job title.
            "services": [service["name"][locale] for service in responsible]
            + [word for service in responsible for word in service["keywords"][locale]],
            "related_services": [service["name"][locale] for service in assisting],
            "office": _office_context(office, locale),
            **_village_fields(office),
        },
        "boost": 1.0,
        "level": contact.get("level"),
    }


def _service_document(office, service, locale):
    fields = {
        "keywords": service["keywords"][locale],
        "summary": service["summary"][locale],
        "requirements": service["requirements"][locale],
        "procedure": service["procedure"][locale],
        "output": service["output"][locale],
        "cost": service["cost"][locale],
        "duration": service["duration"][locale],
        "office": _office_context(office, locale),
        **_village_fields(office),
    }
    if locale == "id":  # cited in Indonesian only
        fields["legal_basis"] = service.get("legal_basis", [])
        fields["channels"] = service.get("channels", [])
    return {
        # What the service solves, in plain words: name, summary, what the citizen gets, keywords.
        "meaning": sentences(
            service["name"][locale],
            service["summary"][locale],
            service["output"][locale],
            ", ".join(service["keywords"][locale]),
        ),
        # Each situation ("my wallet was stolen with my ID card in it") is a vector of its own.
        "passages": service.get("situations", {}).get(locale, []),
        "type": "service",
        "id": service["slug"],
        "office": office["slug"],
        "office_name": office["name"][locale],
        "locale": locale,
        "title": service["name"][locale],
        "fields": fields,
        "boost": 1.0,
        "level": None,
    }


def office_scope(slug: str) -> str:
    """The part of the index an office's page rebuilds: the office, its contacts and services."""
    return f"office:{slug}"


def documents_from_directory(offices):
    """Documents for every office, contact and service of the given office records, in both languages."""
    documents = []
    for office in offices:
        # A service's first contact is the officer responsible for it; the others supervise or assist.
        responsible_for, assists_with = defaultdict(list), defaultdict(list)
        for service in office.get("services", []):
            for position, key in enumerate(service.get("contacts", [])):
                (assists_with if position else responsible_for)[key].append(service)
        for locale in LOCALES:
            documents.append(_office_document(office, locale))
            for contact in office.get("contacts", []):
                documents.append(
                    _contact_document(
                        office,
                        contact,
                        locale,
                        responsible_for.get(contact["key"], []),
                        assists_with.get(contact["key"], []),
                    )
                )
            for service in office.get("services", []):
                documents.append(_service_document(office, service, locale))
    for document in documents:
        document["scope"] = office_scope(document["office"])
    return documents
