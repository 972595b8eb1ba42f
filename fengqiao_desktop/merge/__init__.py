"""The merge module: the bureau's central database and the import of signed bundles.

Layers, each testable alone:

- ``models`` + ``migrations/``: the central schema (one Alembic chain, SQLite and PostgreSQL);
- ``db``: ``open_central(url)`` -> ``Central`` (engine, archive and quarantine folders);
- ``trust``, ``forms_registry``, ``roster``: what the bureau accepts (``signer``: whether a
  trusted key may sign a bundle, on plain data);
- ``records``: a verified record -> revision data with the score recomputed;
- ``prepare`` and ``pipeline``: a bundle staged, verified, checked and recomputed ahead of
  the database work, in worker processes that never load the database layer;
- ``photos``: where a photo's bytes are kept (its row, or its bundle's archived copy);
- ``winner``, ``plan`` and ``derive``: pure decisions (which revision wins, what would change,
  an inspection's winner, conflict and findings from what is stored of it);
- ``apply``: writes a plan in the caller's transaction and re-derives (``derive``) winners,
  conflicts, findings and five-haves vetoes;
- ``batch`` and ``importer``: prepared bundles applied in batches, each bundle all or
  nothing, archive/quarantine;
- ``digest``, ``conflicts``, ``results``: reading the central content back.

The services layer (``fengqiao_desktop.services.central``) wraps these in plain-data
functions for the CLI and the bureau workspace.
"""
