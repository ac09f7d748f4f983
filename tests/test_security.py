"""Safe by default (issue #12): one test per probe of bench/bench_security.py.

The suite runs as the demo deployment (tests/conftest.py); these tests build services
with the deployment's own settings where the defaults are what is tested.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import threading
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, admin, clock, db_url, doc, make_user, pg_database, service, sqlite_template,
)
from fake_pipeline import fake_analyse

from workbench.config import Settings
from workbench.errors import DocumentError, GlossaryFormatError, PermissionDenied
from workbench.errors import ServiceUnavailable, WorkbenchError
from workbench.export import import_xliff
from workbench.glossary.terms import load_glossary
from workbench.reading.document import read_document_with_notes
from workbench.reading.limits import ReadingLimits
from workbench.service import Service, ensure_demo
from workbench.service.bootstrap import DEMO_PASSWORD, DEMO_ROLES, DEMO_USER
from workbench.service.throttle import LOCK_AFTER
from workbench.store import Store
from workbench_ui.plain import plain

STRONG = "ba con mèo đen nhảy qua rào"


def deployment(db_url: str, clock=None, **changes) -> Service:
    """A service with the deployment's defaults (not demo mode, strict passwords)."""
    return Service(Store(db_url), analyser=fake_analyse, clock=clock, bcrypt_rounds=4,
                   settings=replace(Settings(), **changes))


# ----------------------------------------------------------------------- demo mode


def test_a_deployment_has_no_demo_account(db_url, demo_dir):
    service = deployment(db_url)
    assert ensure_demo(service, demo_dir) is None
    assert service.count_users() == 0 and service.count_documents() == 0


def test_demo_mode_creates_demo_and_only_demo_mode_lets_it_sign_in(db_url, demo_dir):
    demo = deployment(db_url, demo=True)
    assert ensure_demo(demo, demo_dir) is not None
    assert demo.authenticate(DEMO_USER, DEMO_PASSWORD).user.name == DEMO_USER
    normal = Service(demo.store, analyser=fake_analyse, bcrypt_rounds=4, settings=Settings())
    with pytest.raises(PermissionDenied, match="only in demo mode"):
        normal.authenticate(DEMO_USER, DEMO_PASSWORD)


def test_first_admin_without_sign_in_only_on_an_empty_database(db_url):
    service = deployment(db_url, demo=True)
    service.accounts.ensure_demo_account(DEMO_ROLES)
    with pytest.raises(PermissionDenied, match="force-first-admin"):
        service.create_user(None, "boss", STRONG, ["admin"])
    assert service.create_user(None, "boss", STRONG, ["admin"], force_first_admin=True)
    with pytest.raises(PermissionDenied):  # an enabled admin exists now
        service.create_user(None, "boss2", STRONG, ["admin"], force_first_admin=True)


# ------------------------------------------------------------------ authentication


def test_passwords_need_twelve_characters_and_not_a_common_one(db_url):
    service = deployment(db_url)
    for weak, why in [("abcd", "at least 12"), ("qwerty123456", "most common"),
                      ("Password2024!", "most common"), ("nguyen van lan", "user name")]:
        with pytest.raises(PermissionDenied, match=why):
            service.create_user(None, "nguyen van lan", weak, ["admin"])
    root = service.create_user(None, "root", STRONG, ["admin"])
    with pytest.raises(PermissionDenied, match="at least 12"):
        service.set_password(root, "root", "short")


def test_fast_guesses_are_throttled_then_a_patient_guesser_is_locked_out(db_url, clock):
    service = deployment(db_url, clock=clock)
    service.create_user(None, "root", STRONG, ["admin"])
    answers = []
    for k in range(50):
        try:
            service.authenticate("root", f"wrong-{k}", client="10.0.0.9")
        except PermissionDenied as exc:
            answers.append(str(exc))
    assert sum("wrong user name" in a for a in answers) == 3
    assert "wait 1 s" in answers[3]
    with pytest.raises(PermissionDenied, match="wait"):  # even the right password
        service.authenticate("root", STRONG)
    for k in range(LOCK_AFTER):
        clock.advance(minutes=5)
        with pytest.raises(PermissionDenied):
            service.authenticate("root", f"wrong-again-{k}")
    clock.advance(minutes=5)
    with pytest.raises(PermissionDenied, match="locked"):
        service.authenticate("root", STRONG)


