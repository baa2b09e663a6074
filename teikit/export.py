"""`teikit export`: a TEI file (teikit's or another project's) in the formats other tools read.

Every span-based format is built from one walk of the TEI (`tei.reader.reading_text`), so
the offsets, lines and pages agree between them. A file is read for them as it is parsed
(`tei.reader.file_reading_text`), never whole, and their text is written in pieces as it
is made: a 100 MB TEI exports in a few times its size in memory.

    teikit export edition.xml --to standoff -o edition.json
    teikit export edition.xml --to persons-csv      # ref,name,page,line

text, markdown, standoff (JSON), webanno (W3C Web Annotation JSON-LD), persons-csv,
dates-csv, register-tei and register-csv (these two, and --xinclude, parse the file whole);
README.md ("Exchange formats") shows each.

The TEI may come from anyone, and its pointers end up as links in other tools: every
pointer exported is a relative IRI or an http(s) one (`safe_pointers`); a `javascript:`,
`data:` or `file:` pointer is dropped.
"""
from __future__ import annotations

import copy
import csv
import io
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from . import TEI_NS, XML_ID, T
from .errors import SourceError, UsageError
from .files import SLICE, slices
from .tei.persons import AUTHORITIES, authority_id, names_of, squeezed
from .tei.reader import (
    ReadingText, duplicate_id_warnings, file_reading_text, parse_tei, reading_text, repeated_id_warnings,
    tei_document,
)
from .tei.standoff import iso_value, standoff_pieces, web_annotation_pieces

NS = {"t": TEI_NS}
PERSON_REFS = "//t:persName/@ref | //t:name[@type='person']/@ref | //t:rs[@type='person']/@ref"
REGISTER_COLUMNS = ("id", "forename", "surname", "birth", "death", "forms", "wikidata", "viaf")
#: Markdown's block markers, escaped where a paragraph would otherwise start with one
BLOCK_MARKER = re.compile(r"^(?:(\d+)([.)])(?=\s)|([#>+\-=]))")
INLINE_MARKUP = re.compile(r"([\\`*_\[\]<])")
#: the IRI schemes an export passes on; any other pointer with a scheme is dropped
SAFE_SCHEMES = frozenset({"http", "https"})
IRI_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
#: attributes that hold pointers: in the spans' attrs and in a copied listPerson
POINTER_ATTRS = ("ref", "target", "corresp", "sameAs", "source", "facs", "url", "key")


def safe_pointers(value: str) -> str:
    """The space-separated pointers in `value` that are relative or http(s) IRIs."""
    return " ".join(token for token in value.split()
                    if not (scheme := IRI_SCHEME.match(token)) or scheme[1].lower() in SAFE_SCHEMES)


def _safe_span_attrs(attrs: dict[str, str]) -> dict[str, str]:
    """A span's attrs with its pointers (ref, target) reduced to the safe ones, or left out."""
    safe = dict(attrs)
    for key in ("ref", "target"):
        if key in safe:
            value = safe_pointers(safe.pop(key))
            if value:
                safe[key] = value
    return safe


@dataclass
class ExportSource:
    """A TEI file and what the exports ask of it: the file's tree, or only its reading text
    (`read_as_parsed`: a file read as it was parsed has no tree)."""
    name: str
    base_uri: str = ""
    tree: etree._ElementTree | None = None
    read_as_parsed: ReadingText | None = None

    @cached_property
    def reading(self) -> ReadingText:
        """The reading text and its spans, with unsafe pointers dropped from the spans."""
        reading = self.read_as_parsed if self.read_as_parsed is not None else reading_text(self.tree)
        for span in reading.spans:
            if "ref" in span.attrs or "target" in span.attrs:
                span.attrs = _safe_span_attrs(span.attrs)
        return reading


def plain_text(source: ExportSource) -> Iterable[str]:
    return source.reading.text, "\n"


def standoff(source: ExportSource) -> Iterable[str]:
    return _ending_line(standoff_pieces(source.reading, source.name))


