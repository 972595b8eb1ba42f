"""Bundles prepared ahead of the database work: in worker processes when a core is free.

Preparing a bundle (``merge/prepare.py``: staging, verification, checks, score
recomputation) needs no database, so it can run while the importer applies the
bundles before it. How many worker processes: one core is the importer's (it
applies); a database server on this machine needs one too; cores other programs
keep busy are not free; the rest prepare (``worker_count``). With none free, a
database server's importer still prepares in a thread (it spends much of its time
waiting for the server's answers); a SQLite importer, busy itself, prepares each
bundle just before applying it. For a handful of bundles nothing is started.

Workers start with the ``spawn`` method (never a fork of a process that runs a
window), and only once a bundle needs verifying; until one has started, the
importer prepares bundles itself; and whenever it would wait for them, it prepares a
bundle further on itself meanwhile (so with photos, where applying costs little, both
cores prepare). They look a few bundles ahead (``AHEAD_PER_WORKER``, ``WORKERS_AHEAD_BYTES``,
``AHEAD_BYTES``), so
``incoming/`` never holds much more than the batch being applied. Encrypted bundles
are staged ahead and opened by the importer, which holds the bureau's passphrase. A
cancelled run removes what was staged ahead and not asked for.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from fengqiao_desktop.merge import files
from fengqiao_desktop.merge.prepare import Prepared, RunContext, as_bundle_error, finish, prepare_bundle

log = logging.getLogger(__name__)

MIN_BUNDLES = 12  # fewer: a worker would not pay for its start
MAX_WORKERS = 4
# How far ahead of the importer bundles are prepared. Up to AHEAD_PER_WORKER bundles per worker
# (enough to keep a worker busy while the importer commits a batch: with 4, one stood idle a
# tenth of the time), but bundles weighing more than WORKERS_AHEAD_BYTES are not handed to the
# workers at once (bundles full of photos: the importer, quick to apply them, prepares those
# further on itself); nothing beyond AHEAD_BYTES is staged ahead in all. The next bundle always is.
AHEAD_PER_WORKER = 16
WORKERS_AHEAD_BYTES = 32 * 1024 * 1024
AHEAD_BYTES = 256 * 1024 * 1024
WAIT_FOR_WORKERS = False  # True: wait for the workers to start instead of preparing meanwhile (tests)
IMPORTER_HELPS = True  # the importer prepares bundles further on while it waits for the workers

_LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _cpu_times() -> tuple[int, int] | None:
    """(idle, total) time of all cores since boot, in clock ticks; None where not known (not Linux)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:9]]  # user .. steal (guest is in user)
        return fields[3] + fields[4], sum(fields)  # idle and iowait
    except (OSError, ValueError, IndexError):
        return None


class CpuSample:
    """What the cores do from its start on: how many of them other programs keep busy.

    Measured over the time since it started (at least ``MIN_SECONDS``: the counters move in
    hundredths of a second), less what this process used meanwhile. Not the load average,
    but where there is nothing else to read: that is a minute's average, so it still counts
    the workers of an import that has just ended, and an import started right after one
    would get none.
    """

    MIN_SECONDS = 0.05

    def __init__(self) -> None:
        self._wall, self._own, self._cpu = time.perf_counter(), time.process_time(), _cpu_times()

    def busy_elsewhere(self) -> float:
        if self._cpu is None:
            try:
                return max(0.0, os.getloadavg()[0] - 1.0)  # less the importer's own
            except (AttributeError, OSError):  # not on this system
                return 0.0
        time.sleep(max(0.0, self.MIN_SECONDS - (time.perf_counter() - self._wall)))
        cpu, wall = _cpu_times(), time.perf_counter() - self._wall
        if cpu is None or cpu[1] <= self._cpu[1]:
            return 0.0
        busy = (1.0 - (cpu[0] - self._cpu[0]) / (cpu[1] - self._cpu[1])) * (os.cpu_count() or 1)
        return max(0.0, busy - (time.process_time() - self._own) / wall)


