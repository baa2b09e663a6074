"""The installed teikit (not this checkout) finds its schemas and templates.

`pip install .` ships the top-level schemas/ and templates/ as data files; running
Python isolated (-I) from another folder imports the installed package, so this test
proves the layout a user gets, not only the checkout's.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
from teikit.resources import resource_dir
import teikit
schemas, templates = resource_dir("schemas"), resource_dir("templates")
assert (schemas / "teikit.rng").is_file() and (schemas / "teikit.sch").is_file(), schemas
assert (templates / "edition.html").is_file() and (templates / "print.css").is_file(), templates
print(teikit.__file__)
"""


def test_installed_package_has_its_schemas_and_templates(tmp_path):
    result = subprocess.run([sys.executable, "-I", "-c", PROBE], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-I", "-m", "teikit", "--version"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "teikit" in result.stdout, result.stderr


def test_a_fresh_non_editable_install_encodes_and_renders_outside_the_checkout(tmp_path):
    """`pip install .` into a new virtual environment, then encode and render a made-up text
    from a folder that is not the checkout: what a new user does first."""
    checkout = Path(__file__).resolve().parents[1]
    venv = tmp_path / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"no venv module here (apt-get install python3-venv): {made.stderr.strip()}")
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(checkout)],
                             capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "letters.txt").write_text("A MADE-UP LETTER\n\nDear friend, the weather has been fine\nand the "
                                      "garden is in flower.\n\nYours, A. Writer\n", encoding="utf-8")

    def teikit(*args):
        result = subprocess.run([str(bin_dir / "teikit"), *args], cwd=work, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        return result

    teikit("encode", "letters.txt", "-o", "letters.xml")
    teikit("render", "letters.xml", "-o", "site")
    page = (work / "site" / "letters.html").read_text(encoding="utf-8")
    assert "the weather has been fine and the garden is in flower" in " ".join(page.split())
    assert (work / "site" / "edition.css").is_file() and (work / "site" / "print.css").is_file()
    where = subprocess.run([str(bin_dir / "python"), "-c", "import teikit; print(teikit.__file__)"], cwd=work,
                           capture_output=True, text=True, env=env).stdout
    assert Path(where.strip()).is_relative_to(venv) and not Path(where.strip()).is_relative_to(checkout), where
