"""Peak memory and wall time of `teikit export` on a large TEI: a given file, or synthetic ones.

    .venv/bin/python benchmarks/bench_export.py --mb 20 --mb 100            # --to standoff
    .venv/bin/python benchmarks/bench_export.py book.tei.xml --to webanno
    .venv/bin/python benchmarks/bench_export.py --mb 20 --out table.md      # run_all's table

The synthetic TEI is bench_render.py's (teikit's shape: a line break per source line, page
breaks with furniture, split words, corrections, persons, dates, footnotes and endnotes).
Each file is exported once by `teikit export` in a process of its own, writing a file, and
its wall and CPU time and peak resident memory are reported, also as a multiple of the
file's size (issue 17 asks for under 5x at 100 MB).
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_render import MEMORY_TABLE, memory_row, peak_teikit, synthetic_files

from teikit.export import FORMATS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tei", nargs="?", type=Path, help="a TEI file; default: synthesise one per --mb")
    parser.add_argument("--mb", type=float, action="append", help="size of the synthetic TEI in MB (repeatable)")
    parser.add_argument("--to", default="standoff", choices=list(FORMATS), help="the export format")
    parser.add_argument("--out", type=Path, help="write the figures here as a Markdown table")
    args = parser.parse_args()
    table = list(MEMORY_TABLE)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        inputs = [args.tei] if args.tei else synthetic_files(args.mb or [20.0], tmp_dir)
        for path in inputs:
            exported = tmp_dir / f"{path.name}.{args.to}"
            table.append(memory_row(path, peak_teikit(path, "export", "--to", args.to, "-o", str(exported))))
            exported.unlink()
    if args.out:
        args.out.write_text("\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
