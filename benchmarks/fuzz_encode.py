"""A long fuzzing campaign: the properties of tests/test_robustness.py, many more cases.

    python benchmarks/fuzz_encode.py [--target encode|config|tei] [--minutes 10] [--out failures.txt]

Targets: `encode` (source text: valid TEI, exact round trip), `config` (any edition.yaml
loads or is one ConfigError line, and its paths stay inside), `tei` (any TEI from
elsewhere: text, export and render give a result or one TeikitError line).

Hypothesis runs rounds of examples with fresh seeds until the time is up. A failure is
shrunk to a minimal input, recorded by its kind (exception and where it was raised, or
the schema problem, or a broken round trip) and from then on tolerated, so the campaign
goes on looking for failures of other kinds instead of finding the same one again.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import strategies as st  # noqa: E402
from test_robustness import (  # noqa: E402
    ADVERSARIAL_TEXT, EDITION_YAML, PROFILES, TEI_TREES, check_config_properties, check_encoding_properties,
    check_tei_properties,
)


def in_scratch_folder(check):
    """A check that takes a folder, run in a fresh temporary one."""
    def run(case):
        with tempfile.TemporaryDirectory() as folder:
            check(case, Path(folder))
    return run


#: target -> (strategy of one case, the property it must have)
TARGETS = {
    "encode": (st.tuples(ADVERSARIAL_TEXT, PROFILES), lambda case: check_encoding_properties(*case)),
    "config": (EDITION_YAML, in_scratch_folder(check_config_properties)),
    "tei": (TEI_TREES, in_scratch_folder(check_tei_properties)),
}


def failure_kind(error: BaseException) -> str:
    """What makes two failures the same bug: the schema problem, or the exception and its origin."""
    if isinstance(error, AssertionError):
        return str(error).split(";")[0].split("\n")[0][:160]
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def campaign(minutes: float, round_size: int, target: str = "encode") -> tuple[int, dict[str, tuple[str, str]]]:
    """Run until `minutes` pass; returns the cases tried and, by kind, a minimal input and traceback."""
    known: dict[str, tuple[str, str]] = {}
    tried = 0
    last_failing: list = [None]   # the shrinker's last failing call is the minimal input

    strategy, check = TARGETS[target]

    @settings(max_examples=round_size, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
              report_multiple_bugs=False, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def property_(case):
        nonlocal tried
        tried += 1
        try:
            check(case)
        except BaseException as error:  # noqa: BLE001 - every failure is data here
            if failure_kind(error) not in known:
                last_failing[0] = case
                raise

    deadline = time.monotonic() + minutes * 60
    while time.monotonic() < deadline:
        try:
            property_()
        except BaseException as error:  # noqa: BLE001
            cause = error.__cause__ or error
            kind = failure_kind(cause)
            known[kind] = (f"case={last_failing[0]!r}", "".join(traceback.format_exception(cause))[-3000:])
            print(f"new failure after {tried} cases: {kind}", flush=True)
    return tried, known


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=sorted(TARGETS), default="encode")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--round-size", type=int, default=500)
    parser.add_argument("--out", type=Path, help="write the minimal failing inputs and tracebacks here")
    args = parser.parse_args()
    started = time.monotonic()
    tried, failures = campaign(args.minutes, args.round_size, args.target)
    report = [f"# fuzz_encode --target {args.target}: {tried} cases in {(time.monotonic() - started) / 60:.1f} min, "
              f"{len(failures)} kinds of failure"]
    for kind, (example, trace) in failures.items():
        report += ["", f"## {kind}", example, "", trace]
    if args.out:
        args.out.write_text("\n".join(report) + "\n", encoding="utf-8")
        print(report[0])
    else:
        print("\n".join(report))


if __name__ == "__main__":
    main()
