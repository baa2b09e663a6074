"""teikit's TEI as a receiving project sees it, in the two most common TEI clients.

Every corpus edition is shown by the TEI Stylesheets' HTML5 conversion (the vendored copy in
../shared/vendor/tei-stylesheets, run with Saxon-HE for Python) and by CETEIcean (from the
npm registry, with its stylesheet) in headless Chromium, and the tests assert on what a
reader sees (`innerText`): no bracketed or doubled corrections, no doubled note signs, the
printed Notes section's text once and numbered once, no Markdown asterisks, no "word- rest"
splits. Screenshots go to tests/artifacts/interop/.

CETEIcean is fetched once with `npm pack CETEIcean` into tests/artifacts/cache/ (.ci/run
does it before the tests); without node/npm, Chromium, Playwright or saxonche the module
is skipped with the reason.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import EDITION_SLUGS, SHARED
from teikit import TEI_NS
from teikit.tei.reader import reading_text
from teikit.tei.rules import is_ocr_correction, sign_printed_twice
from test_render_browser import ARTIFACTS  # and its skips where Chromium or Playwright is absent

pytestmark = [pytest.mark.browser, pytest.mark.slow]

saxonche = pytest.importorskip("saxonche", reason="saxonche is absent (pip install '.[test]')")
STYLESHEET = SHARED / "vendor" / "tei-stylesheets" / "profiles" / "default" / "html5" / "to.xsl"
CACHE = ARTIFACTS / "cache" / "ceteicean"
SHOTS = ARTIFACTS / "interop"
T = "{%s}" % TEI_NS


def ceteicean() -> Path:
    """The unpacked CETEIcean package (dist/CETEI.js, test/CETEIcean.css), fetched once."""
    package = CACHE / "package"
    if (package / "dist" / "CETEI.js").exists():
        return package
    if shutil.which("npm") is None:
        pytest.skip("npm is absent: CETEIcean comes from the npm registry (npm pack CETEIcean)")
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "pack", "CETEIcean", "--loglevel=warn", "--pack-destination", str(CACHE)],
                   check=True, capture_output=True)
    with tarfile.open(next(CACHE.glob("*.tgz"))) as archive:
        archive.extractall(CACHE, filter="data")
    return package


@pytest.fixture(scope="module")
def stylesheets():
    with saxonche.PySaxonProcessor(license=False) as processor:
        yield processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(STYLESHEET))


@pytest.fixture(scope="module")
def shell() -> Path:
    """An HTML page that loads CETEIcean and its stylesheet, ready for makeHTML5."""
    package = ceteicean()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = SHOTS / "ceteicean.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8">'
                    f'<link rel="stylesheet" href="{(package / "test" / "CETEIcean.css").as_uri()}">'
                    f'<script src="{(package / "dist" / "CETEI.js").as_uri()}"></script></head><body></body></html>')
    return page


def screenshot(tab, selector: str, path: Path) -> None:
    """The view around the first note or correction, where a wrong encoding would show."""
    tab.evaluate("s => document.querySelector(s)?.scrollIntoView({block: 'center'})", selector)
    tab.screenshot(path=str(path))


def seen_with_stylesheets(browser, stylesheets, tei: Path, slug: str) -> str:
    html = SHOTS / f"{slug}.stylesheets.html"
    html.write_text(stylesheets.transform_to_string(source_file=str(tei)))
    tab = browser.new_page(viewport={"width": 1100, "height": 900})
    tab.goto(html.as_uri())
    screenshot(tab, "a.notelink, div.note", SHOTS / f"{slug}.stylesheets.png")
    text = tab.evaluate("document.body.innerText")
    tab.close()
    return text


def seen_with_ceteicean(browser, shell: Path, tei: Path, slug: str) -> tuple[str, list]:
    """The text CETEIcean shows, and for each footnote its @n and the sign drawn before it."""
    tab = browser.new_page(viewport={"width": 1100, "height": 900})
    tab.goto(shell.as_uri())
    tab.evaluate("""xml => new Promise(done => new CETEI().makeHTML5(xml, data => {
                        document.body.appendChild(data); done(); }))""", tei.read_text(encoding="utf-8"))
    tab.wait_for_function("() => document.querySelector('tei-text')")
    screenshot(tab, "tei-text tei-note, tei-text tei-choice", SHOTS / f"{slug}.ceteicean.png")
    text = tab.evaluate("document.body.innerText")
    signs = tab.evaluate("""() => [...document.querySelectorAll('tei-note[place=foot]')].map(
                               note => [note.getAttribute('n'), getComputedStyle(note, '::before').content])""")
    tab.close()
    return text, signs


def flat(text: str) -> str:
    return " ".join(text.split())


def expectations(tree) -> dict:
    """What the reader must see and must not, taken from the TEI itself."""
    root = tree.getroot()
    corrections = {(plain(reg), flat("".join(reg.getparent().find(T + "orig").itertext())))   # words
                   for reg in root.iter(T + "reg") if is_ocr_correction(reg) and re.search("[a-z]{3}", plain(reg))}
    footnotes = []      # (sign, the text just before the note, the note's first words)
    for note in root.iter(T + "note"):
        sign = sign_printed_twice(note)
        previous = note.getprevious()
        before = flat((previous.tail if previous is not None else note.getparent().text) or "")[-12:]
        if sign and len(before) >= 8:
            footnotes.append((sign, before, plain(note)[:20]))
    endnotes = [(plain(note.find(T + "ref")), plain(note)[:60]) for note in root.iter(T + "note")
                if note.get("type") == "endnote"]
    return {"corrections": corrections, "footnotes": footnotes, "endnotes": endnotes,
            "reading": flat(reading_text(tree).text)}


def plain(elem) -> str:
    """The text of an element as the edition reads it (no OCR readings kept in `orig`)."""
    if elem is None:
        return ""
    return flat("".join(elem.xpath(".//text()[not(ancestor::t:orig[parent::t:choice/t:reg])]",
                                   namespaces={"t": TEI_NS})))


def assert_reads_right(seen: str, expected: dict, client: str) -> None:
    text, reading, squeezed = flat(seen), expected["reading"], "".join(seen.split())
    for reg, orig in expected["corrections"]:
        for wrong in (f"[{reg}]", f"{orig} ({reg})", f"{orig}{reg}"):
            assert text.count(wrong) <= reading.count(wrong), f"{client} shows {wrong!r}"
    for sign, before, start in expected["footnotes"]:
        for doubled in (f"{before}{sign}{sign}", f"{sign} {sign}{start}", f"{sign}{sign}{start}",
                        f"{sign} {sign} {start}"):
            assert doubled not in text, f"{client} doubles the note sign: {doubled!r}"
    for number, start in expected["endnotes"]:
        times = squeezed.count("".join(start.split()))     # a line break may stand anywhere in it
        assert times == 1, f"{client} shows the endnote {start!r} {times} times"
        if number:
            assert f"{number} {number}" not in text, f"{client} numbers the endnote {start!r} twice"
    assert "1 2 3 4 5 6" not in text, f"{client} leaves a row of bare note links"
    asterisks = re.findall(r"\*[A-Za-z][^*]{0,60}[A-Za-z.]\*", text)
    assert len(asterisks) <= len(re.findall(r"\*[A-Za-z][^*]{0,60}[A-Za-z.]\*", reading)), asterisks[:3]
    splits = re.findall(r"[a-z]- [a-z]", seen)     # a line break (the Stylesheets' <br>) is no split
    assert len(splits) <= len(re.findall(r"[a-z]- [a-z]", reading)), f"{client} splits words: {splits[:3]}"


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_every_edition_reads_right_in_the_tei_stylesheets_and_ceteicean(
        encoded_editions, browser, stylesheets, shell, slug):
    encoded, tei = encoded_editions[slug]
    expected = expectations(etree.ElementTree(encoded.tree.getroot()))
    assert_reads_right(seen_with_stylesheets(browser, stylesheets, tei, slug), expected, "TEI Stylesheets")
    seen, signs = seen_with_ceteicean(browser, shell, tei, slug)
    assert_reads_right(seen, expected, "CETEIcean")
    for n, drawn in signs:
        assert drawn == f'"{n}"', f"CETEIcean draws footnote {n!r} as {drawn}"
