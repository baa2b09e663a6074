"""A naive baseline for persons and dates, to show what the real passes add.

Every capitalised word that does not start a sentence is tagged persName, every
4-digit number a date (`when` = the number); the source's lines go into `<p>`s
(split at blank lines) with `<lb/>`s and no other markup. The script writes that
TEI for each corpus text with a gold file and prints score.py's persons and dates
rows for it and for the summed gold:

    .venv/bin/python benchmarks/baseline_persons_dates.py [--corpus ../shared/corpus]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[2] / "shared"
TOKEN = re.compile(r"(?P<cap>(?<![\w'’-])[A-Z][A-Za-z'’-]*[A-Za-z])|(?P<year>(?<![\d,.])\d{4}(?![\d]))")
SENTENCE_END = re.compile(r"(?:^|[.!?:]['\"”’)]?)\s*$")


def tag_line(line: str, at_sentence_start: bool) -> tuple[str, bool]:
    """One source line with the baseline's tags; whether the next line starts a sentence."""
    out, pos = [], 0
    for m in TOKEN.finditer(line):
        out.append(escape(line[pos:m.start()]))
        word = escape(m.group())
        if m.group("year"):
            out.append(f'<date when="{m.group()}">{word}</date>')
        elif _starts_sentence(line[:m.start()], at_sentence_start):
            out.append(word)
        else:
            out.append(f"<persName>{word}</persName>")
        pos = m.end()
    out.append(escape(line[pos:]))
    stripped = line.rstrip()
    return "".join(out), not stripped or stripped[-1] in ".!?:"


def _starts_sentence(before: str, line_starts_sentence: bool) -> bool:
    if not before.strip():
        return line_starts_sentence
    return SENTENCE_END.search(before) is not None


def baseline_tei(text: str) -> str:
    paragraphs, current, start = [], [], True
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                paragraphs.append("<p>" + "".join(current) + "</p>")
                current = []
            start = True
            continue
        tagged, start = tag_line(line.rstrip(), start)
        current.append(f'<lb n="{n}"/>{tagged}\n')
    if current:
        paragraphs.append("<p>" + "".join(current) + "</p>")
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n'
            + "\n".join(paragraphs) + "\n</body></text></TEI>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SHARED / "corpus"))
    parser.add_argument("--gold", default=str(SHARED / "gold"))
    args = parser.parse_args()
    totals: dict[str, list[int]] = {"persons": [0, 0, 0, 0], "dates": [0, 0, 0, 0]}
    for gold in sorted(Path(args.gold).glob("*.json")):
        source = Path(args.corpus) / json.loads(gold.read_text())["source"]
        with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False, encoding="utf-8") as tmp:
            tmp.write(baseline_tei(source.read_text(encoding="utf-8")))
        result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), tmp.name, str(gold),
                                 "--corpus", args.corpus, "--json"], capture_output=True, text=True)
        Path(tmp.name).unlink()
        scored = json.loads(result.stdout)["total"]
        line = [gold.name[:3]]
        for kind in ("persons", "dates"):
            row = scored.get(kind) or {}
            counts = [row.get(k, 0) for k in ("gold", "out", "tp_gold", "tp_out")]
            totals[kind] = [a + b for a, b in zip(totals[kind], counts)]
            line.append(f"{kind} F1={_f1(*counts):.3f}")
        print("  ".join(line))
    print("all   " + "  ".join(f"{kind} F1={_f1(*counts):.3f}" for kind, counts in totals.items()))


def _f1(gold: int, out: int, tp_gold: int, tp_out: int) -> float:
    precision = tp_out / out if out else 0.0
    recall = tp_gold / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


if __name__ == "__main__":
    main()
