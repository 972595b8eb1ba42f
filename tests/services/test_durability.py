"""Each set_answer is its own committed transaction: a SIGKILL never loses an acknowledged answer."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from svc_helpers import TOWN

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

_WRITER = textwrap.dedent("""
    import sys
    from fengqiao_desktop.services.store import LocalStore
    store = LocalStore.open(sys.argv[1])
    iid, items = sys.argv[2], sys.argv[3:]
    n = 0
    while True:
        item = items[n % len(items)]
        store.inspections.set_answer(iid, item, True, note=str(n))
        print(item, n, flush=True)  # acknowledged only after set_answer returned
        n += 1
""")


def test_sigkill_loses_no_acknowledged_answer(store):
    form = store.forms.get("five-haves")
    iid = store.inspections.create(TOWN, form.id)
    items = list(form.items)
    for _round in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(store.data_dir), iid, *items], stdout=subprocess.PIPE, text=True
        )
        acked: dict[str, int] = {}
        deadline = time.monotonic() + 30
        wanted = len(items) + random.randint(0, 25)  # kill at a different point each round
        for _ in range(wanted):
            line = proc.stdout.readline()
            if not line or time.monotonic() > deadline:
                break
            item, n = line.split()
            acked[item] = int(n)
        os.kill(proc.pid, signal.SIGKILL)
        # anything printed after our last read was acknowledged too
        for line in proc.stdout:
            item, n = line.split()
            acked[item] = int(n)
        proc.wait()
        con = sqlite3.connect(store.db_path)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = dict(con.execute("SELECT item_id, note FROM answers WHERE inspection_id=?", (iid,)))
        con.close()
        assert acked, "the writer acknowledged nothing"
        for item, n in acked.items():
            assert int(notes[item]) >= n  # the acknowledged note, or a later one
