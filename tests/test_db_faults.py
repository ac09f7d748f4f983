"""The database goes away and comes back: the reviewer is told, nothing is half-written,
and the same service saves again once the server is back (no restart of the app).

The machine's PostgreSQL is shared and never stopped: the service talks to it through
a TCP proxy (tests/tcp_proxy.py) that the tests stop ("unreachable": connections are
refused and open ones are cut) and start again on the same port ("it is back").  Each
test module run creates its own database and drops it at the end.  Counting is done on
a direct connection to the real server, not through the proxy.
"""

from __future__ import annotations

from dataclasses import replace

import os
import sqlite3
import threading
import time
import uuid

import pytest

from db_fixtures import PG_ADMIN_URL, fake_rescore, news_document
from fake_pipeline import fake_analyse
from tcp_proxy import TcpProxy
from workbench.errors import ServiceUnavailable
from workbench.service import Service
from workbench.store import Store, upgrade

pytestmark = pytest.mark.postgres

#: A refused save must come back quickly: the reviewer is waiting on the button.
FAST_FAILURE_S = 5.0

# Corrections a reviewer might type (Arabic news sentences).
CORRECTIONS = [
    "قال المتحدث باسم الحكومة إن الاجتماع سيعقد في هانوي الأسبوع المقبل.",
    "ارتفع عدد الزوار الأجانب إلى فيتنام بنسبة ١٢٪ في الربع الأول.",
    "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في مدينة هو تشي منه.",
]


def _admin_dsn(name: str | None = None) -> str:
    dsn = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    return dsn if name is None else f"{dsn.rpartition('/')[0]}/{name}"


def _admin_execute(sql: str) -> None:
    import psycopg

    with psycopg.connect(_admin_dsn(), autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


def count_rows(name: str, sql: str, *params) -> list[tuple]:
    """Rows of ``sql`` read on a direct connection (what is really in the database)."""
    import psycopg

    with psycopg.connect(_admin_dsn(name), connect_timeout=3) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def pg_name():
    """A migrated database of its own for this module, dropped at the end."""
    try:
        import psycopg

        psycopg.connect(_admin_dsn(), connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001 - any failure means "unreachable"
        pytest.skip(f"PostgreSQL at {PG_ADMIN_URL} is unreachable: {exc}")
    name = f"wb_faults_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        upgrade(f"{PG_ADMIN_URL.rpartition('/')[0]}/{name}")
        yield name
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def proxy():
    with TcpProxy() as running:
        yield running


def proxied_url(proxy: TcpProxy, name: str) -> str:
    base = PG_ADMIN_URL.rpartition("/")[0].replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    return f"{base}/{name}"


@pytest.fixture
def setup(pg_name, proxy):
    """A service on the proxied database, a translator and a fresh document."""
    store = Store(proxied_url(proxy, pg_name))
    service = Service(store, analyser=fake_analyse, rescorer=fake_rescore, bcrypt_rounds=4)
    if not service.has_user("root"):
        service.create_user(None, "root", "pw-root", ["admin"])
    admin = service.authenticate("root", "pw-root").user
    name = f"lan_{uuid.uuid4().hex[:6]}"
    service.create_user(admin, name, "pw-lan", ["translator", "editor"])
    user = service.authenticate(name, "pw-lan").user
    vi, ar = news_document(20, 6)
    doc = service.import_document(user, "Hospital", vi, "n.vi.txt", ar, "n.ar.txt")
    yield service, user, doc.id
    store.dispose()


def revisions(pg_name: str, doc_id: int) -> list[tuple]:
    return count_rows(pg_name, "SELECT l.ordinal, r.version, r.kind, r.text FROM revisions r "
                      "JOIN links l ON l.id = r.link_id WHERE r.doc_id = %s "
                      "ORDER BY l.ordinal, r.id", doc_id)


def test_proxy_forwards_and_refuses(pg_name, proxy) -> None:
    """The fixture itself: through the proxy the database answers; stopped, it does not."""
    import psycopg

    dsn = proxied_url(proxy, pg_name).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, connect_timeout=3) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        proxy.stop()
        with pytest.raises(psycopg.OperationalError):
            conn.execute("SELECT 1")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn, connect_timeout=3)