def test_an_admin_unlocks_a_locked_user(db_url, clock):
    service = deployment(db_url, clock=clock)
    root = service.create_user(None, "root", STRONG, ["admin"])
    service.create_user(root, "lan", STRONG + " 2", ["translator"])
    for k in range(LOCK_AFTER):
        clock.advance(minutes=5)
        with pytest.raises(PermissionDenied):
            service.authenticate("lan", f"wrong-{k}")
    assert [u.locked for u in service.list_users(root) if u.name == "lan"] == [True]
    service.unlock_user(root, "lan")
    assert service.authenticate("lan", STRONG + " 2").user.name == "lan"


def test_unknown_names_are_answered_like_known_ones(db_url, clock):
    service = deployment(db_url, clock=clock)
    service.create_user(None, "root", STRONG, ["admin"])
    service.accounts.bcrypt_rounds = 8  # the dummy hash: measurable
    timings = {}
    for name in ("root", "nobody"):
        started = time.perf_counter()
        for k in range(3):
            clock.advance(minutes=20)
            with pytest.raises(PermissionDenied, match="wrong user name or password"):
                service.authenticate(name, f"wrong-{k}")
        timings[name] = time.perf_counter() - started
    # root's hash has 4 rounds, the dummy 8: an unknown name is never the fast answer
    assert timings["nobody"] >= timings["root"]
    for k in range(LOCK_AFTER):
        clock.advance(minutes=5)
        with pytest.raises(PermissionDenied):
            service.authenticate("nobody", f"wrong-{k}")
    with pytest.raises(PermissionDenied, match="locked"):
        service.authenticate("nobody", "anything")


def test_a_user_changes_their_password_with_the_current_one(service, admin):
    lan = make_user(service, admin, "lan", "translator")
    with pytest.raises(PermissionDenied, match="current password is wrong"):
        service.change_password(lan, "not-it", "một mật khẩu mới")
    service.change_password(lan, "lan-pass", "một mật khẩu mới")
    with pytest.raises(PermissionDenied, match="session has ended"):
        service.list_documents(lan)  # every session ended, this one too
    assert service.authenticate("lan", "một mật khẩu mới").user.name == "lan"


def test_a_click_after_the_session_ended_does_nothing(service, admin, doc):
    session = service.authenticate("root", "root-pass")
    service.logout(session.token)
    with pytest.raises(PermissionDenied, match="session has ended.*nothing was done"):
        service.save_correction(session.user, doc.id, 0, "نص", 0)
    assert service.history(admin, doc.id, 0) == []


# ----------------------------------------------------------------- approval lock


def test_an_approved_link_is_read_only_to_translators(service, admin, doc):
    lan = make_user(service, admin, "lan", "translator")
    editor = make_user(service, admin, "bien", "editor")
    service.set_status(editor, doc.id, 0, "approved")
    with pytest.raises(PermissionDenied, match="approved, so it is locked"):
        service.save_correction(lan, doc.id, 0, "نص جديد", 0)
    with pytest.raises(PermissionDenied, match="approved, so it is locked"):
        service.restore_machine_text(lan, doc.id, 0, 0)
    with pytest.raises(PermissionDenied):
        service.set_status(lan, doc.id, 0, "reviewed")  # only an editor reopens
    service.set_status(editor, doc.id, 0, "reviewed")
    assert service.save_correction(lan, doc.id, 0, "نص جديد", 0).version == 1
    xliff = service.export_document(editor, doc.id, "xliff").decode()
    assert 'approved="yes"' not in xliff.split("</trans-unit>")[0]


# --------------------------------------------------------------- text hygiene


