"""Throw-away PostgreSQL databases for benchmarks and tests: dropping one reliably."""

from __future__ import annotations

import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError


def drop_pg_database(admin_url: str, name: str) -> None:
    """Drop a database made for one run; an autovacuum worker (another role, so FORCE cannot
    end it) may be in a fresh database for a moment after the migrations' DDL: wait for it
    rather than fail."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(40):
            try:
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except DBAPIError as exc:
                if attempt == 39 or "pg_signal_backend" not in str(exc):
                    raise
                time.sleep(0.5)
    finally:
        admin.dispose()
