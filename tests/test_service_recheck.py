"""The live re-check: a saved correction is checked and scored again at once."""

from __future__ import annotations

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, admin, clock, db_url, doc, fake_analyse, fake_rescore, make_user, news_document,
    pg_database, service, sqlite_template,
)

from workbench.service import Service
from workbench.service.recheck import pipeline_check
from workbench.service.views import split_text
from workbench.service.roles import TRANSLATOR
from workbench.store import Store


def _open(review) -> int:
    return sum(f.status == "open" for r in review.rows for f in r.findings)


def test_fixing_a_number_closes_its_finding_as_fixed_by_the_version(service, admin, doc):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    before = service.get_review(lan, doc.id)
    row = before.rows[3]  # "tháng 6" is يونيو: the 6 is missing
    assert [(f.kind, f.term, f.status) for f in row.findings] == [("number", "6", "open")]
    saved = service.save_correction(lan, doc.id, 3, row.mt_text.replace("يونيو", "يونيو (6)"),
                                    base_version=0)
    assert (saved.version, saved.findings_fixed, saved.findings_opened) == (1, 1, 0)
    after = service.get_review(lan, doc.id)
    finding = after.rows[3].findings[0]
    assert (finding.status, finding.fixed_version) == ("fixed", 1)
    assert after.document.open_findings == before.document.open_findings - 1 == _open(after)
    assert after.rows[3].score == pytest.approx(saved.score)
    assert after.rows[3].signature.endswith("|recheck")
    assert service.list_documents(lan)[0].open_findings == after.document.open_findings


def test_a_problem_that_comes_back_reopens_its_finding(service, admin, doc):
    row = service.get_review(admin, doc.id).rows[3]
    service.save_correction(admin, doc.id, 3, row.mt_text + " 6", base_version=0)
    again = service.save_correction(admin, doc.id, 3, row.mt_text, base_version=1)
    assert (again.findings_fixed, again.findings_opened) == (0, 1)
    findings = service.get_review(admin, doc.id).rows[3].findings
    assert [(f.status, f.fixed_version) for f in findings] == [("open", None)]


def test_a_dismissed_finding_stays_dismissed_after_a_save(service, admin, doc):
    row = service.get_review(admin, doc.id).rows[3]
    service.dismiss_finding(admin, row.findings[0].id, "the month is the number")
    saved = service.save_correction(admin, doc.id, 3, row.mt_text + ".", base_version=0)
    assert (saved.findings_fixed, saved.findings_opened) == (0, 0)
    assert [f.status for f in service.get_review(admin, doc.id).rows[3].findings] == ["dismissed"]


def test_restoring_the_machine_text_rechecks_too(service, admin, doc):
    row = service.get_review(admin, doc.id).rows[3]
    service.save_correction(admin, doc.id, 3, row.mt_text + " 6", base_version=0)
    back = service.restore_machine_text(admin, doc.id, 3, base_version=1)
    assert back.findings_opened == 1
    assert [f.status for f in service.get_review(admin, doc.id).rows[3].findings] == ["open"]


@pytest.fixture
def real_checks(db_url, clock):
    """Imported by the fast fake; re-checked by the pipeline's real checks."""
    store = Store(db_url)
    yield Service(store, analyser=fake_analyse, rescorer=fake_rescore, clock=clock,
                  bcrypt_rounds=4, checker=pipeline_check)
    store.dispose()


