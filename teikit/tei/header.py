"""The teiHeader and the person register, from the edition's facts and what the passes did.

The editorial declarations describe the policies as actually applied (`doc.facts`), so a
receiving project learns from the header what was corrected, joined and left out.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from .. import __version__
from ..config import Bibl, EditionConfig
from ..lexicon import word_zipf
from ..model import Document, reading_view
from ..passes.blocks import is_caps_line
from ..passes.structure import MASTHEAD_DATE, MASTHEAD_DETAIL, MASTHEAD_ISSUE
from ..resources import resource_dir
from .writer import add_text, tei

#: the customisation every file declares, so a receiving project knows what it has
#: where `teikit build` publishes the schemas on teikit's site; an edition may name another
#: base (`schema_base` in edition.yaml), and a built site points at its own copy
SCHEMA_BASE = "https://teikit.github.io/schemas/"
#: the schemas a receiving project validates with: grammar, rules, and their documentation
PUBLISHED_SCHEMAS = ("teikit.rng", "teikit.sch", "teikit.odd")
RELAX_NG = "http://relaxng.org/ns/structure/1.0"
SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


def schema_address(base: str, name: str) -> str:
    """A schema's versioned address: the base (a URL, or a path relative to the TEI file)
    then teikit's version, so a file keeps pointing at the schema it was valid against."""
    base = base or SCHEMA_BASE
    return f"{base}{'' if base.endswith('/') else '/'}{__version__}/{name}"


def add_schema_models(tree, base: str) -> None:
    """`xml-model` processing instructions for the grammar and the Schematron rules."""
    root = tree.getroot()
    for name, language in (("teikit.rng", RELAX_NG), ("teikit.sch", SCHEMATRON)):
        root.addprevious(etree.ProcessingInstruction(
            "xml-model", f'href="{schema_address(base, name)}" type="application/xml" schematypens="{language}"'))


def site_schemas(cfg: EditionConfig) -> EditionConfig:
    """An edition built into a site points at the site's copy of the schemas (`publish_schemas`),
    relatively, unless its edition.yaml names a `schema_base`."""
    return cfg if cfg.schema_base else replace(cfg, schema_base="../schemas/")


def publish_schemas(site: Path) -> Path:
    """Copy teikit.rng, .sch and .odd into `site`/schemas/VERSION/, where the editions point."""
    folder = site / "schemas" / __version__
    folder.mkdir(parents=True, exist_ok=True)
    for name in PUBLISHED_SCHEMAS:
        shutil.copyfile(resource_dir("schemas") / name, folder / name)
    return folder

#: persons per nested listPerson: libxml2's RELAX NG slows down badly on long sibling runs
REGISTER_GROUP = 100


def build_date() -> str:
    """Today, or SOURCE_DATE_EPOCH's day, so builds can be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)) if epoch else time.gmtime())


def _p(parent, text: str):
    p = tei("p", None, parent)
    add_text(p, text)
    return p


def _child(parent, tag: str, text: str, attrs: dict | None = None):
    if text:
        add_text(tei(tag, attrs, parent), text)


def write_bibl(parent, bibl: Bibl, attrs: dict | None = None):
    elem = tei("bibl", attrs, parent)
    _child(elem, "author", bibl.author)
    _child(elem, "title", bibl.title, {"level": "a" if bibl.series else "m"})
    _child(elem, "title", bibl.series, {"level": "j"})
    _child(elem, "editor", bibl.editor)
    _child(elem, "editor", bibl.translator, {"role": "translator"})
    _child(elem, "pubPlace", bibl.place)
    _child(elem, "publisher", bibl.publisher)
    if bibl.date:
        _child(elem, "date", bibl.date, {"when": bibl.date} if _is_iso(bibl.date) else None)
    _child(elem, "biblScope", bibl.pages, {"unit": "page"})
    _child(elem, "ref", bibl.url, {"target": bibl.url})
    _child(elem, "note", bibl.note)
    return elem


def _is_iso(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


def _count_phrase(counts: dict, singular: dict[str, str]) -> str:
    parts = [f"{n} {singular.get(kind, kind)}" for kind, n in sorted(counts.items()) if n]
    return ", ".join(parts) if parts else "none"


#: a title read off a title page is this long at most: longer is prose taken for one
TITLE_PAGE_MAX = 300
#: a title part read well: this share of its words at least are words of the language
TITLE_WORDS_KNOWN = 0.7
#: what no printed title holds, but OCR's reading of a stamp, a shelf mark or a smudge does
TITLE_JUNK = re.compile(r"[^\w\s.,;:'’\"()&-]")


def read_well(text: str) -> bool:
    """Whether a title part reads as print, not as OCR's reading of a stamp or a smudge:
    no stray marks, and most of its words (two letters or more) words of the language."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return bool(words) and not TITLE_JUNK.search(text) \
        and sum(word_zipf(word.lower()) > 0 for word in words) >= TITLE_WORDS_KNOWN * len(words)


