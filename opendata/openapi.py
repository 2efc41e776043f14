"""What the HSDS endpoints answer, for the site's OpenAPI document, taken from the vendored HSDS schemas.

Lists get the API reference's ``Page`` with the official list item schema; a fully nested
record gets the official schema of its own fields (the nested children are described in
the modular schema the description links to: embedding them would add megabytes).
"""

from .schemas import load

OFFICIAL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
ERROR = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    "required": ["error", "status"],
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


def described(name, page=False, nested=None, not_found=False):
    """``openapi_extra`` for an endpoint answering with the HSDS schema ``name``."""
    responses = {
        200: json_content(success_schema(name, page, nested), "HSDS 3.0"),
        400: json_content(ERROR, "A parameter the API cannot use; `error` says which and why."),
    }
    if not_found:
        responses[404] = json_content(ERROR, "No live record with this id in the requested language.")
    return {"responses": responses}
