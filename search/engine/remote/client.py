"""A small JSON client for OpenSearch and Elasticsearch: the few calls the site's index needs.

Plain ``urllib`` with a short timeout: any failure becomes ``EngineError``, which the
search answers by falling back to the in-process engine.
"""

import http.client
import json
import time
import urllib.error
import urllib.request

from django.conf import settings

TIMEOUT = 2.0  # seconds; a search that waits longer is better answered in process
BULK_TIMEOUT = 60.0
# The index is closed for a moment while the editors' synonyms change: asked again once.
CLOSED_INDEX_RETRY_SECONDS = 0.5


class EngineError(Exception):
    """The engine could not be reached or refused the request."""


class ClosedIndex(EngineError):
    """The index was closed for a moment (see ``EngineIndex.update_synonyms``)."""


def engine_url() -> str:
    return getattr(settings, "OPENSEARCH_URL", "") or getattr(settings, "ELASTICSEARCH_URL", "")


def alias_name() -> str:
    """The alias searches read; the index behind it is swapped by a full build."""
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return f"{backend.get('INDEX_PREFIX', 'melayani_')}documents"


class EngineClient:
    def __init__(self, url: str, timeout: float = TIMEOUT):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def request(
        self, method: str, path: str, body=None, timeout=None, ndjson=False, missing_ok=False, conflict_ok=False
    ):
        """The engine's JSON answer; None for a 404 with ``missing_ok`` or a 409 with ``conflict_ok``."""
        arguments = (method, path, body, timeout, ndjson, missing_ok, conflict_ok)
        try:
            return self._request(*arguments)
        except ClosedIndex:
            time.sleep(CLOSED_INDEX_RETRY_SECONDS)
            return self._request(*arguments)

    def _request(self, method, path, body, timeout, ndjson, missing_ok, conflict_ok):
        data, content_type = None, "application/json"
        if ndjson:
            data, content_type = ("\n".join(json.dumps(line) for line in body) + "\n").encode(), "application/x-ndjson"
        elif body is not None:
            data = json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/{path.lstrip('/')}", data=data, method=method, headers={"Content-Type": content_type}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            if (missing_ok and error.code == 404) or (conflict_ok and error.code == 409):
                return None
            try:
                detail = error.read()[:500]
            except (OSError, http.client.HTTPException):  # its explanation cut short too
                detail = b""
            kind = ClosedIndex if b"index_closed_exception" in detail else EngineError
            raise kind(f"{method} {path}: HTTP {error.code} {detail!r}") from error
        # http.client's errors (an answer cut short by a restart, a garbled status line) are no OSError.
        except (OSError, ValueError, http.client.HTTPException) as error:
            raise EngineError(f"{method} {path}: {error}") from error
        if not isinstance(answer, dict):
            raise EngineError(f"{method} {path}: the answer is no JSON object")
        return answer

    def search(self, index: str, body: dict) -> list[dict]:
        hits = self.request("POST", f"{index}/_search", body).get("hits")
        if not isinstance(hits, dict) or not isinstance(hits.get("hits"), list):
            raise EngineError(f"POST {index}/_search: the answer holds no hits")
        return hits["hits"]

    def bulk(self, lines: list[dict], refresh: bool = False) -> None:
        if not lines:
            return
        answer = self.request(
            "POST", f"_bulk{'?refresh=wait_for' if refresh else ''}", lines, timeout=BULK_TIMEOUT, ndjson=True
        )
        if answer.get("errors"):
            failed = next(item for item in answer["items"] if next(iter(item.values())).get("error"))
            raise EngineError(f"bulk indexing failed: {failed}")

    def indices_of(self, alias: str) -> list[str]:
        answer = self.request("GET", f"_alias/{alias}", missing_ok=True)
        return sorted(answer or {})

    def meta(self, alias: str) -> dict:
        answer = self.request("GET", f"{alias}/_mapping", missing_ok=True) or {}
        return next(iter(answer.values()), {}).get("mappings", {}).get("_meta", {})
