"""The Jinja environment, and writing an edition or a site index to disk (a PDF: pdf.py).

Templates are looked up in the edition's own folders first, then in teikit's defaults;
`{% extends "default:edition.html" %}` reaches the default one a folder overrides (the
datasette convention). The stylesheets go through the same lookup, so an edition can
restyle itself by dropping an `edition.css` beside its templates.

An edition's templates come from whoever made the edition, so every template runs in
Jinja's sandbox: it can lay out what it is given, never reach Python's internals (and
through them the file system or a shell). A template that fails or tries is one line
naming the template and its line.
"""
from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from teikit.errors import ConfigError
from teikit.files import write_atomically
from teikit.render.context import deep_enough, stream_context
from teikit.render.stream import DocumentScan, Spool
from teikit.tei.reader import iterparse_tei
from teikit.resources import resource_dir

STYLESHEETS = ("edition.css", "print.css")
SITE_ENTRY_KEYS = ("title", "href", "author", "date", "source", "tei")
#: characters of rendered HTML gathered before they are written
WRITE_PIECE = 1 << 16


def make_environment(template_dirs: Iterable[str | Path] = ()) -> SandboxedEnvironment:
    defaults = FileSystemLoader(str(resource_dir("templates")))
    loader = ChoiceLoader([
        FileSystemLoader([str(d) for d in template_dirs]),
        PrefixLoader({"default": defaults}, delimiter=":"),
        defaults,
    ])
    return SandboxedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined,
                                trim_blocks=True, lstrip_blocks=True)


def render_template(env: SandboxedEnvironment, name: str, **context) -> Iterator[bytes]:
    """A template's output in pieces of about WRITE_PIECE characters, as it renders (with
    room for the deepest tree), for `write_atomically` to write as they come: a book's page
    is never whole in memory. A failure (a syntax error, an undefined name, a blocked
    attribute) is a ConfigError naming the template and line, raised where it happens."""
    try:
        template: Template = env.get_template(name)
        with deep_enough():
            pieces, size = [], 0
            for piece in template.generate(**context):
                pieces.append(piece)
                size += len(piece)
                if size >= WRITE_PIECE:
                    yield "".join(pieces).encode("utf-8")
                    pieces, size = [], 0
            yield "".join(pieces).encode("utf-8")
    except TemplateError as error:
        file, line = _template_frame(error)
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ConfigError(f"template failed: {message}", file=file or name, line=line) from None


def _template_frame(error: TemplateError) -> tuple[str | None, int | None]:
    """The template file and line an error came from (Jinja puts template lines in the traceback)."""
    if getattr(error, "filename", None):
        return error.filename, getattr(error, "lineno", None)
    frames = [f for f in traceback.extract_tb(error.__traceback__) if not f.filename.endswith(".py")]
    return (frames[-1].filename, frames[-1].lineno) if frames else (None, None)


def _write_stylesheets(env: SandboxedEnvironment, out_dir: Path) -> None:
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
                hyphenation_in_apparatus: bool = True, warn: Callable[[str], None] = lambda line: None,
                ours: bool = False, links: dict | None = None) -> Path:
    """Render one TEI file to `out_dir/<name>.html` beside its stylesheets; returns the HTML path.

    `warn` hears of what is rendered anyway (an xml:id used twice in TEI from elsewhere);
    `ours` (TEI teikit has just written) lifts the parser's limits on huge text nodes;
    `links` (see `build_context`) default to a link to the TEI file itself.
    """
    tei_path, out_dir = Path(tei_path), Path(out_dir)
    if links is None:
        try:
            links = {"tei": Path(os.path.relpath(tei_path.absolute(), out_dir.absolute())).as_posix()}
        except ValueError:   # on another drive (Windows): no relative path
            links = {"tei": tei_path.absolute().as_uri()}
    scan = DocumentScan(release=True)
    scan.feed(iterparse_tei(tei_path, ours=ours))
    for warning in scan.finish().duplicate_id_warnings(str(tei_path)):
        warn(warning)
    env = make_environment(template_dirs)
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / f"{edition_stem(tei_path)}.html"
    spool, events = Spool(), iterparse_tei(tei_path, ours=ours)
    try:
        context = stream_context(events, scan, spool, hyphenation_in_apparatus=hyphenation_in_apparatus, links=links)
        events.close()
        write_atomically(html_path, render_template(env, "edition.html", **context))
    finally:
        spool.close()
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
    write_atomically(index_path, render_template(env, "index.html", editions=entries))
    _write_stylesheets(env, out_dir)
    return index_path