def webanno(source: ExportSource) -> Iterable[str]:
    if safe_pointers(source.base_uri) != source.base_uri.strip():
        raise UsageError(f"--base-uri must be an http(s) or relative IRI, not {source.base_uri!r}")
    stem = quote(Path(source.name).stem)   # a file called "javascript:..." is a relative IRI too
    return _ending_line(web_annotation_pieces(source.reading, text_iri=f"{source.base_uri}{stem}.txt",
                                              tei_iri=f"{source.base_uri}{quote(source.name)}",
                                              collection_iri=f"{source.base_uri}{stem}.annotations.jsonld"))


def _ending_line(pieces: Iterator[str]) -> Iterator[str]:
    yield from pieces
    yield "\n"


def persons_csv(source: ExportSource) -> Iterable[str]:
    text = source.reading.text
    rows = [(s.attrs.get("ref", ""), text[s.start:s.end], s.page, s.line)
            for s in source.reading.spans if s.kind == "person"]
    return [_csv(("ref", "name", "page", "line"), rows)]


def dates_csv(source: ExportSource) -> Iterable[str]:
    text = source.reading.text
    rows = [(text[s.start:s.end], s.attrs.get("when"), s.attrs.get("from"), s.attrs.get("to"), s.page, s.line)
            for s in source.reading.spans if s.kind == "date"]
    return [_csv(("text", "when", "from", "to", "page", "line"), rows)]


