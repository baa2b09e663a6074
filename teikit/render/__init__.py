"""TEI -> plain dicts -> Jinja: a print-style HTML reading edition, optionally a PDF."""
from __future__ import annotations

from teikit.render.context import build_context
from teikit.render.html import make_environment, render_file, render_site
from teikit.render.pdf import write_pdf

__all__ = ["build_context", "make_environment", "render_file", "render_site", "write_pdf"]
