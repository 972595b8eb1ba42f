"""Alembic environment of the laptop's local database.

Run programmatically by ``storage.migrate`` with a connection passed in
``config.attributes["connection"]``; ``alembic -x url=sqlite:///path`` works from a shell too.
"""

from __future__ import annotations

from alembic import context

from fengqiao_desktop.storage.models import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from fengqiao_desktop.storage.db import make_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = make_engine(str(url))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
