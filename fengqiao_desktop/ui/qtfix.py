"""Guard against a reference-count bug of PySide6 6.12 on Python 3.11.

PySide6 6.12.0 returns ``None`` (and, from some signal connections, ``True``)
to Python without taking a reference. On Python 3.12+ these objects are
immortal and nothing happens; on 3.11 every such call lowers their count, and
after some tens of thousands of calls (a few minutes of normal use, or one
test run) the interpreter aborts with "none_dealloc: deallocating None".

Until a fixed PySide6 is pinned, the app gives these singletons a reference
count so large that no session can use it up, which is what 3.12 does by
design. It touches only ``ob_refcnt`` of ``None``, ``True``, ``False`` and
``NotImplemented``/``Ellipsis``; it is a no-op on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40  # ~10^12 extra references: more than any session can leak
_done = False


def make_singletons_immortal() -> bool:
    """Raise the reference counts of the singletons once per process; True if it did."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False, NotImplemented, Ellipsis):
        # ob_refcnt is the first field of every CPython object (non-debug builds).
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
    return True
