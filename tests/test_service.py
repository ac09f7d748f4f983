"""The service's use cases against SQLite and PostgreSQL (see ``db_fixtures``)."""

from __future__ import annotations

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, admin, clock, db_url, doc, fake_analyse, make_user, news_document, pg_database,
    service, sqlite_template,
)
from sqlalchemy import event

from workbench.reading.document import read_document
from workbench.errors import ConflictError, NotFound, PermissionDenied, WorkbenchError
from workbench.service.roles import ADMIN, EDITOR, GLOSSARY_MAINTAINER, TRANSLATOR
from workbench.service import SaveConflict

# Corrections a reviewer might type: real Arabic with harakat, tatweel, digits, RTL marks.
CORRECTIONS = [
    "سيبدأُ تنفيذُ مشروعِ الطريقِ في يونيو ٢٠٢٦ باستثماراتٍ قدرُها ٨٥ مليار دونغ.",
    "أكد النواب أن مطالب الناخبين \"ستـُحال كاملةً\" إلى الوزارات المعنية\u200f",
    "ومن المقرر أن يبدأ المشروع في يونيو (حزيران) من العام المقبل.\n\nفقرة ثانية.",
    "بالنسبة للقراء من خارج فيتنام: تعني huyện المنطقة — وتعني xã البلدية.",
]


@pytest.fixture
def translator(service, admin):
    return make_user(service, admin, "lan", TRANSLATOR)


@pytest.fixture
def editor(service, admin):
    return make_user(service, admin, "minh", EDITOR)


def test_import_keeps_every_paragraph_exactly(service, admin, doc):
    vi, ar = news_document(0, 12)
    review = service.get_review(admin, doc.id)
    assert review.source_paragraphs == tuple(p.text for p in read_document(vi, "v.txt"))
    assert review.target_paragraphs == tuple(p.text for p in read_document(ar, "a.txt"))
    assert doc.links == len(review.rows) == 12
    assert [r.ordinal for r in review.rows] == list(range(12))


def test_import_stores_analysis_with_its_signature(service, admin, doc):
    vi, ar = news_document(0, 12)
    expected = fake_analyse(read_document(vi, "v"), read_document(ar, "a"))
    review = service.get_review(admin, doc.id)
    assert [(r.source, r.target) for r in review.rows] == [
        (link.source, link.target) for link in expected.links]
    assert [r.score for r in review.rows] == pytest.approx([l.score for l in expected.links])
    assert all(r.signature == expected.signature for r in review.rows)
    assert all(r.components and r.components[0].explanation for r in review.rows)
    stored = [(f.kind, f.term, f.message) for r in review.rows for f in r.findings]
    assert stored == [(f.kind, f.term, f.message) for f in expected.findings]
    assert doc.open_findings == len(expected.findings)


