"""Use cases the UI and the CLI call (no Qt): the local store, stations, inspections, photos.

Open a store once with ``LocalStore.open(data_dir=None)`` and use its services:
``store.stations`` (StationService), ``store.inspections`` (InspectionService,
findings included) and ``store.photos`` (PhotoService). Results are plain
dataclasses from ``services.rows``; workers open their own sessions.
"""
