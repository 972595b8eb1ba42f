"""Use cases the UI and the CLI call (no Qt), in one shape per side.

The laptop: open a store once per data directory with ``LocalStore.open(data_dir=None)``
and use its services, built once and imported by name: ``store.stations``
(StationService: tree, search, badges, work states), ``store.inspections``
(InspectionService: answers, findings, 回头看 re-checks, completion, reopening),
``store.photos`` (PhotoService) and ``store.sheets`` (the score sheet and its proof).
Work that spans files and several steps takes the store: ``export.plan_export(store)``
/ ``export.export(store, ...)`` and ``packs.check_pack(store, ...)`` /
``packs.apply_pack(store, ...)``. The store announces what changed on ``store.events``
(``fengqiao_desktop.events``).

The bureau: ``services.central`` (and ``coverage``, the bureau side of ``packs``) take
``url=`` — an address, an open ``Central``, or the ``CentralSession`` a window keeps
for as long as its pages live (opened and migrated once; it announces imports).

Results are plain rows: the domain's (``fengqiao_desktop.domain``) and the services'
own (``services.rows``); workers open their own sessions.
"""
