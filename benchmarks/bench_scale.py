"""Time `teikit batch` over many texts: serially, with -j N, and on a local Dask cluster.

    python benchmarks/bench_scale.py                      # 1,000 synthetic texts, -j 2, 2 Dask workers
    python benchmarks/bench_scale.py --texts 200 --jobs 2
    python benchmarks/bench_scale.py --from FOLDER        # FOLDER's .txt files, repeated to --texts

Each run goes through `teikit.batch.run_batch` as the command does (read on the client,
the work unit in the workers, TEI written by the client). Reported per run: wall time,
texts per second, texts per second per core, and the mean seconds a text took inside its
worker. The scheduler's overhead per task is timed apart with an empty task.

The synthetic texts are made up here: pages with a running head and a folio, a chapter
heading, names after titles, dates, a hyphenated line end and a footnote.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from teikit.batch import expand_sources, plan, run_batch
from teikit.executors import Runner

NAMES = ("Harold Finch", "Maria Alvarez", "Pieter de Vries", "Anna Kowalska", "Samuel Okafor", "Ines Moreau")
WORDS = ("the council met again in the harbour town to hear the report of the committee on the "
         "question of the new road and what it would cost the farmers and the merchants").split()
MONTHS = ("January", "March", "May", "July", "September", "November")


def synthetic_text(seed: int, pages: int = 4, lines: int = 30) -> str:
    rng = random.Random(seed)
    out = [f"CHAPTER {seed % 40 + 1}", ""]
    for page in range(1, pages + 1):
        out += [f"\fTHE HARBOUR RECORDS {page + 10}", ""]
        for n in range(lines):
            words = rng.sample(WORDS, 11)
            if n % 7 == 0:
                words[3:3] = ["Mr.", rng.choice(NAMES)]
            if n % 9 == 0:
                words += ["on", f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1850, 1950)}"]
            if n % 11 == 5:
                words[-1] = words[-1][:3] + "-"
            out.append(" ".join(words) + ("." if n % 5 == 4 else ""))
            if n % 5 == 4:
                out.append("")
        out += ["* A note at the foot of the page.", ""]
    return "\n".join(out) + "\n"


def make_corpus(folder: Path, texts: int, source: Path | None) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    originals = sorted(source.glob("*.txt")) if source else []
    for i in range(texts):
        data = originals[i % len(originals)].read_bytes() if originals else synthetic_text(i).encode()
        (folder / f"text{i:05d}.txt").write_bytes(data)
    return expand_sources([str(folder)])


def timed_batch(sources: list[str], out: Path, **how) -> dict:
    started = time.perf_counter()
    rows = run_batch(plan(sources, str(out)), force=True, **how)
    wall = time.perf_counter() - started
    failed = [r for r in rows if r.status != "encoded"]
    if failed:
        raise SystemExit(f"{len(failed)} texts failed, first: {failed[0].source}: {failed[0].error}")
    return {"wall": wall, "task_mean": statistics.mean(r.seconds for r in rows), "n": len(rows)}


def empty_task(_: int) -> None:
    return None


def overhead_per_task(tasks: int, **how) -> float:
    """Seconds per empty task through the runner: submission, scheduling, the round trip."""
    with Runner(**how) as runner:
        started = time.perf_counter()
        for _ in runner.results(empty_task, ((i, i) for i in range(tasks))):
            pass
        return (time.perf_counter() - started) / tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2, help="processes for -j and Dask workers")
    parser.add_argument("--from", dest="source", type=Path, help="repeat this folder's .txt files")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    with tempfile.TemporaryDirectory(prefix="teikit-bench-scale-") as tmp:
        sources = make_corpus(Path(tmp) / "corpus", args.texts, args.source)
        size = sum(Path(s).stat().st_size for s in sources)
        print(f"{len(sources)} texts, {size / len(sources) / 1024:.1f} KB each on average; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        runs = [("serial", 1, {}), (f"-j {args.jobs}", args.jobs, {"jobs": args.jobs})]
        cluster = None
        if not args.no_dask:
            from distributed import LocalCluster
            cluster = LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
            runs.append((f"Dask, {args.jobs} workers", args.jobs, {"scheduler": cluster.scheduler_address}))
        try:
            print("| run | wall s | texts/s | texts/s per core | s per text in its worker | overhead per task |")
            print("|---|---:|---:|---:|---:|---:|")
            for label, cores, how in runs:
                result = timed_batch(sources, Path(tmp) / label.replace(" ", "_"), **how)
                rate = result["n"] / result["wall"]
                overhead = f"{overhead_per_task(500, **how) * 1000:.2f} ms" if how else "-"
                print(f"| {label} | {result['wall']:.1f} | {rate:.1f} | {rate / cores:.1f} | "
                      f"{result['task_mean']:.3f} | {overhead} |", flush=True)
        finally:
            if cluster is not None:
                cluster.close()


if __name__ == "__main__":
    main()
