"""The glossary in the database: the shipped files loaded once, each term with its file;
a new version of a file updates only the terms nobody changed; every change in the
term's history; the checks use the stored terms; only maintainers and admins edit; a
change re-checks the open documents in a background job."""

from __future__ import annotations

import pytest

import app_fakes
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, clock, db_url, make_user, pg_database, sqlite_template,
)
from workbench.config import Settings
from workbench.errors import ConflictError, PermissionDenied
from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.service.roles import EDITOR, GLOSSARY_MAINTAINER, TRANSLATOR

# Text the project wrote: a province's level rendered with the district word.
VI = "Lãnh đạo tỉnh Tuyên Quang đã họp với cử tri.\n\nXã Kim Bình có 1.200 hộ dân.\n"
AR = "اجتمع قادة منطقة توين كوانغ مع الناخبين.\n\nتضم بلدية كيم بينه 1200 أسرة.\n"


def _entry(source, target, forbidden=(), category="term", note="", file="house.csv",
           **extra) -> GlossaryEntry:
    return GlossaryEntry(source, target, (), tuple(forbidden), category, note, extra=extra,
                         origin_file=file, line=2)


def _files(*entries: GlossaryEntry) -> Glossary:
    return Glossary(entries, name="shipped")


V1 = _files(
    _entry("tỉnh", "مقاطعة", ["منطقة"], "admin_level", "level 1", gender=""),
    _entry("xã", "بلدية", ["قرية"], "admin_level", "level 3"),
    _entry("Tuyên Quang", "توين كوانغ", [], "place", file="places.csv"),
    _entry("huyện", "منطقة", ["مقاطعة"], "admin_level", "level 2"),
    _entry("thôn", "قرية", [], "admin_level", "village"),
    _entry("Ban Tổ chức", "لجنة التنظيم", [], "organization"),
)


def _service(db_url, clock, glossary=V1, **settings):
    from workbench.service import Service
    from workbench.store import Store

    settings = Settings(**{"jobs": "immediate", "demo": True, "min_password_length": 4,
                           "common_passwords": "none", **settings})
    return Service(Store(db_url), analyser=app_fakes.analyse, rescorer=app_fakes.score_links,
                   clock=clock, bcrypt_rounds=4, glossary=glossary, settings=settings)


@pytest.fixture
def make(db_url, clock):
    made = []

    def build(glossary=V1, **settings):
        service = _service(db_url, clock, glossary, **settings)
        made.append(service)
        if not service.has_user("root"):
            service.create_user(None, "root", "root-pass", ["admin"])
        return service, service.authenticate("root", "root-pass").user

    yield build
    for service in made:
        service.store.dispose()


def _terms(service, user) -> dict:
    return {t.source: t for t in service.list_terms(user)}


def test_the_shipped_files_are_loaded_once_each_term_with_its_file(make):
    service, root = make(glossary=None)  # the real glossaries/*.csv
    first = service.load_shipped_glossary()
    terms = _terms(service, root)
    assert len(first.loaded) == len(terms) > 150
    assert terms["tỉnh"].origin == "admin_levels.csv" and not terms["tỉnh"].edited
    assert {t.origin for t in terms.values()} == set(first.files)
    again = service.load_shipped_glossary()
    assert not again.changed and again.message == ""
    assert len(service.list_terms(root)) == len(terms)
    # the extra columns and the match mode come along: the checks see them
    glossary = service.terms.analysis_glossary()
    assert glossary.lookup("Nguyễn Hưng Vượng").gender == "male"