@pytest.mark.parametrize("text", CORRECTIONS)
def test_save_while_unreachable_is_refused_fast_then_succeeds_when_back(
        setup, pg_name, proxy, text: str) -> None:
    service, user, doc_id = setup
    first = service.save_correction(user, doc_id, 0, text + " (١)", base_version=0)
    assert first.version == 1
    proxy.stop()
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable) as info:
        service.save_correction(user, doc_id, 0, text, base_version=1)
    elapsed = time.monotonic() - started
    assert elapsed < FAST_FAILURE_S, f"the refusal took {elapsed:.1f} s"
    message = str(info.value)
    assert "cannot be reached" in message and "not been saved" in message
    assert "still in the form" in message and "try again" in message
    assert f"127.0.0.1:{proxy.port}/{pg_name}" in message  # which database, no password
    # nothing half-written: the refused save left no revision, not even a conflict one
    assert [r[1:3] for r in revisions(pg_name, doc_id)] == [(1, "edit")]

    proxy.start()  # the server is back: the same service, no restart
    second = service.save_correction(user, doc_id, 0, text, base_version=1)
    assert second.version == 2
    stored = revisions(pg_name, doc_id)
    assert [(r[1], r[3]) for r in stored] == [(1, text + " (١)"), (2, text)]  # no twin, no loss
    assert service.get_review(user, doc_id).rows[0].current_text == text


def test_reading_while_unreachable_says_so(setup, proxy) -> None:
    service, user, doc_id = setup
    proxy.stop()
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable, match="cannot be reached.*nothing could be read"):
        service.get_review(user, doc_id)
    assert time.monotonic() - started < FAST_FAILURE_S
    proxy.start()
    assert len(service.get_review(user, doc_id).rows) == 6


@pytest.mark.parametrize("action", ["set_status", "tag_mqm"])
def test_other_writes_while_unreachable_leave_nothing(setup, pg_name, proxy, action) -> None:
    service, user, doc_id = setup
    proxy.stop()
    with pytest.raises(ServiceUnavailable):
        if action == "set_status":
            service.set_status(user, doc_id, 1, "reviewed")
        else:
            service.tag_mqm(user, doc_id, 1, "accuracy/mistranslation", "major", "sai tên")
    proxy.start()
    assert count_rows(pg_name, "SELECT count(*) FROM status_events WHERE doc_id = %s",
                      doc_id) == [(0,)]
    assert count_rows(pg_name, "SELECT count(*) FROM mqm_tags WHERE doc_id = %s",
                      doc_id) == [(0,)]
    assert service.get_review(user, doc_id).rows[1].status == "new"


def test_restarts_during_a_run_of_saves_lose_no_acknowledged_save(
        setup, pg_name, proxy) -> None:
    """A reviewer keeps saving (pressing save again after a refusal) while the server
    restarts three times: every save the app acknowledged is in the database, in order,
    and no save was stored twice."""
    service, user, doc_id = setup
    acknowledged: list[tuple[int, str]] = []
    refusals = 0
    done = threading.Event()

    def reviewer() -> None:
        nonlocal refusals
        version, n = 0, 0
        while not done.is_set() or n < 3:
            text = f"{CORRECTIONS[n % len(CORRECTIONS)]} [{n}]"
            while True:
                try:
                    saved = service.save_correction(user, doc_id, 2, text, base_version=version)
                    break
                except ServiceUnavailable:
                    refusals += 1
                    time.sleep(0.05)
            version = saved.version
            acknowledged.append((saved.version, saved.text))
            n += 1

    thread = threading.Thread(target=reviewer)
    thread.start()
    for _ in range(3):
        time.sleep(0.3)
        proxy.stop()  # restart: every connection cut, down for a moment
        time.sleep(0.3)
        proxy.start()
    time.sleep(0.3)
    done.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    stored = [(r[1], r[3]) for r in revisions(pg_name, doc_id) if r[2] == "edit"]
    assert refusals > 0  # the outages were seen, so the test exercised something
    assert stored == acknowledged  # each acknowledged save once, in order; nothing else
    assert [v for v, _ in stored] == list(range(1, len(stored) + 1))


