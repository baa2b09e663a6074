"""The one message type, for what passes report about the text and what validation finds.

Odd text is never an exception: a pass records a coded message with its source line
(`001.txt:2821: TK214 warning: note marker "Il9" read as 119`) and goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Message:
    """Something to tell the user about a file: a pass's note on the source text, or a
    validator's problem in a TEI file (teikit.validate), which is located to the column."""

    code: str     #: stable id (TKnnn from the passes, a name from the validator) to grep and suppress
    level: str    #: passes: info or warning (odd text never stops the encoder); validator: error or fatal
    text: str
    file: str = ""
    line: int | None = None
    col: int | None = None   #: set by the validator only

    def __str__(self) -> str:
        if self.col is not None:
            return f"{self.file}:{self.line}:{self.col}: {self.level} {self.code}: {self.text}"
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

    def count(self, level: str) -> int:
        return sum(1 for m in self.messages if m.level == level)
