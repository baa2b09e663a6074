"""A rendered edition printed to PDF by WeasyPrint, part by part.

WeasyPrint keeps every laid-out page in memory until it writes the file: about 1 MB a
page, 879 MB for the book's 893. So the edition is printed in parts, each a run of the
divisions that print.css begins on a new page anyway (PART_BYTES of HTML or so): a part is
laid out and written before the next is read, and pypdf joins them. Each part goes on
from the page number and the side (left or right) where the last one stopped, with the
book's title for its running heads (print.css takes it from the `h1`, which only the first
part has); a link to another part is printed as a `PART_LINK` address and pointed at the
anchor's named destination once the parts are joined.
"""
from __future__ import annotations

import copy
import gc
import io
import logging
from pathlib import Path

from lxml import etree, html

from teikit.errors import TeikitError

#: about how much of the edition's HTML is laid out at a time: 256 KB is some 80 pages
PART_BYTES = 1 << 18
#: the back matter print.css begins on a new page, beside the divisions headed by an `h2`
NEW_PAGE_CLASSES = {"apparatus", "person-index", "colophon"}
#: how a link to an anchor in another part is printed, to be turned into a PDF destination
PART_LINK = "teikit-part:"


def write_pdf(html_path: str | Path) -> Path:
    """Print the rendered HTML (with print.css) to a PDF beside it, through WeasyPrint."""
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import NameObject
        from weasyprint import HTML
    except (ImportError, OSError) as err:
        raise TeikitError("--pdf needs WeasyPrint and pypdf: pip install 'teikit[pdf]' "
                          f"(WeasyPrint also needs the system libraries pango and harfbuzz; {err})") from err
    html_path = Path(html_path)
    root = html.parse(str(html_path)).getroot()
    parts = _parts(root)
    anchors = [{element.get("id") for unit in part for element in unit.iter() if element.get("id")} for part in parts]
    heading = root.find(".//h1")
    title = " ".join("".join(heading.itertext()).split()) if heading is not None else ""
    joined, first_page = PdfWriter(), 1
    said_once = _SaidOnce()
    logging.getLogger("weasyprint").addFilter(said_once)
    try:
        for number, part in enumerate(parts):
            page = _part_page(root, part, anchors[number], first_page if number else None, title)
            document = HTML(string=page, base_url=str(html_path)).render()
            reader = PdfReader(io.BytesIO(document.write_pdf()))
            if not number:
                joined.add_metadata(reader.metadata or {})
                if "/Lang" in reader.root_object:
                    joined.root_object[NameObject("/Lang")] = reader.root_object["/Lang"]
            joined.append(reader)
            first_page += len(document.pages)
            del document, reader
            gc.collect()   # the part's boxes hold cycles: free them before the next part is laid out
    finally:
        logging.getLogger("weasyprint").removeFilter(said_once)
    _point_part_links(joined)
    pdf_path = html_path.with_suffix(".pdf")
    with open(pdf_path, "wb") as out:
        joined.write(out)
    return pdf_path


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
