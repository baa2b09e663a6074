"""The unit of work of `teikit build` and `teikit batch`: in-memory inputs -> in-memory outputs.

`run_job` opens no file of the project: the client reads the source, edition.yaml, the
person register and the edition's templates, resolving every path itself, and sends them
in a `Job`; the `Outcome` carries back the TEI, the HTML and the messages, which the
client writes atomically. So the same function runs in this process, in a process pool
or on a Dask worker on another machine, with no shared disk and the same bytes out.

On the worker, the renderer (which works on files) runs in a private scratch folder that
is removed afterwards, and the register goes to a per-process cache keyed by its SHA-256,
so the persons pass compiles each register once per worker, not once per text.
"""
from __future__ import annotations

import atexit
import dataclasses
import hashlib
import os
import shutil
import tempfile
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import TEI_NS, __version__
from .config import EditionConfig
from .encode import encode_text, serialize
from .export import export_tei
from .errors import TeikitError, ValidationError
from .files import write_atomically
from .reader import decode_source
from .render import render_file
from .tei.reader import iterparse_bytes
from .validate import check_bytes, check_streamed, check_tree

#: for the TEI teikit itself serialized: nothing fetched or expanded, but no size limits
OWN_TEI_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
#: the exports written beside each built edition's TEI: format -> (file suffix, label)
SITE_EXPORTS = {"text": (".txt", "Plain text"), "markdown": (".md", "Markdown"),
                "standoff": (".standoff.json", "Stand-off JSON"), "persons-csv": (".persons.csv", "Persons CSV")}
#: what the summary counts in the TEI `text`, by column
COUNTED = {"pages": "pb", "persons": "persName", "dates": "date", "notes": "note"}


def build_epoch() -> int:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch else int(time.time())


@dataclass(frozen=True)
class Job:
    """Everything one text's encoding needs, read on the client."""

    source: bytes
    name: str                        #: the source as the client names it: messages, the header's filename
    target: str                      #: the TEI file the client will write (its name names the outputs)
    config: EditionConfig = EditionConfig()
    register: tuple[str, bytes | None] | None = None   #: its path on the client, its bytes (None: read now)
    templates: tuple[tuple[str, bytes], ...] = ()      #: the edition's own templates, by relative name
    render: bool = False
    epoch: int = field(default_factory=build_epoch)   #: the client's day (or SOURCE_DATE_EPOCH)
    version: str = __version__

    def __post_init__(self):
        if self.register is None:   # on the client, where the job is made
            object.__setattr__(self, "register", read_register(self.config))


@dataclass
class Outcome:
    """What a job made: files by name (for the target's folder), messages and summary facts."""

    ok: bool
    files: dict[str, bytes] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)          #: profile, pages, persons, dates, notes, warnings
    error: str = ""
    seconds: float = 0.0


def register_file(cfg: EditionConfig) -> Path | None:
    """The register the edition names, resolved on the client; None: the text's own register."""
    if cfg.register:
        return cfg.path(cfg.register)
    named = cfg.passes.get("persons", {}).get("register")
    return Path(named) if named else None


def read_register(cfg: EditionConfig) -> tuple[str, bytes | None]:
    path = register_file(cfg)
    if path is None:
        return "", None
    return str(path), (path.read_bytes() if path.is_file() else None)


def read_templates(folder: Path) -> tuple[tuple[str, bytes], ...]:
    if not folder.is_dir():
        return ()
    return tuple((p.relative_to(folder).as_posix(), p.read_bytes())
                 for p in sorted(folder.rglob("*")) if p.is_file())


def warm_up() -> None:
    """Load the persons model and the English word list, which every job would load lazily:
    called before a process pool forks, so its workers share one copy (~1 s each saved)."""
    from .lexicon import frequencies
    from .passes.persons_model import load_model

    load_model()
    frequencies("en")


def run_job(job: Job) -> Outcome:
    """Encode (validate, render) one text; every error becomes the outcome, none escapes."""
    started = time.perf_counter()
    try:
        if job.version != __version__:
            raise TeikitError(f"this worker runs teikit {__version__}, the client {job.version}: "
                              "install the same version on both")
        outcome = _encode(job)
    except TeikitError as exc:
        outcome = Outcome(False, error=str(exc))
    except Exception:  # a bug must not stop the other texts; say where it happened
        outcome = Outcome(False, error="internal error:\n" + traceback.format_exc())
    outcome.seconds = time.perf_counter() - started
    return outcome