def worker_count(
    url: str, n_bundles: int, cores: int | None = None, busy: float | None = None, sample: CpuSample | None = None
) -> int:
    """Worker processes for ``n_bundles`` into the database at ``url``: one per free core.

    One core is the importer's (it applies); a database server on this machine needs one
    too; cores other programs keep busy (``busy``, else measured since ``sample`` started or now) are
    not free either — a worker there would only take turns with the importer.
    """
    if n_bundles < MIN_BUNDLES:
        return 0
    from sqlalchemy.engine import make_url  # here: a worker process imports this module without the database layer

    if busy is None:
        busy = (sample or CpuSample()).busy_elsewhere()
    free = (cores or _cores()) - 1 - round(busy)
    u = make_url(url)
    if u.get_backend_name() != "sqlite" and (u.host or "") in _LOCAL_HOSTS:
        free -= 1  # the database server works on this machine too
    return max(0, min(free, MAX_WORKERS))


_context: RunContext | None = None


_require_encryption = False


def _init_worker(ctx: RunContext, require_encryption: bool) -> None:
    global _context, _require_encryption
    _context, _require_encryption = ctx, require_encryption


def _ready() -> bool:
    return True


def _prepare_in_worker(path: Path) -> Prepared:
    assert _context is not None
    # the bytes stay here: the importer reads what it still needs (photos, on PostgreSQL) from the
    # staged copy, which costs less than pickling megabytes of photos through a pipe
    return _prepare_ahead(path, _context, _require_encryption).without_bytes()


def _prepare_ahead(
    path: Path, ctx: RunContext, require_encryption: bool, cancelled: Callable[[], bool] | None = None
) -> Prepared:
    try:
        # flushed here, off the importer's path, unless the batch makes all its copies durable with
        # one call anyway (a flush per copy of a bundle full of photos costs more than that call)
        flush = not files.syncs_at_once()
        return prepare_bundle(path, ctx, require_encryption=require_encryption, cancelled=cancelled, flush=flush)
    except Exception as exc:  # noqa: BLE001 - a bundle that breaks a worker is refused, the run goes on
        log.exception("preparing %s failed", path)
        return Prepared(path=path, failed=as_bundle_error(exc))


