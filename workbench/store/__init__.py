"""Persistence: the schema, the database and one query module per aggregate.

:mod:`.schema` holds the tables, :mod:`.database` the engine, transactions and schema
upgrades; :mod:`.users`, :mod:`.documents`, :mod:`.links`, :mod:`.revisions`,
:mod:`.findings`, :mod:`.glossary`, :mod:`.jobs` and :mod:`.dashboard` hold every query, as functions
that take a transaction (:meth:`Store.session`/:meth:`Store.read`) and return rows or
values.  Only :mod:`workbench.service` uses this package; nothing above it writes SQL.
"""

from __future__ import annotations

from workbench.store.database import (
    CONNECT_TIMEOUT_S, SQLITE_BUSY_TIMEOUT_MS, ConstraintViolation, Store, Transaction,
    alembic_config, database_url, make_engine, upgrade,
)
from workbench.store.schema_glossary import GlossaryChangeRow, GlossaryTermRow
from workbench.store.schema import (
    DocumentRow, FindingRow, JobRow, LinkRow, MqmTagRow, ParagraphRow, QualityOverrideRow,
    RevisionRow, SessionRow, StatusEventRow, UserRow, metadata, utcnow,
)

__all__ = [
    "CONNECT_TIMEOUT_S", "ConstraintViolation", "DocumentRow", "FindingRow",
    "GlossaryChangeRow", "GlossaryTermRow", "JobRow", "LinkRow", "MqmTagRow", "ParagraphRow",
    "QualityOverrideRow", "RevisionRow",
    "SQLITE_BUSY_TIMEOUT_MS", "SessionRow", "StatusEventRow", "Store", "Transaction",
    "UserRow", "alembic_config", "database_url", "make_engine", "metadata", "upgrade",
    "utcnow",
]
