"""The desktop interface (PySide6). The only package that imports Qt.

- ``app``: the ``fengqiao-desktop`` entry point (arguments, logging, fonts, translators).
- ``main_window``: the window with the Inspector and Bureau workspaces.
- ``stations``: the station browser (tree, search, badges, station page).
- ``editor``: the inspection editor.
- ``tasks``: the one background-task helper; ``errors``: known errors and the crash dialog;
  ``i18n``: translators and the language setting.
"""

from fengqiao_desktop.ui.qtfix import make_singletons_immortal as _guard

_guard()  # before any Qt call: see qtfix for the PySide6 6.12 / Python 3.11 bug
