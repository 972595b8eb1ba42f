"""One way to add an entry to the main window's File menu (the workspaces' own actions)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction


def add_file_action(
    window,
    object_name: str,
    label: Callable[[], str],
    slot: Callable[[], None],
    *,
    before: QAction | None = None,
    after: QAction | None = None,
) -> QAction:
    """A File-menu action placed just before ``before`` or just after ``after`` (else last),
    labelled by ``label()`` now and again on every language change."""
    action = QAction(window)
    action.setObjectName(object_name)
    action.triggered.connect(lambda _checked=False: slot())

    def relabel(*_a) -> None:
        action.setText(label())

    relabel()
    window.language_changed.connect(relabel)
    actions = window.file_menu.actions()
    if before is not None and before in actions:
        window.file_menu.insertAction(before, action)
    elif after is not None and after in actions and actions.index(after) + 1 < len(actions):
        window.file_menu.insertAction(actions[actions.index(after) + 1], action)
    else:
        window.file_menu.addAction(action)
    return action
