"""The review loop in the app (AppTest): the focused editor, a one-click fix, saved,
closes its finding and the open count drops; page furniture is folded away and not
counted; save and next; unsaved text kept as a draft; removed characters said."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from test_app import (  # noqa: F401
    app, demo_user, focus, htmls, listed, login, open_review, svc, template_db,
)


def _metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


def _flag_count(at: AppTest, ordinal: int) -> int:
    """The ⚑ count of link ``ordinal`` in the compact list (0: no open finding)."""
    label = next(o for o in at.radio(key="link_pick").options if f"**{ordinal}**" in o)
    found = re.search(r"⚑(\d+)", label)
    return int(found.group(1)) if found else 0


def test_a_one_click_fix_saved_closes_the_finding(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = next(r for r in review.rows if any(f.fix for f in r.findings))
    finding = next(f for f in row.findings if f.fix)
    focus(app, row)
    before, flags = _metric(app, "Open findings"), _flag_count(app, row.ordinal)
    assert flags == sum(1 for f in row.findings if f.status == "open")
    fix = app.button(key=f"fix_{finding.id}")
    assert fix.label == f"Fix: \u2068{finding.flagged}\u2069 → \u2068{finding.fix}\u2069"
    fix.click().run()
    box = app.text_area(key=f"text_{row.link_id}").value
    assert finding.fix in box and box != row.current_text
    assert any("Fix put in the box" in s.value for s in app.success)
    app.button(key=f"save_{row.link_id}").click().run()
    assert not app.exception
    saved = [s.value for s in app.success if "Saved as version 1" in s.value]
    assert saved and "finding(s) fixed" in saved[0]
    assert _metric(app, "Open findings") < before
    assert _flag_count(app, row.ordinal) < flags  # the list follows the save
    after = svc().get_review(demo_user(), doc_id).rows[row.ordinal]
    closed = next(f for f in after.findings if f.id == finding.id)
    assert (closed.status, closed.fixed_version) == ("fixed", 1)
    with_fix = [b.key for b in app.button if b.key == f"fix_{finding.id}"]
    assert not with_fix  # a closed finding offers no fix


def test_the_editor_shows_one_link_and_its_arabic_once(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = next(r for r in review.rows if not r.furniture and r.target
               and any(f.status == "open" and f.target_spans for f in r.findings))
    focus(app, row)
    assert [t.key for t in app.get("text_area")] == [f"text_{row.link_id}"]
    assert app.text_area(key=f"text_{row.link_id}").value == row.current_text
    # the whole Arabic is in the box only; findings quote the words around them
    assert not any(row.current_text in re.sub(r"<[^>]+>", "", h) for h in htmls(app))
    assert any('class="wb-snippet"' in h and "<mark" in h for h in htmls(app))
    saves = [b.key for b in app.button if b.key and b.key.startswith("save_")]
    assert saves == [f"save_{row.link_id}"]


def test_page_furniture_is_folded_and_not_counted(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    furniture = [r for r in review.rows if r.furniture]
    assert furniture and review.document.links == len(review.rows) - len(furniture)
    assert _metric(app, "Links") == review.document.links
    labels = [e.label for e in app.expander]
    assert f"Page furniture ({len(furniture)})" in labels
    assert not {r.ordinal for r in furniture} & set(listed(app))  # not in the queue
    progress = app.get("progress")[0].proto
    assert f"{len(furniture)} page furniture link(s) not counted" in progress.text
    assert not [b for b in app.button if (b.key or "").startswith("unfurniture_")]  # folded
    app.session_state["furniture_group"] = True  # the reviewer opens the group
    app.run()
    assert len([b for b in app.button if (b.key or "").startswith("unfurniture_")]) == \
        len(furniture)
    app.button(key=f"unfurniture_{furniture[0].link_id}").click().run()
    assert not app.exception
    assert _metric(app, "Links") == review.document.links + 1
    assert furniture[0].ordinal in listed(app)
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
    focus(app, first)
    app.text_area(key=f"text_{first.link_id}").input(first.mt_text + " ؟")
    app.button(key=f"savenext_{first.link_id}").click().run()
    assert not app.exception
    assert svc().get_review(demo_user(), doc_id).rows[first.ordinal].version == 1
    assert app.session_state["focus"] == second.link_id
    assert [t.key for t in app.get("text_area")] == [f"text_{second.link_id}"]
    assert any(i.value.startswith(f"Link {first.ordinal}: Saved as version 1") for i in app.info)
    app.text_area(key=f"text_{second.link_id}").input("نص")
    app.button(key=f"copymt_{second.link_id}").click().run()
    assert app.text_area(key=f"text_{second.link_id}").value == second.mt_text


def test_unsaved_text_is_kept_when_moving_on(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    work = [r for r in review.rows if not r.furniture and r.target]
    first, second = work[0], work[1]
    focus(app, first)
    app.text_area(key=f"text_{first.link_id}").input(first.current_text + " مسودة")
    focus(app, second)
    assert "✎ unsaved" in next(o for o in app.radio(key="link_pick").options
                               if f"**{first.ordinal}**" in o)
    focus(app, first)
    assert app.text_area(key=f"text_{first.link_id}").value == first.current_text + " مسودة"
    assert any("unsaved text" in i.value for i in app.info)
    assert svc().get_review(demo_user(), doc_id).rows[first.ordinal].version == 0


def test_a_save_says_how_many_characters_it_removed(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = next(r for r in review.rows if not r.furniture and r.target)
    focus(app, row)
    typed = "\u202e" + row.current_text + "\x07 تم"
    app.text_area(key=f"text_{row.link_id}").input(typed)
    app.button(key=f"save_{row.link_id}").click().run()
    assert not app.exception
    saved = next(s.value for s in app.success if "Saved as version 1" in s.value)
    assert "2 characters removed" in saved
    kept = row.current_text + " تم"
    assert app.text_area(key=f"text_{row.link_id}").value == kept  # the box shows what was kept
    assert svc().get_review(demo_user(), doc_id).rows[row.ordinal].current_text == kept