#: the most words of three letters or more in a newspaper's name (two at least: a word
#: alone in capitals atop a page is as often a label, `HOME`, `EXTRA`)
PAPER_NAME_WORDS = 6
#: all but a third of them this common a word at least (Zipf; the rest a town's name):
#: OCR's debris around a masthead reads as scraps of words that a lexicon may still know
PAPER_NAME_ZIPF = 2.0


def names_the_paper(text: str) -> bool:
    """Whether a masthead's part is the paper's name: a line in capitals of a few words,
    most of them common words, no digit nor stray mark, that neither numbers, dates nor
    prices the issue."""
    words = [word for word in re.findall(r"[^\W\d_]+", text) if len(word) >= 3]
    return 2 <= len(words) <= PAPER_NAME_WORDS and is_caps_line(text) and not TITLE_JUNK.search(text) \
        and not re.search(r"\d|,$", text) \
        and sum(word_zipf(word.lower()) < PAPER_NAME_ZIPF for word in words) <= len(words) // 3 \
        and not any(pattern.search(text) for pattern in (MASTHEAD_ISSUE, MASTHEAD_DETAIL, MASTHEAD_DATE))


def title_page(doc: Document) -> tuple[str, str]:
    """The title (its title parts) and the first author a text's own title page prints, as
    read with the OCR corrections; empty where there is none. The title is the parts above
    the author's name, where it stands below some (a motto, an edition follow it). Only
    parts that read well (`read_well`) count, and the article that opens a title (`A`); an
    author has two words at least (a forename or initials and a surname). A newspaper's
    masthead gives its first part that names the paper (`names_the_paper`), or none. A
    title page with neither (OCR's reading of a frontispiece) gives way to the next."""
    for page in (block for section in doc.front for block in section.walk() if block.kind == "titlePage"):
        by = next((at for at, part in enumerate(page.children) if part.kind in ("byline", "docAuthor")), 0)

        def texts(kind: str) -> Iterator[str]:
            return (" ".join(reading_view(part).text.split()) for part in
                    (page.children[:by] if kind == "titlePart" and by else page.children) if part.kind == kind)

        def read(kind: str) -> list[str]:
            return [text for text in texts(kind) if text == "A" or read_well(text)]
        if page.attrs.get("type") == "masthead":
            return next((text for text in texts("titlePart") if names_the_paper(text)), ""), ""
        title = " ".join(read("titlePart"))
        authors = [author for author in read("docAuthor") if len(author.split()) > 1]
        if title or authors:
            return (title if len(title) <= TITLE_PAGE_MAX else "", authors[0] if authors else "")
    return "", ""


