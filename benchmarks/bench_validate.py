"""Time validation of big TEI files: lxml (teikit.rng, tei_all.rng, teikit.sch) beside jing.

Usage: python benchmarks/bench_validate.py [FILE.xml ...]
       python benchmarks/bench_validate.py --memory --mb 20 --mb 100 [--out table.md]
Without files it synthesizes, in teikit's shape, a ~3 MB edition with 500 persons and a
register of 2,000 sibling persons (the shape that makes tei_all super-linear in libxml2).
jing is run on the same files if it is installed (apt-get install jing).
With --memory, `teikit validate` runs once per file in a process of its own (bench_render.py's
synthetic TEI for each --mb), and its time and peak memory are reported, also as a multiple
of the file's size (issue 17 asks for under 5x at 100 MB).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from bench_render import MEMORY_TABLE, memory_row, peak_teikit, synthetic_files
from lxml import etree

from teikit.validate import grammar, parse, schema_path, schematron

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>
<titleStmt><title>Synthetic edition</title></titleStmt>
<publicationStmt><publisher>teikit benchmarks</publisher><date when="2026-11-22"/></publicationStmt>
<sourceDesc><bibl><title level="m">Synthetic</title></bibl></sourceDesc></fileDesc>
<encodingDesc><appInfo><application xml:id="teikit" ident="teikit" version="0.1.0"><label>teikit</label></application></appInfo></encodingDesc>
</teiHeader>
"""


def person(i: int) -> str:
    return (f'<person xml:id="p{i}"><persName><forename>Name{i}</forename> <surname>Surname{i}</surname></persName>'
            f'<birth when="{1850 + i % 60}"/><death when="{1920 + i % 60}"/><idno type="wikidata">Q{1000 + i}</idno></person>\n')


def page(n: int, persons: int) -> str:
    """One printed page: furniture, ~40 lines with persons, dates, hyphenation, a correction, a footnote."""
    lines = []
    for line in range(40):
        who = (n * 40 + line) % persons
        lines.append(f'<lb n="{n * 40 + line}"/>In <date when="1936-12-{1 + line % 28:02d}">December</date> '
                     f'<persName ref="#p{who}">Name{who} Surname{who}</persName> wrote that the capi<lb break="no"/>tal '
                     f'was <choice><sic>m uch</sic><corr resp="#teikit">much</corr></choice> Amer<pc force="weak">-</pc>'
                     f'<lb break="no"/>ican and <hi rend="italic">weighed</hi> on all.\n')
    return (f'<pb n="{n}"/><fw type="pageNum">{n}</fw><fw type="header">Synthetic edition</fw>\n'
            f'<p>{"".join(lines)}<note place="foot" n="*">A footnote on page {n}.</note></p>\n')


def synthesize(pages: int, persons: int) -> str:
    register = "".join(person(i) for i in range(persons))
    chapters = []
    for chapter in range(0, pages, 20):
        body = "".join(page(n, persons) for n in range(chapter + 1, min(chapter + 21, pages + 1)))
        chapters.append(f'<div type="chapter" xml:id="c{chapter}"><head>CHAPTER {chapter // 20 + 1}</head>\n{body}</div>\n')
    return (HEADER + f"<standOff><listPerson>\n{register}</listPerson></standOff>\n"
            + f'<text><body>{"".join(chapters)}</body></text></TEI>\n')


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def jing(schema: Path, file: Path) -> tuple[bool, float, float | None]:
    """jing's verdict, wall time with JVM start, and its own validation time from -t."""
    result, wall = timed(lambda: subprocess.run(["jing", "-t", str(schema), str(file)], capture_output=True, text=True))
    own = re.search(r"Elapsed time (\d+)\+(\d+)", result.stdout + result.stderr)
    return result.returncode == 0, wall, int(own.group(2)) / 1000 if own else None


