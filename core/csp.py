"""Content-Security-Policy sources for the few inline blocks a page may carry.

The site's policy allows no inline script or style. A page that must stand on its
own (the 500 page, shown when nothing else may work) keeps its ``<style>`` element,
allowed by the hash of its exact text rather than by ``'unsafe-inline'``.
"""

import base64
import hashlib
import re
from pathlib import Path

_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def source_hash(text):
    """The CSP source expression of an inline block: ``'sha256-…'`` of its text."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_style_hashes(template):
    """The hashes of each ``<style>`` element of a template that renders them as written."""
    return [source_hash(text) for text in _STYLE_ELEMENT.findall(Path(template).read_text(encoding="utf-8"))]
