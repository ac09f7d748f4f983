"""A duplicate upload: the same two files already imported, or being analysed, are
refused with the existing document named when the caller asks (``if_new``), so the
page can ask before a second review is made; asked again without it, they are taken."""

from __future__ import annotations

import pytest

from corpus import news_document
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, clock, db_url, pg_database, sqlite_template,
)
from fake_pipeline import fake_analyse
from workbench.config import Settings
from workbench.errors import DuplicateDocument

VI, AR = news_document(0, 6)


@pytest.fixture
def make(db_url, clock):
    from workbench.service import Service
    from workbench.store import Store

    made = []

    def build(jobs: str):
        service = Service(Store(db_url), analyser=fake_analyse, clock=clock, bcrypt_rounds=4,
                          settings=Settings(jobs=jobs, demo=True, min_password_length=4,
                                            common_passwords="none"))
        made.append(service)
        if not service.has_user("root"):
            service.create_user(None, "root", "root-pass", ["admin"])
        return service, service.authenticate("root", "root-pass").user

    yield build
    for service in made:
        service.store.dispose()


def test_the_same_two_files_again_are_refused_naming_the_document(make):
    service, root = make("immediate")
    first = service.submit_document(root, "Cử tri", VI, "a.vi.txt", AR, "a.ar.txt",
                                    if_new=True)
    with pytest.raises(DuplicateDocument, match="already imported: “Cử tri” \\(document") as e:
        service.submit_document(root, "again", VI, "renamed.vi.txt", AR, "b.ar.txt",
                                if_new=True)
    assert e.value.doc_id == first.doc_id
    other_vi, _ = news_document(6, 12)  # another source with the same translation: new
    assert service.submit_document(root, "other", other_vi, "c.vi.txt", AR, "c.ar.txt",
                                   if_new=True).state == "done"
    second = service.submit_document(root, "again", VI, "a.vi.txt", AR, "a.ar.txt")
    assert second.state == "done" and second.doc_id != first.doc_id  # asked, and confirmed
    assert len(service.list_documents(root)) == 3


def test_files_being_analysed_are_a_duplicate_too(make):
    service, root = make("external")
    queued = service.submit_document(root, "Cử tri", VI, "a.vi.txt", AR, "a.ar.txt",
                                     if_new=True)
    with pytest.raises(DuplicateDocument, match=f"being analysed now: “Cử tri” \\(job "
                                                f"{queued.id}\\)") as e:
        service.submit_document(root, "again", VI, "a.vi.txt", AR, "a.ar.txt", if_new=True)
    assert e.value.doc_id is None