def test_controls_and_bidi_overrides_are_removed_from_typed_text(service, admin, doc):
    rev = service.save_correction(admin, doc.id, 0, "نص\x00 مع\x1b\u202e تحكم", 0)
    assert rev.text == "نص مع تحكم" and "removed 3" in rev.notes[0]
    term = service.add_term(admin, "x\u202eã\x07", "بلدية\u2066", note="ghi\x00 chú")
    assert (term.source, term.target, term.note) == ("xã", "بلدية", "ghi chú")
    vi, ar = (Path(__file__).parent.parent / "demo" / n for n in ("article.vi.txt",
                                                                  "article.ar.txt"))
    titled = service.import_document(admin, "", vi.read_bytes(), "bao\u202etxt.exe",
                                     ar.read_bytes(), "a.ar.txt")
    assert titled.title == "baotxt.exe"
    user = service.create_user(admin, "lan\u202e\x07", "lan-pass", "translator")
    assert user.name == "lan"


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "xliff", "xliff2", "tmx", "txt", "csv"])
def test_exports_never_fail_on_stored_control_characters(service, admin, doc, fmt):
    from sqlalchemy import update

    from workbench.store import RevisionRow

    rev = service.save_correction(admin, doc.id, 0, "نص", 0)
    with service.store.session() as s:  # stored before input was cleaned
        s.execute(update(RevisionRow).where(RevisionRow.id == rev.id)
                  .values(text="قديم\x01\x0b\ufffe"))
    service.set_status(admin, doc.id, 0, "approved")  # so the TMX holds it
    data = service.export_document(admin, doc.id, fmt)
    if fmt in ("docx", "xlsx"):  # a zip: the XML inside is what lxml/openpyxl refused
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
    assert data and b"\x01" not in data
    assert fmt == "xlsx" or "قديم".encode() in data  # the QA report lists findings


def test_user_strings_are_escaped_for_markdown():
    shown = plain("[bấm](https://evil.example) ![x](https://e.example/t.png) **đ** :red[x] "
                  "www.evil.example <img src=x>")
    assert "\\[bấm\\](" in shown and "\\!\\[x\\]" in shown and "https\\://" in shown
    assert "\\*\\*đ\\*\\*" in shown and "\\:red\\[" in shown and "www\\." in shown
    assert "\\<img" in shown
    assert plain("desk.csv: 1 term(s) added.") == "desk.csv: 1 term(s) added."


# ------------------------------------------------------------------------ limits


def _bomb(paragraphs: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document><w:body>"
                   + b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * paragraphs
                   + b"</w:body></w:document>")
    return buf.getvalue()


def test_a_docx_bomb_is_refused_while_unpacking():
    data = _bomb(200_000)  # 6.8 MB unpacked from ~30 KB
    limits = ReadingLimits(50 << 20, 1 << 20)
    started = time.perf_counter()
    with pytest.raises(DocumentError, match="unpacks to more than 1 MB"):
        read_document_with_notes(data, "bom.docx", limits)
    assert time.perf_counter() - started < 1
    with pytest.raises(DocumentError, match="more than the 1,000"):
        read_document_with_notes(data, "bom.docx", ReadingLimits(50 << 20, 64 << 20, 1000))


def test_the_service_applies_the_settings_limits(db_url):
    service = deployment(db_url, max_paragraphs=100, max_paragraph_chars=500, max_upload_mb=1)
    root = service.create_user(None, "root", STRONG, ["admin"])
    ar = (Path(__file__).parent.parent / "demo" / "article.ar.txt").read_bytes()
    for data, why in [("Hà Nội\n".encode() * 1000, "1,000 paragraphs, more than the 100"),
                      (("Hà Nội " * 200).encode(), "more than the 500"),
                      (b"x" * (2 << 20), "over 1 MB")]:
        with pytest.raises(DocumentError, match=why):
            service.import_document(root, "t", data, "a.vi.txt", ar, "a.ar.txt")


