"""The reading text's spans as stand-off data other projects can load, and back.

Two shapes over the same spans (see `reader.reading_text`): teikit's stand-off JSON, which
round-trips exactly (`spans_from_standoff(json.loads("".join(standoff_pieces(r, name))))
== spans_from_tei(tree)`), and W3C Web Annotation JSON-LD, which annotation tools (Recogito,
Hypothesis-style clients, INCEpTION) read. Offsets count Unicode code points into the
reading text, as the Web Annotation TextPositionSelector does:

    {"kind": "person", "start": 6, "end": 18, "text": "Leon Trotsky", "line": "7",
     "page": "13", "attrs": {"ref": "#trotsky"}}

Both are written in pieces as they are made (`json_pieces`): a book's spans are never
encoded all at once.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from lxml import etree

from ..errors import SourceError
from ..files import slices
from .reader import ReadingText, Span, reading_text

#: the span kinds exchanged with other projects (italic and ref only serve Markdown)
EXCHANGED = ("person", "date", "note", "correction")
STANDOFF_FORMAT = "teikit-standoff"
#: characters of context a TextQuoteSelector carries on each side
QUOTE_CONTEXT = 32
#: how the exports write JSON: as `json.dumps(document, ensure_ascii=False, indent=1)`
JSON = json.JSONEncoder(ensure_ascii=False, indent=1)


def exchanged_spans(reading: ReadingText) -> list[Span]:
    return [span for span in reading.spans if span.kind in EXCHANGED]


def spans_from_tei(tree: etree._ElementTree) -> list[Span]:
    """The exchanged spans of a TEI document, in document order."""
    return exchanged_spans(reading_text(tree))


def json_pieces(document: dict, items: Iterable, depth: int = 0) -> Iterator[str]:
    """`JSON.encode(document)` in pieces, where the list that ends `document` (its last value,
    or the last value of that dict, and so on; left empty there) holds `items`. Each item is
    encoded as it comes and a long string in slices (`files.slices`), so neither the spans
    nor the text is ever encoded whole."""
    inner = "\n" + " " * (depth + 1)
    *keys, last = document
    yield "{"
    for key in keys:
        yield f"{inner}{JSON.encode(key)}: "
        if isinstance(document[key], str):
            yield '"'
            yield from (JSON.encode(piece)[1:-1] for piece in slices(document[key]))
            yield '",'
        else:
            yield JSON.encode(document[key]).replace("\n", inner) + ","   # JSON strings hold no newline
    yield f"{inner}{JSON.encode(last)}: "
    if isinstance(document[last], dict):
        yield from json_pieces(document[last], items, depth + 1)
    else:
        item_indent = inner + " "
        opening = "["
        for item in items:
            yield opening + item_indent + JSON.encode(item).replace("\n", item_indent)
            opening = ","
        yield "[]" if opening == "[" else inner + "]"
    yield "\n" + " " * depth + "}"


def standoff_pieces(reading: ReadingText, source_name: str) -> Iterator[str]:
    """The JSON of the reading text and every exchanged span with its text, source line and page."""
    def record(span: Span) -> dict:
        item = {"kind": span.kind, "start": span.start, "end": span.end, "text": reading.text[span.start:span.end],
                "line": span.line, "page": span.page, "attrs": span.attrs}
        if span.kind == "note":
            item["anchor"] = span.anchor
        return item

    return json_pieces({"format": STANDOFF_FORMAT, "version": 1, "source": source_name,
                        "offsets": "Unicode code points into text", "text": reading.text, "spans": []},
                       map(record, exchanged_spans(reading)))


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


def web_annotation_pieces(reading: ReadingText, *, text_iri: str, tei_iri: str, collection_iri: str) -> Iterator[str]:
    """The JSON-LD of a W3C Web Annotation collection of the exchanged spans, targeting the reading text.

    Persons are "identifying" (the register entry) and "tagging"; dates "tagging" with their
    ISO value "describing"; notes "commenting" on the word they are attached to; corrections
    "editing", with what the source printed as a comment.
    """
    def annotation(number: int, span: Span) -> dict:
        start, end = _target_range(reading.text, span)
        return {
            "id": f"{collection_iri}#a{number}",
            "type": "Annotation",
            "motivation": {"person": "identifying", "date": "tagging", "note": "commenting",
                           "correction": "editing"}[span.kind],
            "body": [_tag(span.kind), *_bodies(reading.text, span, tei_iri)],
            "target": {"source": text_iri, "selector": _selectors(reading.text, start, end)},
        }

    spans = exchanged_spans(reading)
    page = {"id": f"{collection_iri}#page1", "type": "AnnotationPage", "startIndex": 0, "items": []}
    return json_pieces({"@context": "http://www.w3.org/ns/anno.jsonld", "id": collection_iri,
                        "type": "AnnotationCollection", "label": f"Persons, dates, notes and corrections in {tei_iri}",
                        "total": len(spans), "first": page},
                       (annotation(number, span) for number, span in enumerate(spans, 1)))


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
