"""Time `teikit encode` on one paragraph that grows line by line, to show the cost is linear.

    python benchmarks/bench_writer.py                 # 2,500 lines, grown 1x..64x
    python benchmarks/bench_writer.py --lines 1000    # a smaller base

A paragraph of many short lines with no blank line between them is the case that once
cost quadratic time (the writer asked lxml for the length of a growing paragraph at every
line). The time per line should stay flat as the paragraph grows.
"""
from __future__ import annotations

import argparse
import time

from teikit.encode import encode_text

WORDS = "the committee met in the great hall to hear the report on the general strike".split()


def paragraph(lines: int) -> str:
    """One paragraph of short lines, every fifth ending in a hyphenated split word."""
    out = []
    for i in range(lines):
        words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(4))
        out.append(words + (" commit-" if i % 5 == 4 else ""))
        if i % 5 == 4 and i + 1 < lines:
            out.append("tee " + WORDS[i % len(WORDS)])
    return "Title of the paper\n\n" + "\n".join(out[:lines]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2500, help="lines in the 1x paragraph")
    args = parser.parse_args()
    encode_text(paragraph(50))      # warm up: the word-frequency table loads once
    print(f"{'factor':>6} {'lines':>8} {'seconds':>8} {'us/line':>8}")
    for factor in (1, 2, 4, 8, 16, 32, 64):
        lines = args.lines * factor
        text = paragraph(lines)
        start = time.perf_counter()
        encode_text(text)
        elapsed = time.perf_counter() - start
        print(f"{factor:>6} {lines:>8} {elapsed:>8.2f} {elapsed / lines * 1e6:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
