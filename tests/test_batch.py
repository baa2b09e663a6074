"""`teikit batch` and the work unit behind it: many texts, resumable, the same bytes however run.

The texts are small made-up ones so that the parallel runs stay quick.
"""
from __future__ import annotations

import csv
import io
import os
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.batch import expand_sources, plan, read_list, run_batch, summary_csv, summary_table
from teikit.cli import cli
from teikit.config import EditionConfig
from teikit.errors import UsageError
from teikit.executors import Runner, WorkerDied
from teikit.tasks import Job, run_job

TEXT = """A LETTER FROM THE COAST

Mr. Harold Finch wrote on March 3, 1911, that the harbour
was closed.* The boats stayed in until the storm had passed.

* The harbour reopened on March 9.
"""


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(5):
        (folder / f"text{i}.txt").write_text(TEXT.replace("1911", str(1911 + i)), encoding="utf-8")
    return folder


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.xml"))}


def test_sources_come_from_folders_globs_files_and_list_files(corpus, tmp_path):
    (corpus / "notes.md").write_text("not a text")
    names = [Path(s).name for s in expand_sources([str(corpus)])]
    assert names == [f"text{i}.txt" for i in range(5)]
    assert expand_sources([str(corpus / "text[12].txt"), str(corpus / "text1.txt")]) == \
        [str(corpus / "text1.txt"), str(corpus / "text2.txt")]
    listing = tmp_path / "list.txt"
    listing.write_text(f"# the first two\n{corpus / 'text0.txt'}\n\n{corpus / 'text1.txt'}\n")
    assert read_list(str(listing)) == [str(corpus / "text0.txt"), str(corpus / "text1.txt")]


def test_two_sources_with_one_target_are_refused(tmp_path):
    with pytest.raises(UsageError, match="would both be written"):
        plan(["a/letter.txt", "b/letter.txt"], str(tmp_path))


def test_every_text_is_encoded_and_summarised(corpus, tmp_path):
    rows = run_batch(plan(expand_sources([str(corpus)]), str(tmp_path / "out")))
    assert [r.status for r in rows] == ["encoded"] * 5
    facts = rows[0].facts
    assert facts["profile"] and facts["persons"] >= 1 and facts["dates"] >= 2 and facts["notes"] >= 0
    table = summary_table(rows)
    assert table.splitlines()[0].split() == ["source", "status", "profile", "pages", "persons", "dates",
                                             "notes", "warnings", "seconds"]
    records = list(csv.DictReader(io.StringIO(summary_csv(rows).decode())))
    assert [r["status"] for r in records] == ["encoded"] * 5 and records[0]["dates"] == str(facts["dates"])


def test_a_failing_text_is_reported_and_the_others_go_on(corpus, tmp_path):
    (corpus / "text2.txt").write_bytes(b"caf\xe9\n")
    pairs = plan(expand_sources([str(corpus)]) + [str(corpus / "missing.txt")], str(tmp_path / "out"))
    rows = run_batch(pairs, jobs=2)
    assert [r.status for r in rows] == ["encoded", "encoded", "failed", "encoded", "encoded", "failed"]
    assert "0xe9" in rows[2].error and "no such file" in rows[5].error
    assert sorted(tree_bytes(tmp_path / "out")) == ["text0.xml", "text1.xml", "text3.xml", "text4.xml"]


def test_a_stopped_run_resumes_and_a_changed_source_is_redone(corpus, tmp_path):
    pairs = plan(expand_sources([str(corpus)]), str(tmp_path / "out"))
    run_batch(pairs[:2])                                    # the run that stopped after two texts
    (corpus / "text0.txt").write_text(TEXT + "A postscript.\n", encoding="utf-8")
    rows = run_batch(pairs)
    assert [r.status for r in rows] == ["encoded", "up to date", "encoded", "encoded", "encoded"]
    assert rows[1].facts["dates"] >= 2                      # an up-to-date text is still summarised
    assert [r.status for r in run_batch(pairs, force=True)] == ["encoded"] * 5


def test_parallel_batch_is_byte_identical_to_serial(corpus, tmp_path):
    sources = expand_sources([str(corpus)])
    run_batch(plan(sources, str(tmp_path / "serial")))
    run_batch(plan(sources, str(tmp_path / "parallel")), jobs=2)
    assert tree_bytes(tmp_path / "serial") == tree_bytes(tmp_path / "parallel")


