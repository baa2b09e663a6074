"""A rendered edition printed to PDF by WeasyPrint, part by part, in parallel processes.

WeasyPrint keeps every laid-out page in memory until it writes the file: about 1 MB a
page, 879 MB for the book's 893. So the edition is printed in parts, each a run of the
divisions that print.css begins on a new page anyway (PART_BYTES of HTML or so): a part is
laid out and written apart from the others, and pypdf joins them. Each part goes on
from the page number and the side (left or right) where the last one stopped, with the
book's title for its running heads (print.css takes it from the `h1`, which only the first
part has); a link to another part is printed as a `PART_LINK` address and pointed at the
anchor's named destination once the parts are joined.

Parts are printed by `jobs` worker processes at once (`_printed_in_order`), all laid out at
once: a part's layout does not wait on the parts before it, only its page numbers and
sides do. Each part is laid out from page 1 on a right page; once WeasyPrint has paginated
it, and before it lays out the margin boxes (running heads, page numbers), the worker says
how many pages it took and waits to be told its first page, which the parent knows as soon
as the parts before it are paginated (`_paginated_then_moved`). Its pages are then numbered
on from there and, from a left page, each is turned to the other side, its content moved
across between that side's margins: print.css gives left and right pages the same measure,
so a part takes the same pages wherever it starts. Where that is not so (a break to a given
side, other measures), the part is printed again from its first page, as is one printed from
another page than the one its forerunners end on: the numbering is checked, not assumed.
With two workers, the book's time is its CPU (some 40 s, on 2 cores) shared between them.

Before WeasyPrint sees the page, what print hides is taken out and what print shows as
plain text is sent as such (`_drop_hidden_in_print`, `_print_plain`): its time goes on
laying out inline boxes, each one's text apart, and on its cyclic garbage collector.
"""
from __future__ import annotations

import copy
import gc
import io
import logging
import multiprocessing
import os
import queue
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from logging.handlers import QueueHandler
from pathlib import Path

from lxml import etree, html

from teikit.errors import TeikitError
from teikit.files import write_atomically

#: about how much of the edition's HTML is laid out at a time: 256 KB is some 150 of the
#: book's pages
PART_BYTES = 1 << 18
#: the back matter print.css begins on a new page, beside the divisions headed by an `h2`
NEW_PAGE_CLASSES = {"apparatus", "person-index", "colophon"}
#: the classes of inline wrappers whose look is the screen's alone (a tooltip, a dotted or
#: tinted underline that print.css takes away): a `span` or `time` of these classes only is
#: printed as its text, unless a link leads to it. WeasyPrint lays out each inline box's
#: text apart, line by line and again to draw it: these were half the book's inline boxes
#: and a seventh of its time
PLAIN_IN_PRINT = {"person", "date", "tei-reg", "tei-corr", "tei-expan", "tei-lem", "hyph", "supplied-hyphen",
                  "app-reading"}
#: what the stylesheets may declare for those classes and still leave them no look on paper:
#: a pointer, and the underlines print.css takes away
NO_LOOK_IN_PRINT = {"cursor", "border", "border-bottom", "background", "background-image"}
#: what gives a wrapper a say in print all the same (its language is the hyphenation's)
SAY_IN_PRINT = {"lang", "dir", "style"}
#: how a link to an anchor in another part is printed, to be turned into a PDF destination
PART_LINK = "teikit-part:"
#: workers by default at most: each holds the pages of the part it lays out (150-220 MB), so
#: two keep the book's PDF under 500 MB; -j asks for more where memory allows
MAX_DEFAULT_JOBS = 2

#: the breaks to a page of a given side, which a part turned to the other side would break to elsewhere
PAGE_SIDES = {"left", "right", "recto", "verso"}
#: a part's first page when the parts are given up (one failed): a worker waiting for it stops
GIVEN_UP = -1

#: in a worker process, where it says how many pages a part took and what WeasyPrint logged
_reports: multiprocessing.Queue | None = None
#: in a worker process, where it is told each part's first page (0 while unknown)
_first_pages = None
#: the part being printed: its number and its first page (None while it waits to be told it)
_printing: tuple[int, int | None] = (0, 1)


