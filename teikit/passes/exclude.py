"""Leave out source lines the edition excludes (web boilerplate), keeping the reason.

Excluded lines stay in the model with `kind="excluded"` so the header can list them and
the diplomatic view can account for every source line.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..config import Exclusion
from ..facts import ExcludedLine
from ..model import Document
from ..pipeline import PassSpec
from ..report import Report


@dataclass(frozen=True)
class Options:
    rules: tuple[Exclusion, ...] = ()   #: from edition.yaml's `exclude`


def run(doc: Document, opts: Options, report: Report) -> Document:
    for rule in opts.rules:
        first, last = rule.first, rule.last or len(doc.lines)
        if rule.starting_at:
            first = next((line.n for line in doc.lines if line.text.strip() == rule.starting_at.strip()), None)
            if first is None:
                report.warning("TK101", f"exclusion {rule.reason!r}: no line reads {rule.starting_at!r}; nothing excluded")
                continue
        for line in doc.lines[(first or 1) - 1:last]:
            if line.kind != "blank":
                line.kind, line.reason = "excluded", rule.reason
    excluded = [line for line in doc.lines if line.kind == "excluded"]
    if excluded:
        doc.facts.excluded = tuple(ExcludedLine(line.n, line.orig, line.reason) for line in excluded)
        report.info("TK102", f"{len(excluded)} lines excluded from the text ({excluded[0].reason})", excluded[0].n)
    return doc


PASS = PassSpec("exclude", run, Options, provides=frozenset({"exclude"}))
