"""Benchmark: encoding time and peak memory, on the corpus and on growing synthetic inputs.

    python benchmarks/bench_encode.py [--sizes 1,2,4,8,16] [--repeat 3] [--out results.md]

Each measurement runs in a fresh process so peak RSS belongs to that input alone. The
synthetic input of size k is the 1.1 MB book repeated k times, so growth should be linear.
"encode s" is wall time of encoding and serializing; on a shared machine read the CPU
columns: encoding, and the check `teikit encode` makes before writing (RELAX NG and the
rules of teikit.sch).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "editions" / "trotsky-writings-1936-37"

CHILD = """
import json, resource, sys, time
from teikit.config import load_config
from teikit.encode import encode_source, serialize
from teikit.validate import check_bytes
cfg = load_config(sys.argv[2]) if sys.argv[2] != "-" else None
check_bytes(b"<x/>", "warm-up")  # schemas compile once per process, not per file
t0, c0 = time.perf_counter(), time.process_time()
result = encode_source(sys.argv[1], cfg)
data = serialize(result.tree)
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
c1 = time.process_time()
check_bytes(data, "<output>")
validate_cpu = time.process_time() - c1
print(json.dumps({"seconds": elapsed, "cpu": cpu, "validate_cpu": validate_cpu,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "out_bytes": len(data)}))
"""


def measure(source: Path, config: Path | None, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", CHILD, str(source), str(config or "-")],
                             check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "validate_cpu": statistics.median(r["validate_cpu"] for r in runs),
            "peak_mb": max(r["peak_kb"] for r in runs) / 1024, "out_bytes": runs[0]["out_bytes"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8,16")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = []
    for edition in sorted((ROOT / "editions").glob("*/edition.yaml")):
        source = edition.parent / "source.txt"
        rows.append((edition.parent.name, source.stat().st_size, measure(source, edition, args.repeat)))
    book = (BOOK / "source.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for k in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"book-x{k}.txt"
            path.write_text(book * k, encoding="utf-8")
            rows.append((f"book x{k}", path.stat().st_size, measure(path, BOOK / "edition.yaml", args.repeat)))
    lines = ["| input | source MB | encode s | s per MB | encode CPU s | validate CPU s | peak MB | peak / input |",
             "|---|---|---|---|---|---|---|---|"]
    for name, size, m in rows:
        mb = size / 1e6
        lines.append(f"| {name} | {mb:.2f} | {m['seconds']:.2f} | {m['seconds'] / mb:.2f} | {m['cpu']:.2f} | "
                     f"{m['validate_cpu']:.2f} | {m['peak_mb']:.0f} | {m['peak_mb'] / mb:.0f}x |")
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
