"""The rendered edition in a real browser: headless Chromium (Debian's) driven by Playwright.

Checks what only layout shows: page numbers in the left margin and line numbers in the
right, note links landing on their target, the apparatus and index links, no console
errors and no request leaving file://. Screenshots go to tests/artifacts/ for a human eye.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM
from teikit.render import render_file

FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="playwright is absent (pip install playwright)")


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
    visible = [text for text in page.tab.locator(".app-entry").all_inner_texts() if text]
    assert visible[0] == "14.1 November.] November_ OCR", "the corrections come first"
    assert "14.1 much] m uch OCR (cert. high)" in visible
    assert not any("(printed)" in text for text in visible), "hyphenation stays behind its switch"
    page.tab.click("#apparatus-hyphenation > summary")
    entries = page.tab.locator(".app-entry").all_inner_texts()
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


def test_contents_lead_to_their_divisions_and_fold_a_long_book(browser, tmp_path):
    articles = "".join(f'<div type="article"><head>Article {n}</head><dateline><date when="1936-01-{n:02d}">'
                       f'January {n}, 1936</date></dateline><p>Text {n}.</p></div>' for n in range(1, 26))
    tei = tmp_path / "long.xml"
    tei.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Long</title>'
                   f'</titleStmt></fileDesc></teiHeader><text><front><div><head>Preface</head><p>P.</p></div></front>'
                   f'<body>{articles}</body></text></TEI>', encoding="utf-8")
    html = render_file(tei, tmp_path / "out")
    for width, label in ((1280, "desktop"), (390, "phone")):
        page = Page(browser, html, width=width)
        assert page.tab.locator("#contents a", has_text="Preface").is_visible()
        article = page.tab.locator("#contents a", has_text="Article 12")
        assert not article.is_visible(), "a part of 25 entries starts folded"
        page.tab.click("#contents details:has-text('Text') > summary")
        assert article.is_visible()
        assert page.tab.locator("#contents li", has_text="Article 12").inner_text().endswith("January 12, 1936")
        article.click()
        assert page.tab.locator(":target h2").inner_text() == "Article 12" and page.in_view(page.target_id())
        overflow = page.tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{label} width scrolls sideways by {overflow}px"
        page.tab.goto(html.as_uri())
        page.tab.screenshot(path=str(ARTIFACTS / f"render-contents-{label}.png"))
        page.close()


def test_legend_explains_margins_and_highlighting(browser, site):
    page = Page(browser, site / "book-pages.html")
    legend = page.tab.locator("#legend")
    assert legend.is_visible()
    text = legend.inner_text()
    assert "left margin" in text and "right margin" in text
    legend.screenshot(path=str(ARTIFACTS / "render-legend.png"))
    page.close()


def test_no_markup_character_and_the_note_sign_once(browser, tmp_path):
    tei = tmp_path / "signs.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Signs</title>'
                   '</titleStmt></fileDesc></teiHeader><text><body><p><lb n="1"/>He read '
                   '<pc type="markup">*</pc><hi rend="italic">The Courier</hi><pc type="markup">*</pc> daily.'
                   '<ref type="noteAnchor" target="#fn1">*</ref><note place="foot" n="*" xml:id="fn1">'
                   '<label>*</label>A made-up note.</note> Then more.</p></body></text></TEI>', encoding="utf-8")
    page = Page(browser, render_file(tei, tmp_path / "out"))
    text = page.tab.locator("main").inner_text()
    assert "He read The Courier daily.*" in text and "*The Courier*" not in text
    assert text.count("*") == 2, text        # once at the call, once at the note
    page.tab.click("a.note-ref")
    assert page.target_id() == "fn1" and page.in_view("fn1")
    page.tab.click("#fn1 a.fn-back")
    assert page.in_view(page.target_id())
    page.close()


def test_edition_links_the_site_index_the_tei_and_exports(browser, tmp_path):
    from teikit.build import build_all
    editions = tmp_path / "editions" / "letters"
    editions.mkdir(parents=True)
    (editions / "edition.yaml").write_text("title: Letters\nauthor: A. Writer\nprofile: book\n", encoding="utf-8")
    (editions / "source.txt").write_text("A made-up letter of some length.\n\nAnother paragraph.\n", encoding="utf-8")
    out = tmp_path / "_build"
    [result] = build_all(tmp_path / "editions", out)
    assert result.ok, result.error
    page = Page(browser, out / "index.html")
    downloads = page.tab.locator(".edition-downloads a")
    assert downloads.all_inner_texts()[0] == "TEI"
    for href in [downloads.nth(i).get_attribute("href") for i in range(downloads.count())]:
        assert (out / href).is_file(), href
    page.tab.click(".edition-title")
    assert page.tab.url.endswith("letters/letters.html")
    for link in (".link-tei", ".link-export >> nth=0"):
        assert (result.html.parent / page.tab.locator(link).get_attribute("href")).is_file()
    page.tab.click(".link-index")
    assert page.tab.url.endswith("/index.html")
    page.close()


def test_printing_keeps_the_margin_numbers_inside_the_page(browser, site):
    """A browser prints nothing outside the page box: the margin numbers must fall within
    the padding print.css gives the text column."""
    page = Page(browser, site / "book-pages.html", width=559)   # an A5 sheet, as print.css sets
    page.tab.emulate_media(media="print")
    room = page.tab.evaluate("""() => {
        const page = document.querySelector('.page'), style = getComputedStyle(page);
        const pb = getComputedStyle(document.querySelector('main .pb'), '::after');
        const ln = getComputedStyle(document.querySelector('main .ln'), '::after');
        return {padLeft: parseFloat(style.paddingLeft), padRight: parseFloat(style.paddingRight),
                pbLeft: -parseFloat(pb.left), lnRight: -parseFloat(ln.right), pbPosition: pb.position,
                lnShown: getComputedStyle(document.querySelector('main .ln')).display !== 'none'};
    }""")
    assert room["pbPosition"] == "absolute" and room["lnShown"], room
    assert 0 < room["pbLeft"] <= room["padLeft"] and 0 < room["lnRight"] <= room["padRight"], room
    page.tab.pdf(path=str(ARTIFACTS / "render-book-pages-print.pdf"))
    page.close()
