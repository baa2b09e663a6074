"""Packaged pass defaults per kind of source, and picking a kind from the text itself."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

import yaml

from ..model import Document

_HERE = Path(__file__).parent
_ITALICS = re.compile(r"(?<![\w*])\*[A-Za-z][^*\n]{0,80}\*(?![\w*])")


def profile_options(profile: str) -> dict[str, dict]:
    """The pass options a profile sets, by pass name."""
    data = yaml.safe_load((_HERE / f"{profile}.yaml").read_text(encoding="utf-8")) or {}
    return {name: dict(opts or {}) for name, opts in (data.get("passes") or {}).items()}


def detect_profile(doc: Document) -> tuple[str, str]:
    """The profile that fits the text's layout best, and why (for the user)."""
    lengths = [len(line.text) for line in doc.lines if line.kind == "text"]
    if not lengths:
        return "web", "no text lines"
    median = statistics.median(lengths)
    if median < 45:
        hyphenated = sum(1 for line in doc.lines if line.text.endswith("-")) / len(lengths)
        return "newspaper", f"narrow columns (median line {median:.0f} characters, {hyphenated:.0%} end in a hyphen)"
    if median < 100:
        return "book", f"printed lines (median line {median:.0f} characters)"
    italics = sum(len(_ITALICS.findall(line.orig)) for line in doc.lines)
    if italics >= 3:
        return "markdown-book", f"one paragraph per line with {italics} *italic* spans"
    return "web", f"one paragraph per line (median line {median:.0f} characters)"