def test_a_server_that_never_answers_is_refused_within_the_connect_timeout(pg_name) -> None:
    """A host that accepts the connection and then says nothing (hung server, firewall
    black hole): the reviewer is told within the connect timeout, not left waiting."""
    import socket

    from sqlalchemy import text as sql

    from workbench.store import CONNECT_TIMEOUT_S

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # the kernel accepts; nobody ever answers
    url = f"{PG_ADMIN_URL.rpartition('@')[0]}@127.0.0.1:{silent.getsockname()[1]}/{pg_name}"
    store = Store(url)
    try:
        started = time.monotonic()
        with pytest.raises(ServiceUnavailable, match="cannot be reached"):
            with store.session() as s:
                s.execute(sql("SELECT 1"))
        elapsed = time.monotonic() - started
        assert CONNECT_TIMEOUT_S - 0.5 < elapsed < CONNECT_TIMEOUT_S + 2
    finally:
        store.dispose()
        silent.close()


# --------------------------------------------------------------------------- SQLite


def test_sqlite_locked_past_the_busy_timeout_is_service_unavailable(tmp_path, monkeypatch) -> None:
    """Another process holds SQLite's write lock longer than the busy timeout: the save
    is refused with a message saying so, and nothing was written."""
    import workbench.store.database as store_module

    url = f"sqlite:///{tmp_path / 'workbench.db'}"
    upgrade(url)
    monkeypatch.setattr(store_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    store = Store(url)
    service = Service(store, analyser=fake_analyse, rescorer=fake_rescore, bcrypt_rounds=4)
    service.create_user(None, "mai", "pw-mai", ["admin", "translator"])
    user = service.authenticate("mai", "pw-mai").user
    vi, ar = news_document(40, 3)
    doc = service.import_document(user, "Party cells", vi, "v.txt", ar, "a.txt")
    other = sqlite3.connect(tmp_path / "workbench.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing and does not finish
    try:
        started = time.monotonic()
        with pytest.raises(ServiceUnavailable, match=r"locked .* more than 0\.2 s.*not been saved"):
            service.save_correction(user, doc.id, 0, CORRECTIONS[0], base_version=0)
        assert time.monotonic() - started < FAST_FAILURE_S
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert service.history(user, doc.id, 0) == []  # nothing half-written
    assert service.save_correction(user, doc.id, 0, CORRECTIONS[0], base_version=0).version == 1
    store.dispose()


# --------------------------------------------------------------------------- lost answers


@pytest.mark.parametrize("again, acknowledged", [
    ("same text, same user", True),
    ("other text, same user", False),
    ("same text, other user", False),
])
def test_save_again_after_a_lost_answer(setup, pg_name, again: str, acknowledged: bool) -> None:
    """A save committed but whose answer was lost (connection cut during COMMIT) is
    pressed again: the very same save is acknowledged as the version it already is;
    anything else based on the old version is still a conflict."""
    from workbench.service import SaveConflict

    service, user, doc_id = setup
    text = CORRECTIONS[1]
    first = service.save_correction(user, doc_id, 3, text, base_version=0)
    who = user
    if "other user" in again:
        admin = service.authenticate("root", "pw-root").user
        name = f"hoa_{uuid.uuid4().hex[:6]}"
        service.create_user(admin, name, "pw-hoa", ["translator"])
        who = service.authenticate(name, "pw-hoa").user
    retry = text if "same text" in again else text + " وأكد"
    if acknowledged:
        again = service.save_correction(who, doc_id, 3, retry, base_version=0)
        # the same revision (re-checked again: nothing left to fix or open)
        assert replace(again, findings_fixed=first.findings_fixed,
                       findings_opened=first.findings_opened) == first
    else:
        with pytest.raises(SaveConflict):
            service.save_correction(who, doc_id, 3, retry, base_version=0)
    edits = [r for r in revisions(pg_name, doc_id) if r[2] == "edit"]
    assert [(r[1], r[3]) for r in edits] == [(1, text)]  # never stored twice


# --------------------------------------------------------------------------- the app


@pytest.fixture
def app_on_proxy(pg_name, proxy, monkeypatch):
    """The Streamlit app on a fresh proxied database with the demo document."""
    from streamlit.testing.v1 import AppTest

    import app_fakes
    from workbench_ui import resources

    name = f"wb_faults_app_{uuid.uuid4().hex[:8]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    upgrade(f"{PG_ADMIN_URL.rpartition('/')[0]}/{name}")
    monkeypatch.setenv("WORKBENCH_DB_URL", proxied_url(proxy, name))
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "RESCORER", app_fakes.score_links)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    at = AppTest.from_file("../app.py", default_timeout=60)
    try:
        at.run()
        assert not at.exception
        yield at, name
    finally:
        resources.service().store.dispose()
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_review_page_save_while_unreachable_keeps_the_text_and_saves_when_back(
        app_on_proxy, proxy) -> None:
    from workbench.service import bootstrap
    from workbench_ui import resources

    at, name = app_on_proxy
    service = resources.service()
    user = bootstrap.demo_user(service)
    at.session_state["token"] = service.authenticate(
        bootstrap.DEMO_USER, bootstrap.DEMO_PASSWORD).token
    at.run()
    at.radio(key="nav").set_value("Review").run()
    assert not at.exception
    doc_id = service.list_documents(user)[0].id
    row = service.get_review(user, doc_id).rows[1]
    at.radio(key="link_pick").set_value(row.link_id).run()  # open it in the editor
    typed = row.current_text + " " + CORRECTIONS[2]
    at.text_area(key=f"text_{row.link_id}").input(typed)

    proxy.stop()
    started = time.monotonic()
    at.button(key=f"save_{row.link_id}").click().run()
    assert time.monotonic() - started < 2 * FAST_FAILURE_S
    assert not at.exception  # a message, not a traceback
    shown = " ".join(e.value for e in at.error)
    assert "cannot be reached" in shown and "still in the form" in shown
    assert at.text_area(key=f"text_{row.link_id}").value == typed  # nothing typed is lost
    assert "token" in at.session_state  # still signed in
    assert any("last loaded" in w.value for w in at.warning)  # says the page may be stale

    proxy.start()
    at.button(key=f"save_{row.link_id}").click().run()
    assert not at.exception
    assert any("Saved as version 1" in s.value for s in at.success)
    stored = count_rows(name, "SELECT version, text FROM revisions WHERE link_id = %s",
                        row.link_id)
    assert stored == [(1, typed)]


def test_app_started_while_unreachable_says_so_then_offers_login(pg_name, proxy,
                                                                 monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    import app_fakes
    from workbench_ui import resources

    name = f"wb_faults_app_{uuid.uuid4().hex[:8]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    monkeypatch.setenv("WORKBENCH_DB_URL", proxied_url(proxy, name))
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    try:
        proxy.stop()
        at = AppTest.from_file("../app.py", default_timeout=60).run()
        assert not at.exception
        assert any("server is running" in e.value for e in at.error)
        assert not at.text_input  # no login form that could only fail
        proxy.start()
        at.run()
        assert not at.exception and not at.error
        assert at.text_input(key="login_name") is not None
    finally:
        resources.get_service.clear()
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
