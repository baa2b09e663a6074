"""Build every edition: encode, validate, render, and a site index linking them.

Each edition is built on its own: one that fails is reported and the others go on
(unless `fail_fast`). Editions are built one after another, in parallel processes
(`jobs > 1`) or on a Dask cluster (`scheduler`); the output is byte for byte the
serial run's, since each edition's work is independent and the site index is written
from the results in edition order, whatever order they finish in.

Writes are atomic per file: an edition is built into a staging folder inside `out_dir`
and each finished file is then renamed into place, so an interrupted or failed build
leaves every file either as it was or as the new build made it, never half written. A
build killed outright leaves its staging folder behind: the next build removes it. A
staging folder is named after its host and process, so two builds into one folder at
the same time leave each other's alone.

Editions may come from other projects: each writes only to `out_dir/<slug>` (a slug is a
plain name, `config.check_slug`), reads only files inside its folder or the folder of
editions (unless `allow_outside`), and its templates run in Jinja's sandbox.
"""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import check_slug, is_inside, load_config, trusted_roots
from .errors import ConfigError, OutputError, TeikitError
from .executors import Runner, WorkerDied
from .reader import read_bytes
from .render import render_site
from .tasks import Job, Outcome, read_register, read_templates, run_job, site_exports, warm_up
from .tei.header import publish_schemas, site_schemas


@dataclass
class EditionResult:
    slug: str
    ok: bool
    tei: Path | None = None
    html: Path | None = None
    summary: dict = field(default_factory=dict)   #: title, author, date, source for the site index
    messages: list[str] = field(default_factory=list)
    outside: tuple[str, ...] = ()                 #: files read from outside the edition (--allow-outside)
    error: str = ""
    seconds: float = 0.0                          #: wall time of this edition's build


STAGING_PREFIX = ".staging-"
#: a staging folder of another host is taken for a leftover only when it is this old
FOREIGN_STAGING_AGE = 24 * 3600


def find_editions(editions_dir: Path) -> list[Path]:
    return sorted(p for p in Path(editions_dir).glob("*/edition.yaml"))


@contextmanager
def staging(out_dir: Path, target: Path) -> Iterator[Path]:
    """A scratch folder on `out_dir`'s file system whose files replace `target`'s on success.

    Each file moves with `os.replace`, atomic on POSIX and Windows; on an exception nothing
    moves and the old output stays whole.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{socket.gethostname()}-{os.getpid()}-", dir=out_dir))
    try:
        yield stage
        for staged in sorted(p for p in stage.rglob("*") if p.is_file()):
            final = target / staged.relative_to(stage)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, final)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def is_leftover(stage: Path) -> bool:
    """Whether a staging folder belongs to no running build: its process on this host is
    gone, it names no process, or it is another host's and a day old."""
    host, _, rest = stage.name[len(STAGING_PREFIX):].rpartition("-")[0].rpartition("-")
    if not rest.isdigit():
        return True
    if host != socket.gethostname():
        return time.time() - stage.stat().st_mtime > FOREIGN_STAGING_AGE
    try:
        os.kill(int(rest), 0)
    except ProcessLookupError:
        return True
    except OSError:                       # alive, owned by another user
        return False
    return False


def prepare_output(out_dir: Path) -> None:
    """Make `out_dir` and remove the staging folders a killed build left in it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for stage in out_dir.glob(STAGING_PREFIX + "*"):
            if is_leftover(stage):
                shutil.rmtree(stage, ignore_errors=True)
    except FileExistsError:
        raise OutputError("is a file, not a folder for the build", file=str(out_dir)) from None
    except OSError as exc:
        raise OutputError(f"cannot be written: {exc.strerror or exc}", file=str(out_dir)) from None


def edition_templates(config_path: Path, allow_outside: bool) -> list[Path]:
    """The edition's own templates folder, if it has one inside the edition."""
    templates = config_path.parent / "templates"
    if not templates.is_dir():
        return []
    if not allow_outside and not is_inside(templates, trusted_roots(config_path.parent)):
        raise ConfigError("the templates folder leads outside the edition (--allow-outside uses it anyway)",
                          file=str(templates))
    return [templates]


