"""Small file-system helpers shared by the core packages (no Qt).

``write_atomic`` writes to a temporary file in the target's folder, fsyncs it
and renames it over the target, so a crash leaves either the old file or the
new one, never a torn one. ``fsync_dir`` makes a folder's entries durable, for
callers that need a rename to survive a crash before their next step; read-back
checks (bundle writer, merge files) stay with their callers.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes, *, mode: int | None = None, prefix: str | None = None) -> Path:
    """Replace ``path`` with ``data`` atomically; return the path.

    ``mode`` sets the file's permission bits (mkstemp creates 0o600 otherwise).
    OSError propagates to the caller, which names the problem for the user;
    the temporary file is removed on any failure.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def fsync_dir(directory: str | os.PathLike) -> None:
    """Make a folder's entries (a rename, a new file) durable."""
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; its renames are journaled
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: str | os.PathLike) -> None:
    """Flush a file's bytes to the disk (a file another library wrote and closed)."""
    with open(path, "rb+") as f:
        os.fsync(f.fileno())
