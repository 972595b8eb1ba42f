"""The merge module: the bureau's central database and the import of signed bundles.

Layers, each testable alone:

- ``models`` + ``migrations/``: the central schema (one Alembic chain, SQLite and PostgreSQL);
- ``db``: ``open_central(url)`` -> ``Central`` (engine, archive and quarantine folders);
- ``trust``, ``forms_registry``, ``roster``: what the bureau accepts;
- ``records``: a verified record -> revision data with the score recomputed;
- ``winner`` and ``plan``: pure decisions (which revision wins, what would change);
- ``apply``: writes a plan in the caller's transaction and re-derives winners,
  conflicts, findings and five-haves vetoes;
- ``importer``: verify -> check -> plan -> apply per bundle, archive/quarantine;
- ``digest``, ``conflicts``, ``results``: reading the central content back.

The services layer (``fengqiao_desktop.services.central``) wraps these in plain-data
functions for the CLI and the bureau workspace.
"""
