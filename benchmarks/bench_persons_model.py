"""Benchmark: what the statistical stage of person finding adds to encoding.

    python benchmarks/bench_persons_model.py [SOURCE ...] [--runs 3]

Encodes each source (default: the 1.1 MB book, editions/trotsky-writings-1936-37) in a
fresh process with the NER model off and on, and prints CPU time (user + system, the
steadier figure on a shared machine) and wall time, the best of `--runs`, with how many
windows and characters the model read. The model's load (~1 s) is part of the cost.
The budget (issue 18): at most 4 s more than without the model, on one core.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "editions" / "trotsky-writings-1936-37" / "source.txt"

CHILD = """
import json, sys, time, dataclasses
source, model = sys.argv[1], sys.argv[2] == "on"
from pathlib import Path
from teikit.config import EditionConfig, load_config
from teikit.encode import encode_source
from teikit.passes import persons_model
read = {"windows": 0, "chars": 0}
recognise = persons_model.recognise
def counting(nlp, pieces):
    read["windows"] += len(pieces)
    read["chars"] += sum(len(text) for _, _, text in pieces)
    return recognise(nlp, pieces)
persons_model.recognise = counting
config = Path(source).parent / "edition.yaml"
cfg = load_config(config) if config.is_file() else EditionConfig()
cfg.passes.setdefault("persons", {})["model"] = model
t0, c0 = time.perf_counter(), time.process_time()
doc = encode_source(source, cfg).doc
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "persons": doc.facts.persons.marked, **read}))
"""


def measure(source: Path, model: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(source), model], capture_output=True, text=True,
                             check=True, cwd=ROOT, env={"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                                                         **__import__("os").environ})
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return min(results, key=lambda r: r["cpu"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[BOOK])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| source | MB | model | CPU s | wall s | persons marked | windows | chars read |")
    print("|---|---|---|---|---|---|---|---|")
    for source in args.sources:
        size = source.stat().st_size / 1e6
        off, on = measure(source, "off", args.runs), measure(source, "on", args.runs)
        for name, r in (("off", off), ("on", on)):
            print(f"| {source.parent.name}/{source.name} | {size:.2f} | {name} | {r['cpu']:.2f} | {r['wall']:.2f} "
                  f"| {r['persons']} | {r['windows']} | {r['chars']} |")
        print(f"\nthe model adds {on['cpu'] - off['cpu']:.2f} s CPU ({on['wall'] - off['wall']:.2f} s wall) "
              f"to {source.name}")


if __name__ == "__main__":
    main()
