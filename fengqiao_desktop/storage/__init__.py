"""The laptop's local database: engine and pragmas, ORM models, migrations, repositories, photo files.

No Qt here. Services (``fengqiao_desktop.services``) are the only callers from the UI and CLI.
"""
