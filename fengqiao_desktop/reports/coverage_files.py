"""Writing a coverage export safely: a temporary file beside the target, then a rename."""

from __future__ import annotations

from pathlib import Path

from fengqiao_desktop.errors import ReportError
from fengqiao_desktop.fsutil import write_atomic


def atomic_write(path: Path, data: bytes) -> Path:
    """``fsutil.write_atomic``, creating the folder, with a failure said as a report error."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_atomic(path, data)
    except OSError as exc:
        raise ReportError(
            f"无法写入文件 {path}：{exc.strerror or exc}", message_en=f"cannot write {path}: {exc.strerror or exc}"
        ) from exc
