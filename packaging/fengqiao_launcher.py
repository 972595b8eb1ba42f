"""Entry script of the frozen app: the same ``main`` the ``fengqiao-desktop`` command runs."""

import sys

from fengqiao_desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
