"""The architecture document names only files and folders that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"
PATH_ENDINGS = (".py", ".html", ".md", ".json", ".tsv", ".txt", ".toml")


def named_paths(text):
    """Backticked tokens that look like repository paths; URLs (a leading ``/``) and patterns
    (``<app>/templates/…``) are not paths."""
    tokens = re.findall(r"`([^`\s]+)`", text)
    return {
        token
        for token in tokens
        if not token.startswith("/") and "<" not in token and ("/" in token or token.endswith(PATH_ENDINGS))
    }


def missing_paths(text):
    return sorted(path for path in named_paths(text) if not (ROOT / path).exists())


def test_every_path_the_architecture_document_names_exists():
    assert missing_paths(ARCHITECTURE.read_text(encoding="utf-8")) == []


def test_a_made_up_path_is_caught():
    assert missing_paths("The engine is in `search/engine/lexical.py`, not `search/made_up.py`.") == [
        "search/made_up.py"
    ]
