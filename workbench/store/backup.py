"""Backups of the database and restoring one: SQLite's online backup API, or
pg_dump/pg_restore for PostgreSQL.

A SQLite backup is taken page by page under SQLite's own locking (``sqlite3``'s
``Connection.backup``), so reviewers may go on saving while it runs and the copy is a
consistent snapshot; it is then checked with ``PRAGMA integrity_check``.  Restoring
checks the file first (a SQLite database of this workbench, intact) and copies it
over the live database with the same API, so nothing is half-restored.  PostgreSQL
uses the server's tools in custom format; where they are not installed the message
says so and what to do instead.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import make_url

from workbench.errors import ServiceUnavailable, WorkbenchError
from workbench.store.schema import metadata

if TYPE_CHECKING:  # database.Store calls this module: no import circle
    from workbench.store.database import Store

_COUNTED = ("users", "documents", "links", "revisions", "glossary_terms")


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in _COUNTED}


def describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {table.replace('_', ' ')}" for table, n in counts.items())


def _check_sqlite_file(path: Path) -> dict[str, int]:
    """The row counts of a SQLite backup, or WorkbenchError if it is not an intact
    database of this workbench."""
    if not path.is_file():
        raise WorkbenchError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            if result != "ok":
                raise WorkbenchError(f"{path}: the backup is damaged ({result}); use another")
            missing = {t.name for t in metadata.sorted_tables} - tables
            if missing or "alembic_version" not in tables:
                raise WorkbenchError(
                    f"{path}: not a backup of this workbench (no table "
                    f"{', '.join(sorted(missing)) or 'alembic_version'})")
            return _counts(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise WorkbenchError(f"{path}: not a SQLite database ({exc}); use a backup file "
                             "written by python -m workbench admin backup") from exc


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ServiceUnavailable(
            f"{name} is not installed here, so the PostgreSQL database cannot be backed up "
            f"or restored from the workbench: install the PostgreSQL client tools (Debian: "
            f"apt-get install postgresql-client) or use the server's own backups")
    return found


def _pg_env(store: Store) -> tuple[list[str], dict[str, str]]:
    """libpq arguments for the store's database (the password in the environment,
    never on the command line)."""
    url = make_url(store.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = ["-h", url.host or "localhost", "-p", str(url.port or 5432), "-U",
            url.username or "postgres", "-d", url.database or ""]
    return args, env


def backup(store: Store, path: str | Path) -> str:
    """Write a consistent copy of the database to ``path``; says what it holds."""
    path = Path(path)
    if store.is_sqlite:
        tmp = path.with_name(path.name + ".partial")
        tmp.unlink(missing_ok=True)
        raw = store.engine.raw_connection()
        try:
            target = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(target)
            finally:
                target.close()
        except sqlite3.OperationalError as exc:
            tmp.unlink(missing_ok=True)
            raise WorkbenchError(f"{path}: the backup could not be written ({exc})") from exc
        finally:
            raw.close()
        counts = _check_sqlite_file(tmp)
        os.replace(tmp, path)  # a backup file is whole or absent
        return f"backup written to {path}: {describe(counts)}"
    args, env = _pg_env(store)
    done = subprocess.run([_pg_tool("pg_dump"), "-Fc", "-f", str(path), *args], env=env,
                          capture_output=True, text=True, timeout=3600)
    if done.returncode:
        raise WorkbenchError(f"pg_dump failed: {done.stderr.strip()[:300]}")
    return f"backup written to {path} (pg_dump custom format)"


def backup_bytes(store: Store) -> bytes:
    """A backup as bytes (the admin page's download)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "workbench-backup"
        backup(store, path)
        return path.read_bytes()


def restore(store: Store, path: str | Path) -> str:
    """Replace the database's content by the backup at ``path`` (checked first)."""
    path = Path(path)
    if store.is_sqlite:
        counts = _check_sqlite_file(path)
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        store.engine.dispose()  # pooled connections would keep the old pages cached
        raw = store.engine.raw_connection()
        try:
            source.backup(raw.driver_connection)
        finally:
            raw.close()
            source.close()
        store.engine.dispose()
        return f"restored {path}: {describe(counts)}"
    if not path.is_file():
        raise WorkbenchError(f"{path}: no such file")
    args, env = _pg_env(store)
    store.engine.dispose()
    done = subprocess.run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
                           "--single-transaction", *args, str(path)], env=env,
                          capture_output=True, text=True, timeout=3600)
    if done.returncode:
        raise WorkbenchError(f"pg_restore failed, nothing was changed: "
                             f"{done.stderr.strip()[:300]}")
    return f"restored {path} into the PostgreSQL database"
