"""Change events of the core: what changed, with ids, announced after the write committed.

The services announce; views subscribe and refresh exactly what changed instead
of reloading everything. This module knows nothing of Qt: the desktop app has one
adapter (``ui/events.py``) that re-emits each event as a Qt signal on the GUI
thread, whatever thread the write ran on (an autosave on the GUI thread, an
export or an import on a worker).

Events and their arguments (keyword arguments, plain values):

- ``INSPECTION_SAVED``: ``inspection_id``, ``station_code`` -- an answer, note, N/A,
  photo, finding, completion, reopening, export or deletion of that inspection.
- ``PHOTOS_CHANGED``: ``inspection_id``, ``station_code`` -- a photo of that inspection was
  added, captioned, linked to another item or removed (announced with ``INSPECTION_SAVED``).
- ``ROSTER_CHANGED``: ``added``, ``updated`` -- stations were added or changed (a roster
  file, the demonstration roster, a task pack).
- ``BUNDLE_IMPORTED``: ``imported``, ``refused`` -- the bureau imported bundles (counts of
  bundles); announced by the central session the import ran on.

A hub belongs to one local store (``LocalStore.events``) or one central session
(``CentralSession.events``), so two databases open in one process do not hear each other.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

INSPECTION_SAVED = "inspection_saved"
PHOTOS_CHANGED = "photos_changed"
ROSTER_CHANGED = "roster_changed"
BUNDLE_IMPORTED = "bundle_imported"

EVENTS = frozenset({INSPECTION_SAVED, PHOTOS_CHANGED, ROSTER_CHANGED, BUNDLE_IMPORTED})

Callback = Callable[..., None]


class EventHub:
    """Subscribers per event name; thread-safe; callbacks run on the announcing thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, list[Callback]] = {}

    def subscribe(self, event: str, callback: Callback) -> Callable[[], None]:
        """Call ``callback(**arguments)`` on every ``event``; returns the function that unsubscribes."""
        _check(event)
        with self._lock:
            self._subscribers.setdefault(event, []).append(callback)

        def unsubscribe() -> None:
            with self._lock:
                callbacks = self._subscribers.get(event, [])
                if callback in callbacks:
                    callbacks.remove(callback)

        return unsubscribe

    def announce(self, event: str, **arguments: Any) -> None:
        """Tell every subscriber. A failing subscriber is logged and does not stop the others:
        the write it is told about has already committed, so its caller must not see an error."""
        _check(event)
        with self._lock:
            callbacks = list(self._subscribers.get(event, ()))
        for callback in callbacks:
            try:
                callback(**arguments)
            except Exception:  # noqa: BLE001 - a view's bug must not undo a saved answer
                log.exception("subscriber of %s failed", event)


def _check(event: str) -> None:
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}; known: {sorted(EVENTS)}")
