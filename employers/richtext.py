"""HTML in imported text fields (job boards send ``<p>``, ``<strong>``, lists) as clean text:
paragraphs stay paragraphs, list items stay lines, everything else is dropped.

nh3 (the Ammonia sanitiser) removes every tag but the block structure, scripts and styles with
their content; what is left is turned into lines.
"""

from __future__ import annotations

import html
import re

import nh3

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;")
_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<\s*li\s*>", re.IGNORECASE)
_BLOCK = re.compile(r"<\s*/?\s*(p|div|h[1-6]|tr|ul|ol)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def is_html(text: str) -> bool:
    return bool(LOOKS_LIKE_HTML.search(text))


def html_to_text(text: str) -> str:
    """Clean text of an HTML fragment: one blank line between paragraphs, ``- `` before each
    list item; plain text comes back unchanged but for surrounding whitespace."""
    if not is_html(text):
        return text.strip()
    kept = nh3.clean(text, tags=BLOCKS, attributes={}, strip_comments=True)
    kept = _BREAK.sub("\n", kept)
    kept = _ITEM.sub("\n- ", kept)
    kept = _BLOCK.sub("\n\n", kept)
    plain = html.unescape(_TAG.sub("", kept)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in plain.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