def default_jobs() -> int:
    """A worker per core this process may use, but at most MAX_DEFAULT_JOBS, since each
    adds a part's pages to the memory taken."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_JOBS))


def write_pdf(html_path: str | Path, jobs: int | None = None) -> Path:
    """Print the rendered HTML (with print.css) to a PDF beside it, through WeasyPrint in
    `jobs` processes (default_jobs() if None)."""
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import NameObject
        import weasyprint  # noqa: F401 (here, so that a missing WeasyPrint is one clear line)
    except (ImportError, OSError) as err:
        raise TeikitError("--pdf needs WeasyPrint and pypdf: pip install 'teikit[pdf]' "
                          f"(WeasyPrint also needs the system libraries pango and harfbuzz; {err})") from err
    html_path = Path(html_path)
    root = html.parse(str(html_path)).getroot()
    _drop_hidden_in_print(root, html_path)
    _print_plain(root, html_path)
    parts = _parts(root)
    anchors = [{element.get("id") for unit in part for element in unit.iter() if element.get("id")} for part in parts]
    heading = root.find(".//h1")
    title = " ".join("".join(heading.itertext()).split()) if heading is not None else ""

    def page_html(number: int, first_page: int) -> str:
        return _part_page(root, parts[number], anchors[number], first_page if number else None, title)

    joined = PdfWriter()
    said_once = _SaidOnce()
    logging.getLogger("weasyprint").addFilter(said_once)
    try:
        printed = _printed_in_order(page_html, len(parts), str(html_path), jobs or default_jobs())
        for number, pdf in enumerate(printed):
            reader = PdfReader(io.BytesIO(pdf))
            if not number:
                joined.add_metadata(reader.metadata or {})
                if "/Lang" in reader.root_object:
                    joined.root_object[NameObject("/Lang")] = reader.root_object["/Lang"]
            joined.append(reader)
    finally:
        logging.getLogger("weasyprint").removeFilter(said_once)
    _point_part_links(joined)
    out = io.BytesIO()
    joined.write(out)
    pdf_path = html_path.with_suffix(".pdf")
    write_atomically(pdf_path, out.getvalue())
    return pdf_path


def _print_part(number: int, page: str, base_url: str, first_page: int | None) -> tuple[bytes | None, int, int]:
    """One part's PDF, its number of pages and its first page. In a worker, the pages are
    told to the parent as soon as they are laid out (`_paginated_then_moved`); with no
    `first_page`, the part, laid out from page 1, waits to be told where it begins and is
    moved there: no PDF (None) where it cannot be, for the parent to print it again."""
    from weasyprint import HTML

    global _printing
    _printing = number, first_page
    with _collector_paused():
        try:
            document = HTML(string=page, base_url=base_url).render()
        except _Unmovable:
            return None, 0, _printing[1]
        pdf = document.write_pdf()
        pages = len(document.pages)
        del document
    return pdf, pages, _printing[1]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while WeasyPrint lays out and writes a part: it makes
    millions of objects and drops few, and the collector's passes over them took a seventh
    of its time. The part's boxes hold cycles: one pass after frees them, before the next
    part is laid out."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
        gc.collect()


def _printed_in_order(page_html: Callable[[int, int], str], count: int, base_url: str, jobs: int) -> Iterator[bytes]:
    """Each part's PDF in order, numbered on from the last, printed by `jobs` processes.

    Every part is laid out at once from page 1 (`_print_part`), and told its first page as
    soon as the parts before it are laid out; one printed from another page than the one its
    forerunners end on, or not moved (its PDF None), is printed again from there."""
    if jobs == 1 or count == 1:
        first_page = 1
        for number in range(count):
            pdf, pages, _ = _print_part(number, page_html(number, first_page), base_url, first_page)
            yield pdf
            first_page += pages
        return
    reports = multiprocessing.Queue()
    first_pages = multiprocessing.Array("l", count)
    first_pages[0] = 1
    pool = ProcessPoolExecutor(min(jobs, count), initializer=_report_to, initargs=(reports, first_pages))
    pages: dict[int, int] = {}
    try:
        printing = [pool.submit(_print_part, number, page_html(number, 1), base_url, None if number else 1)
                    for number in range(count)]
        next_part, first_page = 0, 1
        while next_part < count:
            wait([printing[next_part]], timeout=0.05)
            _take_reports(reports, pages)
            _tell_first_pages(first_pages, pages)
            if not printing[next_part].done():
                continue
            pdf, part_pages, started = printing[next_part].result()
            if pdf is None or started != first_page:
                printing[next_part] = pool.submit(_print_part, next_part, page_html(next_part, first_page), base_url,
                                                  first_page)
                continue
            yield pdf
            first_page += part_pages
            next_part += 1
    except BrokenProcessPool:
        raise TeikitError("a process printing the PDF died (out of memory?); "
                          "try fewer at once with -j") from None
    finally:
        for number in range(count):
            if not first_pages[number]:
                first_pages[number] = GIVEN_UP
        pool.shutdown(wait=False, cancel_futures=True)


def _tell_first_pages(first_pages, pages: dict[int, int]) -> None:
    """Each part's first page where the pages of the part before are known."""
    for number in range(1, len(first_pages)):
        if not first_pages[number] and first_pages[number - 1] > 0 and number - 1 in pages:
            first_pages[number] = first_pages[number - 1] + pages[number - 1]