def test_the_real_checks_open_and_close_an_admin_level_finding(real_checks):
    svc = real_checks
    svc.create_user(None, "root", "root-pass", ["admin"])
    root = svc.authenticate("root", "root-pass").user
    vi, ar = news_document(0, 12)
    doc = svc.import_document(root, "Voters", vi, "v.vi.txt", ar, "v.ar.txt")
    mt = svc.get_review(root, doc.id).rows[2].mt_text
    assert "بمنطقة لام بينه" in mt  # huyện Lâm Bình, rendered right
    wrong = svc.save_correction(root, doc.id, 2, mt.replace("بمنطقة", "بالمقاطعة"), base_version=0)
    assert wrong.findings_opened == 1
    found = [f for f in svc.get_review(root, doc.id).rows[2].findings if f.status == "open"]
    assert [(f.kind, f.found) for f in found] == [("admin_level", "بالمقاطعة")]
    text = svc.get_review(root, doc.id).rows[2].current_text
    span = found[0].target_spans[0]
    assert text[span.start:span.end] == "بالمقاطعة"  # spans point into the corrected text
    fixed = svc.save_correction(root, doc.id, 2, mt, base_version=1)
    assert (fixed.findings_fixed, fixed.findings_opened) == (1, 0)
    finding = svc.get_review(root, doc.id).rows[2].findings[-1]
    assert (finding.kind, finding.status, finding.fixed_version) == ("admin_level", "fixed", 2)


@pytest.mark.parametrize("indexes, text, expected", [
    ((4,), "نص", {4: "نص"}),
    ((4, 5), "أ\n\nب", {4: "أ", 5: "ب"}),
    ((4, 5), "أ ب", {4: "أ ب", 5: ""}),
])
def test_a_link_text_goes_back_into_its_paragraphs(indexes, text, expected):
    assert split_text(indexes, text) == expected


def test_a_name_made_consistent_closes_the_finding_on_the_other_link(real_checks):
    svc = real_checks
    svc.create_user(None, "root", "root-pass", ["admin"])
    root = svc.authenticate("root", "root-pass").user
    vi = ("Chủ tịch tỉnh Lò Tiến Hưng đã phát biểu tại hội nghị của tỉnh vào sáng nay.\n\n"
          "Theo ông Lò Tiến Hưng, tỉnh sẽ tiếp tục đầu tư vào đường giao thông nông thôn.")
    ar = ("وقال رئيس المقاطعة لو تين هونغ في مؤتمر المقاطعة صباح اليوم.\n\n"
          "ووفقا للسيد لو تين هونغ، ستواصل المقاطعة الاستثمار في الطرق الريفية.")
    doc = svc.import_document(root, "Names", vi.encode(), "n.vi.txt", ar.encode(), "n.ar.txt")
    rows = svc.get_review(root, doc.id).rows
    one = svc.save_correction(root, doc.id, 1, rows[1].mt_text.replace("تين", "تيان"),
                              base_version=0)
    assert one.findings_opened == 1
    assert [f.kind for f in svc.get_review(root, doc.id).rows[1].findings] == ["inconsistent"]
    zero = svc.save_correction(root, doc.id, 0, rows[0].mt_text.replace("تين", "تيان"),
                               base_version=0)
    assert zero.findings_fixed == 1  # link 1's finding: the document now agrees
    after = svc.get_review(root, doc.id)
    assert [f.status for f in after.rows[1].findings] == ["fixed"]
    assert after.document.open_findings == 0


def test_a_one_click_fix_keeps_the_clitics_and_closes_the_finding(real_checks):
    svc = real_checks
    svc.create_user(None, "root", "root-pass", ["admin"])
    root = svc.authenticate("root", "root-pass").user
    vi, ar = news_document(0, 12)
    doc = svc.import_document(root, "Voters", vi, "v.vi.txt", ar, "v.ar.txt")
    mt = svc.get_review(root, doc.id).rows[2].mt_text
    svc.save_correction(root, doc.id, 2, "نص أول.\n\n" + mt.replace("بمنطقة", "بالمقاطعة"),
                        base_version=0)
    review = svc.get_review(root, doc.id)
    row = review.rows[2]
    finding = next(f for f in row.findings if f.status == "open" and f.fix)
    assert (finding.flagged, finding.fix) == ("بالمقاطعة", "بالمنطقة")
    start, end = finding.fix_span
    assert row.current_text[start:end] == "بالمقاطعة"
    fixed = row.current_text[:start] + finding.fix + row.current_text[end:]
    saved = svc.save_correction(root, doc.id, 2, fixed, base_version=1)
    assert saved.findings_fixed == 1
    after = svc.get_review(root, doc.id).document.open_findings
    assert after == review.document.open_findings - 1


