"""Page furniture: chrome links are folded away, left out of progress, and a reviewer's
choice is stored and exported."""

from __future__ import annotations

import csv
import io

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, admin, clock, db_url, fake_analyse, make_user, news_document, pg_database,
    service, sqlite_template,
)

from workbench.errors import PermissionDenied
from workbench.service.roles import TRANSLATOR

CHROME = ("إعلان", "https://example.com/news")


@pytest.fixture
def page(service, admin):
    """Three paragraphs of a story, and an ad and a link left over from the web page."""
    vi, ar = news_document(0, 3)
    ar += ("\n\n" + "\n\n".join(CHROME)).encode()
    return service.import_document(admin, "Web page", vi, "p.vi.txt", ar, "p.ar.txt")


def test_chrome_is_furniture_and_not_counted_in_progress(service, admin, page):
    assert (page.links, page.furniture) == (3, 2)
    review = service.get_review(admin, page.id)
    assert [r.mt_text for r in review.rows if r.furniture] == list(CHROME)
    for ordinal in range(3):
        service.set_status(admin, page.id, ordinal, "reviewed")
    summary = service.list_documents(admin)[0]
    assert (summary.links, summary.reviewed, summary.progress) == (3, 3, 1.0)
    assert service.get_review(admin, page.id).document.progress == 1.0


def test_a_reviewer_moves_a_link_out_of_furniture_and_back(service, admin, page):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    row = service.set_furniture(lan, page.id, 4, False)
    assert (row.furniture, row.furniture_by) == (False, "lan")
    summary = service.list_documents(lan)[0]
    assert (summary.links, summary.furniture, summary.progress) == (4, 1, 0.0)
    again = service.set_furniture(lan, page.id, 0, True)  # a story paragraph, by choice
    assert again.furniture and service.get_review(lan, page.id).document.links == 3


def test_a_glossary_maintainer_cannot_move_furniture(service, admin, page):
    viewer = make_user(service, admin, "gloss", "glossary_maintainer")
    with pytest.raises(PermissionDenied):
        service.set_furniture(viewer, page.id, 3, False)


def test_the_choice_is_exported(service, admin, page):
    service.set_furniture(admin, page.id, 4, False)
    report = list(csv.DictReader(io.StringIO(
        service.export_document(admin, page.id, "csv").decode("utf-8-sig"))))
    assert sum(r["noise"] == "yes" for r in report) == 1
    xliff = service.export_document(admin, page.id, "xliff").decode()
    assert "https://example.com/news" in xliff and "not page furniture (set by root)" in xliff
    assert "إعلان" not in xliff  # still furniture: left out of the CAT file