def write_header(root, doc: Document, cfg: EditionConfig, checksum: str, source_name: str):
    """The teiHeader; `checksum` is the sha256 of the source's bytes. Without a title in
    the edition's configuration, the title page's gives the title, else the file's name."""
    header = tei("teiHeader", None, root)
    file_desc = tei("fileDesc", None, header)
    title_stmt = tei("titleStmt", None, file_desc)
    printed_title, printed_author = title_page(doc) if not cfg.title else ("", "")
    _child(title_stmt, "title", cfg.title or printed_title or Path(source_name).stem, {"type": "main"})
    _child(title_stmt, "title", "A TEI edition encoded from OCR'd plain text", {"type": "sub"})
    _child(title_stmt, "author", cfg.author or printed_author)
    resp = tei("respStmt", None, title_stmt)
    _child(resp, "resp", "TEI encoding generated from the plain-text source by")
    _child(resp, "name", f"teikit {__version__}", {"ref": "#teikit"})

    pub = tei("publicationStmt", None, file_desc)
    _child(pub, "publisher", "teikit editions")
    _child(pub, "date", build_date(), {"when": build_date()})
    if cfg.slug:
        _child(pub, "idno", cfg.slug, {"type": "slug"})
    _p(tei("availability", None, pub),
       "Encoded for research and teaching; the rights in the source text remain with its holders.")

    source_desc = tei("sourceDesc", None, file_desc)
    write_bibl(source_desc, cfg.original if cfg.original.title else
               Bibl(title=cfg.title or printed_title, author=cfg.author or printed_author), {"type": "original"})
    transcription = write_bibl(source_desc, cfg.transcription, {"type": "transcription"})
    _child(transcription, "idno", Path(source_name).name, {"type": "filename"})
    _child(transcription, "idno", checksum, {"type": "sha256"})

    encoding = tei("encodingDesc", None, header)
    for name in ("teikit.rng", "teikit.odd"):
        tei("schemaRef", {"type": "interchange" if name.endswith(".rng") else "odd",
                          "url": schema_address(cfg.schema_base, name)}, encoding)
    _p(tei("projectDesc", None, encoding),
       f"Generated by teikit {__version__} from a plain-text source (profile '{doc.profile}'). "
       "Every non-blank source line is kept: lb/@n gives its line number in the source file.")
    write_sampling(encoding, doc)
    write_editorial(encoding, doc)
    write_renditions(encoding)
    app = tei("application", {"xml:id": "teikit", "ident": "teikit", "version": __version__},
              tei("appInfo", None, encoding))
    _child(app, "label", "teikit")
    _child(app, "p", "OCR'd plain text to TEI P5: furniture, hyphenation, structure, notes, "
                        "corrections, persons and dates.")

    profile = tei("profileDesc", None, header)
    _child(tei("langUsage", None, profile), "language", {"en": "English"}.get(cfg.language, cfg.language),
           {"ident": cfg.language})
    if cfg.calendar == "julian":
        calendar = tei("calendar", {"xml:id": "julian"}, tei("calendarDesc", None, profile))
        _p(calendar, "The source dates events by the Julian (Old Style) calendar; date/@calendar says where.")

    change = tei("change", {"when": build_date(), "who": "#teikit"}, tei("revisionDesc", None, header))
    add_text(change, f"Encoded from {Path(source_name).name} by teikit {__version__}.")
    return header


#: the rendition that hides what the OCR read where teikit corrected it
OCR_READING = "ocr-reading"
#: renditions in CSS that clients apply from the header (CETEIcean by their selector, the TEI
#: Stylesheets as classes), so that a receiving project shows the text as teikit means it
RENDITIONS = ((OCR_READING, "choice > orig", "display: none"),
              ("footnote-sign", "note[place=foot]::before", "content: attr(n)"),
              ("endnote-block", "note[type=endnote]", "display: block"))


def write_renditions(encoding) -> None:
    tags = tei("tagsDecl", None, encoding)
    for ident, selector, css in RENDITIONS:
        _child(tags, "rendition", css, {"xml:id": ident, "scheme": "css", "selector": selector})


