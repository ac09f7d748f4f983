"""The schema, its migration and the guarantees the database itself enforces."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from db_fixtures import db_url, pg_database, sqlite_template  # noqa: F401  (fixtures)
from sqlalchemy import inspect, text

from workbench.store import (
    ConstraintViolation, DocumentRow, LinkRow, RevisionRow, Store, UserRow, database_url,
    metadata, upgrade,
)

ROOT = Path(__file__).resolve().parent.parent


def test_migration_builds_exactly_the_models_schema(db_url):
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert head == "0005_glossary_terms"
    assert {"users", "documents", "paragraphs", "links", "findings", "revisions",
            "mqm_tags", "glossary_terms", "sessions"} <= set(inspect(store.engine).get_table_names())
    store.dispose()


def test_upgrade_twice_is_harmless(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    upgrade(url)
    upgrade(url)
    assert "revisions" in inspect(Store(url).engine).get_table_names()


def test_alembic_command_line_upgrades_head(tmp_path):
    db = tmp_path / "cli.db"
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "-x", f"url=sqlite:///{db}", "upgrade", "head"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "links" in inspect(Store(f"sqlite:///{db}").engine).get_table_names()


def _document_with_link(session) -> tuple[int, int]:
    user = UserRow(name="lan", password_hash="x", roles="translator")
    session.add(user)
    session.flush()
    doc = DocumentRow(title="Hà Nội", created_by=user.id, source_name="a.vi.txt",
                      target_name="a.ar.txt")
    session.add(doc)
    session.flush()
    link = LinkRow(doc_id=doc.id, ordinal=0, source_idx=[0], target_idx=[0])
    session.add(link)
    session.flush()
    return doc.id, link.id


def test_one_revision_per_version_is_enforced_by_the_database(db_url):
    """Two writers that both start from version 0 cannot both create version 1."""
    store = Store(db_url)
    with store.session() as s:
        doc_id, link_id = _document_with_link(s)
        s.add(RevisionRow(doc_id=doc_id, link_id=link_id, version=1, text="نص أول"))
    with pytest.raises(ConstraintViolation):
        with store.session() as s:
            s.add(RevisionRow(doc_id=doc_id, link_id=link_id, version=1, text="نص ثان"))
    with store.session() as s:  # conflict revisions carry no version: any number of them
        s.add_all(RevisionRow(doc_id=doc_id, link_id=link_id, version=None, kind="conflict",
                              text=t) for t in ("أ", "ب"))
    with store.session() as s:
        texts = s.execute(text("SELECT version, text FROM revisions ORDER BY id")).all()
    assert [tuple(r) for r in texts] == [(1, "نص أول"), (None, "أ"), (None, "ب")]
    store.dispose()


def test_two_links_cannot_share_an_ordinal(db_url):
    store = Store(db_url)
    with store.session() as s:
        doc_id, _ = _document_with_link(s)
    with pytest.raises(ConstraintViolation):
        with store.session() as s:
            s.add(LinkRow(doc_id=doc_id, ordinal=0, source_idx=[1], target_idx=[1]))
    store.dispose()


def test_times_come_back_in_utc(db_url):
    store = Store(db_url)
    local = datetime(2026, 3, 1, 16, 0, tzinfo=timezone(timedelta(hours=7)))  # Hà Nội
    with store.session() as s:
        s.add(UserRow(name="lan", password_hash="x", roles="translator", created_at=local))
    with store.session() as s:
        created = s.query(UserRow).one().created_at
    assert created == local and created.utcoffset() == timedelta(0)
    store.dispose()


def test_sqlite_uses_wal_and_waits_for_locks(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'wal.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_database_url_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "dữ liệu"))
    assert database_url() == f"sqlite:///{tmp_path / 'dữ liệu' / 'workbench.db'}"
    assert (tmp_path / "dữ liệu").is_dir()
    monkeypatch.setenv("WORKBENCH_DB_URL", "postgresql+psycopg://postgres@db:5432/wb")
    assert database_url() == "postgresql+psycopg://postgres@db:5432/wb"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_unreachable_server_is_a_clear_error():
    from workbench.errors import ServiceUnavailable

    with pytest.raises(ServiceUnavailable, match="WORKBENCH_DB_URL") as caught:
        upgrade("postgresql+psycopg://postgres:s3cret@127.0.0.1:1/nowhere")
    assert "s3cret" not in str(caught.value)  # the password is not shown


def test_processes_starting_together_migrate_once(tmp_path):
    """Two app processes run ``upgrade head`` on one empty database at the same time."""
    import uuid

    from db_fixtures import PG_ADMIN_URL, _pg_execute, _pg_url

    try:
        _pg_execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"PostgreSQL at {PG_ADMIN_URL} is unreachable: {exc}")
    name = f"wb_race_{uuid.uuid4().hex[:8]}"
    _pg_execute(f'CREATE DATABASE "{name}"')
    try:
        code = f"from workbench.store import upgrade; upgrade({_pg_url(name)!r})"
        procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0], errors
        assert "revisions" in inspect(Store(_pg_url(name)).engine).get_table_names()
    finally:
        _pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
