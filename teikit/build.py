"""Build every edition: encode, validate, render, and a site index linking them.

Each edition is built on its own: one that fails is reported and the others go on
(unless `fail_fast`). With `jobs > 1` editions are built in parallel processes; the
output is the same as the serial run's, since each edition's work is independent.
"""
from __future__ import annotations

import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .config import load_config
from .encode import encode_source, serialize, write_atomically
from .errors import TeikitError, ValidationError


@dataclass
class EditionResult:
    slug: str
    ok: bool
    tei: Path | None = None
    html: Path | None = None
    summary: dict = field(default_factory=dict)   #: title, author, date, source for the site index
    messages: list[str] = field(default_factory=list)
    error: str = ""


def find_editions(editions_dir: Path) -> list[Path]:
    return sorted(p for p in Path(editions_dir).glob("*/edition.yaml"))


def build_edition(config_path: Path, out_dir: Path) -> EditionResult:
    """Encode, validate and render one edition; errors become the result, never escape."""
    slug = config_path.parent.name
    try:
        cfg = load_config(config_path)
        slug = cfg.slug or slug
        encoded = encode_source(cfg.path(cfg.source), cfg)
        tei_path = out_dir / slug / f"{slug}.xml"
        data = serialize(encoded.tree)
        problems = validate_bytes(data, tei_path)
        if problems:
            raise ValidationError(f"the encoded TEI is not valid ({len(problems)} problems); first: {problems[0]}")
        write_atomically(tei_path, data)
        html = render_edition(tei_path, out_dir / slug, config_path.parent / "templates")
        summary = {"slug": slug, "title": cfg.title, "author": cfg.author, "date": cfg.date,
                   "source": _source_line(cfg), "href": f"{slug}/{html.name}", "tei": f"{slug}/{tei_path.name}"}
        messages = [str(m) for m in encoded.report.messages if m.level != "info"]
        return EditionResult(slug, True, tei_path, html, summary, messages)
    except TeikitError as exc:
        return EditionResult(slug, False, error=str(exc))
    except Exception:  # a bug must not stop the other editions; say where it happened
        return EditionResult(slug, False, error="internal error:\n" + traceback.format_exc())


def _source_line(cfg) -> str:
    o = cfg.original
    parts = [o.series or o.title, o.publisher, o.place, o.date]
    return ", ".join(p for p in parts if p)


def validate_bytes(data: bytes, name: Path) -> list:
    from .validate import check_bytes

    return check_bytes(data, str(name))


def render_edition(tei_path: Path, out_dir: Path, templates: Path) -> Path:
    from .render import render_file

    return render_file(tei_path, out_dir, template_dirs=[templates] if templates.is_dir() else [])


def build_all(editions_dir: Path, out_dir: Path, *, jobs: int = 1, fail_fast: bool = False,
              on_result=None) -> list[EditionResult]:
    configs = find_editions(editions_dir)
    results: list[EditionResult] = []
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(build_edition, c, out_dir) for c in configs]
            for future in futures:
                results.append(future.result())
                if on_result:
                    on_result(results[-1])
                if fail_fast and not results[-1].ok:
                    for f in futures:
                        f.cancel()
                    break
    else:
        for config in configs:
            results.append(build_edition(config, out_dir))
            if on_result:
                on_result(results[-1])
            if fail_fast and not results[-1].ok:
                break
    from .render import render_site

    render_site([r.summary for r in results if r.ok], out_dir)
    return results
