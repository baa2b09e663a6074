"""Messages passes report about the text, and the exit-code policy.

Odd text is never an exception: a pass records a coded message with its source line
(`001.txt:2821: TK214 warning: note marker "Il9" read as 119`) and goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("info", "warning", "error")

#: exit codes, documented in README: 0 ok, 1 errors in the input, 2 usage
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Message:
    code: str     #: stable id, TKnnn, so users can grep and suppress
    level: str    #: one of LEVELS
    text: str
    file: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.line else (f"{self.file}: " if self.file else "")
        return f"{where}{self.code} {self.level}: {self.text}"


@dataclass
class Report:
    """Collects messages for one source file."""

    file: str = ""
    messages: list[Message] = field(default_factory=list)
    suppress: frozenset[str] = frozenset()

    def add(self, level: str, code: str, text: str, line: int | None = None) -> None:
        if code not in self.suppress:
            self.messages.append(Message(code, level, text, self.file, line))

    def info(self, code: str, text: str, line: int | None = None) -> None:
        self.add("info", code, text, line)

    def warning(self, code: str, text: str, line: int | None = None) -> None:
        self.add("warning", code, text, line)

    def error(self, code: str, text: str, line: int | None = None) -> None:
        self.add("error", code, text, line)

    def count(self, level: str) -> int:
        return sum(1 for m in self.messages if m.level == level)

    @property
    def exit_code(self) -> int:
        return EXIT_INPUT if self.count("error") else EXIT_OK
