"""The installed teikit (not this checkout) finds its schemas and templates.

`pip install .` ships the top-level schemas/ and templates/ as data files; running
Python isolated (-I) from another folder imports the installed package, so this test
proves the layout a user gets, not only the checkout's.
"""
from __future__ import annotations

import subprocess
import sys

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
