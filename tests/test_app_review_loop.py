"""The review loop in the app (AppTest): a one-click fix, saved, closes its finding and
the open count drops; page furniture is folded away and not counted."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from test_app import app, demo_user, login, open_review, svc, template_db  # noqa: F401


def _metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


def test_a_one_click_fix_saved_closes_the_finding(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = next(r for r in review.rows if any(f.fix for f in r.findings))
    finding = next(f for f in row.findings if f.fix)
    before = _metric(app, "Open findings")
    app.button(key=f"fix_{finding.id}").click().run()
    box = app.text_area(key=f"text_{row.link_id}").value
    assert finding.fix in box and box != row.current_text
    app.button(key=f"save_{row.link_id}").click().run()
    assert not app.exception
    saved = [s.value for s in app.success if "Saved as version 1" in s.value]
    assert saved and "finding(s) fixed" in saved[0]
    assert _metric(app, "Open findings") < before
    after = svc().get_review(demo_user(), doc_id).rows[row.ordinal]
    closed = next(f for f in after.findings if f.id == finding.id)
    assert (closed.status, closed.fixed_version) == ("fixed", 1)


def test_page_furniture_is_folded_and_not_counted(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    furniture = [r for r in review.rows if r.furniture]
    assert furniture and review.document.links == len(review.rows) - len(furniture)
    assert _metric(app, "Links") == review.document.links
    labels = [e.label for e in app.expander]
    assert f"Page furniture ({len(furniture)})" in labels
    shown = {k for k in (b.key for b in app.button) if k and k.startswith("save_")}
    assert not {f"save_{r.link_id}" for r in furniture} & shown  # not in the queue
    app.button(key=f"unfurniture_{furniture[0].link_id}").click().run()
    assert not app.exception
    assert _metric(app, "Links") == review.document.links + 1
    assert f"Page furniture ({len(furniture) - 1})" in [e.label for e in app.expander]


def test_approving_a_document_with_a_critical_finding_asks_why(app: AppTest) -> None:
    from workbench.store import FindingRow

    login(app)
    doc_id, review = open_review(app)
    with svc().store.session() as s:
        s.query(FindingRow).filter(FindingRow.doc_id == doc_id).first().severity = "critical"
    app.button(key="approve_doc").click().run()
    assert any("critical" in e.value for e in app.error)
    assert svc().list_documents(demo_user())[0].approved == 0
    app.text_input(key="approve_doc_reason").input("checked with the desk").run()
    app.button(key="approve_doc").click().run()
    assert not app.exception
    assert any("Document approved" in s.value for s in app.success)
    report = svc().export_document(demo_user(), doc_id, "csv").decode("utf-8-sig")
    assert "checked with the desk" in report


def test_export_labels_say_qa_report(app: AppTest) -> None:
    login(app)
    open_review(app)
    app.toggle(key="export_on").set_value(True).run()
    labels = [b.proto.label for b in app.get("download_button")]
    assert "QA report (CSV)" in labels and "QA report (XLSX)" in labels


def test_save_and_next_saves_and_moves_to_the_next_open_finding(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    flagged = [r for r in review.rows if not r.furniture
               and any(f.status == "open" for f in r.findings)]
    first, second = flagged[0], flagged[1]
    app.text_area(key=f"text_{first.link_id}").input(first.mt_text + " ؟")
    app.button(key=f"savenext_{first.link_id}").click().run()
    assert not app.exception
    assert svc().get_review(demo_user(), doc_id).rows[first.ordinal].version == 1
    assert app.session_state["focus"] == second.link_id
    app.button(key=f"copymt_{first.link_id}").click().run()
    assert app.text_area(key=f"text_{first.link_id}").value == first.mt_text
