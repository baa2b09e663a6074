"""The Jinja environment, and writing an edition, a site index or a PDF to disk.

Templates are looked up in the edition's own folders first, then in teikit's defaults;
`{% extends "default:edition.html" %}` reaches the default one a folder overrides (the
datasette convention). The stylesheets go through the same lookup, so an edition can
restyle itself by dropping an `edition.css` beside its templates.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined

from teikit.errors import ConfigError, TeikitError
from teikit.files import write_atomically
from teikit.render.context import build_context, parse_tei
from teikit.resources import resource_dir

STYLESHEETS = ("edition.css", "print.css")
SITE_ENTRY_KEYS = ("title", "href", "author", "date", "source", "tei")


def make_environment(template_dirs: Iterable[str | Path] = ()) -> Environment:
    defaults = FileSystemLoader(str(resource_dir("templates")))
    loader = ChoiceLoader([
        FileSystemLoader([str(d) for d in template_dirs]),
        PrefixLoader({"default": defaults}, delimiter=":"),
        defaults,
    ])
    return Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def _write_stylesheets(env: Environment, out_dir: Path) -> None:
    for name in STYLESHEETS:
        source, _, _ = env.loader.get_source(env, name)
        write_atomically(out_dir / name, source.encode("utf-8"))


def edition_stem(tei_path: Path) -> str:
    """`letters` for `letters.tei.xml` or `letters.xml`."""
    name = tei_path.name
    for suffix in (".tei.xml", ".xml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return tei_path.stem


def render_file(tei_path: str | Path, out_dir: str | Path, *, template_dirs: Iterable[str | Path] = (),
                hyphenation_in_apparatus: bool = True, links: dict | None = None) -> Path:
    """Render one TEI file to `out_dir/<name>.html` beside its stylesheets; returns the HTML path.

    `links` (see `build_context`) default to a link to the TEI file itself.
    """
    tei_path, out_dir = Path(tei_path), Path(out_dir)
    if links is None:
        try:
            links = {"tei": Path(os.path.relpath(tei_path.absolute(), out_dir.absolute())).as_posix()}
        except ValueError:   # on another drive (Windows): no relative path
            links = {"tei": tei_path.absolute().as_uri()}
    context = build_context(parse_tei(tei_path), hyphenation_in_apparatus=hyphenation_in_apparatus, links=links)
    env = make_environment(template_dirs)
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / f"{edition_stem(tei_path)}.html"
    write_atomically(html_path, env.get_template("edition.html").render(context).encode("utf-8"))
    _write_stylesheets(env, out_dir)
    return html_path


def render_site(editions: list[dict], out_dir: str | Path, *, template_dirs: Iterable[str | Path] = ()) -> Path:
    """Write `out_dir/index.html` linking each edition.

    Each dict has `title` and `href` (the edition's HTML, relative to `out_dir`) and may
    have `author`, `date`, `source`, `tei` (the TEI file) and `exports` ({"label", "href"}).
    """
    out_dir = Path(out_dir)
    entries = []
    for edition in editions:
        missing = [key for key in ("title", "href") if not edition.get(key)]
        if missing:
            raise ConfigError(f"site entry {edition!r} lacks {', '.join(missing)}")
        entries.append({**{key: str(edition.get(key) or "") for key in SITE_ENTRY_KEYS},
                        "exports": list(edition.get("exports") or [])})
    env = make_environment(template_dirs)
    out_dir.mkdir(parents=True, exist_ok=True)
    index_path = out_dir / "index.html"
    write_atomically(index_path, env.get_template("index.html").render(editions=entries).encode("utf-8"))
    _write_stylesheets(env, out_dir)
    return index_path


def write_pdf(html_path: str | Path) -> Path:
    """Print the rendered HTML (with print.css) to a PDF beside it, through WeasyPrint."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as err:
        raise TeikitError("--pdf needs WeasyPrint: pip install 'teikit[pdf]' "
                          f"(it also needs the system libraries pango and harfbuzz; {err})") from err
    html_path = Path(html_path)
    pdf_path = html_path.with_suffix(".pdf")
    HTML(filename=str(html_path)).write_pdf(str(pdf_path))
    return pdf_path
