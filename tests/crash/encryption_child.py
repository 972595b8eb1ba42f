"""The child process of the encryption kill test: converts a data directory, or opens an interrupted one.

``encryption_child.py DATA PASSPHRASE convert [STEP]`` encrypts DATA; with STEP it kills itself
(SIGKILL) the moment the conversion reports that step (a prefix match: ``backups`` also stops at
``backups:<file>``). ``… open`` opens the store with the passphrase, which finishes an interrupted
conversion. ``START`` is printed just before the work begins.
"""

from __future__ import annotations

import os
import signal
import sys


def main(data_dir: str, passphrase: str, action: str, stop_at: str = "") -> None:
    from fengqiao_desktop.services import encryption
    from fengqiao_desktop.services.store import LocalStore

    def on_step(step: str) -> None:
        if stop_at and step.startswith(stop_at):
            os.kill(os.getpid(), signal.SIGKILL)

    sys.stdout.write("START\n")
    sys.stdout.flush()
    if action == "convert":
        encryption.encrypt_data_dir(data_dir, passphrase, on_step=on_step)
    else:
        LocalStore.open(data_dir, passphrase=passphrase).close()
    sys.stdout.write("DONE\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(*sys.argv[1:])