def test_a_new_version_of_a_file_updates_only_the_terms_nobody_changed(make, clock):
    service, root = make()
    service.add_term(root, "Ban Tuyên giáo", "لجنة الدعاية", category="organization")
    service.load_shipped_glossary()
    keeper = make_user(service, root, "thu", GLOSSARY_MAINTAINER)
    terms = _terms(service, root)
    service.update_term(keeper, terms["tỉnh"].id, note="our own note")
    service.update_term(keeper, terms["thôn"].id, target="قرية صغيرة")
    service.delete_term(keeper, terms["Ban Tổ chức"].id)
    clock.advance(minutes=5)
    service.shipped.glossary = _files(
        _entry("tỉnh", "مقاطعة", ["منطقة", "محافظة"], "admin_level", "level 1 (new)"),
        _entry("xã", "بلدية", ["قرية", "حي"], "admin_level", "level 3"),
        _entry("Tuyên Quang", "توين كوانغ", [], "place", file="places.csv"),
        _entry("Ban Tổ chức", "اللجنة التنظيمية", [], "organization"),
        _entry("Ban Tuyên giáo", "لجنة الدعاية والتثقيف", [], "organization"),
        _entry("phường", "حي", [], "admin_level"),
    )  # huyện and thôn removed from the file
    result = service.load_shipped_glossary()
    after = _terms(service, root)
    assert after["xã"].forbidden == ("قرية", "حي")  # nobody changed it: updated
    assert after["tỉnh"].note == "our own note" and after["tỉnh"].forbidden == ("منطقة",)
    assert after["phường"].origin == "house.csv"  # a new line
    assert "huyện" not in after  # removed with its line
    assert after["thôn"].target == "قرية صغيرة" and after["thôn"].edited  # changed: kept
    assert "Ban Tổ chức" not in after  # deleted here stays deleted
    # made here before the files had it: the maintainers' version stands
    assert after["Ban Tuyên giáo"].target == "لجنة الدعاية"
    assert (result.updated, result.loaded, result.removed) == (("xã",), ("phường",), ("huyện",))
    assert set(result.kept) == {"tỉnh", "thôn", "Ban Tuyên giáo"}
    assert "1 updated" in result.message and "3 changed here kept" in result.message
    kept = service.term_history(root, after["tỉnh"].id)[0]
    assert (kept.action, kept.user, kept.after["forbidden"]) == (
        "file_kept", None, ["منطقة", "محافظة"])
    assert service.glossary_sync(root) is result


def test_every_change_is_kept_with_who_when_before_and_after(make, clock):
    service, root = make()
    service.load_shipped_glossary()
    keeper = make_user(service, root, "thu", GLOSSARY_MAINTAINER)
    term = _terms(service, root)["xã"]
    clock.advance(minutes=30)
    service.update_term(keeper, term.id, target="بلدية ريفية", note="level 3, rural")
    service.update_term(keeper, term.id, note="level 3, rural")  # no change: no entry
    clock.advance(minutes=30)
    service.delete_term(keeper, term.id)
    deleted, edited, loaded = service.term_history(root, term.id)
    assert (loaded.action, loaded.user, loaded.before) == ("loaded", None, None)
    assert (edited.action, edited.user) == ("edited", "thu")
    assert (clock.now - edited.at).total_seconds() == 30 * 60
    assert edited.changed == ("target", "note")
    assert (edited.before["target"], edited.after["target"]) == ("بلدية", "بلدية ريفية")
    assert (deleted.action, deleted.after, deleted.before["target"]) == (
        "deleted", None, "بلدية ريفية")
    assert "xã" not in _terms(service, root)


def test_the_checks_use_the_stored_terms(make):
    service, root = make()
    service.load_shipped_glossary()
    term = _terms(service, root)["tỉnh"]
    service.update_term(root, term.id, forbidden="منطقة|إقليم", target="مقاطعة")
    entry = service.terms.analysis_glossary().lookup("tỉnh")
    assert entry.forbidden == ("منطقة", "إقليم") and entry.extra.get("gender") == ""
    assert service.terms.analysis_glossary() is service.terms.analysis_glossary()  # cached


def test_only_glossary_maintainers_and_admins_change_terms(make):
    service, root = make()
    service.load_shipped_glossary()
    term = _terms(service, root)["xã"]
    for role in (TRANSLATOR, EDITOR):
        user = make_user(service, root, f"u_{role}", role)
        with pytest.raises(PermissionDenied, match="edit the glossary"):
            service.update_term(user, term.id, note="x")
        with pytest.raises(PermissionDenied, match="edit the glossary"):
            service.delete_term(user, term.id)
        with pytest.raises(PermissionDenied, match="edit the glossary"):
            service.add_term(user, "phường", "حي")
    keeper = make_user(service, root, "thu", GLOSSARY_MAINTAINER)
    assert service.update_term(keeper, term.id, note="ok").note == "ok"
    assert service.update_term(root, term.id, note="admin").note == "admin"


def test_a_term_already_in_the_glossary_is_not_added_twice(make):
    service, root = make()
    service.load_shipped_glossary()
    with pytest.raises(ConflictError, match="already in the glossary \\(from house.csv\\)"):
        service.add_term(root, "Xã", "بلدية")