def write_sampling(encoding, doc: Document) -> None:
    excluded = doc.facts.excluded
    if not excluded:
        return
    p = _p(tei("samplingDecl", None, encoding),
           f"{len(excluded)} source lines are not part of the text and are listed here with the reason:")
    items = tei("list", None, p)
    for n, text, reason in excluded:
        item = tei("item", {"n": str(n)}, items)
        add_text(item, text.rstrip())
        _child(item, "note", reason, {"type": "reason"})


def write_editorial(encoding, doc: Document) -> None:
    decl = tei("editorialDecl", None, encoding)
    corrections = doc.facts.corrections
    _p(tei("correction", {"method": "markup"}, decl),
       "An OCR misreading is a transcription error, not the printer's: it is corrected only with "
       "choice, reg type='ocr' (the corrected word; resp '#teikit', cert where the reading is a guess) "
       "before orig (what the OCR read, kept for the diplomatic text; the rendition "
       f"'#{OCR_READING}' hides it in clients that apply the header's CSS). "
       f"Corrections: {_count_phrase(corrections, {})}."
       if corrections is not None else "No OCR corrections were made: the text is as the OCR read it.")
    _p(tei("normalization", None, decl),
       "Spelling, capitalisation and punctuation are those of the source; nothing is normalised silently.")
    if doc.facts.hyphenation is not None:
        _p(tei("hyphenation", {"eol": "all"}, decl),
           "Words split at a line end are joined with lb break='no': a printed hyphen is kept as "
           "pc force='weak', a compound's own hyphen stays in the text, a compound hyphen the OCR lost is "
           f"restored as supplied. Decisions: {_count_phrase(doc.facts.hyphenation, {})}.")
    dates = "calendar expressions are tagged date with ISO 8601 values in @when, or @from and @to"
    if doc.facts.dates is not None and doc.facts.dates.inferred:
        dates += (" (cert='medium' where the year, month or day is not printed with the date but taken from "
                  "the document's running date: a dateline, a masthead, a dated running head, a diary entry head)")
    interpreted = [said for done, said in (
        (doc.facts.persons, "persons are tagged persName with @ref to the register in standOff"),
        (doc.facts.dates, dates),
    ) if done is not None]
    if interpreted:
        text = "; ".join(interpreted)
        _p(tei("interpretation", None, decl), f"{text[0].upper()}{text[1:]}.")


def write_register(root, persons: dict[str, dict]) -> None:
    """standOff/listPerson with the register entries of the persons the text mentions."""
    if not persons:
        return None
    stand_off = tei("standOff", None, root)
    outer = tei("listPerson", None, stand_off)
    ids = sorted(persons)
    for start in range(0, len(ids), REGISTER_GROUP):
        group = tei("listPerson", None, outer) if len(ids) > REGISTER_GROUP else outer
        for pid in ids[start:start + REGISTER_GROUP]:
            write_person(group, pid, persons[pid])
    return stand_off


def write_person(parent, pid: str, entry: dict) -> None:
    person = tei("person", {"xml:id": pid}, parent)
    name = tei("persName", {"type": "main"}, person)
    if entry.get("forename") or entry.get("surname"):
        _child(name, "forename", entry.get("forename", ""))
        if entry.get("forename") and entry.get("surname"):
            add_text(name, " ")
        _child(name, "surname", entry.get("surname", ""))
    else:
        add_text(name, entry.get("name") or pid)
    for form in entry.get("forms", ()):
        _child(person, "persName", form, {"type": "variant"})
    for event in ("birth", "death"):
        if entry.get(event):
            tei(event, {"when": str(entry[event])}, person)
    for kind, value in sorted((entry.get("idno") or {}).items()):
        _child(person, "idno", str(value), {"type": kind})
    if entry.get("note"):
        _p(tei("note", None, person), entry["note"])
