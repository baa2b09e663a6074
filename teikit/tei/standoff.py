"""The reading text's spans as stand-off data other projects can load, and back.

Two shapes over the same spans (see `reader.reading_text`): teikit's stand-off JSON, which
round-trips exactly (`spans_from_standoff(standoff_json(r)) == spans_from_tei(tree)`), and
W3C Web Annotation JSON-LD, which annotation tools (Recogito, Hypothesis-style clients,
INCEpTION) read. Offsets count Unicode code points into the reading text, as the Web
Annotation TextPositionSelector does:

    {"kind": "person", "start": 6, "end": 18, "text": "Leon Trotsky", "line": "7",
     "page": "13", "attrs": {"ref": "#trotsky"}}
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from ..errors import SourceError
from .reader import ReadingText, Span, reading_text

#: the span kinds exchanged with other projects (italic and ref only serve Markdown)
EXCHANGED = ("person", "date", "note", "correction")
STANDOFF_FORMAT = "teikit-standoff"
#: characters of context a TextQuoteSelector carries on each side
QUOTE_CONTEXT = 32


def exchanged_spans(reading: ReadingText) -> list[Span]:
    return [span for span in reading.spans if span.kind in EXCHANGED]


def spans_from_tei(tree: etree._ElementTree) -> list[Span]:
    """The exchanged spans of a TEI document, in document order."""
    return exchanged_spans(reading_text(tree))


def standoff_json(reading: ReadingText, source_name: str) -> dict:
    """The reading text and every exchanged span with its text, source line and page."""
    def record(span: Span) -> dict:
        item = {"kind": span.kind, "start": span.start, "end": span.end, "text": reading.text[span.start:span.end],
                "line": span.line, "page": span.page, "attrs": span.attrs}
        if span.kind == "note":
            item["anchor"] = span.anchor
        return item

    return {"format": STANDOFF_FORMAT, "version": 1, "source": source_name,
            "offsets": "Unicode code points into text", "text": reading.text,
            "spans": [record(span) for span in exchanged_spans(reading)]}


def spans_from_standoff(data: dict) -> list[Span]:
    """Re-apply stand-off spans to their text; a span that no longer quotes its text is an error."""
    if data.get("format") != STANDOFF_FORMAT:
        raise SourceError(f"not {STANDOFF_FORMAT} JSON (format: {data.get('format')!r})")
    text, spans = data["text"], []
    for number, item in enumerate(data["spans"], 1):
        start, end = item["start"], item["end"]
        if not 0 <= start <= end <= len(text) or text[start:end] != item["text"]:
            raise SourceError(f"span {number} ({item['kind']}) quotes {item['text']!r} "
                              f"but the text has {text[start:end]!r} at {start}-{end}")
        spans.append(Span(item["kind"], start, end, dict(item["attrs"]), item["line"], item["page"],
                          item.get("anchor")))
    return spans


def iso_value(attrs: dict[str, str]) -> str:
    """A date's normalised value: @when, or an ISO 8601 interval with '..' for an open end."""
    if "when" in attrs:
        return attrs["when"]
    start = attrs.get("from") or attrs.get("notBefore") or ".."
    end = attrs.get("to") or attrs.get("notAfter") or ".."
    return f"{start}/{end}"


def web_annotations(reading: ReadingText, *, text_iri: str, tei_iri: str, collection_iri: str) -> dict:
    """A W3C Web Annotation collection of the exchanged spans, targeting the reading text.

    Persons are "identifying" (the register entry) and "tagging"; dates "tagging" with their
    ISO value "describing"; notes "commenting" on the word they are attached to; corrections
    "editing", with what the source printed as a comment.
    """
    items = []
    for number, span in enumerate(exchanged_spans(reading), 1):
        start, end = _target_range(reading.text, span)
        items.append({
            "id": f"{collection_iri}#a{number}",
            "type": "Annotation",
            "motivation": {"person": "identifying", "date": "tagging", "note": "commenting",
                           "correction": "editing"}[span.kind],
            "body": [_tag(span.kind), *_bodies(reading.text, span, tei_iri)],
            "target": {"source": text_iri, "selector": _selectors(reading.text, start, end)},
        })
    page = {"id": f"{collection_iri}#page1", "type": "AnnotationPage", "startIndex": 0, "items": items}
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "id": collection_iri, "type": "AnnotationCollection",
            "label": f"Persons, dates, notes and corrections in {tei_iri}", "total": len(items), "first": page}


def _target_range(text: str, span: Span) -> tuple[int, int]:
    """A note targets the word it is attached to; an unattached one, its own text."""
    if span.kind == "note" and span.anchor is not None:
        word = re.search(r"\S+$", text[max(0, span.anchor - 200):span.anchor])
        if word:
            return span.anchor - len(word[0]), span.anchor
    return span.start, span.end


def _tag(kind: str) -> dict:
    return {"type": "TextualBody", "purpose": "tagging", "value": kind}


def _bodies(text: str, span: Span, tei_iri: str) -> list[dict]:
    attrs = span.attrs
    if span.kind == "person":
        refs = attrs.get("ref", "").split()
        return [{"type": "SpecificResource", "purpose": "identifying", "source": urljoin(tei_iri, ref)} for ref in refs]
    if span.kind == "date":
        return [{"type": "TextualBody", "purpose": "describing", "value": iso_value(attrs)}] if attrs else []
    if span.kind == "note":
        return [{"type": "TextualBody", "purpose": "commenting", "value": text[span.start:span.end]}]
    bodies = [{"type": "TextualBody", "purpose": "editing", "value": text[span.start:span.end]}]
    if "source" in attrs:
        bodies.append({"type": "TextualBody", "purpose": "commenting",
                       "value": f"the source reads \u201c{attrs['source']}\u201d ({attrs['type']})"})
    return bodies


def _selectors(text: str, start: int, end: int) -> list[dict]:
    return [{"type": "TextPositionSelector", "start": start, "end": end},
            {"type": "TextQuoteSelector", "exact": text[start:end],
             "prefix": text[max(0, start - QUOTE_CONTEXT):start], "suffix": text[end:end + QUOTE_CONTEXT]}]
