"""The library is usable from Python without the command layer, and its helpers are defined once."""
from __future__ import annotations

import subprocess
import sys

import pytest

import teikit

@pytest.mark.parametrize("module", [
    "teikit.passes", "teikit.encode", "teikit.register", "teikit.validate", "teikit.render", "teikit.export",
    "teikit.apparatus", "teikit.tei.writer",
    "teikit.tei.reader", "teikit.tei.header", "teikit.report"])
def test_importing_the_library_does_not_import_click(module):
    probe = f"import sys, {module}\nprint('click' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_script_encodes_validates_renders_and_exports(tmp_path):
    from teikit.encode import encode_text, serialize
    from teikit.export import export_file
    from teikit.render import render_file
    from teikit.validate import validate_file

    source = "A Made-Up Book\n\nIt was a quiet morning in the valley, and nobody came.\n"
    tei_path = tmp_path / "book.xml"
    tei_path.write_bytes(serialize(encode_text(source, name="book.txt").tree))
    assert validate_file(tei_path) == []
    assert render_file(tei_path, tmp_path / "site").is_file()
    assert "quiet morning" in export_file(tei_path, "text")


def test_namespace_helpers_are_the_packages_own():
    from teikit import apparatus, export, validate
    from teikit.render import tei as render_tei
    from teikit.tei import reader, writer

    for module in (apparatus, export, validate, reader):
        assert module.T is teikit.T and module.XML_ID is teikit.XML_ID
    assert render_tei.XML_ID is teikit.XML_ID and writer.T is teikit.T


def test_one_message_type_for_passes_and_validation():
    from teikit.report import Message
    from teikit.validate import problem, problem_dict

    assert str(Message("TK161", "warning", "a note has no marker", "a.txt", 3)) == \
        "a.txt:3: TK161 warning: a note has no marker"
    found = problem("a.xml", 4, 2, "error", "bad-attribute", "attribute colour is not allowed on lb")
    assert isinstance(found, Message)
    assert str(found) == "a.xml:4:2: error bad-attribute: attribute colour is not allowed on lb"
    assert list(problem_dict(found)) == ["file", "line", "col", "level", "code", "message"]
