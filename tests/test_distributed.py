"""Builds and batches on a real Dask cluster whose workers cannot see the project's files.

A `dask scheduler` and two `dask worker` processes (no nanny: a worker that dies stays
dead, as a lost machine would) run on 127.0.0.1 (random free ports), from an empty
working directory; as root, each worker runs in its own mount namespace
(`unshare -m`) with an empty tmpfs mounted over the project folder, as on a machine
without a shared disk. The workers import teikit (PYTHONPATH), nothing else.
"""
from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from teikit.batch import expand_sources, run_batch
from teikit.build import build_all
from teikit.cli import cli
from teikit.executors import Runner, WorkerDied
from teikit.tasks import Job, run_job

distributed = pytest.importorskip("distributed", reason="Dask's distributed is not installed (teikit[dask])")
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TEXT = """CHAPTER I

Mr. Harold Finch wrote from Lisbon on March 3, 1911, that the harbour
was closed. The boats stayed in until the storm had passed, and
Mrs. Finch kept the accounts.
"""
STARTUP_SECONDS = 60


@functools.cache
def can_hide_folders() -> bool:
    """Whether this user may mount a tmpfs in a new mount namespace (root, not in a locked container)."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(["unshare", "-m", "mount", "-t", "tmpfs", "teikit-probe", folder],
                               capture_output=True, timeout=10)
    return probe.returncode == 0


def worker_command(scheduler_file: Path, hidden: Path, scratch: Path) -> list[str]:
    dask = [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
            "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny", "--no-dashboard", "--local-directory", str(scratch)]
    if not can_hide_folders():
        return dask
    quoted = " ".join(f"'{part}'" for part in dask)
    return ["unshare", "-m", "sh", "-c", f"mount -t tmpfs teikit-hidden '{hidden}' && exec {quoted}"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """(scheduler address, project folder the workers cannot see); always torn down."""
    project = tmp_path_factory.mktemp("project")
    elsewhere = tmp_path_factory.mktemp("elsewhere")      # the workers' working directory: empty
    scheduler_file = elsewhere / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)                    # the client's day must reach the header
    processes = [subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
         "--no-dashboard", "--scheduler-file", str(scheduler_file)],
        cwd=elsewhere, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            assert time.monotonic() < deadline, "the Dask scheduler did not start"
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for n in range(2):
            scratch = elsewhere / f"worker{n}"
            scratch.mkdir()
            processes.append(subprocess.Popen(worker_command(scheduler_file, project, scratch), cwd=elsewhere,
                                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=STARTUP_SECONDS)
        yield address, project
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def workers_see(address: str, path: Path) -> bool:
    with distributed.Client(address, timeout="30s") as client:
        return any(client.run(os.path.exists, str(path)).values())


@pytest.fixture
def project(cluster, monkeypatch):
    """A fresh folder of editions, with the client working in it (relative paths)."""
    address, root = cluster
    for child in root.iterdir():
        shutil.rmtree(child)
    for i, slug in enumerate(["alpha", "beta", "gamma"]):
        folder = root / "editions" / slug
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text(TEXT.replace("1911", str(1911 + i)), encoding="utf-8")
        (folder / "edition.yaml").write_text(
            f"title: The {slug.title()} Edition\nprofile: book\nregister: ../persons.yaml\n", encoding="utf-8")
    (root / "editions" / "persons.yaml").write_text(
        "persons:\n  - id: finch\n    forename: Harold\n    surname: Finch\n", encoding="utf-8")
    own = root / "editions" / "beta" / "templates"
    own.mkdir()
    (own / "base.html").write_text((ROOT / "templates" / "base.html").read_text().replace("<body", "<body data-own"))
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return address, root


def site(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_workers_cannot_see_the_project(project):
    address, root = project
    if not can_hide_folders():
        pytest.skip("unshare needs root: the workers share this disk, though they run elsewhere")
    assert (root / "editions").is_dir() and not workers_see(address, root / "editions")


def test_build_on_the_cluster_from_the_project_root_matches_the_serial_build(project):
    address, _ = project
    build_all(Path("editions"), Path("serial"))
    result = CliRunner().invoke(cli, ["build", "editions", "-o", "site", "--executor", "dask", "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert site(Path("site")) == site(Path("serial"))
    assert b"data-own" in site(Path("site"))["beta/beta.html"]
    assert b'<persName ref="#finch">' in site(Path("site"))["alpha/alpha.xml"]


def test_batch_on_the_cluster_matches_the_serial_batch(project):
    address, _ = project
    sources = expand_sources(["editions/*/source.txt"])
    serial = run_batch([(source, f"serial/{Path(source).parent.name}.xml") for source in sources])
    on_dask = run_batch([(source, f"dask/{Path(source).parent.name}.xml") for source in sources], scheduler=address)
    assert [r.status for r in on_dask] == ["encoded"] * 3
    assert [r.facts for r in on_dask] == [r.facts for r in serial]
    assert site(Path("dask")) == site(Path("serial"))


def test_a_worker_that_dies_mid_task_leaves_no_half_file(project, tmp_path):
    address, _ = project
    markers = tmp_path / "markers"                        # outside the hidden folder: the workers see it
    markers.mkdir()

    def die_once(job):                                    # local, so Dask ships it by value
        """Kill the worker process the first time it gets gamma's text (its year is 1913)."""
        marker = markers / hashlib.sha256(job.source).hexdigest()
        if b"1913" in job.source and not marker.exists():
            marker.touch()
            os._exit(1)
        return run_job(job)

    jobs = [(slug, Job(Path(f"editions/{slug}/source.txt").read_bytes(), f"{slug}.txt", f"{slug}.xml"))
            for slug in ("alpha", "beta", "gamma")]
    with Runner(scheduler=address) as runner:
        results = {key: outcome for key, _, outcome in runner.results(die_once, jobs)}
    assert len(list(markers.iterdir())) == 1              # gamma's worker did die
    assert all(not isinstance(r, WorkerDied) and r.ok for r in results.values()), results
    assert b"1913" in results["gamma"].files["gamma.xml"]


def test_a_task_dask_gave_up_on_is_reported_as_a_dead_worker():
    from teikit.build import describe
    from teikit.executors import _lost_worker

    lost = _lost_worker(distributed.KilledWorker("encode-1", SimpleNamespace(address="tcp://127.0.0.1:1"), 3))
    assert isinstance(lost, WorkerDied) and "Dask gave up" in describe(lost)
    other = ValueError("odd")
    assert _lost_worker(other) is other


def _pid_and_warmth(_arg) -> tuple[int, bool]:
    return os.getpid(), WARMED["done"]


WARMED = {"done": False}


def test_a_pool_is_warmed_once_in_the_client_before_it_forks(monkeypatch):
    """What every task loads lazily (the persons model) is loaded once before the pool
    forks, so the workers share it; a serial run loads it only if a task needs it."""
    calls = []

    def warm():
        calls.append(os.getpid())
        WARMED["done"] = True

    monkeypatch.setitem(WARMED, "done", False)
    with Runner(1, warm=warm) as runner:
        assert [r for _, _, r in runner.results(_pid_and_warmth, [(1, 1)])] == [(os.getpid(), False)]
    assert calls == []
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers are not forked here: nothing to share")
    with Runner(2, warm=warm) as runner:
        seen = [r for _, _, r in runner.results(_pid_and_warmth, [(i, i) for i in range(4)])]
    assert calls == [os.getpid()]
    assert all(warm_in_worker for _, warm_in_worker in seen) and {pid for pid, _ in seen} - {os.getpid()}
