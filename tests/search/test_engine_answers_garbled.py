"""An engine answer cut short or garbled is an ``EngineError``, which the site answers in process
(``test_search_engine_site``), never another exception, a 500.

A loopback stand-in answers like an engine restarting mid-response would; no search engine is needed.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from search.engine.remote.client import EngineClient, EngineError

ANSWERS = {
    # A length promised and not sent: the engine stopped while answering.
    "/cut/_search": (200, {"Content-Length": "500"}, b'{"hits": {"hits": ['),
    "/empty/_search": (200, {"Content-Length": "0"}, b""),
    "/list/_search": (200, {}, b"[1, 2]"),
    "/nohits/_search": (200, {}, b'{"took": 3}'),
    "/error-cut/_search": (500, {"Content-Length": "400"}, b'{"error": '),
}


class GarbledEngine(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, headers, body = ANSWERS[self.path]
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def garbled_engine():
    server = ThreadingHTTPServer(("127.0.0.1", 0), GarbledEngine)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield EngineClient(f"http://127.0.0.1:{server.server_address[1]}", timeout=5)
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("index", ["cut", "empty", "list", "nohits", "error-cut"])
def test_a_garbled_answer_is_an_engine_error(garbled_engine, index):
    with pytest.raises(EngineError):
        garbled_engine.search(index, {"query": {"match_all": {}}})
