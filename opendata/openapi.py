"""What the HSDS endpoints answer, for the site's OpenAPI document, taken from the vendored HSDS schemas.

Lists get the API reference's ``Page`` with the official list item schema; a fully nested
record gets the official schema of its own fields (the nested children are described in
the modular schema the description links to: embedding them would add megabytes).
"""

from .config import hsds_config
from .params import unsupported
from .schemas import load

OFFICIAL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
ERROR = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    "required": ["error", "status"],
}


def parameters():
    """The parameters as the API checks them: they arrive as text so that a bad one gets our 400."""
    config = hsds_config()
    page_size = {"type": "integer", "minimum": 1, "maximum": config["max_per_page"]}
    described = {
        "id": ("path", "The record's HSDS id.", {"type": "string", "format": "uuid"}),
        "lang": ("query", "Language of the texts (default `id`).", {"type": "string", "enum": ["id", "en"]}),
        "search": ("query", "Words in the service's name, summary or keywords.", {"type": "string"}),
        "page": ("query", "Page number.", {"type": "integer", "minimum": 1, "maximum": config["max_page"]}),
        "per_page": ("query", f"Records per page (default {config['default_per_page']}).", page_size),
        "organization_id": ("query", "Only this organization's services.", {"type": "string", "format": "uuid"}),
        "modified_after": (
            "query",
            "Only services published on or after this ISO 8601 date-time (a date alone also works).",
            {"type": "string", "format": "date-time"},
        ),
    }
    return {
        name: {"name": name, "in": where, "required": where == "path", "description": text, "schema": schema}
        for name, (where, text, schema) in described.items()
    }


def json_content(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def success_schema(name, page, nested):
    if name == "meta":
        return load("openapi.json")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema = load(name)
    if page:
        header = load("openapi.json")["components"]["schemas"]["Page"]
        return {
            "type": "object",
            "properties": header["properties"] | {"contents": {"type": "array", "items": schema}},
        }
    return schema | {"description": f"Fully nested: see {OFFICIAL}{nested}"}


def described(name, names, page=False, nested=None, not_found=False):
    """``openapi_extra`` for an endpoint taking the parameters ``names`` and answering with the HSDS schema ``name``."""
    responses = {
        200: json_content(success_schema(name, page, nested), "HSDS 3.0"),
        400: json_content(
            ERROR,
            "A parameter the API cannot use; `error` says which and why. Parameters of HSDS's API reference"
            f" this endpoint does not support are refused, not ignored: {', '.join(unsupported(names))}.",
        ),
    }
    if not_found:
        responses[404] = json_content(ERROR, "No live record with this id in the requested language.")
    every = parameters()
    return {"parameters": [every[parameter] for parameter in names], "responses": responses}
