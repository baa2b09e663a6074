"""Build every edition: encode, validate, render, and a site index linking them.

Each edition is built on its own: one that fails is reported and the others go on
(unless `fail_fast`). Editions are built one after another, in parallel processes
(`jobs > 1`) or on a Dask cluster (`scheduler`); the output is byte for byte the
serial run's, since each edition's work is independent and the site index is written
from the results in edition order, whatever order they finish in.

Writes are atomic per file: an edition is built into a staging folder inside `out_dir`
and each finished file is then renamed into place, so an interrupted or failed build
leaves every file either as it was or as the new build made it, never half written.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import load_config
from .encode import encode_source, serialize
from .errors import TeikitError, UsageError, ValidationError
from .export import export_tei
from .render import render_file, render_site
from .validate import check_bytes


#: The exports written beside each built edition's TEI: format -> (file suffix, label).
SITE_EXPORTS = {"text": (".txt", "Plain text"), "markdown": (".md", "Markdown"),
                "standoff": (".standoff.json", "Stand-off JSON"), "persons-csv": (".persons.csv", "Persons CSV")}


@dataclass
class EditionResult:
    slug: str
    ok: bool
    tei: Path | None = None
    html: Path | None = None
    summary: dict = field(default_factory=dict)   #: title, author, date, source for the site index
    messages: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0                          #: wall time of this edition's build


def find_editions(editions_dir: Path) -> list[Path]:
    return sorted(p for p in Path(editions_dir).glob("*/edition.yaml"))


@contextmanager
def staging(out_dir: Path, target: Path) -> Iterator[Path]:
    """A scratch folder on `out_dir`'s file system whose files replace `target`'s on success.

    Each file moves with `os.replace`, atomic on POSIX and Windows; on an exception nothing
    moves and the old output stays whole.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        yield stage
        for staged in sorted(p for p in stage.rglob("*") if p.is_file()):
            final = target / staged.relative_to(stage)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, final)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def build_edition(config_path: Path, out_dir: Path) -> EditionResult:
    """Encode, validate and render one edition; errors become the result, never escape."""
    started = time.perf_counter()
    slug = config_path.parent.name
    try:
        cfg = load_config(config_path)
        slug = cfg.slug or slug
        encoded = encode_source(cfg.path(cfg.source), cfg)
        data = serialize(encoded.tree)
        tei_name = f"{slug}.xml"
        validate_tei(data, out_dir / slug / tei_name)
        templates = config_path.parent / "templates"
        exports = [{"label": label, "href": f"{slug}{suffix}", "format": to}
                   for to, (suffix, label) in SITE_EXPORTS.items()]
        with staging(out_dir, out_dir / slug) as stage:
            (stage / tei_name).write_bytes(data)
            for export in exports:
                (stage / export["href"]).write_text(export_tei(encoded.tree, export["format"], name=tei_name),
                                                    encoding="utf-8")
            links = {"index": "../index.html", "tei": tei_name, "exports": exports}
            html_name = render_file(stage / tei_name, stage, links=links,
                                    template_dirs=[templates] if templates.is_dir() else []).name
        summary = {"slug": slug, "title": cfg.title, "author": cfg.author, "date": cfg.date,
                   "source": _source_line(cfg), "href": f"{slug}/{html_name}", "tei": f"{slug}/{tei_name}",
                   "exports": [{**export, "href": f"{slug}/{export['href']}"} for export in exports]}
        messages = [str(m) for m in encoded.report.messages if m.level != "info"]
        return EditionResult(slug, True, out_dir / slug / tei_name, out_dir / slug / html_name, summary, messages,
                             seconds=time.perf_counter() - started)
    except TeikitError as exc:
        return EditionResult(slug, False, error=str(exc), seconds=time.perf_counter() - started)
    except Exception:  # a bug must not stop the other editions; say where it happened
        return EditionResult(slug, False, error="internal error:\n" + traceback.format_exc(),
                             seconds=time.perf_counter() - started)


def validate_tei(data: bytes, name: Path) -> None:
    """Check the serialized TEI (so problems carry its line numbers) before anything is written."""
    problems = check_bytes(data, str(name))
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(f"the encoded TEI is not valid: {problems[0]}{more}")


def _source_line(cfg) -> str:
    o = cfg.original
    parts = [o.series or o.title, o.publisher, o.place, o.date]
    return ", ".join(p for p in parts if p)


@contextmanager
def open_executor(jobs: int, scheduler: str | None) -> Iterator[Executor | None]:
    """None for the serial run, a process pool for `jobs > 1`, a Dask cluster's executor for `scheduler`."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--executor dask needs Dask's distributed: pip install 'teikit[dask]'") from None
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client.get_executor(pure=False)
    elif jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield pool
    else:
        yield None


def build_all(editions_dir: Path, out_dir: Path, *, jobs: int = 1, fail_fast: bool = False,
              on_result: Callable[[EditionResult], None] | None = None,
              scheduler: str | None = None) -> list[EditionResult]:
    """Build every edition in `editions_dir`, then the site index; results in edition order.

    `on_result` hears of each edition as it finishes (for progress). With `scheduler` (a
    Dask scheduler address) the work runs on that cluster, whose workers must see
    `editions_dir` and `out_dir` at the same paths (a shared file system).
    """
    configs = find_editions(editions_dir)
    out_dir = Path(out_dir).absolute()
    results: dict[Path, EditionResult] = {}
    with open_executor(jobs, scheduler) as executor:
        if executor is None:
            finished = ((config, build_edition(config, out_dir)) for config in configs)
        else:
            futures = {executor.submit(build_edition, config, out_dir): config for config in configs}
            finished = ((futures[future], future.result()) for future in as_completed(futures))
        for config, result in finished:
            results[config] = result
            if on_result:
                on_result(result)
            if fail_fast and not result.ok:
                if executor is not None:
                    for future in futures:
                        future.cancel()
                break
    ordered = [results[config] for config in configs if config in results]
    with staging(out_dir, out_dir) as stage:
        render_site([r.summary for r in ordered if r.ok], stage)
    return ordered
