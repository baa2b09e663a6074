"""Packaged pass defaults per kind of source, and picking a kind from the text itself."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

import yaml

from ..model import Document
from ..passes.blocks import is_caps_line
from ..passes.dehyphenate import ends_in_printed_hyphen
from ..passes.furniture import folio_before_head, head_before_folio

_HERE = Path(__file__).parent
_ITALICS = re.compile(r"(?<![\w*])\*[A-Za-z][^*\n]{0,80}\*(?![\w*])")

#: a line shorter than this (median) is a narrow column, a manuscript line or a list
NARROW_LINE = 45
#: a text set in justified narrow columns breaks this share of its lines at a hyphen ...
COLUMN_HYPHENS = 0.08
#: ... or carries headlines: this share of its lines are short lines in capitals
COLUMN_HEADLINES = 0.01
#: a small book's pages are numbered: this share of its lines or more are a number alone or
#: beside a running head (a newspaper page has none, an issue of many pages one per
#: thousand lines or so) ...
PAGE_NUMBERS = 0.005
#: ... that follows one of the few numbers before it by a page or a few (`12` ... `13`):
#: numbers OCR scatters among a newspaper's debris (`6`, `4`, `11`) make no sequence
FOLIO_STEP = 3
FOLIO_LOOKBACK = 3
_PAGE_NUMBER = re.compile(r"\d{1,4}")
#: the most digits of a folio beside a head that counts here (`THE WAR OF 1812` is a headline)
FOLIO_DIGITS = 3


def folio_number(text: str) -> int | None:
    """The number of a page number alone, or beside a running head in capitals as the
    furniture pass reads one (`37 THE QUILLBURY PAPERS`, `THE QUILLBURY PAPERS. 38`)."""
    text = text.strip()
    if _PAGE_NUMBER.fullmatch(text):
        return int(text)
    beside = folio_before_head(text) or head_before_folio(text)
    shown = beside[0].replace(" ", "") if beside else ""
    if shown.isdigit() and len(shown) <= FOLIO_DIGITS and is_caps_line(beside[2].strip()):
        return int(shown)
    return None


def numbered_pages(texts: list[str]) -> int:
    """How many page numbers follow one of the few before them by a page or a few."""
    numbers = [number for number in map(folio_number, texts) if number is not None]
    return sum(1 for at, number in enumerate(numbers)
               if any(0 < number - before <= FOLIO_STEP for before in numbers[max(0, at - FOLIO_LOOKBACK):at]))


def profile_options(profile: str) -> dict[str, dict]:
    """The pass options a profile sets, by pass name."""
    data = yaml.safe_load((_HERE / f"{profile}.yaml").read_text(encoding="utf-8")) or {}
    return {name: dict(opts or {}) for name, opts in (data.get("passes") or {}).items()}


def detect_profile(doc: Document) -> tuple[str, str]:
    """The profile that fits the text's layout best, and why (for the user).

    Narrow lines alone do not make a newspaper: manuscript letters and diaries are
    narrow too, and so are small books. Print set in narrow justified columns shows it by
    its many line-end hyphens (OCR may glue junk after them) or by headlines in capitals,
    and by having no page numbers in sequence; other narrow lines are read as a book, whose rules
    (headings in capitals only, title page, endnotes) take nothing away that such a
    text shows.
    """
    texts = [line.text for line in doc.lines if line.kind == "text"]
    if not texts:
        return "web", "no text lines"
    median = statistics.median(len(text) for text in texts)
    if median < NARROW_LINE:
        hyphens = sum(1 for text in texts if ends_in_printed_hyphen(text)) / len(texts)
        headlines = sum(1 for text in texts if is_caps_line(text.strip())) / len(texts)
        numbers = numbered_pages(texts) / len(texts)
        measured = (f"median line {median:.0f} characters, {hyphens:.0%} end in a hyphen, "
                    f"{headlines:.0%} are capitals, {numbers:.1%} page numbers")
        if numbers >= PAGE_NUMBERS:
            return "book", f"narrow pages with page numbers ({measured})"
        if hyphens >= COLUMN_HYPHENS or headlines >= COLUMN_HEADLINES:
            return "newspaper", f"narrow columns ({measured})"
        return "book", f"narrow lines but neither the hyphens nor the headlines of columns ({measured})"
    if median < 100:
        return "book", f"printed lines (median line {median:.0f} characters)"
    italics = sum(len(_ITALICS.findall(line.orig)) for line in doc.lines)
    if italics >= 3:
        return "markdown-book", f"one paragraph per line with {italics} *italic* spans"
    return "web", f"one paragraph per line (median line {median:.0f} characters)"
