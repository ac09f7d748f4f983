"""The Documents page with background analyses: a new review is queued at once, the
panel shows its stage and percentage with a Cancel button, a cancel and a failure are
shown with what happened.  Jobs stay queued here (``WORKBENCH_JOBS=external``, no
worker), so each state is set up by the test, not raced."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import app_fakes
from test_app import TIMEOUT, login, svc, demo_user, template_db  # noqa: F401
from workbench.config import DB_FILE
from workbench_ui import resources

VI = "Xã Yên Nguyên, huyện Chiêm Hóa đạt chuẩn nông thôn mới.\n\nTỉnh ủy khen thưởng 12 chi bộ."
AR = ("حققت بلدية ين نجوين في منطقة تشييم هوا معايير الريف الجديد.\n\n"
      "كرمت لجنة الحزب في المقاطعة 12 خلية حزبية.")


@pytest.fixture
def app(tmp_path, monkeypatch, template_db) -> AppTest:  # noqa: F811
    import shutil

    shutil.copy(template_db, tmp_path / DB_FILE)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.setenv("WORKBENCH_JOBS", "external")
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    login(at)
    at.run()
    return at


def _create(app: AppTest) -> None:
    app.text_input(key="new_title").input("Yên Nguyên")
    app.text_area(key="new_vi_text").input(VI)
    app.text_area(key="new_ar_text").input(AR)
    app.button(key="create_review").click().run()
    assert not app.exception, app.exception


def test_a_new_review_is_queued_and_shown_with_its_progress(app: AppTest) -> None:
    _create(app)
    assert any("Queued “Yên Nguyên”" in s.value for s in app.success)
    [job] = svc().list_jobs(demo_user())
    assert job.state == "queued"
    app.run()
    [bar] = app.get("progress")
    assert "Yên Nguyên" in bar.proto.text and "waiting for a worker" in bar.proto.text
    assert app.button(key=f"cancel_job_{job.id}")


def test_cancel_from_the_page(app: AppTest) -> None:
    _create(app)
    [job] = svc().list_jobs(demo_user())
    app.run()
    app.button(key=f"cancel_job_{job.id}").click().run()
    assert not app.exception
    assert svc().job(demo_user(), job.id).state == "cancelled"
    assert any("was cancelled; nothing was stored" in w.value for w in app.warning)
    assert [d.title for d in svc().list_documents(demo_user())] != ["Yên Nguyên"]


def test_a_failed_job_shows_why_and_a_done_one_opens(app: AppTest) -> None:
    _create(app)
    [job] = svc().list_jobs(demo_user())
    assert svc().run_job(job.id) == "done"
    _create(app)  # the same two files: the page asks first
    app.button(key="create_again").click().run()
    failing = svc().list_jobs(demo_user())[0]
    from workbench.store import jobs as job_rows

    with svc().store.session() as s:  # a worker that failed on it
        job_rows.claim(s, failing.id, "w", svc().jobs.clock())
        job_rows.end(s, failing.id, "w", "failed", svc().jobs.clock(), "the file is empty")
    app.run()
    assert any("failed: the file is empty" in e.value for e in app.error)
    assert app.button(key=f"open_job_{job.id}")
    app.button(key=f"open_job_{job.id}").click().run()
    assert app.session_state["nav"] == "Review"
