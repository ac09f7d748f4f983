"""The "safe by default" probes (issue #12, and the hostile inputs the README lists):
each is run against a fresh SQLite database with the default settings (not demo mode)
and printed with its outcome.  Every row must be refused or handled; none may crash.

Run:  python bench/bench_security.py        (exit 1 if a probe crashed or was let through)
"""

from __future__ import annotations

import io
import sqlite3
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fake_pipeline import fake_analyse  # noqa: E402

from workbench.config import Settings  # noqa: E402
from workbench.errors import WorkbenchError  # noqa: E402
from workbench.service import Service, ensure_demo  # noqa: E402
from workbench.service.bootstrap import DEMO_PASSWORD, DEMO_ROLES, DEMO_USER  # noqa: E402
from workbench.store import Store  # noqa: E402
from workbench_ui.plain import plain  # noqa: E402

DEMO = ROOT / "demo"
STRONG = "ba con mèo đen nhảy qua rào"
RESULTS: list[tuple[str, str, str]] = []  # probe, verdict, what happened


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def fresh(tmp: Path, name: str, clock=None, **settings) -> Service:
    """A service on a new SQLite database with the default (deployment) settings."""
    url = f"sqlite:///{tmp / (name + '.db')}"
    store = Store(url)
    store.upgrade()
    return Service(store, analyser=fake_analyse, clock=clock,
                   settings=replace(Settings(data_dir=tmp), **settings))


def with_admin(service: Service):
    service.create_user(None, "quantri", STRONG, ["admin"])
    return service.authenticate("quantri", STRONG).user


def refused(call: Callable[[], object]) -> str | None:
    """The refusal's message, or None if the call went through."""
    try:
        call()
    except WorkbenchError as exc:
        return str(exc)
    return None


def probe(title: str):
    def run(fn):
        try:
            verdict, what = fn()
        except Exception as exc:  # noqa: BLE001 - the point is to report it
            verdict, what = "CRASH", f"{type(exc).__name__}: {exc}"
        RESULTS.append((title, verdict, " ".join(str(what).split())[:300]))
        return fn
    return run


