"""Long commands show their progress: a bar on a terminal, plain lines in a CI log."""

import io

from core.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_in_a_log_progress_is_a_line_at_the_start_then_one_per_tenth_ending_with_the_total_time():
    log = io.StringIO()
    progress = Progress(log, "Importing offices")
    for done in range(1, 101):
        progress(done, 100)
    lines = log.getvalue().splitlines()
    assert all("\r" not in line and line.startswith("Importing offices: ") for line in lines)
    assert lines[0].startswith("Importing offices: 1/100, about") and lines[0].endswith("s left")
    assert [line.split()[2] for line in lines[1:]] == [f"{tenth * 10}/100," for tenth in range(1, 10)] + ["100/100"]
    assert lines[-1].startswith("Importing offices: 100/100 in ")


def test_on_a_terminal_progress_is_one_bar_redrawn_in_place_with_counts():
    terminal = Terminal()
    progress = Progress(terminal, "Embedding", width=10)
    progress(5, 10)
    progress(10, 10)
    output = terminal.getvalue()
    assert output.count("\n") == 1 and output.endswith("\n")
    drawn = [frame for frame in output.split("\r") if frame]
    assert drawn[0].startswith("Embedding [#####-----] 5/10, about")
    assert drawn[1].startswith("Embedding [##########] 10/10 in ")
