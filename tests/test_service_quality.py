"""The quality gate: approving a document or exporting it as final with critical
findings open asks for a reason, kept and shown in the QA report."""

from __future__ import annotations

import csv
import io

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, admin, clock, db_url, doc, fake_analyse, make_user, news_document, pg_database,
    service, sqlite_template,
)

from workbench.errors import PermissionDenied
from workbench.service import ReasonRequired
from workbench.service.roles import EDITOR, TRANSLATOR
from workbench.store import FindingRow


def _make_critical(service, doc_id: int) -> None:
    """The fake analyser finds only major problems: make one critical."""
    with service.store.session() as s:
        row = s.query(FindingRow).filter(FindingRow.doc_id == doc_id).first()
        row.severity = "critical"


@pytest.fixture
def editor(service, admin):
    return make_user(service, admin, "minh", EDITOR)


def test_approving_without_critical_findings_needs_no_reason(service, editor, doc):
    summary = service.approve_document(editor, doc.id)
    assert summary.approved == summary.links == doc.links


def test_approving_with_a_critical_finding_open_asks_why(service, editor, doc):
    _make_critical(service, doc.id)
    assert service.open_critical(editor, doc.id) == 1
    with pytest.raises(ReasonRequired) as refused:
        service.approve_document(editor, doc.id, reason="  ")
    assert refused.value.open_critical == 1 and "critical" in str(refused.value)
    assert service.list_documents(editor)[0].approved == 0
    summary = service.approve_document(editor, doc.id, reason="the source says so too")
    assert summary.approved == doc.links
    report = list(csv.DictReader(io.StringIO(
        service.export_document(editor, doc.id, "csv").decode("utf-8-sig"))))
    assert "approved by minh" in report[0]["quality_override"]
    assert "the source says so too" in report[0]["quality_override"]
    assert "1 critical" in report[0]["quality_override"]


def test_a_final_export_with_a_critical_finding_open_asks_why(service, editor, doc):
    _make_critical(service, doc.id)
    assert service.export_document(editor, doc.id, "txt")  # a draft: no gate
    with pytest.raises(ReasonRequired):
        service.export_document(editor, doc.id, "txt", final=True)
    assert service.export_document(editor, doc.id, "txt", final=True, reason="deadline")
    report = service.export_document(editor, doc.id, "csv").decode("utf-8-sig")
    assert "exported as final by minh" in report and "deadline" in report


def test_a_translator_cannot_approve_a_document(service, admin, doc):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    with pytest.raises(PermissionDenied):
        service.approve_document(lan, doc.id)
