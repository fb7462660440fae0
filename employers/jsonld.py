"""JSON-LD as the web publishes it, read offline: each JobPosting of a payload, framed into
plain schema.org keys whatever the document's ``@context`` (the schema.org URL in any of its
spellings, an inline ``@vocab``, expanded IRIs, an ``@graph`` with the employer as a node of
its own).

PyLD does the JSON-LD algorithms; its document loader answers every schema.org context URL
with the copy shipped in ``employers/data/schemaorg-context.jsonld`` and refuses any other URL,
so nothing is fetched at run time.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld  # type: ignore[import-untyped]

CONTEXT_FILE = Path(__file__).parent / "data" / "schemaorg-context.jsonld"
SCHEMA = "http://schema.org/"
SCHEMA_HTTPS = "https://schema.org/"
#: The context URLs a JobPosting is published with; all mean schema.org's context.
SCHEMA_CONTEXT_URLS = frozenset(
    {
        "http://schema.org",
        "https://schema.org",
        "http://schema.org/",
        "https://schema.org/",
        "http://schema.org/docs/jsonldcontext.json",
        "https://schema.org/docs/jsonldcontext.json",
        "http://schema.org/docs/jsonldcontext.jsonld",
        "https://schema.org/docs/jsonldcontext.jsonld",
    }
)
FRAME = {"@context": {"@vocab": SCHEMA}, "@type": "JobPosting"}


class DocumentRefused(ValueError):
    """A payload entry that is not a readable JobPosting, with the field to blame."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@cache
def schema_org_context() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return loaded


def _offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url in SCHEMA_CONTEXT_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": schema_org_context()}
    raise jsonld.JsonLdError(
        f"context {url} is not read: only schema.org's context is known offline",
        "jsonld.LoadDocumentError",
        code="loading remote context failed",
    )


def _with_context(entry: dict[str, Any], outer: Any) -> dict[str, Any]:
    """An entry of a list or ``@graph`` under its payload's context; with none at all,
    schema.org's (as boards that omit it mean)."""
    if "@context" in entry:
        return entry
    return {"@context": outer if outer is not None else SCHEMA_HTTPS, **entry}


def _https_to_http(value: Any) -> Any:
    """schema.org's own IRIs are ``http://schema.org/...``; expanded documents written with
    ``https://schema.org/...`` mean the same terms."""
    if isinstance(value, list):
        return [_https_to_http(v) for v in value]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key.startswith(SCHEMA_HTTPS):
                key = SCHEMA + key.removeprefix(SCHEMA_HTTPS)
            if key == "@type":
                item = _https_to_http_type(item)
            else:
                item = _https_to_http(item)
            out[key] = item
        return out
    return value


def _https_to_http_type(value: Any) -> Any:
    if isinstance(value, list):
        return [_https_to_http_type(v) for v in value]
    if isinstance(value, str) and value.startswith(SCHEMA_HTTPS):
        return SCHEMA + value.removeprefix(SCHEMA_HTTPS)
    return value


def payload_entries(payload: Any) -> list[dict[str, Any]]:
    """The top-level entries of a payload (one document, a list, or an ``@graph``), each
    under the context it was written with."""
    if isinstance(payload, list):
        return [_with_context(e, None) if isinstance(e, dict) else {} for e in payload]
    if not isinstance(payload, dict):
        return []
    if "@graph" in payload:
        outer = payload.get("@context")
        graph = payload["@graph"]
        graph = graph if isinstance(graph, list) else [graph]
        return [_with_context(e, outer) if isinstance(e, dict) else {} for e in graph]
    return [_with_context(payload, None)]


def _check_context_urls(context: Any) -> None:
    """Context URLs other than schema.org's are refused before PyLD would try to load them."""
    for item in context if isinstance(context, list) else [context]:
        if isinstance(item, str) and item not in SCHEMA_CONTEXT_URLS:
            raise DocumentRefused(
                "@context", f"context {item} is not read: only schema.org's is known offline"
            )


def _expand(entry: dict[str, Any]) -> list[dict[str, Any]]:
    _check_context_urls(entry.get("@context"))
    try:
        expanded: list[dict[str, Any]] = jsonld.expand(
            entry, {"documentLoader": _offline_loader, "base": None}
        )
    except jsonld.JsonLdError as exc:
        raise DocumentRefused("@context", _reason(exc)) from exc
    return _https_to_http(expanded)  # type: ignore[no-any-return]


def _reason(exc: Exception) -> str:
    cause = getattr(exc, "cause", None)
    while cause is not None and getattr(cause, "cause", None) is not None:
        cause = cause.cause
    return str(cause or exc).splitlines()[0]


def jobpostings(payload: Any) -> list[dict[str, Any] | DocumentRefused]:
    """One item per top-level JobPosting entry of the payload, in document order: its
    properties under plain schema.org names with referenced nodes (an employer given once in
    the ``@graph``) embedded, or why it cannot be read. Entries that are other nodes with an
    ``@id`` (an Organization, a Place) are what postings may refer to, not rows."""
    entries = payload_entries(payload)
    expanded: list[list[dict[str, Any]] | DocumentRefused] = []
    for entry in entries:
        try:
            expanded.append(_expand(entry) if entry else [])
        except DocumentRefused as exc:
            expanded.append(exc)
    shared = [
        node
        for nodes in expanded
        if not isinstance(nodes, DocumentRefused)
        for node in nodes
        if "@id" in node and SCHEMA + "JobPosting" not in node.get("@type", [])
    ]
    items: list[dict[str, Any] | DocumentRefused] = []
    for nodes in expanded:
        if isinstance(nodes, DocumentRefused):
            items.append(nodes)
            continue
        postings = [n for n in nodes if SCHEMA + "JobPosting" in n.get("@type", [])]
        if not postings:
            if nodes and all("@id" in n for n in nodes):
                continue  # a node postings refer to
            items.append(DocumentRefused("@type", "not a schema.org JobPosting"))
            continue
        for posting in postings:
            items.append(_framed(posting, shared))
    return items


def _framed(posting: dict[str, Any], shared: list[dict[str, Any]]) -> dict[str, Any]:
    framed = jsonld.frame(
        [posting, *shared],
        FRAME,
        {"documentLoader": _offline_loader, "embed": "@always", "omitGraph": False},
    )
    graph = framed.get("@graph") or []
    document: dict[str, Any] = graph[0] if graph else {}
    document.pop("@context", None)
    return document
