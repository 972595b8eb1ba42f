"""Known errors in plain words; bugs as a crash dialog naming the log file; never a bare traceback."""

from __future__ import annotations

import sys

from fengqiao_desktop.errors import RosterError, StorageError
from fengqiao_desktop.ui import errors


def test_known_error_shows_its_own_message(dialogs):
    errors.show_error(None, StorageError("数据库被另一个程序锁定，请关闭后重试。", message_en="locked"))
    box = dialogs[0]
    assert box.text() == "数据库被另一个程序锁定，请关闭后重试。"
    assert box.detailedText() == ""


def test_roster_error_lists_every_bad_row(dialogs):
    exc = RosterError("名册有错误", rows=[(3, "代码", "不是 12 位数字"), (7, "层级", "未知层级")])
    errors.show_error(None, exc)
    box = dialogs[0]
    assert "2" in box.informativeText()
    assert "第 3 行" in box.detailedText() and "未知层级" in box.detailedText()


def test_bug_shows_crash_dialog_with_log_path(dialogs, tmp_path):
    log = tmp_path / "logs" / "fengqiao-desktop.log"
    errors.set_log_path(log)
    try:
        raise ValueError("unexpected state")
    except ValueError as exc:
        errors.show_error(None, exc)
    box = dialogs[0]
    assert str(log) in box.informativeText()
    assert "ValueError: unexpected state" in box.detailedText()
    assert "Traceback" not in box.text()
    errors.set_log_path(None)


def test_excepthook_routes_uncaught_exceptions(dialogs):
    old = sys.excepthook
    errors.install_excepthook()
    try:
        try:
            raise RuntimeError("in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert "in a slot" in dialogs[0].detailedText()


def test_english_message_when_english_is_chosen(dialogs):
    from fengqiao_desktop.ui import i18n

    i18n.install("en")
    errors.show_error(None, StorageError("磁盘已满", message_en="The disk is full."))
    assert dialogs[0].text() == "The disk is full."
