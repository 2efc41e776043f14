"""One build at a time: workers that all find the index stale do not each rebuild it.

The lock is a document in a small index of its own, created only if absent; it says
until when it holds, so that a worker that died while building gives its turn away.
"""

import os
import socket
import time

from .client import EngineClient

LOCK_SECONDS = 900  # longer than a build at 50x the demo; an older lock was abandoned


class BuildLock:
    def __init__(self, client: EngineClient, alias: str):
        self.client = client
        self.document = f"{alias}_build_lock/_doc/build"
        self.create = f"{alias}_build_lock/_create/build?refresh=true"

    def acquire(self) -> bool:
        """Whether this process may build now (the lock was free, or abandoned)."""
        now = time.time()
        body = {"until": now + LOCK_SECONDS, "holder": f"{socket.gethostname()}:{os.getpid()}"}
        if self.client.request("PUT", self.create, body, conflict_ok=True) is not None:
            return True
        held = self.client.request("GET", self.document, missing_ok=True)
        if held is None:  # released meanwhile
            return self.client.request("PUT", self.create, body, conflict_ok=True) is not None
        if held["_source"].get("until", 0) >= now:
            return False
        # Abandoned: taken over only if nobody else took it over first.
        guarded = f"{self.document}?if_seq_no={held['_seq_no']}&if_primary_term={held['_primary_term']}&refresh=true"
        return self.client.request("PUT", guarded, body, conflict_ok=True) is not None

    def release(self) -> None:
        self.client.request("DELETE", f"{self.document}?refresh=true", missing_ok=True)
