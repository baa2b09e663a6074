"""The checked order of passes: each declares what it requires and provides.

A pass is a plain function `run(doc, opts, report) -> doc` with a frozen Options
dataclass. `build_pipeline` refuses an order whose requirements are unmet before any
text is read (spaCy's analyze_pipes, made a hard check).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import ConfigError
from .model import Document
from .report import Report


@dataclass(frozen=True)
class PassSpec:
    name: str
    run: Callable[[Document, Any, Report], Document]
    options: type
    requires: frozenset[str] = field(default_factory=frozenset)
    provides: frozenset[str] = field(default_factory=frozenset)
    doc: str = ""     #: one line for `teikit passes`; default: the module docstring's first line


@dataclass(frozen=True)
class Step:
    spec: PassSpec
    opts: Any


def make_options(spec: PassSpec, values: dict[str, Any] | None) -> Any:
    """Options for a pass from configuration; an unknown option lists the valid ones."""
    values = dict(values or {})
    valid = {f.name: f for f in dataclasses.fields(spec.options)}
    unknown = sorted(set(values) - set(valid))
    if unknown:
        raise ConfigError(
            f"pass {spec.name!r} has no option {unknown[0]!r}; valid options: {', '.join(sorted(valid)) or 'none'}"
        )
    for key, value in values.items():
        default = getattr(spec.options(), key)
        if isinstance(default, tuple) and isinstance(value, list):
            values[key] = tuple(value)
    return spec.options(**values)


def build_pipeline(specs: list[PassSpec], options: dict[str, dict] | None = None,
                   disabled: frozenset[str] = frozenset()) -> list[Step]:
    options = options or {}
    known = {spec.name for spec in specs}
    for name in options:
        if name not in known:
            raise ConfigError(f"no pass named {name!r}; passes: {', '.join(sorted(known))}")
    provided: set[str] = set()
    steps = []
    for spec in specs:
        if spec.name in disabled:
            continue
        missing = spec.requires - provided
        if missing:
            raise ConfigError(f"pass {spec.name!r} requires {', '.join(sorted(missing))}, which no earlier pass provides")
        provided |= spec.provides
        steps.append(Step(spec, make_options(spec, options.get(spec.name))))
    return steps


def run_pipeline(doc: Document, steps: list[Step], report: Report) -> Document:
    for step in steps:
        doc = step.spec.run(doc, step.opts, report)
    return doc
