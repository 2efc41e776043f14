"""Content-Security-Policy sources for the few inline blocks a page may carry.

The site's policy allows no inline script or style. The error pages (500, 503), which
must show when nothing else works, keep their own ``<style>`` element, allowed by the
hash of its exact text rather than by ``'unsafe-inline'``.
"""

import base64
import hashlib
import re
from pathlib import Path

_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_INCLUDE = re.compile(r'{% include "([^"]+)" %}')


def source_hash(text):
    """The CSP source expression of an inline block: ``'sha256-…'`` of its text."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _style_as_rendered(style, folder):
    """The style's text with its includes expanded, as Django renders it (read before Django is set up)."""
    text = _INCLUDE.sub(lambda match: (folder / match.group(1)).read_text(encoding="utf-8"), style)
    if "{%" in text or "{{" in text:
        raise ValueError(f"Only plain includes may stand in an inline <style> (they are hashed): {text[:80]!r}")
    return text


def inline_style_hashes(folder, *templates):
    """The hashes of each ``<style>`` element of ``templates`` (names under the templates ``folder``)."""
    folder = Path(folder)
    hashes = []
    for name in templates:
        for style in _STYLE_ELEMENT.findall((folder / name).read_text(encoding="utf-8")):
            hashes.append(source_hash(_style_as_rendered(style, folder)))
    return hashes
