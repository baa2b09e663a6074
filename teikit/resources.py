"""Where the top-level `schemas/` and `templates/` folders are, in a checkout or installed.

In a checkout they sit beside the package; `pip install .` copies them to
`<prefix>/share/teikit/` (pyproject's data-files), so both layouts are looked up.
"""
from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def resource_dir(name: str) -> Path:
    """The folder `schemas` or `templates`, wherever this teikit was installed from."""
    candidates = [_CHECKOUT / name]
    for prefix in {sys.prefix, sysconfig.get_paths()["data"]}:
        candidates.append(Path(prefix) / "share" / "teikit" / name)
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"teikit's {name}/ folder is missing (looked in {', '.join(map(str, candidates))})")


def user_cache_dir() -> Path:
    """Where teikit keeps what it fetches or makes for the user: $XDG_CACHE_HOME/teikit or ~/.cache/teikit."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "teikit"
