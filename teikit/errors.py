"""The few exceptions teikit raises: configuration, source, output and validation problems.

Passes never raise on odd text (they report messages); these are for input that cannot
be used at all. `cli.py` alone turns them into one line and an exit code.
"""
from __future__ import annotations


class TeikitError(Exception):
    """Base class; `str()` is the one line a user sees.

    Exit codes (README): 0 ok, 1 a problem with the input, 2 wrong usage.
    """

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        self.message, self.file, self.line = message, file, line
        where = f"{file}:{line}: " if file and line else f"{file}: " if file else ""
        super().__init__(where + message)


class ConfigError(TeikitError):
    """An edition.yaml or option that cannot be used."""


class SourceError(TeikitError):
    """A source file that cannot be read as text."""


class OutputError(TeikitError):
    """An output file or folder that cannot be written (a folder in the way, a full disk)."""


class ValidationError(TeikitError):
    """A TEI file that is not valid against the schema asked for."""


class UsageError(TeikitError):
    """A command used the wrong way."""

    exit_code = 2
