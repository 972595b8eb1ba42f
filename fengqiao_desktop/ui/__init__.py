"""The desktop interface (PySide6). The only package that imports Qt.

- ``app``: the ``fengqiao-desktop`` entry point (arguments, logging, fonts, translators).
- ``main_window``: the window with the Inspector and Bureau workspaces.
- ``stations``: the station browser (tree, search, badges, station page).
- ``editor``: the inspection editor.
- ``tasks``: the one background-task helper; ``errors``: known errors and the crash dialog;
  ``i18n``: translators and the language setting.
"""
