"""Benchmark: encode, validate and render time and peak memory, and the whole corpus built.

    python benchmarks/bench_all.py [--sizes 1,2,4,8,16,32,64] [--out benchmarks/RESULTS.md]

Each stage of each input runs in a fresh process, so its peak RSS belongs to that stage
alone (the interpreter and its imports, ~40 MB, included). Inputs: every edition's
source.txt, then the 1.1 MB book repeated k times, so growth should be linear in k.
Times are wall-clock and CPU (user + system): on a shared machine CPU time is the
steadier figure. Finally `teikit build` of the corpus with 1 and with 2 jobs.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ROOT / "editions"
BOOK = EDITIONS / "trotsky-writings-1936-37"

#: one stage in a child process: argv = stage, source, edition.yaml, TEI path, HTML folder
STAGE = """
import json, resource, sys, time
stage, source, config, tei, html = sys.argv[1:]
t0, c0 = time.perf_counter(), time.process_time()
if stage == "encode":
    from teikit.config import load_config
    from teikit.encode import encode_source, serialize
    open(tei, "wb").write(serialize(encode_source(source, load_config(config)).tree))
elif stage == "validate":
    from teikit.validate import validate_file
    problems = validate_file(tei)
elif stage == "render":
    from teikit.render import render_file
    render_file(tei, html)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
STAGES = ("encode", "validate", "render")


def measure(source: Path, config: Path, work: Path) -> dict[str, dict]:
    """Each stage's wall seconds, CPU seconds and peak MB for one source."""
    tei, html = work / f"{source.stem}.xml", work / "html"
    figures = {}
    for stage in STAGES:
        done = subprocess.run([sys.executable, "-c", STAGE, stage, str(source), str(config), str(tei), str(html)],
                              capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{stage} of {source} failed:\n{done.stderr}")
        figures[stage] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def build_corpus(jobs: int, out: Path) -> dict:
    """Wall and CPU seconds (all processes) of `teikit build` over the corpus."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "teikit", "build", str(EDITIONS), "-o", str(out), "-j", str(jobs)],
                          capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    built = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return {"seconds": time.perf_counter() - started,
            "cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, "summary": built}


def stage_table(rows: list[tuple[str, int, dict]]) -> list[str]:
    lines = ["| input | MB | " + " | ".join(f"{s} s (cpu)" for s in STAGES) + " | encode cpu s/MB | "
             + " | ".join(f"{s} peak MB" for s in STAGES) + " | worst peak / input |",
             "|---" * (3 + 2 * len(STAGES)) + "|---|"]
    for name, size, figures in rows:
        mb = size / 1e6
        times = " | ".join(f"{figures[s]['seconds']:.2f} ({figures[s]['cpu']:.2f})" for s in STAGES)
        peaks = " | ".join(f"{figures[s]['peak_mb']:.0f}" for s in STAGES)
        worst = max(figures[s]["peak_mb"] for s in STAGES) / mb
        lines.append(f"| {name} | {mb:.2f} | {times} | {figures['encode']['cpu'] / mb:.2f} | {peaks} | {worst:.0f}x |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8,16,32,64", help="multiples of the book to time")
    parser.add_argument("--out", type=Path, help="write the tables here as Markdown")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for config in sorted(EDITIONS.glob("*/edition.yaml")):
            source = config.parent / "source.txt"
            rows.append((config.parent.name, source.stat().st_size, measure(source, config, work)))
            print(stage_table(rows)[-1], flush=True)
        book = (BOOK / "source.txt").read_bytes()
        for k in (int(s) for s in args.sizes.split(",")):
            source = work / f"book-x{k}.txt"
            source.write_bytes(book * k)
            rows.append((f"book x{k}", source.stat().st_size, measure(source, BOOK / "edition.yaml", work)))
            print(stage_table(rows)[-1], flush=True)
        builds = {jobs: build_corpus(jobs, work / f"build-j{jobs}") for jobs in (1, 2)}
    report = ["## Stages, per input", "", *stage_table(rows), "", "## The corpus built (`teikit build`)", "",
              "| jobs | wall s | cpu s (all processes) | result |", "|---|---|---|---|"]
    report += [f"| {jobs} | {b['seconds']:.1f} | {b['cpu']:.1f} | {b['summary']} |" for jobs, b in builds.items()]
    print("\n".join(report))
    if args.out:
        args.out.write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