def demo_pair() -> tuple[bytes, bytes]:
    return (DEMO / "article.vi.txt").read_bytes(), (DEMO / "article.ar.txt").read_bytes()


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench_security_"))

    @probe("a new deployment (no demo mode)")
    def _():
        s = fresh(tmp, "deploy")
        made = ensure_demo(s)
        leftover = fresh(tmp, "leftover", demo=True)
        ensure_demo(leftover)  # a database once run in demo mode, now started normally
        normal = Service(leftover.store, analyser=fake_analyse, settings=Settings(data_dir=tmp))
        why = refused(lambda: normal.authenticate(DEMO_USER, DEMO_PASSWORD))
        ok = made is None and s.count_users() == 0 and why
        return ("refused" if ok else "LET THROUGH",
                f"no user created ({s.count_users()} users: the app shows the first-run page); "
                f"demo/demo on a database left by demo mode: {why}")

    @probe("50 wrong passwords at once, then the right one")
    def _():
        s = fresh(tmp, "fast")
        with_admin(s)
        outcomes = [refused(lambda: s.authenticate("quantri", f"wrong-{k}", client="10.0.0.9"))
                    for k in range(50)]
        checked = sum("wrong user name" in o for o in outcomes)
        right = refused(lambda: s.authenticate("quantri", STRONG, client="10.0.0.9"))
        return ("throttled" if checked <= 4 and right else "LET THROUGH",
                f"{checked} checked, {50 - checked} refused before any check "
                f"({outcomes[-1]}); the right one next: {right}")

    @probe("a patient guesser (waits out every delay)")
    def _():
        clock = Clock()
        s = fresh(tmp, "patient", clock=clock)
        admin = with_admin(s)
        s.create_user(admin, "lan", STRONG + " 2", ["translator"])
        for k in range(12):
            refused(lambda: s.authenticate("lan", f"wrong-{k}"))
            clock.now += timedelta(minutes=5)
        right = refused(lambda: s.authenticate("lan", STRONG + " 2"))
        s.unlock_user(s.authenticate("quantri", STRONG).user, "lan")
        after = refused(lambda: s.authenticate("lan", STRONG + " 2"))
        return ("locked" if right and "locked" in right and after is None else "LET THROUGH",
                f"right password after 10 failures: {right}; after an admin unlocks: "
                f"{'signed in' if after is None else after}")

    @probe("sign-in time: known vs unknown user name (bcrypt 12 rounds)")
    def _():
        s = fresh(tmp, "timing")
        with_admin(s)
        times = {}
        for who in ("quantri", "khong-ai-ca"):
            started = time.perf_counter()
            for k in range(3):  # the first 3 failures are checked, then delays start
                refused(lambda: s.authenticate(who, f"wrong-{k}"))
            times[who] = (time.perf_counter() - started) / 3 * 1000
        ratio = times["khong-ai-ca"] / times["quantri"]
        return ("same" if 0.7 < ratio < 1.3 else "DIFFERENT",
                f"known {times['quantri']:.0f} ms, unknown {times['khong-ai-ca']:.0f} ms")

    @probe("weak passwords: 4 characters, a common one, common + digits")
    def _():
        s = fresh(tmp, "weak")
        whys = [refused(lambda p=p: s.create_user(None, "root", p, ["admin"]))
                for p in ("abcd", "qwerty123456", "Password2024!")]
        return ("refused" if all(whys) else "LET THROUGH", " | ".join(map(str, whys)))

    @probe("a translator saves after an editor approved")
    def _():
        s = fresh(tmp, "approved")
        admin = with_admin(s)
        vi, ar = demo_pair()
        doc = s.import_document(admin, "t", vi, "a.vi.txt", ar, "a.ar.txt")
        s.create_user(admin, "lan", STRONG + " t", ["translator"])
        s.create_user(admin, "bien", STRONG + " e", ["editor"])
        lan = s.authenticate("lan", STRONG + " t").user
        editor = s.authenticate("bien", STRONG + " e").user
        s.set_status(editor, doc.id, 0, "approved")
        why = refused(lambda: s.save_correction(lan, doc.id, 0, "نص جديد", 0))
        s.set_status(editor, doc.id, 0, "reviewed")  # the editor reopens it
        reopened = refused(lambda: s.save_correction(lan, doc.id, 0, "نص جديد", 0))
        return ("refused" if why and reopened is None else "LET THROUGH",
                f"{why}; after the editor reopens it the save "
                f"{'goes through' if reopened is None else 'fails: ' + reopened}")

    @probe("markdown in a title or a glossary suggestion")
    def _():
        hostile = "[bấm](https://evil.example) ![x](https://evil.example/t.png) **đậm**"
        shown = plain(hostile)
        inert = "](" not in shown.replace("\\]", "") and "https:/" not in shown
        return ("shown as text" if inert else "RENDERED",
                f"the page's Markdown source: {shown}")

    @probe("a control character in a correction; exports of stored controls")
    def _():
        s = fresh(tmp, "controls")
        admin = with_admin(s)
        vi, ar = demo_pair()
        doc = s.import_document(admin, "t\x07", vi, "a.vi.txt", ar, "a.ar.txt")
        rev = s.save_correction(admin, doc.id, 0, "نص\x00 مع\x1b تحكم\u202e", 0)
        with s.store.session() as tx:  # text stored before input was cleaned
            tx.execute(__import__("sqlalchemy").text(
                "UPDATE revisions SET text = 'قديم\x01\x0b' WHERE id = :i"), {"i": rev.id})
        sizes = {fmt: len(s.export_document(admin, doc.id, fmt))
                 for fmt in ("docx", "xlsx", "xliff", "xliff2", "tmx", "txt", "csv")}
        return ("handled", f"saved as {rev.text!r} ({'; '.join(rev.notes)}); exports of a "
                           f"stored control all written: {sizes}")

    @probe("a 0.6 MB .docx that unpacks to 190 MB")
    def _():
        s = fresh(tmp, "bomb")
        admin = with_admin(s)
        body = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (190 * 1024 * 1024 // 34)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/document.xml", b'<w:document xmlns:w="x"><w:body>' + body
                       + b"</w:body></w:document>")
        data = buf.getvalue()
        started = time.perf_counter()
        why = refused(lambda: s.import_document(admin, "t", data, "bom.docx",
                                                demo_pair()[1], "a.ar.txt"))
        return ("refused" if why else "LET THROUGH",
                f"{len(data) / 1e6:.1f} MB file, refused in {time.perf_counter() - started:.2f} s: "
                f"{why}")

    @probe("a 50 MB .txt of short lines")
    def _():
        s = fresh(tmp, "lines")
        admin = with_admin(s)
        data = ("Hà Nội\n" * (50 * 1000 * 1000 // 10)).encode()[: 50 * 1000 * 1000]
        started = time.perf_counter()
        why = refused(lambda: s.import_document(admin, "t", data, "dong.txt",
                                                demo_pair()[1], "a.ar.txt"))
        return ("refused" if why else "LET THROUGH",
                f"refused in {time.perf_counter() - started:.2f} s: {why}")

    @probe("N+1 analyses at once by one user")
    def _():
        gate = threading.Event()

        def slow(*args, **kwargs):
            gate.wait(20)
            return fake_analyse(*args, **kwargs)

        s = fresh(tmp, "slots")
        s.documents.analyser = slow
        admin = with_admin(s)
        vi, ar = demo_pair()
        workers = [threading.Thread(target=lambda: s.import_document(
            admin, "t", vi, "a.vi.txt", ar, "a.ar.txt")) for _ in range(2)]
        for w in workers:
            w.start()
        time.sleep(0.5)
        why = refused(lambda: s.import_document(admin, "t", vi, "a.vi.txt", ar, "a.ar.txt"))
        gate.set()
        for w in workers:
            w.join()
        return ("refused" if why else "LET THROUGH", why)

    @probe("TBX and XLIFF with entity declarations, UTF-16 and UTF-8")
    def _():
        from workbench.export import import_xliff
        from workbench.glossary.terms import load_glossary

        tbx = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE martif [<!ENTITY x "y">]>'
               '<martif type="TBX"><text><body/></text></martif>')
        xlf = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]>'
               '<xliff version="1.2"/>')
        whys = [refused(lambda: load_glossary(tbx.encode("utf-16"), "g.tbx")),
                refused(lambda: load_glossary(tbx.encode("utf-16-le"), "g.tbx")),
                refused(lambda: import_xliff(xlf.encode("utf-16"), "f.xlf")),
                refused(lambda: import_xliff(xlf.encode(), "f.xlf"))]
        return ("refused" if all(whys) else "LET THROUGH", " | ".join(map(str, whys[:1])))

    @probe("bidi overrides in a file name title, a correction, a term")
    def _():
        s = fresh(tmp, "bidi")
        admin = with_admin(s)
        vi, ar = demo_pair()
        doc = s.import_document(admin, "", vi, "bao\u202etxt.exe", ar, "a.ar.txt")
        rev = s.save_correction(admin, doc.id, 0, "نص\u202e مقلوب", 0)
        term = s.add_term(admin, "x\u202eã", "بلدية\u2066")
        exported = s.export_document(admin, doc.id, "xliff").decode("utf-8")
        left = sum(ch in exported + doc.title + rev.text + term.source + term.target
                   for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        return ("removed" if not left else "KEPT",
                f"title {doc.title!r}, correction {rev.text!r}, term {term.source!r}; "
                f"{left} left in the XLIFF export")

    @probe("session ended while a page is open, then a click")
    def _():
        s = fresh(tmp, "session")
        with_admin(s)
        session = s.authenticate("quantri", STRONG)
        s.logout(session.token)
        why = refused(lambda: s.list_documents(session.user))
        return ("refused" if why else "LET THROUGH", why)

    @probe("admin create-user on a database with users but no enabled admin")
    def _():
        s = fresh(tmp, "noadmin", demo=True)
        ensure_demo(s, DEMO)
        why = refused(lambda: s.create_user(None, "boss", STRONG, ["admin"]))
        forced = s.create_user(None, "boss", STRONG, ["admin"], force_first_admin=True)
        return ("refused" if why else "LET THROUGH",
                f"{why} (with --force-first-admin: {forced.name} created)")

    @probe("SQLite durability setting")
    def _():
        s = fresh(tmp, "sync")
        with s.store.engine.connect() as conn:
            level = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        return ("synchronous=full" if level == 2 else "NOT FULL", f"PRAGMA synchronous = {level} (2 = FULL)")

    @probe("backup, change, restore: nothing lost")
    def _():
        s = fresh(tmp, "backup")
        admin = with_admin(s)
        vi, ar = demo_pair()
        doc = s.import_document(admin, "t", vi, "a.vi.txt", ar, "a.ar.txt")
        s.save_correction(admin, doc.id, 0, "قبل النسخ", 0)
        before = s.get_review(admin, doc.id)
        report = s.backup_to(tmp / "wb.backup")
        s.save_correction(admin, doc.id, 0, "بعد النسخ", 1)
        s.delete_document(admin, doc.id)
        restored = s.restore_from(tmp / "wb.backup")
        after = s.get_review(admin, doc.id)
        same = [r.current_text for r in after.rows] == [r.current_text for r in before.rows]
        return ("round trip exact" if same else "LOST",
                f"{report}; {restored}; all {len(after.rows)} link texts as at the backup")

    @probe("disk full, read-only database")
    def _():
        s = fresh(tmp, "full")
        admin = with_admin(s)
        vi, ar = demo_pair()
        doc = s.import_document(admin, "t", vi, "a.vi.txt", ar, "a.ar.txt")
        from sqlalchemy import event

        def cap(dbapi, record):
            pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
            dbapi.execute(f"PRAGMA max_page_count = {pages}")

        s.store.engine.dispose()
        event.listen(s.store.engine, "connect", cap)
        full = refused(lambda: s.save_correction(admin, doc.id, 0, "x" * 200_000, 0))
        ro = Store(f"sqlite:///file:{tmp / 'full.db'}?mode=ro&uri=true")
        ro_service = Service(ro, analyser=fake_analyse, settings=Settings(data_dir=tmp))
        read_only = refused(lambda: ro_service.save_correction(admin, doc.id, 1, "y", 0))
        ok = full and "full" in full and read_only and "read-only" in read_only
        return ("said so" if ok else "MISLEADING", f"{full} | {read_only}")

    @probe("README: <script> in a paragraph, formula cells, XXE in UTF-8 TBX")
    def _():
        import html

        from workbench.glossary.terms import load_glossary
        from workbench.spreadsheet_cells import neutralise

        shown = html.escape("<script>alert(1)</script>")
        cell = neutralise('=HYPERLINK("http://evil.example")')
        why = refused(lambda: load_glossary(
            b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<martif/>", "g.tbx"))
        ok = "<script" not in shown and cell.startswith("'") and why
        return ("handled" if ok else "LET THROUGH", f"{shown}; {cell}; {why}")

    width = max(len(p) for p, _, _ in RESULTS)
    bad = 0
    for title, verdict, what in RESULTS:
        bad += verdict.isupper()
        print(f"{title:<{width}}  {verdict:<16}  {what}")
    print(f"\n{len(RESULTS)} probes, {bad} crashed or let through")
    sqlite3.connect(":memory:").close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
