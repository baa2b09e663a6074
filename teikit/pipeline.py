"""The checked order of passes: each declares what it requires and provides.

A pass is a plain function `run(doc, opts, report) -> doc` with a frozen Options
dataclass. `build_pipeline` refuses an order whose requirements are unmet before any
text is read (spaCy's analyze_pipes, made a hard check).
"""
from __future__ import annotations

import dataclasses
import re
import typing
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


#: a str option whose name ends so is a regular expression, compiled when it is checked
REGEX_OPTION_SUFFIXES = ("_pattern", "_heads")


def check_option(spec: PassSpec, key: str, value: Any) -> Any:
    """`value` as option `key` of `spec` takes it, or ValueError saying what it must be.

    YAML gives bool, int, float, str and lists; each must fit the Options field's type
    (`title_page: "no"` is a string, not false), lists become tuples, ints become floats,
    and a regular expression must compile.
    """
    hints = typing.get_type_hints(spec.options)
    if key not in hints:
        valid = ", ".join(sorted(f.name for f in dataclasses.fields(spec.options))) or "none"
        raise ValueError(f"pass {spec.name!r} has no option {key!r}; valid options: {valid}")
    kind = hints[key]
    where = f"option {key!r} of pass {spec.name!r}"
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    if kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{where} must be true or false, not {shown}")
    elif kind is int or kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or kind is int and isinstance(value, float):
            raise ValueError(f"{where} must be {'an integer' if kind is int else 'a number'}, not {shown}")
        value = kind(value)
    elif kind is str:
        if not isinstance(value, str):
            raise ValueError(f"{where} must be a string, not {shown}")
        if key.endswith(REGEX_OPTION_SUFFIXES):
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"{where} is not a regular expression: {error}") from None
    elif typing.get_origin(kind) is tuple and typing.get_args(kind) == (str, ...):
        if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"{where} must be a list of strings, not {shown}")
        value = tuple(value)
    elif not isinstance(value, typing.get_origin(kind) or kind):
        raise ValueError(f"{where} is set by the edition, not in 'passes'")
    return value


def make_options(spec: PassSpec, values: dict[str, Any] | None) -> Any:
    """Options for a pass from configuration, each value checked (`check_option`)."""
    try:
        return spec.options(**{key: check_option(spec, key, value) for key, value in (values or {}).items()})
    except ValueError as error:
        raise ConfigError(str(error)) from None


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
    doc.forget_reading_views()
    return doc
