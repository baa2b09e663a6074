"""edition.yaml -> EditionConfig: bibliographic facts, profile and per-pass options.

Every key is checked: an unknown or mistyped key is an error that names the key, its
line in the file and the keys that are valid there.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

PROFILES = ("book", "newspaper", "web", "markdown-book")


@dataclass(frozen=True)
class Bibl:
    """The printed (or posted) source the transcription was made from."""

    title: str = ""
    author: str = ""
    editor: str = ""
    translator: str = ""
    publisher: str = ""
    place: str = ""
    date: str = ""
    series: str = ""
    pages: str = ""
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Exclusion:
    """Source lines left out of the text, with the reason the header gives."""

    reason: str
    first: int | None = None     #: first excluded line number
    last: int | None = None      #: last excluded line (default: end of file)
    starting_at: str = ""        #: or: from the first line that reads exactly this


@dataclass(frozen=True)
class EditionConfig:
    slug: str = ""
    title: str = ""
    author: str = ""
    language: str = "en"
    profile: str = ""
    source: str = "source.txt"
    encoding: str = "utf-8"
    date: str = ""                     #: date of the text itself (ISO), for the site index
    calendar: str = "gregorian"        #: or "julian", for dates in the source
    register: str = ""                 #: person register (YAML), relative to edition.yaml
    schema_base: str = ""              #: where the TEI points for its schemas (URL or relative path)
    original: Bibl = field(default_factory=Bibl)
    transcription: Bibl = field(default_factory=Bibl)   #: the transcription's own origin
    exclude: tuple[Exclusion, ...] = ()
    suppress: tuple[str, ...] = ()     #: message codes not to report
    passes: dict[str, dict[str, Any]] = field(default_factory=dict)
    base_dir: Path | None = None       #: folder of edition.yaml; relative paths start here

    def path(self, relative: str) -> Path:
        return (self.base_dir or Path.cwd()) / relative


def _line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _check_keys(node: yaml.MappingNode, cls: type, file: str, where: str) -> dict[str, yaml.Node]:
    valid = {f.name for f in fields(cls)} - {"base_dir"}
    out = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in valid:
            raise ConfigError(f"unknown key {key!r}{where}; valid keys: {', '.join(sorted(valid))}",
                              file=file, line=_line_of(key_node))
        out[key] = value_node
    return out


def _scalar(node: yaml.Node, key: str, file: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ConfigError(f"{key!r} must be a single value, not a list or mapping", file=file, line=_line_of(node))
    return str(yaml.safe_load(yaml.serialize(node)) if node.value else "")


def _bibl(node: yaml.Node, key: str, file: str) -> Bibl:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{key!r} must be a mapping of bibliographic fields", file=file, line=_line_of(node))
    items = _check_keys(node, Bibl, file, f" in {key!r}")
    return Bibl(**{k: _scalar(v, k, file) for k, v in items.items()})


def _exclusions(node: yaml.Node, file: str) -> tuple[Exclusion, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError("'exclude' must be a list of {reason, first, last} or {reason, starting_at}",
                          file=file, line=_line_of(node))
    out = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError("each 'exclude' entry must be a mapping", file=file, line=_line_of(item))
        values = {k: _scalar(v, k, file) for k, v in _check_keys(item, Exclusion, file, " in 'exclude'").items()}
        if not values.get("reason"):
            raise ConfigError("an 'exclude' entry needs a 'reason'", file=file, line=_line_of(item))
        for key in ("first", "last"):
            if key in values:
                if not values[key].isdigit():
                    raise ConfigError(f"'{key}' must be a line number", file=file, line=_line_of(item))
                values[key] = int(values[key])
        out.append(Exclusion(**values))
    return tuple(out)


def load_config(path: str | Path) -> EditionConfig:
    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise ConfigError("no such edition file" if not path.exists() else "is not a file", file=file)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"not valid YAML: {problem}", file=file, line=mark.line + 1 if mark else None) from None
    except UnicodeDecodeError:
        raise ConfigError("is not UTF-8 text", file=file) from None
    if root is None:
        raise ConfigError("is empty; it needs at least 'title'", file=file)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("must be a mapping of keys (title: ..., author: ...)", file=file, line=_line_of(root))
    items = _check_keys(root, EditionConfig, file, "")
    values: dict[str, Any] = {"base_dir": path.parent}
    for key, node in items.items():
        if key in ("original", "transcription"):
            values[key] = _bibl(node, key, file)
        elif key == "exclude":
            values[key] = _exclusions(node, file)
        elif key == "suppress":
            values[key] = tuple(str(v) for v in yaml.safe_load(yaml.serialize(node)) or ())
        elif key == "passes":
            passes = yaml.safe_load(yaml.serialize(node)) or {}
            if not isinstance(passes, dict) or not all(isinstance(v, dict | None) for v in passes.values()):
                raise ConfigError("'passes' must map pass names to their options", file=file, line=_line_of(node))
            values[key] = {name: dict(opts or {}) for name, opts in passes.items()}
        else:
            values[key] = _scalar(node, key, file)
    if values.get("profile") and values["profile"] not in PROFILES:
        raise ConfigError(f"unknown profile {values['profile']!r}; profiles: {', '.join(PROFILES)}",
                          file=file, line=_line_of(items["profile"]))
    if values.get("calendar", "gregorian") not in ("gregorian", "julian"):
        raise ConfigError("'calendar' must be gregorian or julian", file=file, line=_line_of(items["calendar"]))
    return EditionConfig(**values)