def _csv(header: tuple[str, ...], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return out.getvalue()


# --- Markdown ------------------------------------------------------------------------

def markdown(source: ExportSource) -> Iterable[str]:
    """Headings as #, paragraphs, italics as *...*, attached notes as [^n] footnotes.

    A note that nothing points to (an endnote without a reference) stays a paragraph.
    """
    reading = source.reading
    notes = sorted((s for s in reading.spans if s.kind == "note" and s.anchor is not None), key=lambda s: s.anchor)
    labels = {id(note): f"[^{number}]" for number, note in enumerate(notes, 1)}
    by_id = {note.attrs["id"]: labels[id(note)] for note in notes if "id" in note.attrs}
    edits: list[tuple[int, int, int, str]] = []    # (position, order, end of replaced text, markup)
    pointed = set()
    for span in reading.spans:
        target = span.attrs.get("target", "")[1:]
        if span.kind == "italic" and span.end > span.start:
            edits += [(span.start, 2, span.start, "*"), (span.end, 0, span.end, "*")]
        elif span.kind == "ref" and target in by_id:
            edits.append((span.start, 1, span.end, by_id[target]))
            pointed.add(target)
    edits += [(note.anchor, 1, note.anchor, labels[id(note)]) for note in notes if note.attrs.get("id") not in pointed]
    renderer = _MarkdownRenderer(reading.text, edits)
    paragraph_starts = [p.start for p in reading.paragraphs]
    in_notes = {note_id: _paragraphs_in(reading, paragraph_starts, note.start, note.end)
                for note_id, note in ((id(note), note) for note in notes)}
    moved = set().union(*in_notes.values())
    blocks = [_block_prefix(p.kind, p.depth) + renderer.render(p.start, p.end)
              for index, p in enumerate(reading.paragraphs) if index not in moved]
    for note in notes:
        start = note.start + _printed_marker_length(reading.text, note)
        parts = [renderer.render(max(reading.paragraphs[i].start, start), min(reading.paragraphs[i].end, note.end))
                 for i in in_notes[id(note)]]
        blocks.append(f"{labels[id(note)]}: " + "\n\n    ".join(parts))
    return ["\n\n".join(blocks) + "\n"]


def _printed_marker_length(text: str, note) -> int:
    """A note that prints its own number ("18. On the Atlantic") loses it to the [^n] label."""
    marker = note.attrs.get("n")
    printed = marker and re.match(rf"{re.escape(marker)}[.)]?\s+", text[note.start:note.start + len(marker) + 4])
    return printed.end() if printed else 0


def _paragraphs_in(reading: ReadingText, starts: list[int], start: int, end: int) -> list[int]:
    """Indexes of the paragraphs that overlap the text from `start` to `end`."""
    index = max(bisect_right(starts, start) - 1, 0)
    found = []
    while index < len(starts) and starts[index] < end:
        if reading.paragraphs[index].end > start:
            found.append(index)
        index += 1
    return found


def _block_prefix(kind: str, depth: int) -> str:
    if kind == "head":
        return "#" * min(max(depth, 1), 6) + " "
    return "- " if kind == "item" else ""


class _MarkdownRenderer:
    """Writes a stretch of the reading text with the Markdown edits that fall inside it."""

    def __init__(self, text: str, edits: list[tuple[int, int, int, str]]):
        self.text = text
        self.edits = sorted(edits)
        self.positions = [edit[0] for edit in self.edits]

    def render(self, start: int, end: int) -> str:
        out, cursor = [], start
        first = bisect_right(self.positions, start - 1)
        for position, _, replaced_to, markup in self.edits[first:]:
            if position > end:
                break
            out.append(_escape(self.text[cursor:position]))
            out.append(markup)
            cursor = max(position, replaced_to)
        out.append(_escape(self.text[cursor:end]))
        rendered = "".join(out)
        marker = BLOCK_MARKER.match(rendered)
        if marker:
            rendered = (f"{marker[1]}\\{marker[2]}" if marker[1] else f"\\{marker[3]}") + rendered[marker.end():]
        return rendered


def _escape(text: str) -> str:
    return INLINE_MARKUP.sub(r"\\\1", text)


# --- registers -----------------------------------------------------------------------

def _person_lists(source: ExportSource) -> list:
    """The outermost listPersons, wherever the file keeps them (standOff, particDesc, back)."""
    root = tei_document(source.tree)
    lists = root.xpath("//t:listPerson[not(ancestor::t:listPerson)]", namespaces=NS)
    if not lists:
        external = sorted({ref.split("#")[0] for ref in root.xpath(PERSON_REFS, namespaces=NS)
                           if ref.split("#")[0]})
        hint = f"; its persons' @ref point to {', '.join(external)}: export that file" if external else ""
        raise SourceError(f"no listPerson in the file{hint}", file=source.name)
    return lists


def register_tei(source: ExportSource) -> Iterable[str]:
    """The file's person register as a TEI document of its own (teiHeader + standOff)."""
    title = tei_document(source.tree).xpath("string(//t:titleStmt/t:title[1])", namespaces=NS).strip()
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(tei, T + "teiHeader")
    file_desc = etree.SubElement(header, T + "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, T + "titleStmt"), T + "title").text = \
        f"Persons: {title or source.name}"
    etree.SubElement(etree.SubElement(file_desc, T + "publicationStmt"), T + "p").text = "Exported by teikit."
    etree.SubElement(etree.SubElement(file_desc, T + "sourceDesc"), T + "p").text = \
        f"The person register of {source.name}."
    stand_off = etree.SubElement(tei, T + "standOff")
    for person_list in _person_lists(source):
        stand_off.append(_without_unsafe_pointers(copy.deepcopy(person_list)))
    etree.indent(tei, space="  ")
    return [etree.tostring(tei, xml_declaration=True, encoding="UTF-8").decode() + "\n"]


def _without_unsafe_pointers(element):
    """`element` with every pointer attribute below it reduced to its safe pointers."""
    for node in element.iter():
        for key in POINTER_ATTRS:
            value = node.get(key)
            if value is not None and safe_pointers(value) != value.strip():
                safe = safe_pointers(value)
                if safe:
                    node.set(key, safe)
                else:
                    del node.attrib[key]
    return element


def register_csv(source: ExportSource) -> Iterable[str]:
    rows = [_person_row(person) for person_list in _person_lists(source)
            for person in person_list.iter(T + "person")]
    return [_csv(REGISTER_COLUMNS, rows)]


def _person_row(person) -> tuple[str, ...]:
    names, main = names_of(person)

    def parts(tag: str) -> str:
        return " ".join(squeezed(e) for e in main.iter(T + tag)) if main is not None else ""

    def life_date(tag: str) -> str:
        event = person.find(T + tag)
        if event is None:
            return ""
        dated = {k: event.get(k) for k in ("when", "from", "to", "notBefore", "notAfter") if event.get(k)}
        return iso_value(dated) if dated else squeezed(event)

    forms = list(dict.fromkeys(squeezed(n) for n in names))
    return (person.get(XML_ID, ""), parts("forename"), parts("surname"), life_date("birth"), life_date("death"),
            " | ".join(forms), *(authority_id(person, kind, pattern) for kind, pattern in AUTHORITIES))


#: format name -> (exporter: the export's text in pieces, one-line description for --help); an
#: exporter raises what is wrong with its source before it gives its first piece
FORMATS: dict[str, tuple[Callable[[ExportSource], Iterable[str]], str]] = {
    "text": (plain_text, "the reading text, paragraphs separated by a blank line"),
    "markdown": (markdown, "headings, paragraphs, italics and [^n] footnotes"),
    "standoff": (standoff, "JSON: the reading text and the spans of persons, dates, notes, corrections"),
    "webanno": (webanno, "W3C Web Annotation JSON-LD for the same spans"),
    "persons-csv": (persons_csv, "one row per person mention: ref,name,page,line"),
    "dates-csv": (dates_csv, "one row per date: text,when,from,to,page,line"),
    "register-tei": (register_tei, "the file's listPerson as a standalone TEI document"),
    "register-csv": (register_csv, "the register: " + ",".join(REGISTER_COLUMNS)),
}


#: the formats that read the file's tree, not only its reading text: they parse it whole
TREE_FORMATS = frozenset({"register-tei", "register-csv"})
#: characters of output handed on at once, at least (a write to a file or to stdout)
BATCH = 1 << 16


def export_tei(tree: etree._ElementTree, to: str, *, name: str = "document.xml", base_uri: str = "") -> str:
    """The TEI `tree` (read from a file called `name`) in format `to` (a key of FORMATS)."""
    return "".join(FORMATS[to][0](ExportSource(name, base_uri, tree=tree)))


def export_file(path: str | Path, to: str, *, xinclude: bool = False, base_uri: str = "",
                warn: Callable[[str], None] = lambda line: None) -> str:
    """A TEI file in format `to` (a key of FORMATS): `export_pieces` joined."""
    return "".join(export_pieces(path, to, xinclude=xinclude, base_uri=base_uri, warn=warn))


def export_pieces(path: str | Path, to: str, *, xinclude: bool = False, base_uri: str = "",
                  warn: Callable[[str], None] = lambda line: None) -> Iterator[str]:
    """A TEI file in format `to` (a key of FORMATS), in pieces to write as they are made.

    The file is read safely and at once, so that what is wrong with it is raised before
    the first piece: as it is parsed for the formats of the reading text
    (`tei.reader.file_reading_text`), whole for TREE_FORMATS and with `xinclude`
    (`tei.reader.parse_tei`). `warn` hears of the xml:ids the file repeats.
    """
    path = Path(path)
    if xinclude or to in TREE_FORMATS:
        tree = parse_tei(path, xinclude=xinclude)
        warnings = duplicate_id_warnings(tree, str(path))
        source = ExportSource(path.name, base_uri, tree=tree)
    else:
        reading, repeated = file_reading_text(path)
        warnings = repeated_id_warnings(repeated, str(path))
        source = ExportSource(path.name, base_uri, read_as_parsed=reading)
    for warning in warnings:
        warn(warning)
    return _in_batches(FORMATS[to][0](source))


def _in_batches(pieces: Iterable[str]) -> Iterator[str]:
    """Short pieces joined into a BATCH or more, a long one in slices (`files.slices`)."""
    batch, length = [], 0
    for piece in pieces:
        long = len(piece) > SLICE
        if not long:
            batch.append(piece)
            length += len(piece)
        if batch and (long or length >= BATCH):
            yield "".join(batch)
            batch, length = [], 0
        if long:
            yield from slices(piece)
    if batch:
        yield "".join(batch)