def test_a_user_runs_at_most_n_analyses_at_once(db_url):
    gate = threading.Event()
    service = deployment(db_url, max_analyses_per_user=1)
    service.documents.analyser = lambda *a, **k: (gate.wait(10), fake_analyse(*a, **k))[1]
    root = service.create_user(None, "root", STRONG, ["admin"])
    demo = Path(__file__).parent.parent / "demo"
    args = (root, "t", (demo / "article.vi.txt").read_bytes(), "a.vi.txt",
            (demo / "article.ar.txt").read_bytes(), "a.ar.txt")
    worker = threading.Thread(target=service.import_document, args=args)
    worker.start()
    time.sleep(0.3)
    with pytest.raises(PermissionDenied, match="already has 1 documents being analysed"):
        service.import_document(*args)
    gate.set()
    worker.join()
    assert service.count_documents() == 1


# -------------------------------------------------------------------- XML entities


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_entity_declarations_refused_whatever_the_encoding(encoding):
    tbx = ('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x "y">]>'
           '<martif type="TBX"><text><body/></text></martif>')
    with pytest.raises(GlossaryFormatError, match="ENTITY"):
        load_glossary(tbx.encode(encoding), "g.tbx")
    xlf = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff version="1.2"/>'
    with pytest.raises(DocumentError, match="DTD/entities"):
        import_xliff(xlf.encode(encoding), "f.xlf")


# -------------------------------------------------------------------- durability


def test_sqlite_commits_with_synchronous_full(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_backup_and_restore_round_trip_loses_nothing(service, admin, doc, tmp_path):
    if not service.store.is_sqlite and not shutil.which("pg_dump"):
        pytest.skip("pg_dump/pg_restore are not installed")
    service.save_correction(admin, doc.id, 0, "قبل النسخ", 0)
    before = [r.current_text for r in service.get_review(admin, doc.id).rows]
    assert "backup written" in service.backup_to(tmp_path / "b.db")
    service.save_correction(admin, doc.id, 0, "بعد النسخ", 1)
    service.delete_document(admin, doc.id)
    service.restore_from(tmp_path / "b.db")
    assert [r.current_text for r in service.get_review(admin, doc.id).rows] == before
    assert service.backup_download(admin)[:5] in (b"SQLit", b"PGDMP")
    translator = make_user(service, admin, "lan", "translator")
    with pytest.raises(PermissionDenied):
        service.backup_download(translator)
    (tmp_path / "junk.db").write_bytes(b"not a database")
    with pytest.raises(WorkbenchError, match="not a SQLite database|pg_restore failed"):
        service.restore_from(tmp_path / "junk.db")


def test_backup_cli_round_trip(tmp_path, monkeypatch, capsys):
    from workbench.cli.main import main

    url = f"sqlite:///{tmp_path / 'w.db'}"
    service = deployment(url)
    service.store.upgrade()
    service.create_user(None, "root", STRONG, ["admin"])
    assert main(["admin", "--db", url, "backup", str(tmp_path / "b.db")]) == 0
    assert "1 users" in capsys.readouterr().out
    assert main(["admin", "--db", url, "restore", "--yes", str(tmp_path / "b.db")]) == 0
    assert sqlite3.connect(tmp_path / "w.db").execute("select name from users").fetchall() \
        == [("root",)]


def test_disk_full_and_read_only_say_what_happened(tmp_path, service, admin, doc, clock):
    if not service.store.is_sqlite:
        pytest.skip("SQLite's max_page_count stands in for a full disk")
    from sqlalchemy import event

    def cap(dbapi, record):
        pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
        dbapi.execute(f"PRAGMA max_page_count = {pages}")

    service.store.engine.dispose()
    event.listen(service.store.engine, "connect", cap)
    with pytest.raises(ServiceUnavailable, match="disk .* is full.*not been saved"):
        service.save_correction(admin, doc.id, 0, "x" * 300_000, 0)
    path = service.store.engine.url.database
    read_only = Service(Store(f"sqlite:///file:{path}?mode=ro&uri=true"),
                        analyser=fake_analyse, bcrypt_rounds=4, clock=clock)
    with pytest.raises(ServiceUnavailable, match="read-only"):
        read_only.save_correction(admin, doc.id, 0, "y", 0)
