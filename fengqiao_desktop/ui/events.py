"""The one Qt adapter of the core's change events: each event re-emitted as a signal on the GUI thread.

The services announce on whatever thread wrote (``fengqiao_desktop.events``); this
object subscribes to a store's hub and hands every event to Qt through a queued
connection, so its public signals always arrive on the GUI thread, after the
announcing call has returned. Views connect to these signals, never to the hub.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from fengqiao_desktop.events import (
    BUNDLE_IMPORTED,
    INSPECTION_SAVED,
    PHOTOS_CHANGED,
    ROSTER_CHANGED,
    EventHub,
)


class QtEvents(QObject):
    """``inspection_saved``/``photos_changed(inspection_id, station_code)``, ``roster_changed(added,
    updated)`` and ``bundle_imported(imported, refused)`` for the hub ``attach`` was given."""

    inspection_saved = Signal(str, str)
    photos_changed = Signal(str, str)
    roster_changed = Signal(int, int)
    bundle_imported = Signal(int, int)

    # emitted on the announcing thread; queued to this object's (the GUI) thread
    _inspection_saved_queued = Signal(str, str)
    _photos_changed_queued = Signal(str, str)
    _roster_changed_queued = Signal(int, int)
    _bundle_imported_queued = Signal(int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = []
        self._inspection_saved_queued.connect(self._deliver_inspection_saved, Qt.ConnectionType.QueuedConnection)
        self._roster_changed_queued.connect(self.roster_changed, Qt.ConnectionType.QueuedConnection)
        self._photos_changed_queued.connect(self.photos_changed, Qt.ConnectionType.QueuedConnection)
        self._bundle_imported_queued.connect(self.bundle_imported, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda *_a, subs=self._unsubscribe: _drop(subs))

    def attach(self, hub: EventHub | None) -> None:
        """Listen to ``hub`` (a store's ``events``) instead of the one before; None: to none."""
        self.detach()
        if hub is not None:
            self._unsubscribe.append(hub.subscribe(INSPECTION_SAVED, self._announced))
            self._unsubscribe.append(
                hub.subscribe(
                    ROSTER_CHANGED, lambda *, added, updated: self._roster_changed_queued.emit(added, updated)
                )
            )
            self._unsubscribe.append(
                hub.subscribe(
                    PHOTOS_CHANGED,
                    lambda *, inspection_id, station_code: self._photos_changed_queued.emit(
                        inspection_id, station_code
                    ),
                )
            )
            self._unsubscribe.append(
                hub.subscribe(
                    BUNDLE_IMPORTED, lambda *, imported, refused: self._bundle_imported_queued.emit(imported, refused)
                )
            )

    def detach(self) -> None:
        _drop(self._unsubscribe)

    def _announced(self, *, inspection_id: str, station_code: str) -> None:
        self._inspection_saved_queued.emit(inspection_id, station_code)

    @Slot(str, str)
    def _deliver_inspection_saved(self, inspection_id: str, station_code: str) -> None:
        self.inspection_saved.emit(inspection_id, station_code)


def _drop(unsubscribe: list[Callable[[], None]]) -> None:
    while unsubscribe:
        unsubscribe.pop()()
