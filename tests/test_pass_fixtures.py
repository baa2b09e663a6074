"""Per-pass fixtures: a small made-up text in, the model as `Document.dump()` gives it out.

`tests/fixtures/passes/<pass>/<case>.txt` is run through the pipeline up to and including
`<pass>` (the profile named on a first line `profile: NAME`, else `book`) and compared with
`<case>.dump` beside it, the way markdown-it-py keeps its rule fixtures: a pass can be read
and tested without the TEI writer. `pytest --update-golden` rewrites the dumps; review the diff.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from teikit.passes import PASSES
from teikit.pipeline import build_pipeline, run_pipeline
from teikit.profiles import profile_options
from teikit.reader import document_from_text
from teikit.report import Report

FIXTURES = Path(__file__).parent / "fixtures" / "passes"
CASES = sorted(FIXTURES.glob("*/*.txt"))


def run_through(pass_name: str, text: str) -> str:
    """The dump after the passes up to `pass_name`, and the messages they reported."""
    profile = "book"
    first, _, rest = text.partition("\n")
    if first.startswith("profile:"):
        profile, text = first.split(":", 1)[1].strip(), rest
    names = [spec.name for spec in PASSES]
    specs = PASSES[: names.index(pass_name) + 1]
    doc = document_from_text(text, "case.txt")
    doc.profile = profile
    report = Report(file="case.txt")
    options = {name: values for name, values in profile_options(profile).items() if name in names[: len(specs)]}
    doc = run_pipeline(doc, build_pipeline(specs, options), report)
    messages = "".join(f"message: {message}\n" for message in report.messages)
    return doc.dump() + messages


def test_every_fixture_folder_names_a_pass():
    names = {spec.name for spec in PASSES}
    assert {case.parent.name for case in CASES} <= names


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_pass_fixture(case: Path, update_golden: bool):
    got = run_through(case.parent.name, case.read_text(encoding="utf-8"))
    expected = case.with_suffix(".dump")
    if update_golden:
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"{expected.name} is missing: run pytest --update-golden and review it"
    assert got == expected.read_text(encoding="utf-8")