class Preparer:
    """Prepared bundles in order: ``get(i)`` for ``paths[i]``, each asked for once, in order."""

    def __init__(
        self,
        paths: Sequence[Path],
        ctx: RunContext,
        *,
        workers: int = 0,
        thread: bool = False,
        identities: Callable[[], list] | None = None,
        require_encryption: bool = False,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.paths = list(paths)
        self.ctx = ctx
        self.identities = identities
        self.require_encryption = require_encryption
        self.cancelled = cancelled
        self._futures: dict[int, Future] = {}
        self._stolen: dict[int, Prepared] = {}  # prepared by the importer while it waited for the workers
        self._next = 0  # the next index to submit
        self._sizes: dict[int, int] = {}  # bundle file sizes, by index, of those handed on ahead
        self._workers = workers
        self._thread = thread and workers == 0
        self._pool: Executor | None = None
        self._warm: Future | None = None
        self.by_workers = 0  # bundles prepared ahead (by worker processes or the thread)
        self.by_importer = 0  # of the others, those the importer prepared while it waited for the workers
        self._ahead = max(workers, 1) * AHEAD_PER_WORKER

    def _start(self) -> None:
        """Start the workers (or the thread): once a bundle needed verifying (a folder of bundles
        received before is recognised by its bytes alone, and no worker is worth starting for it)."""
        if self._thread:
            # the importer waits on the database server's answers: a thread prepares meanwhile (and
            # can stop within a bundle when cancelled); encrypted bundles still open in the importer
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="merge-prepare")
            self._warm = self._pool.submit(_ready)
        else:
            self._pool = ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.ctx, self.require_encryption),
            )
            # until a worker has started (a second or so), the importer prepares bundles itself
            self._warm = self._pool.submit(_ready)
        self._workers, self._thread = 0, False  # started once

    def _submit(self, path: Path) -> Future:
        assert self._pool is not None
        if isinstance(self._pool, ThreadPoolExecutor):
            return self._pool.submit(_prepare_ahead, path, self.ctx, self.require_encryption, self.cancelled)
        return self._pool.submit(_prepare_in_worker, path)

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, i: int) -> Prepared:
        if self._warm is not None and WAIT_FOR_WORKERS:
            self._warm.result()
        if self._pool is None or self._warm is None or (i not in self._futures and not self._warm.done()):
            self._next = max(self._next, i + 1)
            p = self._inline(self.paths[i])
            if (self._workers or self._thread) and not p.received_file and len(self.paths) - i > MIN_BUNDLES:
                self._start()
            return p
        while self._room(i):
            self._futures[self._next] = self._submit(self.paths[self._next])
            self._next += 1
        if i in self._stolen:
            return self._stolen.pop(i)
        future = self._futures[i]
        # rather than wait for the worker processes, the importer prepares a bundle further on itself
        # (one not handed to them yet): its core is idle meanwhile (a bundle full of photos, say)
        while (
            IMPORTER_HELPS
            and isinstance(self._pool, ProcessPoolExecutor)
            and not future.done()
            and self._next < len(self.paths)
            and len(self._stolen) < self._ahead
            and self._staged_within(i, AHEAD_BYTES)
        ):
            self._stolen[self._next] = self._inline(self.paths[self._next])
            self._next += 1
            self.by_importer += 1
        try:
            p = self._futures.pop(i).result()
            self.by_workers += 1
            if not self._futures and self._next == len(self.paths):
                self._pool.shutdown(wait=False)  # the workers end on their own; nothing waits for them
        except BrokenProcessPool:  # a worker died (out of memory?): the rest is prepared here
            log.warning("merge worker processes stopped; preparing the remaining bundles in the importer")
            self._shutdown()
            return self._inline(self.paths[i])
        if p.encrypted:
            p = self.finish(p)
        return p

    def _room(self, i: int) -> bool:
        """Whether the next bundle goes to the workers while the importer is at bundle ``i``."""
        return (
            self._next < len(self.paths)
            and self._next <= i + self._ahead
            and self._staged_within(i, min(WORKERS_AHEAD_BYTES, AHEAD_BYTES))
        )

    def _staged_within(self, i: int, limit: int) -> bool:
        """Whether the bundle files after ``i`` up to the next one to prepare weigh at most
        ``limit`` bytes (the next bundle itself always may be prepared)."""
        if self._next <= i + 1:
            return True
        for k in [k for k in self._sizes if k <= i]:
            del self._sizes[k]
        for k in range(i + 1, min(self._next + 1, len(self.paths))):
            if k not in self._sizes:
                try:
                    self._sizes[k] = os.path.getsize(self.paths[k])
                except OSError:  # gone or unreadable: its preparation says so
                    self._sizes[k] = 0
        return sum(self._sizes.values()) <= limit

    def finish(self, p: Prepared) -> Prepared:
        """Complete a preparation in this process (opening an encrypted bundle, or verifying one
        whose bytes turned out not to be known after all)."""
        return finish(
            p,
            self.ctx,
            identities=self.identities,
            require_encryption=self.require_encryption,
            cancelled=self.cancelled,
        )

    def _inline(self, path: Path) -> Prepared:
        return prepare_bundle(
            path,
            self.ctx,
            identities=self.identities,
            require_encryption=self.require_encryption,
            cancelled=self.cancelled,
        )

    def _shutdown(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for f in self._futures.values():
            f.cancel()
        pool.shutdown(wait=True)
        for f in self._futures.values():  # staged ahead but never asked for (a cancel, a failure)
            if f.done() and not f.cancelled() and f.exception() is None:
                f.result().discard()
        self._futures.clear()
        for p in self._stolen.values():
            p.discard()
        self._stolen.clear()

    def close(self) -> None:
        self._shutdown()
        if self.by_workers:
            log.info(
                "%d of %d bundles prepared ahead of the database work (%d more by the importer while it waited)",
                self.by_workers,
                len(self.paths),
                self.by_importer,
            )
