"""Score teikit on the generalisation dev set in one go: texts teikit was not built on.

    python3 benchmarks/score_dev.py [--shared DIR] [--json OUT.json] [--no-model] [FOLDER...]

Each `<name>.txt` under `external-dev/<folder>/` is encoded as a new user would encode it
(no edition.yaml, the profile teikit picks), then scored by `eval/score.py` against every
gold file of that text. Counts are summed per folder (micro-averaged), so a folder's F1 is
that of all its mentions together. Nothing from the dev set is kept: outputs go to a
temporary folder. `--no-model` encodes with the persons pass's statistical recogniser off
(an edition.yaml saying only `passes: {persons: {model: false}}`), to weigh what it adds.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared"))

#: the metrics summed as F1 from matched, gold and output counts
F1_METRICS = ("persons", "dates", "forme", "pages", "heads", "note_refs", "note_texts")
COLUMNS = ("persons", "keys", "dates", "values", "forme", "pages", "heads", "note_refs",
           "note_texts", "breaks", "text", "corr")


def encode(source: Path, out: Path, config: Path | None = None) -> tuple[int, str]:
    """Encode like a new user: `teikit encode SOURCE -o OUT`; return exit code and stderr."""
    options = ["-c", str(config)] if config else []
    proc = subprocess.run([sys.executable, "-m", "teikit", "encode", str(source), "-o", str(out), *options],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stderr


def score(encoded: Path, golds: list[Path], score_py: Path) -> list[dict]:
    proc = subprocess.run([sys.executable, str(score_py), str(encoded), *map(str, golds), "--json"],
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"score.py failed on {encoded}: {proc.stderr.strip()}")
    return [f["metrics"] for f in json.loads(proc.stdout)["files"]]


class Tally:
    """Summed counts of one group of files, turned into the table's figures."""

    def __init__(self) -> None:
        self.counts: dict[str, float] = defaultdict(float)

    def add(self, metrics: dict) -> None:
        c = self.counts
        for kind in F1_METRICS:
            m = metrics.get(kind) or {}
            c[kind + ".gold"] += m.get("gold", 0)
            c[kind + ".out"] += m.get("out", 0)
            c[kind + ".tp_gold"] += m.get("tp_gold", 0)
            c[kind + ".tp_out"] += m.get("tp_out", 0)
        dates = metrics.get("dates") or {}
        c["values.n"] += dates.get("value_n", 0)
        c["values.ok"] += dates.get("value_ok", 0)
        keys = (metrics.get("persons") or {}).get("keys") or {}
        for name in ("both", "gold_pairs", "out_pairs"):
            c["keys." + name] += keys.get(name, 0) or 0
        breaks = metrics.get("breaks") or {}
        c["breaks.gold"] += breaks.get("gold", 0)
        c["breaks.ok"] += breaks.get("correct", 0)
        text = metrics.get("text") or {}
        c["text.gold"] += text.get("gold", 0)
        c["text.ok"] += text.get("gold", 0) - text.get("sub", 0) - text.get("del", 0)
        corr = metrics.get("corrections") or {}
        c["corr.gold"] += corr.get("gold", 0)
        c["corr.ok"] += corr.get("correct", 0)

    def figure(self, column: str) -> float | None:
        c = self.counts
        if column in F1_METRICS:
            gold, out = c[column + ".gold"], c[column + ".out"]
            if not gold and not out:
                return None
            p = c[column + ".tp_out"] / out if out else 0.0
            r = c[column + ".tp_gold"] / gold if gold else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0
        if column == "keys":
            gp, op = c["keys.gold_pairs"], c["keys.out_pairs"]
            if not gp and not op:
                return None
            p = c["keys.both"] / op if op else 0.0
            r = c["keys.both"] / gp if gp else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0
        denominator = {"values": "values.n", "breaks": "breaks.gold", "text": "text.gold",
                       "corr": "corr.gold"}[column]
        numerator = {"values": "values.ok", "breaks": "breaks.ok", "text": "text.ok",
                     "corr": "corr.ok"}[column]
        return c[numerator] / c[denominator] if c[denominator] else None


def table(tallies: dict[str, Tally]) -> str:
    head = "| folder | " + " | ".join(COLUMNS) + " |"
    rows = [head, "|" + "---|" * (len(COLUMNS) + 1)]
    for name, tally in tallies.items():
        cells = []
        for column in COLUMNS:
            value = tally.figure(column)
            cells.append("-" if value is None else f"{value:.2f}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", help="folders of external-dev to score (default: all)")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--json", type=Path, help="also write the per-file metrics here")
    ap.add_argument("--no-model", action="store_true", help="persons without the statistical recogniser")
    args = ap.parse_args(argv)
    dev = args.shared / "external-dev"
    score_py = args.shared / "eval" / "score.py"
    folders = args.folders or sorted(p.name for p in dev.iterdir() if p.is_dir())
    tallies: dict[str, Tally] = {}
    total = Tally()
    per_file: dict[str, dict] = {}
    failures = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        config = None
        if args.no_model:
            config = Path(tmp) / "edition.yaml"
            config.write_text("passes:\n  persons:\n    model: false\n", encoding="utf-8")
        for folder in folders:
            tally = tallies[folder] = Tally()
            for source in sorted((dev / folder).glob("*.txt")):
                golds = sorted(source.parent.glob(source.stem + ".*.json"))
                if not golds:
                    continue
                out = Path(tmp) / (source.stem + ".xml")
                code, stderr = encode(source, out, config)
                if code or not out.exists():
                    last = stderr.strip().splitlines()[-1:] or ["(no message)"]
                    failures.append(f"{folder}/{source.name}: exit {code}: {last[0]}")
                    continue
                for gold, metrics in zip(golds, score(out, golds, score_py)):
                    tally.add(metrics)
                    total.add(metrics)
                    per_file[f"{folder}/{gold.name}"] = metrics
    tallies["all"] = total
    print(table(tallies))
    print(f"\n{len(per_file)} gold files scored in {time.perf_counter() - started:.0f} s")
    for line in failures:
        print("FAILED", line)
    if args.json:
        args.json.write_text(json.dumps(per_file, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
