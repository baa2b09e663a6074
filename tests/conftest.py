"""Shared fixtures: the corpus, the gold and the official TEI schema live in ../shared.

TEIKIT_SHARED names another place for it. The tests that need it skip when it is missing
on a developer's machine, but fail in CI (CI set), where it must be.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# header dates come from SOURCE_DATE_EPOCH: the golden files stay byte-identical day to day
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared"))
EDITIONS = ROOT / "editions"
EDITION_SLUGS = sorted(p.parent.name for p in EDITIONS.glob("*/edition.yaml"))
CORPUS = SHARED / "corpus"


def require_shared() -> Path:
    """The shared folder; a test that needs it skips without it, except in CI, where it fails."""
    if not (SHARED / "corpus").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        message = f"no corpus and scorer in {SHARED} (set TEIKIT_SHARED to where ../shared is)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SHARED


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output; review the diff before committing")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def encoded_editions(tmp_path_factory):
    """Every edition encoded once per test session: slug -> (Encoded, path of the TEI file)."""
    from teikit.config import load_config
    from teikit.encode import encode_source, serialize
    from teikit.files import write_atomically

    out = tmp_path_factory.mktemp("editions")
    results = {}
    for slug in EDITION_SLUGS:
        cfg = load_config(EDITIONS / slug / "edition.yaml")
        encoded = encode_source(EDITIONS / slug / "source.txt", cfg)
        path = out / f"{slug}.xml"
        write_atomically(path, serialize(encoded.tree))
        results[slug] = (encoded, path)
    return results


@pytest.fixture(scope="session")
def tei_all():
    """The official tei_all grammar, compiled once per session (lxml takes 7-10 s)."""
    from teikit.validate import SchemaUnusable, grammar

    try:
        return grammar("tei_all")
    except SchemaUnusable as error:
        pytest.skip(str(error))


#: Debian's Chromium, which the browser tests (rendered editions, other projects' clients) drive
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through Playwright, one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is absent (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
