"""The rendered edition in a real browser: headless Chromium (Debian's) driven by Playwright.

Checks what only layout shows: page numbers in the left margin and line numbers in the
right, note links landing on their target, the apparatus and index links, no console
errors and no request leaving file://. Screenshots go to tests/artifacts/ for a human eye.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from teikit.render import render_file

CHROMIUM = Path("/usr/bin/chromium")
FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is absent (pip install playwright)")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    for name in ("teikit-shape.tei.xml", "render/foreign-lite.tei.xml", "render/book-pages.tei.xml"):
        render_file(FIXTURES / name, out)
    ARTIFACTS.mkdir(exist_ok=True)
    return out


class Page:
    """A browser tab on one rendered edition that records console errors and requests."""

    def __init__(self, browser, path: Path, width: int = 1280):
        self.tab = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.tab.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.tab.on("pageerror", lambda err: self.errors.append(str(err)))
        self.tab.on("request", lambda request: self.requests.append(request.url))
        self.tab.goto(path.as_uri())

    def target_id(self) -> str:
        return self.tab.evaluate("() => document.querySelector(':target')?.id ?? ''")

    def in_view(self, element_id: str) -> bool:
        return self.tab.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                            return r.top >= 0 && r.bottom <= window.innerHeight; }""", element_id)

    def margin_hits(self, selector: str) -> list[dict]:
        """For each marker, where its generated number is drawn: found by hit-testing the
        marker's line outside the text column (pseudo-elements have no box of their own)."""
        return self.tab.evaluate("""selector => {
            return [...document.querySelectorAll(selector)].map(el => {
                el.scrollIntoView({block: 'center'});
                const column = document.querySelector('main').getBoundingClientRect();
                const line = el.getBoundingClientRect(), y = line.top + line.height / 2;
                const hits = [];
                for (let x = 0; x < window.innerWidth; x += 2) {
                    if (document.elementFromPoint(x, y) === el) hits.push(x);
                }
                const outside = hits.filter(x => x < column.left || x > column.right);
                return {n: el.dataset.n, label: getComputedStyle(el, '::after').content,
                        left: outside.length ? Math.min(...outside) : null,
                        right: outside.length ? Math.max(...outside) : null,
                        columnLeft: column.left, columnRight: column.right};
            });
        }""", selector)

    def close(self) -> None:
        assert self.errors == [], self.errors
        assert all(url.startswith("file://") for url in self.requests), self.requests
        self.tab.close()


def test_page_numbers_stand_in_the_left_margin(browser, site):
    page = Page(browser, site / "book-pages.html")
    markers = page.margin_hits("main .pb")
    assert [m["label"] for m in markers] == ['"[21]"', '"[22]"', '"[23]"']
    for marker in markers:
        assert marker["right"] is not None and marker["right"] < marker["columnLeft"], marker
    page.tab.screenshot(path=str(ARTIFACTS / "render-book-pages.png"), full_page=True)
    page.close()


def test_every_fifth_line_is_numbered_in_the_right_margin(browser, site):
    page = Page(browser, site / "book-pages.html")
    numbers = page.margin_hits("main .ln")
    assert [n["label"] for n in numbers] == ['"5"', '"10"'] * 3
    for number in numbers:
        assert number["left"] is not None and number["left"] > number["columnRight"], number
    page.close()


def test_footnote_call_and_back_link(browser, site):
    page = Page(browser, site / "teikit-shape.html")
    page.tab.click("a.fn-call")
    assert page.target_id() == "fn1" and page.in_view("fn1")
    assert page.tab.evaluate("() => document.getElementById('fn1').closest('.page-notes') !== null")
    page.tab.click("#fn1 a.fn-back")
    assert page.target_id() == "tk-call-fn1" and page.in_view("tk-call-fn1")
    page.close()


def test_footnotes_close_their_page_section(browser, site):
    page = Page(browser, site / "book-pages.html")
    layout = page.tab.evaluate("""() => [...document.querySelectorAll('.page-notes')].map(notes => {
        const next = notes.nextElementSibling;
        return {notes: notes.textContent.trim(), nextPage: next && next.dataset.n,
                above: next ? notes.getBoundingClientRect().bottom <= next.getBoundingClientRect().top + 1 : null};
    })""")
    assert [entry["nextPage"] for entry in layout] == ["22", "23", None]
    assert layout[0]["notes"] == "1 Footnote on page 21, line 7." and layout[0]["above"]
    page.tab.click("a.fn-call >> nth=1")
    assert page.in_view(page.target_id())
    page.close()


def test_endnote_marker_and_back_link(browser, site):
    page = Page(browser, site / "teikit-shape.html")
    page.tab.click("#nr18")
    assert page.target_id() == "n18" and page.in_view("n18")
    page.tab.click("#n18 a.note-back")
    assert page.target_id() == "nr18" and page.in_view("nr18")
    page.close()


def test_apparatus_entries_lead_to_their_place(browser, site):
    page = Page(browser, site / "teikit-shape.html")
    entries = page.tab.locator(".app-entry").all_inner_texts()
    assert "14.1 much] m uch OCR (cert. high)" in entries
    assert "13.6 American] Amer-|ican (printed)" in entries
    page.tab.locator(".app-entry", has_text="m uch").locator("a.app-key").click()
    target = page.target_id()
    assert page.tab.locator(f"#{target}").inner_text() == "much"
    assert page.tab.locator(f"#{target}").get_attribute("title") == "OCR: m uch"
    page.tab.locator(".apparatus").screenshot(path=str(ARTIFACTS / "render-apparatus.png"))
    page.close()


def test_person_index_pages_link_to_the_mentions(browser, site):
    page = Page(browser, site / "teikit-shape.html")
    trotsky = page.tab.locator("#person-trotsky")
    assert " ".join(trotsky.inner_text().split()) == "Trotsky, Leon (1879–1940) 13, 14"
    trotsky.get_by_role("link", name="14").click()
    target = page.tab.locator(":target")
    assert target.get_attribute("data-ref") == "trotsky" and page.in_view(page.target_id())
    assert target.get_attribute("title") == "Leon Trotsky (1879–1940)"
    target.hover()
    assert page.tab.evaluate("() => getComputedStyle(document.querySelector(':target')).cursor") == "help"
    page.tab.locator(".person-index").screenshot(path=str(ARTIFACTS / "render-person-index.png"))
    page.close()


def test_editions_render_without_errors_at_desktop_and_phone_widths(browser, site):
    for name in ("teikit-shape", "foreign-lite"):
        for width, label in ((1280, "desktop"), (390, "phone")):
            page = Page(browser, site / f"{name}.html", width=width)
            overflow = page.tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} at {label} width scrolls sideways by {overflow}px"
            page.tab.screenshot(path=str(ARTIFACTS / f"render-{name}-{label}.png"), full_page=True)
            page.close()


def test_the_stylesheets_are_loaded_locally(browser, site):
    page = Page(browser, site / "teikit-shape.html")
    assert page.tab.evaluate("() => getComputedStyle(document.querySelector('.page-notes')).display") == "block"
    assert "edition.css" in {Path(url).name for url in page.requests}
    page.close()
