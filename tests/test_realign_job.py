"""Re-aligning links of a long document runs as a job: the Review page's merge gets a
"queued as job N" answer at once, a worker re-scores and re-checks the document and
stores the new links in one transaction; a cancelled job, or one whose links someone
changed meanwhile, stores nothing."""

from __future__ import annotations

import pytest

from corpus import news_document
from db_fixtures import clock, db_url, fake_rescore, pg_database, sqlite_template  # noqa: F401
from fake_pipeline import fake_analyse
from workbench.config import Settings
from workbench.errors import JobQueued

VI, AR = news_document(0, 12)


@pytest.fixture
def desk(db_url, clock):
    """A service that queues jobs and runs none (the test runs them), with a document."""
    from workbench.service import Service
    from workbench.store import Store

    service = Service(Store(db_url), analyser=fake_analyse, rescorer=fake_rescore, clock=clock,
                      bcrypt_rounds=4, settings=Settings(jobs="external", demo=True,
                                                         min_password_length=4,
                                                         common_passwords="none"))
    service.create_user(None, "root", "root-pass", ["admin"])
    user = service.authenticate("root", "root-pass").user
    doc = service.import_document(user, "Voters", VI, "v.vi.txt", AR, "v.ar.txt")
    service.alignment.JOB_FROM_LINKS = 10  # the 12-link story counts as long here
    yield service, user, doc.id
    service.store.dispose()


def _covers(service, user, doc_id):
    return [(r.source, r.target) for r in service.get_review(user, doc_id).rows]


def test_merging_links_of_a_long_document_is_queued_and_a_worker_does_it(desk):
    service, user, doc_id = desk
    before = _covers(service, user, doc_id)
    with pytest.raises(JobQueued, match="Documents page") as queued:
        service.merge_links(user, doc_id, [2, 3])
    assert _covers(service, user, doc_id) == before  # nothing changed in the page
    job = service.job(user, queued.value.job_id)
    assert (job.kind, job.state, job.doc_id) == ("realign", "queued", doc_id)
    assert "links 3–4" in job.title
    assert service.run_job(job.id) == "done"
    after = _covers(service, user, doc_id)
    assert after[2] == (before[2][0] + before[3][0], before[2][1] + before[3][1])
    assert len(after) == len(before) - 1 and after[3:] == before[4:]
    done = service.job(user, job.id)
    assert (done.state, done.percent, done.doc_id) == ("done", 1.0, doc_id)


def test_a_short_document_is_still_realigned_in_the_call(desk):
    service, user, doc_id = desk
    service.alignment.JOB_FROM_LINKS = 100
    review = service.merge_links(user, doc_id, [0, 1])
    assert len(review.rows) == 11 and service.list_jobs(user) == []


def test_a_cancelled_realignment_stores_nothing(desk):
    service, user, doc_id = desk
    before = _covers(service, user, doc_id)
    job = service.submit_realign(user, service.plan_realign(user, doc_id, [5],
                                                            [((5,), ()), ((), (5,))]))
    service.cancel_job(user, job.id)
    assert service.run_job(job.id) == "cancelled"
    assert _covers(service, user, doc_id) == before


def test_a_realignment_whose_links_changed_meanwhile_fails_and_says_why(desk):
    service, user, doc_id = desk
    job = service.submit_realign(user, service.plan_realign(user, doc_id, [4, 5],
                                                            [((4, 5), (4, 5))]))
    service.alignment.JOB_FROM_LINKS = 100
    service.unlink(user, doc_id, 4)  # someone realigns by hand first
    before = _covers(service, user, doc_id)
    assert service.run_job(job.id) == "failed"
    assert "changed by someone else" in service.job(user, job.id).error
    assert _covers(service, user, doc_id) == before