def _report_to(reports: multiprocessing.Queue, first_pages) -> None:
    """In a worker: where to say how many pages a part took, and WeasyPrint's remarks, which
    the parent says once (`_SaidOnce`); where to be told each part's first page; WeasyPrint's
    pagination that says and is told them."""
    import weasyprint.layout

    global _reports, _first_pages
    _reports, _first_pages = reports, first_pages
    logger = logging.getLogger("weasyprint")
    logger.addHandler(QueueHandler(reports))
    logger.propagate = False
    weasyprint.layout.make_all_pages = _paginated_then_moved(weasyprint.layout.make_all_pages)


def _take_reports(reports: multiprocessing.Queue, pages: dict[int, int]) -> None:
    """The workers' reports so far: pages laid out, and log records said here."""
    while True:
        try:
            report = reports.get_nowait()
        except queue.Empty:
            return
        if isinstance(report, logging.LogRecord):
            logging.getLogger(report.name).handle(report)
        else:
            number, laid_out = report
            pages[number] = laid_out


class _Unmovable(Exception):
    """A part laid out from page 1 that would take other pages from where it begins."""


def _paginated_then_moved(make_all_pages: Callable) -> Callable:
    """WeasyPrint's pagination (its pages before their margin boxes, a part's content laid
    out), which then says how many pages the part took and, for a part told its first page,
    waits for it and moves the pages there: a part's pages wait on the parts before it only
    for their numbers and sides, not to be laid out, so that every worker lays out at once."""
    def paginated(*args, **kwargs) -> list:
        global _printing
        laid_out = list(make_all_pages(*args, **kwargs))
        number, first_page = _printing
        _reports.put((number, len(laid_out)))
        if first_page is None:
            _printing = number, _told_first_page(number)
            try:
                context, _, html, _ = args
                _move_pages(context, html, laid_out, _printing[1] - 1)
            except _Unmovable:
                raise
            except Exception as err:    # another WeasyPrint's internals: the part is printed again
                raise _Unmovable from err
        return laid_out
    return paginated


def _told_first_page(number: int) -> int:
    """The part's first page, once the parent knows it: the parts before are paginated."""
    while not _first_pages[number]:
        time.sleep(0.01)
    if _first_pages[number] == GIVEN_UP:
        raise TeikitError("the PDF's printing was given up")
    return _first_pages[number]