def _encode(job: Job) -> Outcome:
    register_path, register_bytes = job.register
    cfg = dataclasses.replace(job.config, base_dir=None,
                              register=str(_cached_register(register_bytes)) if register_bytes else register_path)
    with _build_day(job.epoch):
        encoded = encode_text(decode_source(job.source, job.name, cfg.encoding), cfg, name=job.name,
                              source_bytes=job.source)
    data = serialize(encoded.tree)
    problems = encoded_problems(data, job.target)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(f"the encoded TEI is not valid: {problems[0]}{more}")
    facts = {"profile": encoded.doc.profile, **tree_facts(encoded.tree.getroot()),
             "warnings": encoded.report.count("warning")}
    messages = [str(m) for m in encoded.report.messages if m.level != "info"]
    tei_name = Path(job.target).name
    if not job.render:
        return Outcome(True, {tei_name: data}, messages, facts)
    exports = site_exports(tei_name)
    files = _render(tei_name, data, job.templates, {"index": "../index.html", "tei": tei_name, "exports": exports})
    for export in exports:
        files[export["href"]] = export_tei(encoded.tree, export["format"], name=tei_name).encode("utf-8")
    return Outcome(True, files, messages, facts)


def encoded_problems(data: bytes, name: str) -> list:
    """The schema problems of TEI teikit just wrote, located by its lines.

    The TEI is ours, so it is parsed with huge_tree (a source line of over 10 MB is one
    text node); TEI from elsewhere is parsed without it (validate, text, render, export).
    It is checked as it is parsed, a few pieces of its tree in memory at once
    (`check_streamed`), where a tree of it all would take some seven times its bytes; only
    TEI that check cannot settle valid is read whole, to explain its problems.
    """
    settled = check_streamed(iterparse_bytes(data, name, ours=True), name)
    if settled is not None:
        return settled
    try:
        tree = etree.ElementTree(etree.fromstring(data, OWN_TEI_PARSER, base_url=name))
    except etree.XMLSyntaxError:
        return check_bytes(data, name)   # not well-formed: a bug, which check_bytes locates
    return check_tree(tree, file=name)


def tree_facts(root: etree._Element) -> dict[str, int]:
    """How many pages, persons, dates and notes the TEI `text` marks."""
    text = root.find(f"{{{TEI_NS}}}text")
    counts = dict.fromkeys(COUNTED, 0)
    tags = {f"{{{TEI_NS}}}{tag}": column for column, tag in COUNTED.items()}
    for element in text.iter(*tags) if text is not None else ():
        counts[tags[element.tag]] += 1
    return counts


def site_exports(tei_name: str) -> list[dict[str, str]]:
    """The exports a built edition offers beside its TEI (file, label, format), linked from its pages."""
    stem = tei_name.removesuffix(".xml")
    return [{"label": label, "href": f"{stem}{suffix}", "format": to} for to, (suffix, label) in SITE_EXPORTS.items()]


def _render(tei_name: str, data: bytes, templates: tuple[tuple[str, bytes], ...], links: dict) -> dict[str, bytes]:
    """The TEI, its HTML and stylesheets, rendered in a scratch folder and returned as bytes."""
    with tempfile.TemporaryDirectory(prefix="teikit-job-") as scratch:
        out, own = Path(scratch) / "out", Path(scratch) / "templates"
        for name, text in templates:
            write_atomically(own / name, text)
        write_atomically(out / tei_name, data)
        render_file(out / tei_name, out, template_dirs=[own] if templates else [], ours=True, links=links)
        return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


_registers: dict[str, Path] = {}
_registers_lock = threading.Lock()


def _cached_register(data: bytes) -> Path:
    """This process's copy of a register, one file per content, so the pass's cache holds."""
    key = hashlib.sha256(data).hexdigest()
    with _registers_lock:
        if key not in _registers:
            if not _registers:
                folder = Path(tempfile.mkdtemp(prefix="teikit-registers-"))
                atexit.register(shutil.rmtree, folder, ignore_errors=True)
            else:
                folder = next(iter(_registers.values())).parent
            path = folder / f"{key}.yaml"
            write_atomically(path, data)
            _registers[key] = path
        return _registers[key]


_day_lock = threading.Lock()


@contextmanager
def _build_day(epoch: int):
    """The header dates the TEI by the client's day, not the worker's (threads take turns)."""
    with _day_lock:
        before = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
        try:
            yield
        finally:
            if before is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = before