def test_a_recheck_weighs_the_clause_coverage_gap(service, admin, doc):
    import math

    from workbench.align.coverage import Coverage
    from workbench.align.finding_weights import FINDING_MODEL

    row = service.get_review(admin, doc.id).rows[3]
    first, second = row.mt_text + ".", row.mt_text + " ."
    plain = service.save_correction(admin, doc.id, 3, first, base_version=0).score
    service.save_correction(admin, doc.id, 3, second, base_version=1)
    service.rechecker.coverage = lambda source, target, links: {
        (tuple(link.source), tuple(link.target)): Coverage(0.2, "một mệnh đề") for link in links}
    gapped = service.save_correction(admin, doc.id, 3, first, base_version=2).score
    assert gapped == pytest.approx(plain * math.exp(-FINDING_MODEL.coverage * 0.2))
    assert FINDING_MODEL.coverage == 0 or gapped < plain


def test_opening_a_review_prepares_its_first_recheck_in_the_background(real_checks):
    import threading

    from workbench.checks import memo

    svc = real_checks
    svc.create_user(None, "root", "root-pass", ["admin"])
    root = svc.authenticate("root", "root-pass").user
    vi, ar = news_document(0, 12)
    doc = svc.import_document(root, "Voters", vi, "v.vi.txt", ar, "v.ar.txt")
    memo._TERMS.clear()
    review = svc.get_review(root, doc.id)
    for thread in threading.enumerate():
        if thread.name == f"recheck-prepare-{doc.id}":
            thread.join(timeout=60)
    from workbench.pipeline import shipped_glossary

    remembered = memo._TERMS[svc.terms.analysis_glossary() or shipped_glossary()]
    sources = [r.source_text for r in review.rows if r.source_text and r.mt_text]
    assert sources and all(text in remembered for text in sources)
    svc.get_review(root, doc.id)  # once per document: no second run
    assert not [t for t in threading.enumerate() if t.name == f"recheck-prepare-{doc.id}"]


def _unsure_analyse(source, target, glossary=None, **options):
    """The fake analyser, each of its findings given a confidence of 0.6."""
    from dataclasses import replace

    analysis = fake_analyse(source, target, glossary=glossary, **options)
    return replace(analysis, findings=[replace(f, confidence=0.6) for f in analysis.findings])


def test_a_findings_confidence_is_kept_in_the_review_the_report_and_the_rescore(
        db_url, clock):
    from workbench.export.report import finding_rows as report_rows
    from workbench.service.recheck import _as_finding
    from workbench.store import findings as stored_findings, links as stored_links

    store = Store(db_url)
    svc = Service(store, analyser=_unsure_analyse, rescorer=fake_rescore, clock=clock,
                  bcrypt_rounds=4)
    try:
        svc.create_user(None, "root", "root-pass", ["admin"])
        root = svc.authenticate("root", "root-pass").user
        vi, ar = news_document(0, 12)
        doc = svc.import_document(root, "Voters", vi, "v.vi.txt", ar, "v.ar.txt")
        shown = [f for r in svc.get_review(root, doc.id).rows for f in r.findings]
        assert shown and {f.confidence for f in shown} == {0.6}
        report = list(report_rows(svc.reviewed_document(root, doc.id)))
        assert {r["confidence"] for r in report} == {0.6}
        with store.read() as s:  # what a re-check weighs the link's other findings by
            row = stored_findings.of_document(s, doc.id)[0]
            link = stored_links.get(s, row.link_id)
            assert _as_finding(row, link).confidence == 0.6
    finally:
        store.dispose()
