"""The child process of the SIGKILL test: edits one inspection the way the editor does, forever.

It goes through ``ServiceBackend.set_answer`` (the call the editor makes for
every change) and prints ``ACK <seq> <item>`` only after the call returned,
i.e. after the answer was committed. The note of each answer carries ``seq``.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(data_dir: str, inspection_id: str, start: int) -> None:
    from fengqiao_desktop.formengine.scoring import Answer
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui.editor.service_backend import ServiceBackend

    store = LocalStore.open(data_dir)
    backend = ServiceBackend(store, inspection_id)
    form = backend.load().form
    items = [i for i in form.items.values() if i.type.value in ("graded", "deduction", "yes_no")]
    seq = start
    while True:
        item = items[seq % len(items)]
        value = True if item.type.value == "yes_no" else (seq % (int(item.max) + 1))
        backend.set_answer(item.id, Answer(value=value, note=str(seq)))
        sys.stdout.write(f"ACK {seq} {item.id}\n")
        sys.stdout.flush()
        seq += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