def prepare_edition(config_path: Path, out_dir: Path, allow_outside: bool = False) -> Job | Exception:
    """Everything the edition's build needs, read here on the client, where its paths resolve."""
    try:
        cfg = site_schemas(load_config(config_path, allow_outside=allow_outside))
        slug = check_slug(cfg.slug or config_path.parent.name, str(config_path))
        source = cfg.path(cfg.source)
        templates = edition_templates(config_path, allow_outside)
        return Job(read_bytes(source), str(source), str(out_dir / slug / f"{slug}.xml"), cfg,
                   read_register(cfg), read_templates(templates[0]) if templates else (), render=True)
    except Exception as exc:  # reported with the edition, like a failure on a worker
        return exc


def finish_edition(config_path: Path, job: Job | Exception, outcome: Outcome | Exception,
                   out_dir: Path) -> EditionResult:
    """Write what the job made into `out_dir/<slug>/` atomically; a failure writes nothing."""
    slug = (isinstance(job, Job) and job.config.slug) or config_path.parent.name
    if isinstance(outcome, Exception):
        return EditionResult(slug, False, error=describe(outcome))
    if not outcome.ok:
        return EditionResult(slug, False, error=outcome.error, seconds=outcome.seconds)
    target = Path(job.target)
    try:
        with staging(out_dir, target.parent) as stage:
            for name, data in outcome.files.items():
                (stage / name).write_bytes(data)
    except OSError as exc:
        return EditionResult(slug, False, error=f"{target.parent}: cannot write: {exc}", seconds=outcome.seconds)
    cfg = job.config
    html_name = f"{target.name.removesuffix('.xml')}.html"
    summary = {"slug": slug, "title": cfg.title, "author": cfg.author, "date": cfg.date,
               "source": _source_line(cfg), "href": f"{slug}/{html_name}", "tei": f"{slug}/{target.name}",
               "exports": [{**export, "href": f"{slug}/{export['href']}"} for export in site_exports(target.name)]}
    return EditionResult(slug, True, target, target.parent / html_name, summary, outcome.messages,
                         outside=cfg.outside, seconds=outcome.seconds)


def build_edition(config_path: Path, out_dir: Path, allow_outside: bool = False) -> EditionResult:
    """Encode, validate and render one edition here; errors become the result, never escape."""
    job = prepare_edition(config_path, out_dir, allow_outside)
    return finish_edition(config_path, job, job if isinstance(job, Exception) else run_job(job), out_dir)


def describe(exc: Exception) -> str:
    if isinstance(exc, TeikitError | WorkerDied):
        return str(exc)
    return "internal error:\n" + "".join(traceback.format_exception(exc))


def _source_line(cfg) -> str:
    o = cfg.original
    parts = [o.series or o.title, o.publisher, o.place, o.date]
    return ", ".join(p for p in parts if p)


def build_all(editions_dir: Path, out_dir: Path, *, jobs: int = 1, fail_fast: bool = False,
              on_result: Callable[[EditionResult], None] | None = None,
              scheduler: str | None = None, allow_outside: bool = False) -> list[EditionResult]:
    """Build every edition in `editions_dir`, then the site index; results in edition order.

    `on_result` hears of each edition as it finishes (for progress). With `scheduler` (a
    Dask scheduler address) the work runs on that cluster; its workers need teikit, not
    this disk: each task carries its inputs and returns its outputs (teikit/tasks.py).
    With `allow_outside`, editions may read files outside their folder (each is reported).
    """
    configs = find_editions(editions_dir)
    out_dir = Path(out_dir).absolute()
    prepare_output(out_dir)
    results: dict[Path, EditionResult] = {}
    with Runner(jobs, scheduler, warm_up) as runner:
        items = ((config, prepare_edition(config, out_dir, allow_outside)) for config in configs)
        for config, job, outcome in runner.results(run_job, items):
            result = results[config] = finish_edition(config, job, outcome, out_dir)
            if on_result:
                on_result(result)
            if fail_fast and not result.ok:
                break
    ordered = [results[config] for config in configs if config in results]
    with staging(out_dir, out_dir) as stage:
        render_site([r.summary for r in ordered if r.ok], stage)
        publish_schemas(stage)
    return ordered
