"""Coverage against the year's targets: targets as data, the SQL roll-up, the report tree.

No Qt here. ``services.coverage`` is the entry point for the CLI and the UI.
"""
