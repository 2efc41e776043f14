"""The one JSON API of the site: each app contributes a router, the shell composes them.

The OpenAPI document is served at /api/openapi.json and the interactive docs at /api/docs.
"""

from ninja import NinjaAPI

from opendata.api import router as hsds_router

api = NinjaAPI(
    title="Banyuwangi Melayani API",
    version="1.0.0",
    description="Open data of the Banyuwangi regency's public-service directory.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/hsds/", hsds_router)
