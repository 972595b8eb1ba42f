"""The archive and quarantine folders beside the central database.

- ``incoming/``: a bundle is first copied here and verified from this
  copy, so what gets archived is byte for byte what was verified, and a USB
  stick pulled mid-import changes nothing.
- ``archive/<bundle_id>.fqbundle``: every imported bundle, unchanged, for
  forwarding upward (county -> city -> province) and verifying again there.
- ``quarantine/<name>.fqbundle`` + ``.txt``: refused and quarantined bundles with
  a report saying why.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import hashlib
import os
import secrets
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from fengqiao_desktop.fsutil import fsync_dir, fsync_file

INCOMING = "incoming"
_STALE_SECONDS = 24 * 3600
HASH_ALONGSIDE = 4 * 1024 * 1024  # a bundle kept in memory from this size on is hashed while it is written


def stage(src: Path, files_dir: Path, *, keep_up_to: int = 0) -> tuple[Path, str, bytes | None]:
    """Copy ``src`` into incoming/; return the copy, the file's sha256 and, when the file holds
    at most ``keep_up_to`` bytes, its bytes (read once: hashed, written and kept for verifying).
    The copy is not yet flushed: ``fsutil.fsync_file`` flushes it (``place`` flushes what it moves)."""
    inbox = files_dir / INCOMING
    inbox.mkdir(parents=True, exist_ok=True)
    dest = inbox / f"{secrets.token_hex(8)}.fqbundle.partial"
    h = hashlib.sha256()
    kept: bytes | None = None
    try:
        with open(src, "rb") as fin, open(dest, "xb") as fout:
            size = os.fstat(fin.fileno()).st_size
            if size <= keep_up_to:
                kept = fin.read(size + 1)  # (a read of more would allocate all of that first)
                if len(kept) > size:  # grown while being read: copied in chunks like any other
                    fin.seek(0)
                    kept = None
                elif len(kept) >= HASH_ALONGSIDE:
                    # hashlib and the write both let go of the GIL: hashed on a thread meanwhile
                    hashing = threading.Thread(target=h.update, args=(kept,), name="stage-hash")
                    hashing.start()
                    try:
                        fout.write(kept)
                    finally:
                        hashing.join()
                else:
                    h.update(kept)
                    fout.write(kept)
            while kept is None and (chunk := fin.read(1024 * 1024)):
                h.update(chunk)
                fout.write(chunk)
    except BaseException:
        with contextlib.suppress(OSError):
            dest.unlink()
        raise
    return dest, h.hexdigest(), kept


def clean_stale(files_dir: Path) -> None:
    """Remove the staged copies a killed import left in incoming/ (once per run: another live
    import may be using a fresh one)."""
    now = time.time()
    for p in (files_dir / INCOMING).glob("*.partial"):
        with contextlib.suppress(OSError):
            if now - p.stat().st_mtime > _STALE_SECONDS:
                p.unlink()


def discard(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def place(staged: Path, folder: Path, name: str) -> Path:
    """Move a staged copy to ``folder/name`` (replacing a same-named file), durably."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / name
    fsync_file(staged)
    os.replace(staged, dest)
    fsync_dir(folder)
    return dest


def move(staged: Path, folder: Path, name: str) -> Path:
    """Move a staged copy to ``folder/name``; durable once ``sync_moved(folder, ...)`` returns
    (one directory sync for a whole batch of moves)."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / name
    os.replace(staged, dest)
    return dest


def sync_moved(folder: Path, unflushed: list[Path]) -> None:
    """Make durable what was moved into ``folder`` (``unflushed``: the moved files not flushed
    before): on Linux one ``syncfs`` of its file system, else each file and then the folder."""
    if not folder.is_dir():
        return
    if unflushed and _syncfs(folder):
        return
    for path in unflushed:
        fsync_file(path)
    fsync_dir(folder)


def syncs_at_once() -> bool:
    """Whether ``sync_moved`` makes a whole batch durable with one call (``syncfs``, Linux), so
    nothing gains from flushing each staged copy on its own beforehand."""
    return _syncfs_call() is not None


def _syncfs_call():
    return getattr(_libc(), "syncfs", None)


def _syncfs(folder: Path) -> bool:
    """syncfs(2) of the file system holding ``folder``: every file and directory written there is
    on disk when it returns. False where the system has none (then flush file by file)."""
    syncfs = _syncfs_call()
    if syncfs is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(folder))
    finally:
        os.close(fd)
    return True


@functools.cache
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def archive_name(bundle_id: str) -> str:
    return f"{bundle_id}.fqbundle"


def quarantine_name(source: Path, bundle_id: str | None, file_sha256: str) -> str:
    stem = bundle_id or "".join(c for c in source.stem if c.isalnum() or c in "-_")[:60] or "bundle"
    return f"{stem}-{file_sha256[:8]}.fqbundle"


def write_report(
    bundle_path: Path, *, source: Path, status: str, reason_zh: str, reason_en: str, details: dict
) -> Path:
    """The text report next to a quarantined bundle."""
    lines = [
        "风桥 中心库 数据包拒收报告 / Fengqiao central: refused bundle report",
        f"时间 / time: {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%SZ}",
        f"来源文件 / source file: {source}",
        f"状态 / status: {status}",
        f"原因: {reason_zh}",
        f"reason: {reason_en}",
    ]
    lines += [f"{k}: {v}" for k, v in details.items() if v is not None]
    report = bundle_path.with_suffix(".txt")
    tmp = report.with_suffix(".txt.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, report)
    return report
