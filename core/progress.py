"""Progress of a long command: a bar with counts and time left on a terminal, plain lines in logs."""

import time


class Progress:
    """Call with ``(done, total)``, anything after is ignored; writes to a command's stdout or a stream.

    ``close()``, or leaving a ``with Progress(...)`` block, ends a bar that stopped part-way.
    """

    LOG_STEPS = 10  # plain lines at every tenth when the output is not a terminal

    def __init__(self, stream, label: str, width: int = 30):
        self.stream = stream
        self.label = label
        self.width = width
        self.started = time.monotonic()
        self._last_step = -1
        self._open = False  # a bar drawn on a terminal whose line has not ended yet
        isatty = getattr(stream, "isatty", None)
        self.interactive = bool(isatty and isatty())

    def __call__(self, done: int, total: int, *_) -> None:
        total = max(total, 0)
        finished = done >= total  # nothing to do (0/0) is finished too
        elapsed = time.monotonic() - self.started
        left = elapsed / done * (total - done) if done else 0.0
        counts = f"{done}/{total} in {elapsed:.0f} s" if finished else f"{done}/{total}, about {left:.0f} s left"
        if self.interactive:
            filled = self.width * done // total if total else self.width
            bar = "#" * filled + "-" * (self.width - filled)
            self._write(f"\r{self.label} [{bar}] {counts}", end="\n" if finished else "")
            self._open = not finished
            return
        step = self.LOG_STEPS * done // total if total else self.LOG_STEPS
        if step != self._last_step:
            self._last_step = step
            self._write(f"{self.label}: {counts}")

    def close(self) -> None:
        """End a bar left part-way (a failure, an early stop) so that what follows starts on its own line."""
        if self._open:
            self._open = False
            self._write("")

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _write(self, text: str, end: str = "\n") -> None:
        try:
            self.stream.write(text, ending=end)
        except TypeError:  # a plain stream rather than Django's OutputWrapper
            self.stream.write(text + end)
        self.stream.flush()