def test_fsspec_urls_in_and_out(corpus, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for path in sorted(corpus.glob("*.txt")):
        memory.pipe_file(f"/in/{path.name}", path.read_bytes())
    run_batch(plan(expand_sources([str(corpus)]), str(tmp_path / "local")))
    rows = run_batch(plan(expand_sources(["memory://in"]), "memory://out"))
    assert [r.status for r in rows] == ["encoded"] * 5
    for name, data in tree_bytes(tmp_path / "local").items():
        assert memory.cat_file(f"/out/{name}") == data.replace(str(corpus).encode(), b"memory://in")
    again = run_batch(plan(expand_sources(["memory://in/text*.txt"]), "memory://out"))
    assert [r.status for r in again] == ["up to date"] * 5
    memory.rm("/", recursive=True)


def test_the_work_unit_reads_no_file(tmp_path, monkeypatch):
    """Paths in the job are names only: it runs where none of them exists."""
    monkeypatch.chdir(tmp_path)
    register = b"persons:\n  - id: finch\n    forename: Harold\n    surname: Finch\n"
    cfg = EditionConfig(register="nowhere/persons.yaml", base_dir=Path("/no/such/folder"))
    job = Job(TEXT.encode(), "/no/such/folder/letter.txt", "/no/such/out/letter.xml", cfg,
              ("/no/such/folder/nowhere/persons.yaml", register), render=True)
    outcome = run_job(job)
    assert outcome.ok, outcome.error
    assert sorted(outcome.files) == ["edition.css", "letter.html", "letter.md", "letter.persons.csv",
                                     "letter.standoff.json", "letter.txt", "letter.xml", "print.css"]
    assert b'<persName ref="#finch">' in outcome.files["letter.xml"]
    assert list(tmp_path.iterdir()) == []


def test_the_header_carries_the_clients_day(monkeypatch):
    job = Job(TEXT.encode(), "letter.txt", "letter.xml", epoch=86400 * 365)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert b'when="1971-01-01"' in run_job(job).files["letter.xml"]
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_the_work_unit_never_raises(data):
    outcome = run_job(Job(data, "x.txt", "x.xml"))
    assert outcome.ok or outcome.error


def die_in_worker(markers: Path, arg: str, always: bool = False) -> str:
    """Kill the worker process the first time it sees `arg` (every time with `always`)."""
    marker = markers / arg
    if arg.startswith("die") and (always or not marker.exists()):
        marker.touch()
        os._exit(1)
    return arg.upper()


@pytest.mark.parametrize("always", [False, True])
def test_a_dead_pool_worker_is_replaced_and_its_text_retried_once(tmp_path, always):
    work = partial(die_in_worker, tmp_path, always=always)
    items = [(name, name) for name in ("a", "b", "die", "c", "d", "e")]
    with Runner(jobs=2) as runner:
        results = {key: result for key, _, result in runner.results(work, items)}
    assert {k: v for k, v in results.items() if k != "die"} == {k: k.upper() for k in "abcde"}
    if always:
        assert isinstance(results["die"], WorkerDied)
    else:
        assert results["die"] == "DIE"


def test_batch_command_prints_the_summary_and_writes_the_csv(corpus, tmp_path):
    (corpus / "text4.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(corpus), "-o", str(out), "-j", "2"])
    assert result.exit_code == 1
    assert "text4.txt: FAILED:" in result.output
    assert result.output.splitlines()[-1] == f"teikit: 4 encoded, 0 up to date, 1 failed; summary in {out / 'summary.csv'}"
    assert (out / "summary.csv").read_text().startswith("source,status,profile,pages,persons,dates,notes")
    again = CliRunner().invoke(cli, ["batch", str(corpus / "text[0-3].txt"), "-o", str(out)])
    assert again.exit_code == 0 and "0 encoded, 4 up to date, 0 failed" in again.output


@pytest.mark.parametrize("args, fragment", [
    ([], "no sources"),
    (["x.txt", "--executor", "dask"], "--scheduler"),
])
def test_batch_usage_errors_are_one_line(tmp_path, args, fragment):
    result = CliRunner().invoke(cli, ["batch", *args, "-o", str(tmp_path)])
    assert result.exit_code == 2 and fragment in result.output


def test_a_worker_with_another_teikit_says_so():
    outcome = run_job(Job(TEXT.encode(), "letter.txt", "letter.xml", version="0.0.1"))
    assert not outcome.ok and "the client 0.0.1" in outcome.error


def test_a_job_reads_its_register_where_it_is_made(tmp_path):
    (tmp_path / "persons.yaml").write_text("persons:\n  - id: finch\n    forename: Harold\n    surname: Finch\n")
    job = Job(TEXT.encode(), "letter.txt", "letter.xml", EditionConfig(register="persons.yaml", base_dir=tmp_path))
    assert job.register == (str(tmp_path / "persons.yaml"), (tmp_path / "persons.yaml").read_bytes())


def test_batch_command_takes_a_list_file_and_writes_to_a_url(corpus, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{corpus / 'text0.txt'}\n{corpus}/text[34].txt\n")
    result = CliRunner().invoke(cli, ["batch", "--list", str(listing), "-o", "memory://listed"])
    assert result.exit_code == 0, result.output
    memory = fsspec.filesystem("memory")
    assert sorted(memory.ls("/listed", detail=False)) == ["/listed/summary.csv", "/listed/text0.xml",
                                                          "/listed/text3.xml", "/listed/text4.xml"]
    memory.rm("/listed", recursive=True)