def main(files: list[Path]) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="teikit-bench-"))
    if not files:
        for name, pages, persons in (("edition-3mb-500persons.xml", 240, 500), ("register-2000persons.xml", 1, 2000)):
            path = workdir / name
            path.write_text(synthesize(pages, persons), encoding="utf-8")
            files.append(path)
    compile_times = {}
    for schema in ("teikit", "tei_all"):
        _, compile_times[schema] = timed(lambda: grammar(schema))
    _, compile_times["teikit.sch"] = timed(schematron)
    has_jing = shutil.which("jing") is not None
    print(f"load (lxml; tei_all compiles per file below): teikit.rng {compile_times['teikit']:.3f} s, tei_all.rng {compile_times['tei_all']:.1f} s, "
          f"teikit.sch {compile_times['teikit.sch']:.3f} s")
    header = f"{'file':34} {'MB':>5} {'parse':>6} {'lxml teikit':>11} {'lxml tei_all':>12} {'tei_all/teikit':>14} {'sch':>6}"
    if has_jing:
        header += f" {'jing teikit':>15} {'jing tei_all':>15} {'lxml/jing tei_all':>17}"
    print(header + "\n" + "-" * len(header))
    for file in files:
        (tree, problems), parse_time = timed(lambda: parse(file))
        if tree is None or problems:
            print(f"{file.name}: unusable: {problems[0] if problems else '?'}")
            continue
        (ok_teikit, teikit_time) = timed(lambda: grammar("teikit").relaxng.validate(tree))
        names = frozenset(etree.QName(element).localname for element in tree.iter(etree.Element))
        (ok_tei_all, tei_all_time) = timed(lambda: grammar("tei_all").validator(names).validate(tree))
        (ok_sch, sch_time) = timed(lambda: schematron().validate(tree))
        row = (f"{file.name[:34]:34} {file.stat().st_size / 1e6:5.2f} {parse_time:6.3f} "
               f"{teikit_time:9.3f}{'' if ok_teikit else '!'} s {tei_all_time:10.3f}{'' if ok_tei_all else '!'} s "
               f"{tei_all_time / teikit_time:13.1f}x {sch_time:5.2f}{'' if ok_sch else '!'}")
        if has_jing:
            jt_ok, jt_wall, jt_own = jing(schema_path("teikit"), file)
            ja_ok, ja_wall, ja_own = jing(schema_path("tei_all"), file)
            row += (f" {jt_wall:6.2f}s ({jt_own or 0:.2f}){'' if jt_ok else '!'} {ja_wall:6.2f}s ({ja_own or 0:.2f}){'' if ja_ok else '!'}"
                    f" {tei_all_time / (ja_own or ja_wall):16.1f}x")
        print(row)
    print("\nTimes are validation only (tei_all compiled for the file's elements, the first time "
          "included); '!' marks an invalid verdict.")
    if has_jing:
        side_by_side(files)
    if has_jing:
        print("jing: wall time including JVM start and schema load, in parentheses its own validation time (-t).")
    else:
        print("jing is not installed (apt-get install -y jing) so only lxml was timed.")


def side_by_side(files: list[Path]) -> None:
    """What a user waits for: `teikit validate --schema tei_all FILE` beside `jing tei_all.rng
    FILE`, each a fresh process (compiling the schema included); the aim is at most 2x jing."""
    print(f"\n{'file':34} {'teikit validate':>15} {'jing':>8} {'ratio':>6}")
    for file in files:
        _, ours = timed(lambda: subprocess.run([sys.executable, "-m", "teikit", "validate", "--schema", "tei_all",
                                                str(file)], capture_output=True))
        _, theirs = timed(lambda: subprocess.run(["jing", str(schema_path("tei_all")), str(file)],
                                                 capture_output=True))
        print(f"{file.name[:34]:34} {ours:13.2f} s {theirs:6.2f} s {ours / theirs:5.1f}x")


def memory(files: list[Path], sizes_mb: list[float], out: Path | None) -> None:
    """`teikit validate`'s peak memory on each file, or on a synthetic TEI of each size."""
    table = list(MEMORY_TABLE)
    with tempfile.TemporaryDirectory() as tmp:
        for path in files or synthetic_files(sizes_mb or [20.0], Path(tmp)):
            table.append(memory_row(path, peak_teikit(path, "validate")))
    if out:
        out.write_text("\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="TEI files; default: synthesise them")
    parser.add_argument("--memory", action="store_true", help="peak memory of `teikit validate`, once per file")
    parser.add_argument("--mb", type=float, action="append", help="with --memory: size of a synthetic TEI in MB")
    parser.add_argument("--out", type=Path, help="with --memory: write the figures here as a Markdown table")
    args = parser.parse_args()
    if args.memory:
        memory(args.files, args.mb, args.out)
    else:
        main(args.files)
