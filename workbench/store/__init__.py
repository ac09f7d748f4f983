"""Persistence: the SQLAlchemy schema and the database connection (:mod:`.database`)."""

from __future__ import annotations

from workbench.store.database import *  # noqa: F401,F403
from workbench.store.database import (  # noqa: F401  (underscore-free names callers use)
    CONNECT_TIMEOUT_S, DB_FILE, SQLITE_BUSY_TIMEOUT_MS, Store, alembic_config, database_url,
    make_engine, metadata, upgrade, utcnow,
)
