"""Alembic environment of the central database (its own chain, its own version table)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from fengqiao_desktop.merge.models import Base

VERSION_TABLE = "central_alembic_version"

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        version_table=VERSION_TABLE,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # `alembic -x url=...` from a shell
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -x url=sqlite:///central.sqlite3 upgrade head")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
