"""Shared fixtures: the corpus, the gold and the official TEI schema live in ../shared."""
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