def _findings(service, user, doc_id) -> set:
    return {(f.term, f.found, f.status) for r in service.get_review(user, doc_id).rows
            for f in r.findings}


def test_a_change_rechecks_the_open_documents_in_a_background_job(make):
    service, root = make()
    service.load_shipped_glossary()
    open_doc = service.import_document(root, "open", VI.encode(), "a.vi.txt", AR.encode(),
                                       "a.ar.txt")
    done_doc = service.import_document(root, "approved", VI.encode(), "b.vi.txt",
                                       AR.encode(), "b.ar.txt")
    service.approve_document(root, done_doc.id)
    assert ("tỉnh", "منطقة", "open") in _findings(service, root, open_doc.id)
    term = _terms(service, root)["tỉnh"]
    service.update_term(root, term.id, forbidden="إقليم")  # منطقة is no longer wrong
    assert ("tỉnh", "منطقة", "fixed") in _findings(service, root, open_doc.id)
    assert ("tỉnh", "منطقة", "open") in _findings(service, root, done_doc.id)  # approved
    job = service.list_jobs(root)[0]
    assert (job.kind, job.state) == ("glossary_recheck", "done")
    assert "1 open document(s) re-checked" in job.stage and "1 finding(s) closed" in job.stage
    service.update_term(root, term.id, forbidden="منطقة")  # and back: it opens again
    assert ("tỉnh", "منطقة", "open") in _findings(service, root, open_doc.id)
    assert [j.kind for j in service.list_jobs(root)].count("glossary_recheck") == 2


def test_changes_while_a_recheck_waits_make_one_job(make):
    service, root = make(jobs="external")
    service.load_shipped_glossary()
    doc = service.submit_document(root, "open", VI.encode(), "a.vi.txt", AR.encode(),
                                  "a.ar.txt")
    assert service.run_job(doc.id) == "done"
    terms = _terms(service, root)
    service.update_term(root, terms["tỉnh"].id, forbidden="إقليم")
    service.update_term(root, terms["xã"].id, note="twice")
    waiting = [j for j in service.list_jobs(root) if j.kind == "glossary_recheck"]
    assert [j.state for j in waiting] == ["queued"]
    assert service.run_job(waiting[0].id) == "done"
    assert "1 open document(s) re-checked" in service.job(root, waiting[0].id).stage


def test_an_approved_suggestion_for_a_term_changes_that_term(make):
    service, root = make()
    service.load_shipped_glossary()
    lan = make_user(service, root, "lan", TRANSLATOR)
    suggestion = service.suggest_term(lan, "Ban Tổ chức", "اللجنة التنظيمية",
                                      forbidden=["لجنة التنظيم"], category="organization")
    term = service.decide_term(root, suggestion.id, approve=True)
    approved = [t for t in service.list_terms(root, "approved") if t.source == "Ban Tổ chức"]
    assert approved == [term] and term.origin == "house.csv"
    assert (term.target, term.forbidden) == ("اللجنة التنظيمية", ("لجنة التنظيم",))
    assert service.list_terms(root, "suggested") == []
    change = service.term_history(root, term.id)[0]
    assert (change.user, change.before["target"], change.after["target"]) == (
        "root", "لجنة التنظيم", "اللجنة التنظيمية")


def test_two_processes_opening_a_new_database_load_the_files_once(make):
    import threading

    services = [make()[0], make()[0]]
    start = threading.Barrier(2)
    results = []

    def load(service):
        start.wait()
        results.append(service.load_shipped_glossary())

    threads = [threading.Thread(target=load, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    root = services[0].authenticate("root", "root-pass").user
    assert sorted(len(r.loaded) for r in results) == [0, len(V1)]
    assert len(services[0].list_terms(root)) == len(V1)


def test_edits_saved_together_recheck_once(make):
    service, root = make()
    service.load_shipped_glossary()
    service.import_document(root, "open", VI.encode(), "a.vi.txt", AR.encode(), "a.ar.txt")
    terms = _terms(service, root)
    with service.one_recheck():
        service.update_term(root, terms["tỉnh"].id, forbidden="إقليم")
        service.update_term(root, terms["xã"].id, note="level 3 (commune)")
        assert not [j for j in service.list_jobs(root) if j.kind == "glossary_recheck"]
    [job] = [j for j in service.list_jobs(root) if j.kind == "glossary_recheck"]
    assert job.state == "done" and "1 finding(s) closed" in job.stage
