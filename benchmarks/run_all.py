"""Regenerate the measured part of benchmarks/RESULTS.md in one command, with the machine and the date.

    python benchmarks/run_all.py [--sizes 1,4,16] [--scales 1,4,16,64] [--quick]

Runs, each in fresh processes: the book encoded in one process (CPU of encode, best of
three, and the peak RSS of `teikit encode`), the growth benchmark (bench_growth.py: each
dimension of a text grown alone) and the stage benchmark (bench_all.py: encode, validate,
render per input, the book repeated, the corpus built), `teikit render` of a 20 and a 100 MB
TEI (bench_render.py --memory: peak memory), `teikit validate` and `teikit export --to
standoff` of the same sizes (bench_validate.py --memory, bench_export.py) and the PDF
benchmark (bench_pdf.py: the book printed as `render --pdf` prints it, by WeasyPrint in
parts, and by Chromium). The tables replace what stands
between the two `run_all` markers of RESULTS.md; the notes below them (fuzzing, batch) are
kept, being campaigns rather than measurements to repeat.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BOOK = ROOT / "editions" / "trotsky-writings-1936-37"
BEGIN, END = "<!-- run_all: begin -->", "<!-- run_all: end -->"

#: encode the book in one process: best CPU of three runs after a warm-up
BOOK_CPU = """
import sys, time
from teikit.config import load_config
from teikit.encode import encode_source, serialize
cfg = load_config(sys.argv[2])
serialize(encode_source(sys.argv[1], cfg).tree)
best = 9e9
for _ in range(3):
    c = time.process_time()
    serialize(encode_source(sys.argv[1], cfg).tree)
    best = min(best, time.process_time() - c)
print(best)
"""


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, {mem} MB RAM; {platform.platform()}; Python {platform.python_version()}; "
            f"load average at the start {load}")


def book_figures() -> list[str]:
    source, config = BOOK / "source.txt", BOOK / "edition.yaml"
    cpu = float(subprocess.run([sys.executable, "-c", BOOK_CPU, str(source), str(config)], capture_output=True,
                               text=True, check=True, cwd=ROOT).stdout.strip())
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("A short line of made-up text.\n", encoding="utf-8")
        base, peak = (encode_peak_mb(text, config, Path(tmp)) for text in (tiny, source))
    size = source.stat().st_size / 1e6
    return ["| measure | value |", "|---|---|",
            f"| book source | {size:.2f} MB |",
            f"| encode + serialise, one process, best of 3 | {cpu:.2f} s CPU (target < 1 s) |",
            f"| `teikit encode` peak RSS | {peak:.0f} MB = {peak / size:.0f}x the source (target < 20x) |",
            f"| of which the baseline (interpreter, libraries, NER model, word table: a one-line text) | {base:.0f} MB |",
            f"| of which the document | {peak - base:.0f} MB = {(peak - base) / size:.0f}x the source |"]


def encode_peak_mb(source: Path, config: Path, tmp: Path) -> float:
    """Peak RSS of `teikit encode SOURCE` in its own process (RUSAGE_CHILDREN keeps the largest child)."""
    script = ("import resource, sys\nfrom teikit.cli import cli\n"
              "try: cli.main(sys.argv[1:], prog_name='teikit')\n"
              "except SystemExit as end:\n    if end.code: raise\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", script, "encode", str(source), "-c", str(config), "-o",
                           str(tmp / "out.xml")], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(done.stdout.strip().splitlines()[-1]) / 1024


def run(script: str, *args: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.md"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args, "--out", str(out)],
                       check=True, cwd=ROOT)
        return out.read_text(encoding="utf-8").splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="multiples of the book for bench_all")
    parser.add_argument("--scales", default="1,4,16,64", help="scales for bench_growth")
    parser.add_argument("--quick", action="store_true", help="scales 1,4,16 and the book once: a trial run")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.scales = "1", "1,4,16"
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    command = " ".join(["python benchmarks/run_all.py", *sys.argv[1:]])
    section = [BEGIN, "", f"Measured on {started} by `{command}`.", "", f"Machine: {machine()}.", "",
               "CPU seconds are the steadier figure on a shared machine; wall time is not shown where it",
               "only measures the other jobs.", "",
               "## The book, encoded", "", *book_figures(), "",
               "## Growth: one dimension of a made-up text grown alone", "",
               "Per unit: CPU above the same process's cost for a 1-unit text, the Python heap's peak",
               "(tracemalloc) and the TEI tree's nodes (libxml2's heap, which tracemalloc does not see);",
               "linear means the per-unit cost stays flat (target: within 1.5x from 1x to 64x).", "",
               *run("bench_growth.py", "--scales", args.scales), "",
               *run("bench_all.py", "--sizes", args.sizes), "",
               "## `teikit render` of large TEI: peak memory (target under 5x the file at 100 MB)", "",
               *run("bench_render.py", "--memory", "--mb", "20", "--mb", "100"), "",
               "## `teikit validate` of large TEI: peak memory (target under 5x the file at 100 MB)", "",
               *run("bench_validate.py", "--memory", "--mb", "20", "--mb", "100"), "",
               "## `teikit export --to standoff` of large TEI: peak memory (target under 5x the file at 100 MB)", "",
               *run("bench_export.py", "--mb", "20", "--mb", "100"), "",
               "## PDF of the book: `render --pdf` (WeasyPrint, in parts) against headless Chromium "
               "(target < 15 s, < 500 MB)", "",
               *run("bench_pdf.py"), "", END]
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + "\n".join(section) + text[text.index(END) + len(END):]
    else:
        head, _, rest = text.partition("\n\n")
        text = f"{head}\n\n" + "\n".join(section) + "\n\n" + rest
    RESULTS.write_text(text, encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