def _move_pages(context, html, pages: list, offset: int) -> None:
    """Number the laid-out pages on by `offset` and, where it is odd, turn each to the other
    side: its content moved across to that side's margins. Only where that is the page it
    would have been: the part breaks to no side (no blank page), nothing waits on the count
    of pages, and the other side's page has the same measure."""
    if any(state["content_changed"] or state["pages_wanted"] for *_, state in context.page_maker) \
            or any(next_page["break"] in PAGE_SIDES for _, next_page, *_ in context.page_maker[1:]) \
            or any(page.page_type.blank for page in pages):
        raise _Unmovable
    for index, page in enumerate(pages):
        counters = context.page_maker[index + 1][3][1]
        counters["page"] = [value + offset for value in counters["page"]]
        if offset % 2:
            _turn_side(context, html, page)


def _turn_side(context, html, page) -> None:
    """A laid-out page made a page of the other side, as WeasyPrint's make_page makes one."""
    from weasyprint.layout.page import page_height, page_width, set_page_type_computed_styles
    from weasyprint.layout.percent import resolve_percentages

    width, height, x, y = page.width, page.height, page.content_box_x(), page.content_box_y()
    page_type = page.page_type._replace(side="left" if page.page_type.side == "right" else "right")
    set_page_type_computed_styles(page_type, html, context.style_for)
    style = context.style_for(page_type)
    style["overflow"] = page.style["overflow"]
    page.page_type, page.style = page_type, style
    resolve_percentages(page, style["size"])
    page_width(page, context, style["size"][0])
    page_height(page, context, style["size"][1])
    if (page.width, page.height, page.content_box_y()) != (width, height, y):
        raise _Unmovable
    for child in page.children:
        child.translate(page.content_box_x() - x, 0)


class _SaidOnce(logging.Filter):
    """WeasyPrint's remarks on the stylesheets once, not once a part."""

    def __init__(self) -> None:
        super().__init__()
        self.said: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message in self.said:
            return False
        self.said.add(message)
        return True


def _drop_hidden_in_print(root: etree._Element, html_path: Path) -> None:
    """Take out what the print stylesheets hide (`display: none`): WeasyPrint would still
    parse and style every element of it, and the apparatus's closed list of hyphenation
    decisions alone is a fifth of the book's HTML. The print stylesheets come last and
    print.css shows nothing again that it hides; the tests compare with WeasyPrint's own
    print of the whole page."""
    import cssselect2
    import tinycss2

    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    hidden: list[etree._Element] = []
    for selector, declarations in _style_rules(root, html_path, print_only=True):
        if any(declaration.lower_name == "display" and tinycss2.serialize(declaration.value).strip() == "none"
               for declaration in declarations):
            hidden += [found.etree_element for found in wrapper.query_all(selector)]
    for element in hidden:
        _drop(element)


def _print_plain(root: etree._Element, html_path: Path) -> None:
    """Print as their text the inline wrappers with no look in print (PLAIN_IN_PRINT) that no
    link leads to. A class keeps its wrappers where a rule of the page's stylesheets (an
    edition's own, say) gives it more than a look print.css takes away (NO_LOOK_IN_PRINT)."""
    plain = set(PLAIN_IN_PRINT)
    for selector, declarations in _style_rules(root, html_path, print_only=False):
        named = set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selector))
        if named & plain and any(declaration.lower_name not in NO_LOOK_IN_PRINT for declaration in declarations):
            plain -= named
    linked = {link.get("href")[1:] for link in root.iter("a") if (link.get("href") or "").startswith("#")}
    for element in list(root.iter("span", "time")):
        classes = set((element.get("class") or "").split())
        if classes and classes <= plain and element.get("id") not in linked and not SAY_IN_PRINT & set(element.keys()):
            element.drop_tag()


def _style_rules(root: etree._Element, html_path: Path, print_only: bool) -> Iterator[tuple[str, list]]:
    """(selector, declarations) of the style rules of the stylesheets the page links: with
    `print_only`, the rules that surely apply in print (of the stylesheets for print, outside
    @media); else every rule that may (of every stylesheet, within @media too)."""
    import tinycss2

    def rules(tokens) -> Iterator[tuple[str, list]]:
        for rule in tinycss2.parse_stylesheet(tokens, skip_comments=True, skip_whitespace=True):
            if rule.type == "qualified-rule":
                yield tinycss2.serialize(rule.prelude), [
                    declaration for declaration in tinycss2.parse_declaration_list(rule.content)
                    if declaration.type == "declaration"]
            elif not print_only and rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
                yield from rules(rule.content)

    for link in root.iterfind("head/link"):
        if "stylesheet" in (link.get("rel") or "").split() and (link.get("media") == "print" or not print_only):
            yield from rules((html_path.parent / link.get("href", "")).read_text(encoding="utf-8"))


