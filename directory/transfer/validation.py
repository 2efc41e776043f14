"""Every problem of a directory file, each named by its record and field.

The structure is checked against the declared schema (``schema.py``); pydantic's
error locations become the labels editors read, such as
``opds[1] (dispendukcapil).contacts[3] (dispendukcapil-kasi).level``. What a
schema cannot say (identifiers unique in the file, a service's officers among
its office's contacts) is checked on the raw data, so one run reports all.
"""

from pydantic import ValidationError

from core.api import unstorable

from .schema import DirectoryFile

TOP_LEVEL = "top level"
# Messages for pydantic's own error types; the schema's custom checks carry theirs.
MESSAGES = {
    "string_type": "must be a string",
    "string_too_short": "must be a non-empty string",
    "string_too_long": "must be at most {max_length} characters",
    "too_short": "must be a non-empty list",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "greater_than": "must be greater than {gt}",
    "less_than_equal": "must be at most {le}",
}
RECORD_KEYS = ("slug", "key")


class DirectoryFileError(Exception):
    """The file cannot be imported; ``errors`` names each record and field at fault."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def label(data, loc):
    """``("opds", 1, "contacts", 3, "level")`` → ``opds[1] (dispendukcapil).contacts[3] (x-kasi).level``."""
    text, node = "", data
    for step in loc:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            identifier = next((node[key] for key in RECORD_KEYS if isinstance(node, dict) and key in node), None)
            named = isinstance(identifier, str) and not unstorable(identifier)
            text += f"[{step}]" + (f" ({identifier})" if named else "")
        else:
            node = node.get(step) if isinstance(node, dict) else None
            text += f".{step}" if text else str(step)
    return text or TOP_LEVEL


def _message(error):
    if error["type"] == "literal_error" and error["loc"] == ("version",):
        return f"unsupported version {error['input']!r}; expected 1"
    template = MESSAGES.get(error["type"])
    return template.format(**error.get("ctx", {})) if template else error["msg"]


def schema_errors(data):
    """The file's departures from the declared schema, missing and unknown fields grouped per record."""
    if not isinstance(data, dict):
        return [f"{TOP_LEVEL}: must be an object with 'version', 'region' and 'opds'"]
    try:
        DirectoryFile.model_validate(data)
    except ValidationError as error:
        details = error.errors()
    else:
        return []
    errors, grouped = [], {}
    for detail in details:
        loc = detail["loc"]
        if detail["type"] in ("missing", "extra_forbidden"):
            kind = "missing fields" if detail["type"] == "missing" else "unknown fields"
            grouped.setdefault((label(data, loc[:-1]), kind), []).append(str(loc[-1]))
        else:
            errors.append(f"{label(data, loc)}: {_message(detail)}")
    errors += [f"{where}: {kind}: {', '.join(sorted(names))}" for (where, kind), names in grouped.items()]
    return errors


def _records(data, where, key):
    """(label, record) of each object in the list ``data[where]`` (tolerant of any shape)."""
    records = data.get(where) if isinstance(data, dict) else None
    for index, record in enumerate(records if isinstance(records, list) else []):
        if isinstance(record, dict):
            identifier = record.get(key)
            yield f"{where}[{index}]" + (f" ({identifier})" if isinstance(identifier, str) else ""), record


def _duplicate(seen, value, where, what):
    if not isinstance(value, str):
        return []
    if value in seen:
        return [f"{where}: duplicate {what} {value!r}"]
    seen.add(value)
    return []


def cross_record_errors(data):
    """Identifiers used twice in the file; officers of a service who are not its office's contacts."""
    errors = []
    office_slugs, service_slugs, contact_keys = set(), set(), set()
    for office_where, office in _records(data, "opds", "slug"):
        errors += _duplicate(office_slugs, office.get("slug"), f"{office_where}.slug", "office slug")
        office_contacts = set()
        for where, contact in _records(office, "contacts", "key"):
            errors += _duplicate(contact_keys, contact.get("key"), f"{office_where}.{where}.key", "contact key")
            office_contacts.add(contact.get("key"))
        for where, service in _records(office, "services", "slug"):
            where = f"{office_where}.{where}"
            errors += _duplicate(service_slugs, service.get("slug"), f"{where}.slug", "service slug")
            officers = service.get("contacts")
            errors += [
                f"{where}.contacts: {key!r} is not a contact of this office"
                for key in (officers if isinstance(officers, list) else [])
                if isinstance(key, str) and key not in office_contacts
            ]
    return errors


def validate_directory(data):
    """Every problem of the file, each naming its record and field; empty when importable."""
    return schema_errors(data) + cross_record_errors(data)
