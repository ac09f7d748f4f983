"""First run: the demo account and document appear on an empty database only."""

from __future__ import annotations

from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, clock, db_url, news_document, pg_database, service, sqlite_template,
)

from workbench.service.bootstrap import DEMO_DIR, demo_user, ensure_demo
from workbench.reading.document import read_document
from workbench.service.roles import ADMIN


def _demo_files(tmp_path):
    """Demo files written like the shipped ones (blank-line paragraphs)."""
    vi, ar = news_document(40, 6)
    (tmp_path / "article.vi.txt").write_bytes(vi)
    (tmp_path / "article.ar.txt").write_bytes(ar)
    return tmp_path


def test_empty_database_gets_demo_account_and_document(service, tmp_path):
    doc = ensure_demo(service, _demo_files(tmp_path))
    user = demo_user(service)
    assert user.roles == {"translator", "editor", "glossary_maintainer"}
    assert ADMIN not in user.roles
    assert doc is not None and doc.links == 6 and doc.created_by == "demo"
    review = service.get_review(user, doc.id)
    assert review.source_paragraphs == tuple(
        p.text for p in read_document((tmp_path / "article.vi.txt").read_bytes(), "v"))
    assert ensure_demo(service, tmp_path) is None  # second start: nothing new
    assert len(service.list_documents(user)) == 1


def test_database_with_users_is_left_alone(service, tmp_path):
    service.create_user(None, "root", "root-pass", ADMIN)
    assert ensure_demo(service, _demo_files(tmp_path)) is None
    assert not service.has_user("demo") and service.count_documents() == 0


def test_shipped_demo_files_exist():
    assert (DEMO_DIR / "article.vi.txt").is_file() and (DEMO_DIR / "article.ar.txt").is_file()
