"""PDF of a rendered edition: `teikit render --pdf` (WeasyPrint, part by part) against headless Chromium.

    python benchmarks/bench_pdf.py [EDITION.html] [--chromium /usr/bin/chromium] [--out FILE.md]

Default input: the book (editions/trotsky-writings-1936-37) encoded and rendered into a
temporary folder. Each engine prints the same HTML and print.css in a fresh process tree:
WeasyPrint as `teikit render --pdf` does (teikit.render.pdf.write_pdf, parts of about
PART_BYTES of HTML), in one process and in as many as `render --pdf` takes by default
(one a core, at most MAX_DEFAULT_JOBS), Chromium in one go. The table gives wall and CPU seconds and peak
memory of the whole tree (the sum of the proportional set sizes of its processes, sampled
every 0.2 s: Chromium runs a browser, a renderer and a print compositor, so the largest
single RSS would understate it), the pages printed, and which print features the engine
honours, each tested on a small page (`FEATURES`): print.css's, and the named page per
chapter that running heads would need in Chromium, which has no string-set.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from teikit.render.pdf import PART_BYTES, default_jobs

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "editions" / "trotsky-writings-1936-37"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"]
#: what `teikit render --pdf` runs, its PDF moved to where the benchmark wants it
WEASYPRINT = ("import shutil, sys; from teikit.render.pdf import write_pdf; "
              "shutil.move(write_pdf(sys.argv[1], int(sys.argv[3])), sys.argv[2])")

#: print features: a made-up page each, and what the PDF's text shows where the engine honours it
FEATURES = {
    "page numbers (@page margin box)": ("@page { @bottom-center { content: 'Folio' counter(page); } }", "<p>Text.</p>",
                                        lambda text: "Folio1" in text),
    "running heads (string-set)": ("@page { @top-center { content: string(head); } } h2 { string-set: head content(text); }",
                                   "<h2>Harbourmaster</h2><p>Text.</p>", lambda text: text.count("Harbourmaster") == 2),
    "page-foot footnotes (float: footnote)": (".fn { float: footnote; }",
                                              "<p>A call<span class='fn'>Floated</span> here.</p><p>Last words.</p>",
                                              lambda text: text.find("Floated") > text.find("Lastwords")),
    "margin numbers (absolute ::after)": ("p { position: relative; margin-left: 30mm; } "
                                          ".ln::after { content: 'Margin' attr(data-n); position: absolute; left: -25mm; }",
                                          "<p><span class='ln' data-n='5'></span>Text.</p>", lambda text: "Margin5" in text),
    "running heads (a named page per chapter)": ("@page harbour { @top-center { content: 'Harbourmaster'; } } "
                                                 "section { page: harbour; }",
                                                 "<section><h2>Arrival</h2><p>Text.</p></section>",
                                                 lambda text: "Harbourmaster" in text),
}


def process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(children.get(pid, []))
    return tree


def run_measured(argv: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of a command's process tree and its peak summed PSS in MB."""
    tick = os.sysconf("SC_CLK_TCK")
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, cwd=ROOT)
    cpu: dict[int, float] = {}
    peak = 0
    while child.poll() is None:
        total = 0
        for pid in process_tree(child.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
                total += next(int(line.split()[1]) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                              if line.startswith("Pss:"))
            except (OSError, StopIteration):
                continue
        peak = max(peak, total)
        time.sleep(0.2)
    if child.returncode:
        raise SystemExit(f"{argv[0]} failed with exit code {child.returncode}")
    return {"seconds": time.perf_counter() - started, "cpu": sum(cpu.values()), "peak_mb": peak / 1024}


def engines(chromium: str) -> dict[str, callable]:
    """The engines installed here, each a function (html, pdf) -> argv."""
    found = {}
    if importlib.util.find_spec("weasyprint") and importlib.util.find_spec("pypdf"):
        from weasyprint import __version__
        for jobs in sorted({1, default_jobs()}):
            name = f"WeasyPrint {__version__}, `render --pdf -j {jobs}` in parts of {PART_BYTES // 1024} KB of HTML"
            found[name] = lambda html, pdf, jobs=jobs: [sys.executable, "-c", WEASYPRINT, str(html), str(pdf), str(jobs)]
    if shutil.which(chromium):
        version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.split()
        name = f"Chromium {version[1] if len(version) > 1 else ''}, one document"
        found[name] = lambda html, pdf: [chromium, *CHROMIUM_ARGS, f"--print-to-pdf={pdf}", html.as_uri()]
    return found


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "-"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:"))


def honoured(command, work: Path) -> list[str]:
    """The FEATURES the engine shows in its PDF's text (poppler's pdftotext reads it)."""
    if not shutil.which("pdftotext"):
        return ["? (pdftotext, from poppler-utils, is absent)"]
    found = []
    for name, (css, body, shows) in FEATURES.items():
        html, pdf = work / "feature.html", work / "feature.pdf"
        html.write_text(f"<html><head><style>{css}</style></head><body>{body}</body></html>")
        subprocess.run(command(html, pdf), capture_output=True, check=True, cwd=ROOT)
        if shows(pdf_text(pdf).replace(" ", "")):
            found.append(name)
    return found


def book_html(work: Path) -> Path:
    tei = work / "book.xml"
    subprocess.run([sys.executable, "-m", "teikit", "encode", str(BOOK / "source.txt"), "-c", str(BOOK / "edition.yaml"),
                    "-o", str(tei)], capture_output=True, check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "teikit", "render", str(tei), "-o", str(work / "html")],
                   capture_output=True, check=True, cwd=ROOT)
    return work / "html" / "book.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", nargs="?", type=Path, help="a rendered edition (default: the book)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", type=Path, help="write the table as Markdown here")
    args = parser.parse_args()
    rows = ["| engine | wall s | cpu s (all processes) | peak MB (summed PSS) | pages | honours |",
            "|---|---:|---:|---:|---:|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        html = (args.html or book_html(work)).resolve()
        installed = engines(args.chromium)
        rows += [f"| {name} | - | - | - | - | not installed |" for name in ("WeasyPrint", "Chromium")
                 if not any(found.startswith(name) for found in installed)]
        for name, command in installed.items():
            pdf = work / "printed.pdf"
            figures = run_measured(command(html, pdf))
            rows.append(f"| {name} | {figures['seconds']:.1f} | {figures['cpu']:.1f} | {figures['peak_mb']:.0f} | "
                        f"{pages(pdf)} | {'; '.join(honoured(command, work)) or 'none of the above'} |")
            print(rows[-1], flush=True)
    if args.out:
        args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
