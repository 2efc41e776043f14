"""Long commands show their progress: a bar on a terminal, plain lines in a CI log."""

import io

import pytest

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


def test_nothing_to_do_shows_zero_of_zero_and_ends_its_line():
    terminal, log = Terminal(), io.StringIO()
    Progress(terminal, "Importing offices", width=4)(0, 0)
    Progress(log, "Importing offices")(0, 0)
    assert terminal.getvalue().startswith("\rImporting offices [####] 0/0 in ")
    assert terminal.getvalue().endswith("\n")
    assert log.getvalue().startswith("Importing offices: 0/0 in ")
    assert "left" not in terminal.getvalue() + log.getvalue()


def test_a_bar_stopped_part_way_is_ended_when_the_block_is_left():
    terminal = Terminal()
    with pytest.raises(RuntimeError), Progress(terminal, "Embedding", width=10) as progress:
        progress(3, 10)
        raise RuntimeError("stopped")
    assert terminal.getvalue().count("\n") == 1 and terminal.getvalue().endswith("\n")
    assert "3/10, about" in terminal.getvalue().split("\n")[0]


def test_closing_a_finished_bar_adds_no_empty_line():
    terminal = Terminal()
    progress = Progress(terminal, "Embedding", width=10)
    progress(10, 10)
    progress.close()
    assert terminal.getvalue().count("\n") == 1