def _drop(element: etree._Element) -> None:
    """Remove an element, but not the text that follows it."""
    parent, previous = element.getparent(), element.getprevious()
    if parent is None:
        return
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _starts_a_page(element: etree._Element) -> bool:
    """print.css begins it on a new page: a division headed by an h2 (but the front
    matter's first, which shares the title page), or the back matter."""
    classes = set((element.get("class") or "").split())
    if classes & NEW_PAGE_CLASSES:
        return True
    parent = element.getparent()
    opens_the_front = parent is not None and "tei-front" in (parent.get("class") or "").split() \
        and next(parent.iterchildren("*")) is element
    return element.tag == "section" and len(element) > 0 and element[0].tag == "h2" and not opens_the_front


def _parts(root: etree._Element) -> list[list[etree._Element]]:
    """The body's flow as units (elements holding no page start, or starting a page
    themselves) cut into parts of about PART_BYTES, each cut before a page start."""
    holders = {ancestor for element in root.iter() if _starts_a_page(element) for ancestor in element.iterancestors()}
    units: list[etree._Element] = []

    def flow(element: etree._Element) -> None:
        for child in element:
            if isinstance(child.tag, str):
                if child in holders and not _starts_a_page(child):
                    flow(child)
                else:
                    units.append(child)

    flow(root.find("body"))
    parts: list[list[etree._Element]] = [[]]
    size = 0
    for unit in units:
        weight = len(etree.tostring(unit))
        if parts[-1] and size + weight > PART_BYTES and _starts_a_page(unit):
            parts.append([])
            size = 0
        parts[-1].append(unit)
        size += weight
    return parts


def _part_page(root: etree._Element, units: list[etree._Element], anchors: set[str], first_page: int | None,
               title: str) -> str:
    """The HTML of one part: the document's head and the units within copies of their
    ancestors; after the first part, a style that goes on from `first_page`."""
    copies: dict[etree._Element, etree._Element] = {}

    def copied(element: etree._Element) -> etree._Element:
        if element not in copies:
            parent = element.getparent()
            if parent is None:
                copies[element] = etree.Element(element.tag, dict(element.attrib))
                copies[element].append(copy.deepcopy(element.find("head")))
            else:
                copies[element] = etree.SubElement(copied(parent), element.tag, dict(element.attrib))
            copies[element].text = element.text
        return copies[element]

    for unit in units:
        copied(unit.getparent()).append(copy.deepcopy(unit))
    page = copies[root]
    for link in page.iter("a"):
        target = link.get("href", "")
        if target.startswith("#") and target[1:] not in anchors:
            link.set("href", PART_LINK + target[1:])
    if first_page is not None:
        style = etree.SubElement(page.find("head"), "style", media="print")
        side = "right" if first_page % 2 else "left"
        style.text = (f"html {{ break-before: {side}; }} @page :first {{ counter-reset: page {first_page}; }} "
                      f"body {{ string-set: book-title {_css_string(title)}; }}")
    return etree.tostring(page, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _point_part_links(joined) -> None:
    """Turn each PART_LINK into a link to its named destination, or drop it where the anchor
    printed nowhere (it is hidden in print)."""
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    names = set(joined.get_named_dest_root()[::2])
    for page in joined.pages:
        if "/Annots" not in page:
            continue
        kept = ArrayObject()
        for reference in page["/Annots"]:
            annotation = reference.get_object()
            uri = str(annotation.get("/A", {}).get("/URI", ""))
            if uri.startswith(PART_LINK):
                name = uri[len(PART_LINK):]
                if name not in names:
                    continue
                del annotation["/A"]
                annotation[NameObject("/Dest")] = TextStringObject(name)
            kept.append(reference)
        page[NameObject("/Annots")] = kept
