"""The one JSON API of the site: each app contributes a router, the shell composes them.

The OpenAPI document is served at /api/openapi.json and the interactive docs at /api/docs,
with the copy of Swagger UI that django-ninja ships (its ``ninja`` app is installed).
"""

from ninja import Swagger

from core.api import SiteAPI
from directory.api import router as directory_router
from feedback.api import router as ikm_router
from opendata.api import router as hsds_router
from search.api import router as search_router

api = SiteAPI(
    title="Banyuwangi Melayani API",
    version="1.0.0",
    description="Open data of the Banyuwangi regency's public-service directory.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    # No "valid" badge fetched from validator.swagger.io: the docs page asks nothing of other hosts.
    docs=Swagger(settings={"validatorUrl": None}),
)
api.add_router("/directory/", directory_router)
api.add_router("/search/", search_router)
api.add_router("/ikm/", ikm_router)
api.add_router("/hsds/", hsds_router)