def test_import_reports_progress_to_the_end(service, admin):
    seen = []
    vi, ar = news_document(20, 4)
    service.import_document(admin, "", vi, "hospital.vi.txt", ar, "hospital.ar.txt",
                            progress=lambda f, m: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_unreadable_upload_stores_nothing(service, admin):
    with pytest.raises(WorkbenchError):
        service.import_document(admin, "bad", b"", "empty.txt", "نص".encode(), "a.txt")
    assert service.list_documents(admin) == []


@pytest.mark.parametrize("text", CORRECTIONS)
def test_saved_correction_becomes_current_text(service, translator, doc, text):
    before = service.get_review(translator, doc.id).rows[3]
    assert before.version == 0 and before.current_text == before.mt_text
    saved = service.save_correction(translator, doc.id, 3, text, base_version=0)
    after = service.get_review(translator, doc.id).rows[3]
    assert (saved.version, after.version, after.current_text) == (1, 1, text)
    assert after.mt_text == before.mt_text  # the machine text is never overwritten
    assert service.list_documents(translator)[0].corrected == 1


def test_history_chains_versions_and_restore_adds_a_version(service, translator, doc):
    texts = CORRECTIONS[:3]
    for version, text in enumerate(texts):
        service.save_correction(translator, doc.id, 5, text, base_version=version)
    history = service.history(translator, doc.id, 5)
    assert [(h.version, h.text, h.author) for h in history] == [
        (1, texts[0], "lan"), (2, texts[1], "lan"), (3, texts[2], "lan")]
    assert [h.parent_id for h in history] == [None, history[0].id, history[1].id]

    restored = service.restore_revision(translator, doc.id, history[0].id, base_version=3)
    row = service.get_review(translator, doc.id).rows[5]
    assert (restored.version, restored.kind, row.current_text) == (4, "restore", texts[0])
    assert len(service.history(translator, doc.id, 5)) == 4  # nothing was deleted

    back = service.restore_machine_text(translator, doc.id, 5, base_version=4)
    row = service.get_review(translator, doc.id).rows[5]
    assert back.version == 5 and row.current_text == row.mt_text


def test_conflicting_save_is_refused_and_both_texts_kept(service, admin, translator, doc):
    other = make_user(service, admin, "huong", TRANSLATOR)
    mine, theirs = CORRECTIONS[0], CORRECTIONS[3]
    service.save_correction(other, doc.id, 2, theirs, base_version=0)
    with pytest.raises(SaveConflict) as caught:
        service.save_correction(translator, doc.id, 2, mine, base_version=0)
    conflict = caught.value
    assert isinstance(conflict, ConflictError)
    assert (conflict.your_text, conflict.their_text, conflict.their_version) == (mine, theirs, 1)
    assert "huong" in str(conflict) and "version 1" in str(conflict)
    row = service.get_review(translator, doc.id).rows[2]
    assert (row.current_text, row.version) == (theirs, 1)  # not silently overwritten
    kept = {(h.kind, h.text, h.author) for h in service.history(translator, doc.id, 2)}
    assert kept == {("edit", theirs, "huong"), ("conflict", mine, "lan")}
    # Merging and saving on the version they now see succeeds.
    merged = service.save_correction(translator, doc.id, 2, mine + " " + theirs,
                                     base_version=conflict.their_version)
    assert merged.version == 2


def test_save_on_a_link_replaced_by_realignment_is_kept_as_conflict(service, translator, doc):
    rows = service.get_review(translator, doc.id).rows
    service.merge_links(translator, doc.id, [3, 4])
    with pytest.raises(SaveConflict, match="alignment"):
        service.save_correction(translator, doc.id, 3, CORRECTIONS[1], base_version=0,
                                link_id=rows[3].link_id)
    row = service.get_review(translator, doc.id).rows[3]
    assert row.current_text == row.mt_text  # the merged link was not overwritten


def test_unchanged_text_adds_no_version(service, translator, doc):
    service.save_correction(translator, doc.id, 1, CORRECTIONS[0], base_version=0)
    again = service.save_correction(translator, doc.id, 1, CORRECTIONS[0], base_version=1)
    assert again.version == 1 and len(service.history(translator, doc.id, 1)) == 1


def test_merge_split_unlink_keep_paragraphs_and_corrections(service, translator, doc):
    service.save_correction(translator, doc.id, 6, CORRECTIONS[0], base_version=0)
    merged = service.merge_links(translator, doc.id, [6, 7])
    row = merged.rows[6]
    assert (row.source, row.target, len(merged.rows)) == ((6, 7), (6, 7), 11)
    assert row.current_text == CORRECTIONS[0] + "\n\n" + merged.target_paragraphs[7]
    assert row.signature and row.score > 0  # rescored, with how

    split = service.split_link(translator, doc.id, 6, 1, 1)
    assert [(r.source, r.target) for r in split.rows[6:8]] == [((6,), (6,)), ((7,), (7,))]
    assert split.rows[6].current_text == CORRECTIONS[0]
    assert split.rows[7].current_text == split.rows[7].mt_text
    assert [r.ordinal for r in split.rows] == list(range(12))

    unlinked = service.unlink(translator, doc.id, 9)
    assert [(r.source, r.target, r.score) for r in unlinked.rows[9:11]] == [
        ((9,), (), 0.0), ((), (9,), 0.0)]
    covered_s = [i for r in unlinked.rows for i in r.source]
    covered_t = [i for r in unlinked.rows for i in r.target]
    assert covered_s == covered_t == list(range(12))  # every paragraph exactly once


@pytest.mark.parametrize("ordinals, new_links", [
    ([2, 3], [((2, 3), (2,)), ((), (3,))]),     # fine: covers (2,3)/(2,3)
])
def test_realign_accepts_any_cover_of_the_same_paragraphs(service, translator, doc, ordinals,
                                                          new_links):
    review = service.realign(translator, doc.id, ordinals, new_links)
    assert [(r.source, r.target) for r in review.rows[2:4]] == new_links


@pytest.mark.parametrize("ordinals, new_links", [
    ([2, 3], [((2,), (2, 3))]),                  # drops source paragraph 3
    ([2, 4], [((2, 3, 4), (2, 3, 4))]),          # links not neighbours
    ([2], [((2,), ()), ((), ()), ((), (2,))]),   # an empty link
    ([2, 3], [((3, 2), (2, 3))]),                # out of order
])
def test_realign_refuses_a_cover_that_loses_paragraphs(service, translator, doc, ordinals,
                                                       new_links):
    with pytest.raises(WorkbenchError):
        service.realign(translator, doc.id, ordinals, new_links)
    assert len(service.get_review(translator, doc.id).rows) == 12


def test_realign_recomputes_findings_of_new_links(service, translator, doc):
    before = service.get_review(translator, doc.id)
    flagged = [r.ordinal for r in before.rows if r.findings]
    assert flagged  # corpus line 3 says "tháng 6", the Arabic says يونيو
    o = flagged[0]
    after = service.merge_links(translator, doc.id, [o - 1, o])
    merged = after.rows[o - 1]
    assert [f.term for f in merged.findings] == [f.term for f in before.rows[o].findings]


def test_dismiss_finding_keeps_reason_and_who(service, translator, doc):
    finding = next(f for r in service.get_review(translator, doc.id).rows for f in r.findings)
    with pytest.raises(WorkbenchError, match="why"):
        service.dismiss_finding(translator, finding.id, "  ")
    view = service.dismiss_finding(translator, finding.id, "tháng 6 = يونيو, đúng")
    assert (view.status, view.dismiss_reason, view.dismissed_by) == (
        "dismissed", "tháng 6 = يونيو, đúng", "lan")
    assert service.list_documents(translator)[0].open_findings == doc.open_findings - 1
    assert service.reopen_finding(translator, finding.id).status == "open"


def test_status_and_mqm_tags(service, translator, editor, doc):
    assert service.set_status(translator, doc.id, 0, "reviewed").status == "reviewed"
    with pytest.raises(PermissionDenied, match="approve"):
        service.set_status(translator, doc.id, 0, "approved")
    row = service.set_status(editor, doc.id, 0, "approved")
    assert (row.status, row.status_by) == ("approved", "minh")
    with pytest.raises(PermissionDenied):  # taking back an approval is an editor's call
        service.set_status(translator, doc.id, 0, "new")
    tag = service.tag_mqm(translator, doc.id, 1, "terminology", "major", "AM ≠ عضو")
    assert service.get_review(editor, doc.id).rows[1].mqm == (tag,)
    with pytest.raises(WorkbenchError, match="category"):
        service.tag_mqm(translator, doc.id, 1, "vibes", "major")
    summary = service.list_documents(editor)[0]
    assert (summary.reviewed, summary.approved) == (1, 1)


def test_glossary_suggestion_flow(service, admin, translator):
    maintainer = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    term = service.suggest_term(translator, "xã", "بلدية", variants="قرية", category="admin_level")
    assert (term.status, term.suggested_by, term.variants) == ("suggested", "lan", ("قرية",))
    with pytest.raises(PermissionDenied):
        service.decide_term(translator, term.id, approve=True)
    approved = service.decide_term(maintainer, term.id, approve=True)
    assert (approved.status, approved.decided_by) == ("approved", "thu")
    with pytest.raises(ConflictError):
        service.decide_term(maintainer, term.id, approve=False)
    edited = service.update_term(maintainer, term.id, forbidden=["منطقة"])
    assert edited.forbidden == ("منطقة",) and edited.target == "بلدية"
    with pytest.raises(WorkbenchError, match="both accepted and forbidden"):
        service.update_term(maintainer, term.id, forbidden=["بلدية"])
    assert [t.source for t in service.list_terms(translator, status="approved")] == ["xã"]
    service.delete_term(maintainer, term.id)
    assert service.list_terms(translator) == []


def test_glossary_import_updates_by_source_and_adds_the_rest(service, admin, translator):
    from workbench.glossary.terms import load_glossary

    maintainer = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    service.add_term(maintainer, "xã", "بلدية")
    glossary = load_glossary("source,target,variants\nXã,قرية,\nhuyện,مديرية,مقاطعة\n"
                             .encode("utf-8"), "terms.csv")
    with pytest.raises(PermissionDenied):
        service.import_terms(translator, glossary)
    assert service.import_terms(maintainer, glossary) == (1, 1)
    terms = {t.source: (t.target, t.variants) for t in service.list_terms(translator)}
    assert terms == {"Xã": ("قرية", ()), "huyện": ("مديرية", ("مقاطعة",))}


def test_dashboard_counts_what_reviewers_did(service, admin, translator, editor, doc):
    service.save_correction(translator, doc.id, 0, CORRECTIONS[1], base_version=0)
    with pytest.raises(SaveConflict):
        service.save_correction(editor, doc.id, 0, CORRECTIONS[2], base_version=0)
    service.set_status(editor, doc.id, 0, "approved")
    board = service.dashboard(editor, doc.id)
    assert sum(board.score_counts) == 12 and board.links == 12
    assert board.status_counts == {"new": 11, "reviewed": 0, "approved": 1}
    assert board.findings_by_kind == {"number": doc.open_findings}
    assert 0 < board.post_edit_effort <= 1
    people = {a.user: a for a in board.activity}
    assert (people["lan"].corrections, people["minh"].conflicts, people["minh"].approved) == (
        1, 1, 1)


def test_review_loads_with_a_fixed_number_of_queries(service, admin):
    """200 paragraphs take as many queries as 10 (8 in all): none per link."""
    counts = {}
    for n in (10, 200):
        vi, ar = news_document(0, n)  # 200: the corpus repeated
        summary = service.import_document(admin, f"{n}", vi, "v.txt", ar, "a.txt")
        for k in range(0, n, 3):
            service.save_correction(admin, summary.id, k, CORRECTIONS[k % 4], base_version=0)
        statements = []
        listener = lambda *args: statements.append(1)  # noqa: E731
        event.listen(service.store.engine, "before_cursor_execute", listener)
        review = service.get_review(admin, summary.id)
        event.remove(service.store.engine, "before_cursor_execute", listener)
        assert len(review.rows) == n and review.rows[3].current_text == CORRECTIONS[3]
        counts[n] = len(statements)
    assert counts[200] == counts[10] <= 9


# ----------------------------------------------------------------- roles, per action

ACTIONS = {
    "import": lambda s, u, d: s.import_document(u, "t", *_pair()),
    "correct": lambda s, u, d: s.save_correction(u, d, 0, "نص", 0),
    "review": lambda s, u, d: s.set_status(u, d, 0, "reviewed"),
    "approve": lambda s, u, d: s.set_status(u, d, 0, "approved"),
    "dismiss": lambda s, u, d: s.dismiss_finding(u, _first_finding(s, d), "ok"),
    "realign": lambda s, u, d: s.merge_links(u, d, [0, 1]),
    "tag_mqm": lambda s, u, d: s.tag_mqm(u, d, 0, "style", "minor"),
    "edit_glossary": lambda s, u, d: s.add_term(u, "tỉnh", "محافظة", category="admin_level"),
    "suggest_term": lambda s, u, d: s.suggest_term(u, "huyện", "مديرية"),
    "manage_users": lambda s, u, d: s.create_user(u, "new", "pass-new", "translator"),
    "delete_document": lambda s, u, d: s.delete_document(u, d),
}

ALLOWED = {
    TRANSLATOR: {"correct", "review", "dismiss", "realign", "tag_mqm", "suggest_term"},
    EDITOR: {"correct", "review", "dismiss", "realign", "tag_mqm", "suggest_term", "approve",
             "import"},
    GLOSSARY_MAINTAINER: {"edit_glossary", "suggest_term"},
    ADMIN: set(ACTIONS),
}


def _pair():
    vi, ar = news_document(30, 2)
    return vi, "v.txt", ar, "a.txt"


def _first_finding(service, doc_id):
    root = service.authenticate("root", "root-pass").user
    return next(f.id for r in service.get_review(root, doc_id).rows for f in r.findings)


@pytest.mark.parametrize("role", [TRANSLATOR, EDITOR, GLOSSARY_MAINTAINER, ADMIN])
def test_service_enforces_roles(service, admin, doc, role):
    """Each action called directly on the service, as each role: allowed or refused."""
    user = make_user(service, admin, f"u_{role}", role)
    outcome = {}
    for action in sorted(ACTIONS, key=lambda a: a == "delete_document"):  # delete last
        try:
            ACTIONS[action](service, user, doc.id)
            outcome[action] = "allowed"
        except PermissionDenied as exc:
            assert f"u_{role}" in str(exc) and "ask an admin" in str(exc)
            outcome[action] = "refused"
    assert outcome == {a: "allowed" if a in ALLOWED[role] else "refused" for a in ACTIONS}


def test_forged_user_object_grants_nothing(service, admin, translator, doc):
    forged = type(translator)(translator.id, translator.name, frozenset({ADMIN}))
    with pytest.raises(PermissionDenied):
        service.create_user(forged, "mallory", "pass-m", ADMIN)


def test_disabled_user_is_refused_even_with_a_user_object(service, admin, translator, doc):
    service.disable_user(admin, "lan")
    with pytest.raises(PermissionDenied, match="disabled"):
        service.save_correction(translator, doc.id, 0, CORRECTIONS[0], 0)


def test_missing_things_say_what_to_do(service, admin, doc):
    with pytest.raises(NotFound, match="document 999"):
        service.get_review(admin, 999)
    with pytest.raises(NotFound, match="link 77"):
        service.save_correction(admin, doc.id, 77, "نص", 0)


def test_approved_terms_reach_the_checks_and_suggestions_do_not(db_url, clock):
    from workbench.service import Service
    from workbench.store import Store

    seen = []

    def recording_analyser(source, target, glossary=None, **kw):
        seen.append(glossary)
        return fake_analyse(source, target, **kw)

    service = Service(Store(db_url), analyser=recording_analyser, clock=clock,
                      bcrypt_rounds=4, glossary=_empty_glossary())
    root = service.create_user(None, "root", "root-pass", ADMIN)
    service.add_term(root, "Quốc hội", "البرلمان", variants=["مجلس النواب"],
                     category="organization")
    service.suggest_term(root, "Đảng Lao động", "حزب العمال")
    vi, ar = news_document(0, 3)
    service.import_document(root, "t", vi, "v.txt", ar, "a.txt")
    entry = seen[-1].lookup("quốc hội")
    assert (entry.target, entry.variants, entry.category) == (
        "البرلمان", ("مجلس النواب",), "organization")
    assert seen[-1].lookup("Đảng Lao động") is None
    csv = service.export_glossary(root).decode("utf-8")
    assert "Quốc hội" in csv and "البرلمان" in csv and "Đảng Lao động" not in csv
    service.store.dispose()


def _empty_glossary():
    from workbench.glossary.terms import Glossary

    return Glossary(name="empty")


def test_translation_of_an_omission_survives_realignment(service, translator, doc):
    unlinked = service.unlink(translator, doc.id, 4)  # source 4 alone, target 4 alone
    assert (unlinked.rows[4].source, unlinked.rows[4].target) == ((4,), ())
    service.save_correction(translator, doc.id, 4, CORRECTIONS[0], base_version=0)
    merged = service.merge_links(translator, doc.id, [4, 5])
    row = merged.rows[4]
    assert (row.source, row.target) == ((4,), (4,))
    assert CORRECTIONS[0] in row.current_text and row.mt_text in row.current_text


def test_dismissal_survives_realignment(service, translator, doc):
    rows = service.get_review(translator, doc.id).rows
    o = next(r.ordinal for r in rows if r.findings)
    service.dismiss_finding(translator, rows[o].findings[0].id, "tháng 6 = يونيو")
    merged = service.merge_links(translator, doc.id, [o - 1, o]).rows[o - 1]
    assert [(f.status, f.dismiss_reason) for f in merged.findings] == [
        ("dismissed", "tháng 6 = يونيو")]


def test_reviewed_document_for_export_needs_the_export_right(service, translator, editor, doc):
    service.save_correction(translator, doc.id, 2, CORRECTIONS[2], base_version=0)
    service.set_status(editor, doc.id, 2, "approved")
    service.tag_mqm(translator, doc.id, 2, "accuracy/omission", "major", "thiếu một câu")
    with pytest.raises(PermissionDenied, match="export"):
        service.reviewed_document(translator, doc.id)
    exported = service.reviewed_document(editor, doc.id)
    unit = exported.units[2]
    assert (unit.final_text, unit.state, unit.reviewer) == (CORRECTIONS[2], "final", "minh")
    assert unit.is_corrected and "accuracy/omission" in unit.note
    assert [u.final_text for u in exported.units[3:]] == [u.mt_text for u in exported.units[3:]]


def test_texts_typed_before_a_merge_stay_in_history_and_can_be_restored(service, translator,
                                                                        doc):
    service.save_correction(translator, doc.id, 7, CORRECTIONS[0], base_version=0)
    service.save_correction(translator, doc.id, 7, CORRECTIONS[1], base_version=1)
    service.save_correction(translator, doc.id, 8, CORRECTIONS[3], base_version=0)
    merged = service.merge_links(translator, doc.id, [7, 8]).rows[7]
    texts = [h.text for h in service.history(translator, doc.id, 7)]
    assert texts[:3] == [CORRECTIONS[0], CORRECTIONS[1], CORRECTIONS[3]]
    assert texts[3] == CORRECTIONS[1] + "\n\n" + CORRECTIONS[3]  # the merge's carry-over
    assert len(service.history(translator, doc.id, 6)) == 0  # a neighbour's stays its own
    first = service.history(translator, doc.id, 7)[0]
    restored = service.restore_revision(translator, doc.id, first.id, merged.version)
    row = service.get_review(translator, doc.id).rows[7]
    assert (row.current_text, row.version, restored.link_id) == (
        CORRECTIONS[0], 2, merged.link_id)


# --------------------------------------------------------------------------- XLIFF import


def _edit_xliff(data: bytes, ordinal: int, text: str, state: str | None = None,
                source: str | None = None) -> bytes:
    """What a CAT tool does: change one unit's target (and state, or source)."""
    from lxml import etree

    root = etree.fromstring(data)
    ns = root.nsmap[None]
    v2 = ns.endswith("2.0")
    unit = next(u for u in root.iter(f"{{{ns}}}{'unit' if v2 else 'trans-unit'}")
                if u.get("id") == str(ordinal))
    target = next(unit.iter(f"{{{ns}}}target"))
    target.text = text
    for child in list(target):
        target.remove(child)
    if state is not None:
        if v2:
            next(unit.iter(f"{{{ns}}}segment")).set("state", state)
        else:
            target.set("state", state)
    if source is not None:
        next(unit.iter(f"{{{ns}}}source")).text = source
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _export(service, user, doc_id, fmt="xliff") -> bytes:
    from workbench.export import export_document

    return export_document(service.reviewed_document(user, doc_id), fmt)


@pytest.mark.parametrize("fmt,state", [("xliff", "final"), ("xliff2", "final"),
                                       ("xliff", "translated"), ("xliff2", "reviewed")])
def test_xliff_import_saves_corrections_with_history_and_state(service, editor, doc, fmt,
                                                                state):
    data = _edit_xliff(_export(service, editor, doc.id, fmt), 3, CORRECTIONS[0], state)
    changed = service.import_xliff(editor, doc.id, data, "voters-reviewed.xlf")
    assert changed == [3]
    row = service.get_review(editor, doc.id).rows[3]
    assert (row.current_text, row.version) == (CORRECTIONS[0], 1)
    assert row.status == ("approved" if state == "final" else "reviewed")
    assert row.status_by == "minh"
    last = service.history(editor, doc.id, 3)[-1]
    assert (last.kind, last.author, last.base_version, last.text) == (
        "import", "minh", 0, CORRECTIONS[0])
    # The same file again changes nothing and adds no version.
    assert service.import_xliff(editor, doc.id, data, "voters-reviewed.xlf") == []
    assert service.get_review(editor, doc.id).rows[3].version == 1


def test_xliff_import_builds_on_the_current_version(service, translator, editor, doc):
    service.save_correction(translator, doc.id, 5, CORRECTIONS[3], base_version=0)
    data = _edit_xliff(_export(service, editor, doc.id), 5, CORRECTIONS[1])
    assert service.import_xliff(editor, doc.id, data, "f.xlf") == [5]
    history = service.history(editor, doc.id, 5)
    assert [(h.version, h.kind, h.text) for h in history] == [
        (1, "edit", CORRECTIONS[3]), (2, "import", CORRECTIONS[1])]
    assert history[1].base_version == 1 and history[1].parent_id == history[0].id


def test_a_stale_xliff_never_takes_back_an_approval(service, editor, doc):
    data = _edit_xliff(_export(service, editor, doc.id), 2, CORRECTIONS[2], "translated")
    service.set_status(editor, doc.id, 2, "approved")
    assert service.import_xliff(editor, doc.id, data, "old.xlf") == [2]
    row = service.get_review(editor, doc.id).rows[2]
    assert (row.current_text, row.status) == (CORRECTIONS[2], "approved")


@pytest.mark.parametrize("damage,message", [
    (lambda good: b"<xliff version='1.2'><file>", "not well-formed"),
    (lambda good: b'<?xml version="1.0"?><root/>', "not an XLIFF"),
    (lambda good: good.replace(b'id="11"', b'id="99"'), "unit 99 is not in document"),
    (lambda good: _edit_xliff(good, 4, "نص", source="Một câu khác hẳn."), "source of unit 4"),
])
def test_a_bad_xliff_names_the_file_and_saves_nothing(service, editor, doc, damage, message):
    from workbench.errors import DocumentError

    good = _edit_xliff(_export(service, editor, doc.id), 1, CORRECTIONS[0], "final")
    with pytest.raises(DocumentError, match=message) as caught:
        service.import_xliff(editor, doc.id, damage(good), "bản dịch.xlf")
    assert "bản dịch.xlf" in str(caught.value)
    rows = service.get_review(editor, doc.id).rows
    assert all(r.version == 0 and r.status == "new" for r in rows)  # unit 1 not half-saved


def test_xliff_import_needs_the_editor_role(service, translator, editor, doc):
    data = _edit_xliff(_export(service, editor, doc.id), 3, CORRECTIONS[0])
    with pytest.raises(PermissionDenied):
        service.import_xliff(translator, doc.id, data, "f.xlf")
    assert service.get_review(editor, doc.id).rows[3].version == 0


# --------------------------------------------------------------------------- post-edit


def test_post_edit_unchanged_is_zero_ter_and_a_rewrite_costs(service, translator, editor, doc):
    before = service.post_edit(translator, doc.id)
    assert (before.document.ter, before.document.chrf) == (0.0, 100.0)
    rows = service.get_review(translator, doc.id).rows
    service.save_correction(translator, doc.id, 2, CORRECTIONS[2], base_version=0)
    service.save_correction(translator, doc.id, 6, rows[6].mt_text.replace("حزب", "الحزب"), 0)
    after = service.post_edit(translator, doc.id)
    ter = {link.ordinal: link.effort.ter for link in after.links}
    assert ter[0] == 0.0 and ter[2] > ter[6] > 0.0  # a rewrite costs more than one word
    assert 0.0 < after.document.ter < ter[2] and after.document.chrf < 100.0
    assert "chrF2++" in after.document.signature and "TER|" in after.document.signature
    dash = service.dashboard(translator, doc.id)
    assert dash.post_edit == after.document
    assert [(d.doc_id, d.corrected, d.effort) for d in dash.post_edit_by_document] == [
        (doc.id, 2, after.document)]


def test_qa_report_has_the_dashboard_post_edit_figures(service, translator, editor, doc):
    import io

    from openpyxl import load_workbook

    service.save_correction(translator, doc.id, 2, CORRECTIONS[2], base_version=0)
    figures = dict(load_workbook(io.BytesIO(_export(service, editor, doc.id, "xlsx")))
                   ["Summary"].iter_rows(values_only=True))
    dash = service.dashboard(editor, doc.id).post_edit
    assert (figures["post-edit chrF++"], figures["post-edit TER"], figures["signature"]) == (
        dash.chrf, dash.ter, dash.signature)


# --------------------------------------------------------------------------- reading


def test_import_refuses_swapped_languages_and_stores_nothing(service, admin):
    from workbench.errors import DocumentError

    vi, ar = news_document(30, 8)
    with pytest.raises(DocumentError, match="swapped"):
        service.import_document(admin, "swapped", ar, "bai.ar.txt", vi, "bai.vi.txt")
    with pytest.raises(DocumentError, match="Vietnamese original twice"):
        service.import_document(admin, "twice", vi, "bai.vi.txt", vi, "bai-copy.vi.txt")
    assert service.list_documents(admin) == []


def test_import_returns_the_reading_notes_naming_the_file(service, admin):
    vi, ar = news_document(30, 8)
    summary = service.import_document(admin, "", vi, "bai.vi.txt",
                                      ar.decode("utf-8").encode("cp1256"), "bai.ar.txt")
    assert [n for n in summary.notes if "Windows-1256" in n] and all(
        n.startswith("bai.ar.txt: ") for n in summary.notes)
    clean = service.import_document(admin, "", vi, "b.vi.txt", ar, "b.ar.txt")
    assert clean.notes == ()


# --------------------------------------------------------------------------- first admin


def test_first_admin_after_the_demo_account_needs_the_explicit_flag(service):
    from workbench.service.bootstrap import DEMO_PASSWORD, DEMO_ROLES, DEMO_USER

    service.create_user(None, DEMO_USER, DEMO_PASSWORD, DEMO_ROLES)  # the app's first start
    assert not service.has_admin()
    with pytest.raises(PermissionDenied, match="sign in as an admin"):
        service.create_user(None, "lan", "lan-pass", TRANSLATOR)
    # users exist but no admin: no sign-in-free admin without --force-first-admin
    with pytest.raises(PermissionDenied, match="force-first-admin"):
        service.create_user(None, "boss", "boss-pass", ADMIN)
    with pytest.raises(PermissionDenied, match="sign in as an admin"):
        service.create_user(None, "lan", "lan-pass", TRANSLATOR, force_first_admin=True)
    boss = service.create_user(None, "boss", "boss-pass", ADMIN, force_first_admin=True)
    assert ADMIN in boss.roles and service.has_admin()
    with pytest.raises(PermissionDenied, match="sign in as an admin"):
        service.create_user(None, "boss2", "boss-pass", ADMIN, force_first_admin=True)
    assert service.authenticate(DEMO_USER, DEMO_PASSWORD).user.roles == set(DEMO_ROLES)


# --------------------------------------------------------------------------- learned terms


def test_term_suggestions_from_corrections_and_adopting_one(db_url, clock):
    from workbench.glossary.terms import Glossary, GlossaryEntry
    from workbench.service import Service
    from workbench.store import Store

    glossary = Glossary([GlossaryEntry("Quốc hội", "الجمعية الوطنية", category="organization")],
                        name="house")
    service = Service(Store(db_url), analyser=fake_analyse, clock=clock, bcrypt_rounds=4,
                      glossary=glossary)
    root = service.create_user(None, "root", "root-pass", ADMIN)
    lan = make_user(service, root, "lan", TRANSLATOR)
    keeper = make_user(service, root, "hoa", GLOSSARY_MAINTAINER)
    vi, ar = news_document(0, 12)
    doc = service.import_document(root, "Voters", vi, "v.txt", ar, "a.txt")
    assert service.term_suggestions(lan) == []
    rows = service.get_review(lan, doc.id).rows
    for o in (0, 1):
        service.save_correction(lan, doc.id, o,
                                rows[o].mt_text.replace("الجمعية الوطنية", "البرلمان"), 0)
    found = service.term_suggestions(lan)
    assert [t.message for t in found] == [
        "reviewers changed الجمعية الوطنية to البرلمان 2 times for Quốc hội"]
    with pytest.raises(PermissionDenied):
        service.adopt_suggestion(lan, found[0])
    term = service.adopt_suggestion(keeper, found[0])
    assert (term.source, term.target, term.status, term.category) == (
        "Quốc hội", "البرلمان", "approved", "organization")
    assert "الجمعية الوطنية" in term.forbidden and "الجمعية الوطنية" not in term.variants
    assert [t.source for t in service.list_terms(keeper, "approved")] == ["Quốc hội"]
    entry = service.terms.analysis_glossary().lookup("Quốc hội")
    assert entry.target == "البرلمان"  # the next analysis checks with it
    service.store.dispose()
