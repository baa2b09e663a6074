"""The teiHeader facts a reader needs (the colophon) and the entries of the register of persons."""
from __future__ import annotations

from lxml import etree

from teikit.render.tei import XML_ID, children, descendants, first, local_name, plain
from teikit.tei.rules import text_language


def read_colophon(root: etree._Element) -> dict:
    """Title, authors, publisher, date, source and encoding facts as plain strings."""
    header = first(root, "teiHeader")
    title_stmt = first(header, "fileDesc/titleStmt")
    publication = first(header, "fileDesc/publicationStmt")
    source_desc = first(header, "fileDesc/sourceDesc")
    titles = children(title_stmt, "title") if title_stmt is not None else []
    main_titles = [t for t in titles if t.get("type") in (None, "main")] or titles
    publisher = None
    if publication is not None:
        publisher = next((c for c in publication if local_name(c) in ("publisher", "distributor", "authority")), None)
    applications = descendants(header, "application") if header is not None else []
    decl = first(header, "encodingDesc/editorialDecl")
    return {
        "title": plain(main_titles[0]) if main_titles else "Untitled",
        "authors": [plain(a) for a in children(title_stmt, "author")] if title_stmt is not None else [],
        "editors": [plain(e) for e in children(title_stmt, "editor")] if title_stmt is not None else [],
        "publisher": plain(publisher),
        "date": _date_text(first(publication, "date")),
        "source": _source_text(source_desc),
        "application": ", ".join(_application_text(a) for a in applications),
        "editorial": [plain(p) for p in descendants(decl, "p")] if decl is not None else [],
        "language": text_language(root),
    }


def person_entry(person: etree._Element) -> dict:
    """A register entry as the index and the tooltips show it: name, index name, life dates, ids."""
    name = next(iter(children(person, "persName")), None)
    forename, surname = first(name, "forename"), first(name, "surname")
    display = plain(name) or person.get(XML_ID)
    if surname is not None and forename is not None:
        index_name = f"{plain(surname)}, {plain(forename)}"
    else:
        index_name = display
    life = _life_dates(_year(first(person, "birth")), _year(first(person, "death")))
    return {
        "name": display,
        "index_name": index_name,
        "life": life,
        "tooltip": f"{display} ({life})" if life else display,
        "idnos": [{"type": i.get("type", ""), "value": plain(i)} for i in children(person, "idno")],
    }


def _year(event: etree._Element | None) -> str:
    if event is None:
        return ""
    return event.get("when") or event.get("notBefore") or event.get("notAfter") or plain(event)


def _life_dates(birth: str, death: str) -> str:
    if birth and death:
        return f"{birth}–{death}"
    if birth:
        return f"b. {birth}"
    return f"d. {death}" if death else ""


def _date_text(date: etree._Element | None) -> str:
    if date is None:
        return ""
    return plain(date) or date.get("when", "")


def _source_text(source_desc: etree._Element | None) -> str:
    """A flat citation of the source: its bibl, biblStruct or biblFull, else its paragraphs."""
    if source_desc is None:
        return ""
    for name in ("bibl", "biblStruct", "biblFull", "msDesc"):
        found = first(source_desc, name)
        if found is not None:
            return _joined_parts(found)
    return plain(source_desc)


def _joined_parts(bibl: etree._Element) -> str:
    """`Leon Trotsky, Writings of Leon Trotsky (1936-37), New York, Pathfinder Press, 1978`:
    a bibl's parts are often written without separators between them."""
    parts = [plain(c) for c in bibl if isinstance(c.tag, str)]
    parts = [p for p in parts if p]
    return ", ".join(parts) if parts else plain(bibl)


def _application_text(app: etree._Element) -> str:
    label = plain(first(app, "label")) or app.get("ident", "")
    return f"{label} {app.get('version', '')}".strip()


