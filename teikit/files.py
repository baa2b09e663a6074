"""Writing output files so that a failed or interrupted run never leaves half a file."""
from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import OutputError


@functools.cache
def current_umask() -> int:
    """The process's umask (reading it means setting it: set it straight back, once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, data: bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside `path`, then rename: never half a file.

    `data` may come in pieces (a template rendering as it goes): each is written as it
    comes, so the whole need never be in memory, and an exception raised while they come
    removes the temporary file and leaves the old `path` as it was.

    The file gets the mode a plain `open` would give it (0644 under the usual umask), not
    the temporary file's 0600, so a web server running as another user can serve it. A
    file that cannot be written (a folder in the way, a read-only or full disk) is an
    OutputError naming it; the temporary file is removed.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a folder; name a file to write", file=str(path))
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            for piece in [data] if isinstance(data, bytes) else data:
                out.write(piece)
            os.fchmod(out.fileno(), 0o666 & ~current_umask())
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot be written: {exc.strerror or exc}", file=str(path)) from None
    finally:
        if tmp is not None and os.path.lexists(tmp):
            os.unlink(tmp)


#: characters of a long text handed on at a time (`slices`)
SLICE = 1 << 20


def slices(text: str) -> Iterator[str]:
    """`text` a SLICE at a time: a long text written out is never copied whole."""
    for start in range(0, len(text), SLICE):
        yield text[start:start + SLICE]
