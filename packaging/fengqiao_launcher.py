"""Entry script of the frozen app: the same ``main`` the ``fengqiao-desktop`` command runs."""

import multiprocessing
import sys

from fengqiao_desktop.ui.app import main

if __name__ == "__main__":
    # the merge prepares bundles in worker processes (started with "spawn"): in the frozen app
    # a worker is this very program, told by its arguments to run the worker instead
    multiprocessing.freeze_support()
    sys.exit(main())
