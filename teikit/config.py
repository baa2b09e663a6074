"""edition.yaml -> EditionConfig: bibliographic facts, profile and per-pass options.

Every key is checked: an unknown or mistyped key is an error that names the key, its
line in the file and the keys that are valid there; pass options are checked against
their pass's Options types. Editions are exchanged between projects, so an edition.yaml
is read as untrusted: its slug must be a plain name, the files it names (source,
register) must lie in the edition's folder or the folder of editions around it (unless
the user allows otherwise), and YAML aliases may not expand past MAX_YAML_NODES.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

PROFILES = ("book", "newspaper", "web", "markdown-book")
#: YAML nodes an edition.yaml may expand to, aliases followed (a "billion laughs" expands to billions)
MAX_YAML_NODES = 100_000
#: a slug names a folder and files in the output: letters, digits, `.`, `_`, `-`, not starting with a dot
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
#: keys that name a file, which must stay inside the edition's folder or the project
PATH_KEYS = ("source", "register")


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
    outside: tuple[str, ...] = ()      #: paths outside the edition that the user allowed, to say so

    def path(self, relative: str) -> Path:
        return (self.base_dir or Path.cwd()) / relative


#: fields that are not keys of edition.yaml
INTERNAL_FIELDS = {"base_dir", "outside"}


def check_slug(slug: str, file: str | None = None, line: int | None = None) -> str:
    """A slug that can only name a folder inside the output (no `/`, `..`, quotes or markup)."""
    if not SAFE_NAME.fullmatch(slug):
        raise ConfigError(f"slug {slug!r} is not a safe name: use letters, digits, '.', '_' and '-' "
                          "(not starting with '.', at most 100)", file=file, line=line)
    return slug


def trusted_roots(base_dir: Path) -> tuple[Path, Path]:
    """Where an edition's files may be: its own folder and the folder of editions around it
    (which holds the registers editions share)."""
    edition = base_dir.resolve()
    return edition, edition.parent


def is_inside(path: Path, roots: tuple[Path, ...]) -> bool:
    """True when `path`, symbolic links followed, lies in one of `roots`."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(root) for root in roots)


def _line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _check_keys(node: yaml.MappingNode, cls: type, file: str, where: str) -> dict[str, yaml.Node]:
    valid = {f.name for f in fields(cls)} - INTERNAL_FIELDS
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


def _expanded_size_within(root: yaml.Node, limit: int, file: str) -> None:
    """Refuse YAML whose aliases expand past `limit` nodes (counted without expanding them)."""
    stack, count = [root], 0
    while stack:
        node = stack.pop()
        count += 1
        if count > limit:
            raise ConfigError(f"YAML expands to more than {limit} values (aliases repeated inside aliases?)",
                              file=file, line=_line_of(root))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)


def _is_empty(node: yaml.Node) -> bool:
    """`key:` with nothing after it (or `~`)."""
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _strings(node: yaml.Node, key: str, file: str) -> tuple[str, ...]:
    if _is_empty(node):
        return ()
    if not isinstance(node, yaml.SequenceNode) or not all(isinstance(v, yaml.ScalarNode) for v in node.value):
        raise ConfigError(f"{key!r} must be a list of message codes", file=file, line=_line_of(node))
    return tuple(v.value for v in node.value)


def _pass_options(node: yaml.Node, file: str) -> dict[str, dict[str, Any]]:
    """Each pass's options, checked against its Options type where the file sets them."""
    from .passes import BY_NAME
    from .pipeline import check_option

    if _is_empty(node):
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError("'passes' must map pass names to their options", file=file, line=_line_of(node))
    options: dict[str, dict[str, Any]] = {}
    for name_node, values_node in node.value:
        spec = BY_NAME.get(name_node.value)
        if spec is None:
            raise ConfigError(f"no pass named {name_node.value!r}; passes: {', '.join(sorted(BY_NAME))}",
                              file=file, line=_line_of(name_node))
        options[spec.name] = {}
        if _is_empty(values_node):
            continue
        if not isinstance(values_node, yaml.MappingNode):
            raise ConfigError(f"pass {spec.name!r} takes a mapping of options", file=file, line=_line_of(values_node))
        for key_node, value_node in values_node.value:
            try:
                value = yaml.safe_load(yaml.serialize(value_node))
                options[spec.name][key_node.value] = check_option(spec, str(key_node.value), value)
            except ValueError as error:
                raise ConfigError(str(error), file=file, line=_line_of(key_node)) from None
    return options


def _check_paths(values: dict[str, Any], items: dict[str, yaml.Node], path: Path,
                 allow_outside: bool) -> tuple[str, ...]:
    """The edition's files must be inside it or the project; returns those allowed outside."""
    roots = trusted_roots(path.parent)
    outside = []
    for key in PATH_KEYS:
        relative = values.get(key, EditionConfig.source if key == "source" else "")
        if "\0" in relative:
            raise ConfigError(f"{key!r} holds a NUL character, which no file name may hold",
                              file=str(path), line=_line_of(items[key]) if key in items else None)
        if not relative or is_inside(path.parent / relative, roots):
            continue
        if not allow_outside:
            raise ConfigError(f"{key!r} names {relative!r}, outside the edition's folder and the folder of "
                              "editions around it (--allow-outside reads it anyway)",
                              file=str(path), line=_line_of(items[key]) if key in items else None)
        outside.append(str((path.parent / relative).resolve()))
    return tuple(outside)


def load_config(path: str | Path, *, allow_outside: bool = False) -> EditionConfig:
    """Read and check an edition.yaml; `allow_outside` lets its source and register lie
    outside the edition (they are listed in `EditionConfig.outside`, to be said)."""
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
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror}", file=file) from None
    if root is None:
        raise ConfigError("is empty; it needs at least 'title'", file=file)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("must be a mapping of keys (title: ..., author: ...)", file=file, line=_line_of(root))
    _expanded_size_within(root, MAX_YAML_NODES, file)
    items = _check_keys(root, EditionConfig, file, "")
    values: dict[str, Any] = {"base_dir": path.parent}
    for key, node in items.items():
        if key in ("original", "transcription"):
            values[key] = _bibl(node, key, file)
        elif key == "exclude":
            values[key] = _exclusions(node, file)
        elif key == "suppress":
            values[key] = _strings(node, key, file)
        elif key == "passes":
            values[key] = _pass_options(node, file)
        else:
            values[key] = _scalar(node, key, file)
    if "slug" in values:
        check_slug(values["slug"], file, _line_of(items["slug"]))
    if values.get("profile") and values["profile"] not in PROFILES:
        raise ConfigError(f"unknown profile {values['profile']!r}; profiles: {', '.join(PROFILES)}",
                          file=file, line=_line_of(items["profile"]))
    if values.get("calendar", "gregorian") not in ("gregorian", "julian"):
        raise ConfigError("'calendar' must be gregorian or julian", file=file, line=_line_of(items["calendar"]))
    values["outside"] = _check_paths(values, items, path, allow_outside)
    return EditionConfig(**values)
