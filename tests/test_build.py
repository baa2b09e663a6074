"""`teikit build`: every edition built or reported, atomic writes, the same bytes however it runs.

The editions here are small synthetic ones (a few lines each) so the parallel runs stay
quick; SOURCE_DATE_EPOCH fixes the header's date so runs can be compared. Builds on Dask,
with real workers that cannot see this disk, are in test_distributed.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit import tasks as tasks_module
from teikit.build import build_all, build_edition, staging
from teikit.cli import cli

TEXT = """CHAPTER I

The trial opened in Moscow on January 23, 1937. Trotsky
wrote from Mexico that the charges were false, and that
the confessions proved nothing but the methods of the GPU.
"""


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def make_edition(root: Path, slug: str, text: str = TEXT) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(text, encoding="utf-8")
    (folder / "edition.yaml").write_text(
        f"slug: {slug}\ntitle: The {slug.title()} Edition\nauthor: A. Author\ndate: '1937'\nprofile: book\n",
        encoding="utf-8")
    return folder / "edition.yaml"


@pytest.fixture
def editions(tmp_path) -> Path:
    root = tmp_path / "editions"
    for i, slug in enumerate(["alpha", "beta", "gamma"]):
        make_edition(root, slug, TEXT.replace("1937", str(1937 + i)))
    return root


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_tei_html_and_an_index(editions, tmp_path):
    results = build_all(editions, tmp_path / "out")
    assert [(r.slug, r.ok, r.error) for r in results] == [("alpha", True, ""), ("beta", True, ""), ("gamma", True, "")]
    files = tree_bytes(tmp_path / "out")
    assert {"index.html", "alpha/alpha.xml", "alpha/alpha.html"} <= set(files)
    assert b"The Beta Edition" in files["index.html"]
    assert not list((tmp_path / "out").glob(".staging-*"))


def test_parallel_build_is_byte_identical_to_serial(editions, tmp_path):
    serial = build_all(editions, tmp_path / "serial")
    parallel = build_all(editions, tmp_path / "parallel", jobs=2)
    assert [r.ok for r in serial] == [r.ok for r in parallel]
    assert tree_bytes(tmp_path / "serial") == tree_bytes(tmp_path / "parallel")


def test_a_failing_edition_is_reported_and_the_others_are_built(editions, tmp_path):
    (editions / "beta" / "source.txt").write_bytes(b"caf\xe9\n")
    results = build_all(editions, tmp_path / "out")
    assert [r.ok for r in results] == [True, False, True]
    assert "0xe9" in results[1].error and "--encoding latin-1" in results[1].error
    assert not (tmp_path / "out" / "beta").exists()
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Alpha" in index and "Beta" not in index


def test_fail_fast_stops_at_the_first_failure(editions, tmp_path):
    (editions / "alpha" / "source.txt").write_bytes(b"")
    results = build_all(editions, tmp_path / "out", fail_fast=True)
    assert [(r.slug, r.ok) for r in results] == [("alpha", False)]


def test_a_failed_rebuild_leaves_the_old_output_whole(editions, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_all(editions, out)
    before = tree_bytes(out / "alpha")

    def render_half_then_fail(tei_path, out_dir, **_):
        (Path(out_dir) / "alpha.html").write_text("<html><body>half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(tasks_module, "render_file", render_half_then_fail)
    (editions / "alpha" / "source.txt").write_text(TEXT + "A new paragraph.\n", encoding="utf-8")
    result = build_edition(editions / "alpha" / "edition.yaml", out)
    assert not result.ok and "disk full" in result.error
    assert tree_bytes(out / "alpha") == before
    assert not list(out.glob(".staging-*"))


def test_staging_moves_files_only_when_the_work_succeeds(tmp_path):
    target = tmp_path / "site"
    with staging(tmp_path, target) as stage:
        (stage / "a.txt").write_text("new")
    assert (target / "a.txt").read_text() == "new"
    with pytest.raises(RuntimeError), staging(tmp_path, target) as stage:
        (stage / "a.txt").write_text("newer, but the build failed")
        raise RuntimeError
    assert (target / "a.txt").read_text() == "new"


def test_build_command_reports_each_edition_and_the_total(editions, tmp_path):
    (editions / "gamma" / "source.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["build", str(editions), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert sum(line.startswith("[") for line in lines) == 3
    assert any("gamma" in line and "FAILED" in line and "empty" in line for line in lines)
    assert lines[-1] == f"teikit: built 2 of 3 editions into {tmp_path / 'out'}/; failed: gamma"


@pytest.mark.parametrize("args, fragment", [
    (["--executor", "dask"], "--scheduler"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--executor dask"),
])
def test_dask_options_go_together(editions, tmp_path, args, fragment):
    result = CliRunner().invoke(cli, ["build", str(editions), "-o", str(tmp_path / "out"), *args])
    assert result.exit_code == 2 and fragment in result.output


def test_no_editions_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no editions here" in result.output
