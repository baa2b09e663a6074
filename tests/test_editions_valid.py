"""Every edition's TEI is valid against teikit's customisation and the official tei_all."""
from __future__ import annotations

import pytest

from conftest import EDITION_SLUGS
from teikit.validate import validate_file


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_edition_is_valid_against_teikit_rng_and_schematron(encoded_editions, slug):
    _, path = encoded_editions[slug]
    assert validate_file(path) == []


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_edition_is_valid_against_tei_all(encoded_editions, tei_all, slug):
    encoded, _ = encoded_editions[slug]
    assert tei_all.relaxng.validate(encoded.tree), tei_all.relaxng.error_log.last_error
