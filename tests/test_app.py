"""The Streamlit app driven with AppTest: every page, widgets found by key.

A fast fake analyser (tests/app_fakes.py) stands in for the embedding pipeline; the
service, the database (SQLite in ``tmp_path``) and the permission rules are real.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import app_fakes
from workbench.service import bootstrap
from workbench.errors import WorkbenchError
from workbench.service import open_service
from workbench.config import DB_FILE
from workbench_ui import resources

TIMEOUT = 60


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A migrated database with the demo account and document, built once and copied
    into each test's directory (migrating costs most of a second)."""
    directory = tmp_path_factory.mktemp("template")
    service = open_service(f"sqlite:///{directory / DB_FILE}", analyser=app_fakes.analyse,
                           bcrypt_rounds=4, rescorer=app_fakes.score_links)
    admin = service.create_user(None, "admin", "pw-admin", ["admin"])
    service.create_user(admin, bootstrap.DEMO_USER, bootstrap.DEMO_PASSWORD,
                        bootstrap.DEMO_ROLES)
    assert bootstrap.ensure_demo(service) is not None  # the demo document
    service.store.dispose()
    return directory / DB_FILE


@pytest.fixture
def app(tmp_path, monkeypatch, template_db) -> AppTest:
    shutil.copy(template_db, tmp_path / DB_FILE)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.setenv("WORKBENCH_JOBS", "immediate")  # jobs have tests of their own
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "RESCORER", app_fakes.score_links)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def svc():
    return resources.service()


def login(at: AppTest, name: str = "demo", password: str = "demo") -> None:
    at.session_state["token"] = svc().authenticate(name, password).token
    at.run()
    assert not at.exception


def demo_user():
    return svc().authenticate("demo", "demo").user


def make_user(name: str, roles: str) -> None:
    admin = svc().authenticate("admin", "pw-admin").user
    svc().create_user(admin, name, "pw-" + name, roles)


def open_review(at: AppTest) -> tuple[int, object]:
    doc = svc().list_documents(demo_user())[0]
    at.radio(key="nav").set_value("Review").run()
    assert not at.exception
    return doc.id, svc().get_review(demo_user(), doc.id)


def focus(at: AppTest, row) -> None:
    """Open ``row``'s link in the editor from the compact list, as a click does."""
    at.radio(key="link_pick").set_value(row.link_id).run()
    assert not at.exception
    assert at.session_state["focus"] == row.link_id


def first_row_with_finding(review):
    return next(r for r in review.rows if any(f.status == "open" for f in r.findings))


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def htmls(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html")]


# --------------------------------------------------------------------------- login


def test_login_page_shows_the_demo_account(app: AppTest) -> None:
    assert any("demo" in i.value for i in app.info)
    assert app.text_input(key="login_name") is not None


def test_login_ok_shows_the_documents(app: AppTest) -> None:
    app.text_input(key="login_name").input("demo")
    app.text_input(key="login_password").input("demo")
    app.button[0].click().run()
    assert not app.exception
    assert app.radio(key="nav").value == "Documents"
    assert any("Demo" in m.value for m in app.markdown)


@pytest.mark.parametrize("name,password", [("demo", "wrong"), ("nobody", "demo"), ("", "")])
def test_login_refused(app: AppTest, name: str, password: str) -> None:
    app.text_input(key="login_name").input(name)
    app.text_input(key="login_password").input(password)
    app.button[0].click().run()
    assert not app.exception
    assert "wrong user name or password" in " ".join(errors(app))
    assert "token" not in app.session_state
    with pytest.raises(KeyError):
        app.radio(key="nav")


# --------------------------------------------------------------------------- documents


def test_create_a_review_from_pasted_text(app: AppTest) -> None:
    login(app)
    app.text_input(key="new_title").input("Xã Yên Nguyên")
    app.text_area(key="new_vi_text").input(
        "Xã Yên Nguyên, huyện Chiêm Hóa đạt chuẩn nông thôn mới.\n\n"
        "Tỉnh ủy Tuyên Quang khen thưởng 12 chi bộ.")
    app.text_area(key="new_ar_text").input(
        "حققت بلدية ين نجوين في منطقة تشييم هوا معايير الريف الجديد.\n\n"
        "كرمت لجنة الحزب في المقاطعة 12 خلية حزبية.")
    app.button(key="create_review").click().run()
    assert not app.exception, app.exception
    assert any("Created" in s.value and "2 paragraph links" in s.value for s in app.success)
    titles = [d.title for d in svc().list_documents(demo_user())]
    assert "Xã Yên Nguyên" in titles


def _paste_and_create(app: AppTest, title: str) -> None:
    app.text_input(key="new_title").input(title)
    app.text_area(key="new_vi_text").input("Tỉnh ủy Tuyên Quang khen thưởng 12 chi bộ.")
    app.text_area(key="new_ar_text").input("كرمت لجنة الحزب في المقاطعة 12 خلية حزبية.")
    app.button(key="create_review").click().run()
    assert not app.exception, app.exception


def test_a_duplicate_upload_asks_before_a_second_review(app: AppTest) -> None:
    login(app)
    _paste_and_create(app, "Khen thưởng")
    _paste_and_create(app, "Khen thưởng again")
    [warning] = [w.value for w in app.warning if "already imported" in w.value]
    assert "“Khen thưởng”" in warning and "second review" in warning
    assert [d.title for d in svc().list_documents(demo_user())].count("Khen thưởng again") == 0
    app.button(key="create_again").click().run()
    assert not app.exception
    assert any("Created “Khen thưởng again”" in s.value for s in app.success)
    titles = [d.title for d in svc().list_documents(demo_user())]
    assert "Khen thưởng" in titles and "Khen thưởng again" in titles
    _paste_and_create(app, "third")
    first = next(d for d in svc().list_documents(demo_user()) if d.title == "Khen thưởng again")
    app.button(key="open_duplicate").click().run()  # the newest of the same files
    assert app.radio(key="nav").value == "Review" and app.session_state["doc_id"] == first.id


def test_the_create_form_is_emptied_after_creating(app: AppTest) -> None:
    login(app)
    app.file_uploader(key="new_vi_file").set_value((
        "bai.vi.txt", "Tỉnh ủy Tuyên Quang khen thưởng 12 chi bộ trong năm nay.".encode(),
        "text/plain"))
    app.file_uploader(key="new_ar_file").set_value((
        "bai.ar.txt", "كرمت لجنة الحزب في مقاطعة توين كوانغ 12 خلية حزبية هذا العام."
        .encode(), "text/plain"))
    app.text_input(key="new_title").input("Bài khen thưởng")
    app.button(key="create_review").click().run()
    assert not app.exception
    assert any("Created “Bài khen thưởng”" in s.value for s in app.success)
    uploaders = app.get("file_uploader")
    assert len(uploaders) >= 2 and "new_vi_file" not in {u.proto.id.rsplit("-", 1)[-1]
                                                         for u in uploaders}
    assert all(not u.value for u in uploaders if "new_" in u.proto.id)
    assert app.text_input(key="new_title").value == ""
    app.button(key="create_review").click().run()  # nothing left to create from
    assert any("Give both the Vietnamese source" in e for e in errors(app))


def test_create_a_review_without_a_translation_says_what_is_missing(app: AppTest) -> None:
    login(app)
    app.text_area(key="new_vi_text").input("Tỉnh ủy Tuyên Quang")
    app.button(key="create_review").click().run()
    assert not app.exception
    assert any("Arabic translation" in e for e in errors(app))
    assert len(svc().list_documents(demo_user())) == 1


def test_open_a_document_goes_to_its_review(app: AppTest) -> None:
    login(app)
    doc = svc().list_documents(demo_user())[0]
    app.button(key=f"open_{doc.id}").click().run()
    assert not app.exception
    assert app.radio(key="nav").value == "Review"
    assert app.selectbox(key="doc_pick").value == doc.id


# --------------------------------------------------------------------------- review


def test_findings_are_highlighted_at_their_spans(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = first_row_with_finding(review)
    focus(app, row)
    finding = next(f for f in row.findings if f.status == "open")
    span = finding.target_spans[0]
    expected = review.target_paragraphs[span.paragraph][span.start:span.end]
    marked = [re.sub(r"<[^>]+>", "", m) for h in htmls(app)
              for m in re.findall(r"<mark[^>]*>(.*?)</mark>", h)]
    assert expected in marked
    assert any('dir="rtl"' in h for h in htmls(app))


def test_saving_a_correction(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = first_row_with_finding(review)
    focus(app, row)
    new_text = row.current_text.replace(first_row_with_finding(review).findings[0].found,
                                        "بلدية") + " (مصحح)"
    app.text_area(key=f"text_{row.link_id}").input(new_text)
    app.button(key=f"save_{row.link_id}").click().run()
    assert not app.exception
    assert any("Saved as version 1" in s.value for s in app.success)
    after = svc().get_review(demo_user(), doc_id).rows[row.ordinal]
    assert after.current_text == new_text and after.version == 1
    # a second save builds on the new version (no false conflict)
    app.text_area(key=f"text_{row.link_id}").input(new_text + "!")
    app.button(key=f"save_{row.link_id}").click().run()
    assert any("Saved as version 2" in s.value for s in app.success)


def test_concurrent_save_is_refused_and_the_text_is_kept(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[1]
    focus(app, row)
    make_user("lan", "translator")
    other = svc().authenticate("lan", "pw-lan").user
    svc().save_correction(other, doc_id, row.ordinal, "نص لان", base_version=0)
    mine = row.current_text + " تصحيحي"
    app.text_area(key=f"text_{row.link_id}").input(mine)
    app.button(key=f"save_{row.link_id}").click().run()
    assert not app.exception
    assert any("Not saved" in e for e in errors(app))
    assert app.text_area(key=f"text_{row.link_id}").value == mine  # nothing typed is lost
    assert any("lan saved version 1" in w.value for w in app.warning)
    assert any("نص لان" in h for h in htmls(app))
    assert svc().get_review(demo_user(), doc_id).rows[1].current_text == "نص لان"
    kinds = [r.kind for r in svc().history(demo_user(), doc_id, row.ordinal)]
    assert kinds == ["edit", "conflict"]
    # saving again after seeing their text replaces it on purpose
    app.button(key=f"save_{row.link_id}").click().run()
    assert svc().get_review(demo_user(), doc_id).rows[1].current_text == mine


def test_a_dismissed_finding_disappears(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = first_row_with_finding(review)
    focus(app, row)
    finding = next(f for f in row.findings if f.status == "open")
    before = sum(h.count("<mark") for h in htmls(app))
    app.toggle(key=f"more_{row.link_id}").set_value(True).run()
    app.text_input(key=f"dismiss_reason_{finding.id}").input("tên riêng, không phải lỗi")
    app.button(key=f"dismiss_{finding.id}").click().run()
    assert not app.exception
    assert any("dismissed" in s.value for s in app.success)
    stored = next(f for f in svc().get_review(demo_user(), doc_id).rows[row.ordinal].findings
                  if f.id == finding.id)
    assert stored.status == "dismissed" and stored.dismiss_reason == "tên riêng, không phải lỗi"
    assert sum(h.count("<mark") for h in htmls(app)) < before
    with pytest.raises(KeyError):
        app.button(key=f"dismiss_{finding.id}")


def test_dismissing_without_a_reason_is_refused(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = first_row_with_finding(review)
    focus(app, row)
    finding = next(f for f in row.findings if f.status == "open")
    app.toggle(key=f"more_{row.link_id}").set_value(True).run()
    app.button(key=f"dismiss_{finding.id}").click().run()
    assert any("say why" in e for e in errors(app))


def test_editor_approves_and_translator_is_refused(app: AppTest) -> None:
    make_user("minh", "translator")
    login(app, "minh", "pw-minh")
    doc_id, review = open_review(app)
    row = review.rows[2]
    focus(app, row)
    app.button(key=f"approve_{row.link_id}").click().run()
    assert not app.exception
    assert any("may not approve" in e for e in errors(app))
    assert svc().get_review(demo_user(), doc_id).rows[2].status == "new"
    app.button(key=f"reviewed_{row.link_id}").click().run()
    assert svc().get_review(demo_user(), doc_id).rows[2].status == "reviewed"


def test_demo_editor_approves(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[0]
    focus(app, row)
    app.button(key=f"approve_{row.link_id}").click().run()
    assert not app.exception
    assert svc().get_review(demo_user(), doc_id).rows[0].status == "approved"
    assert app.button(key=f"approve_{row.link_id}").disabled


def listed(at: AppTest) -> list[int]:
    """The link numbers the compact list offers, top to bottom (its "go to" box lists
    every one; the list itself shows a page of them)."""
    numbers = [int(re.search(r"^Link (\d+)", o).group(1))
               for o in at.selectbox(key="link_goto").options]
    page = [int(re.search(r"\*\*(\d+)\*\*", o).group(1))
            for o in at.radio(key="link_pick").options]
    assert page == numbers[:len(page)] or set(page) <= set(numbers)
    return numbers


def test_filter_by_severity_and_sort_worst_first(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    work = [r for r in review.rows if not r.furniture]
    assert listed(app) == [r.ordinal for r in work]
    app.multiselect(key="f_sev").set_value(["major"]).run()
    flagged = [r for r in work
               if any(f.severity == "major" and f.status == "open" for f in r.findings)]
    assert flagged and listed(app) == [r.ordinal for r in flagged]
    # the editor shows the first of them, its source highlighted
    shown = {int(m) for h in htmls(app) for m in re.findall(r'data-paragraph="(\d+)"', h)}
    assert app.session_state["focus"] == flagged[0].link_id
    assert set(flagged[0].source) <= shown
    assert [t.key for t in app.get("text_area")] == [f"text_{flagged[0].link_id}"]
    app.multiselect(key="f_sev").set_value([]).run()
    app.radio(key="sort").set_value("worst score first").run()
    assert not app.exception
    two_sided = sorted((r for r in work if r.source and r.target),
                       key=lambda r: (r.score, r.ordinal))
    assert listed(app)[:len(two_sided)] == [r.ordinal for r in two_sided]
    assert app.session_state["focus"] == flagged[0].link_id  # the order keeps the editor


def test_next_open_finding_and_neighbours_open_in_the_editor(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    work = [r for r in review.rows if not r.furniture]
    flagged = [r for r in work if any(f.status == "open" for f in r.findings)]
    assert app.session_state["focus"] == work[0].link_id  # the first link to start with
    app.button(key="next_open").click().run()
    first = flagged[0] if flagged[0] != work[0] else flagged[1]
    assert app.session_state["focus"] == first.link_id
    assert any(m.value.startswith(f"**Link {first.ordinal}**") for m in app.markdown)
    app.button(key="next_open").click().run()
    after = flagged[(flagged.index(first) + 1) % len(flagged)]
    assert app.session_state["focus"] == after.link_id
    assert app.radio(key="link_pick").value == after.link_id  # the list follows
    app.button(key="next_link").click().run()
    assert app.session_state["focus"] == work[work.index(after) + 1].link_id
    app.button(key="prev_link").click().run()
    assert app.session_state["focus"] == after.link_id
    app.selectbox(key="link_goto").set_value(work[-1].link_id).run()  # go to any link
    assert app.session_state["focus"] == work[-1].link_id
    assert app.radio(key="link_pick").value == work[-1].link_id


def test_history_shows_revisions_and_restores_one(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[1]
    focus(app, row)
    for text in ("النسخة الأولى", "النسخة الثانية"):
        app.text_area(key=f"text_{row.link_id}").input(text)
        app.button(key=f"save_{row.link_id}").click().run()
    app.toggle(key=f"more_{row.link_id}").set_value(True).run()
    history = svc().history(demo_user(), doc_id, row.ordinal)
    assert [r.version for r in history] == [1, 2]
    # v2 is shown as what it changed in v1: one word out, one in, marked
    v2 = next(m.value for m in app.markdown if m.value.startswith("v2 · edit"))
    assert "changed: 1 word out, 1 word in" in v2
    diffs = [h for h in htmls(app) if 'class="wb-diff"' in h]
    assert any(re.search(r"<del[^>]*>الأولى</del>", h) and re.search(r"<ins[^>]*>الثانية</ins>", h)
               for h in diffs)
    assert any("النسخة الأولى" in re.sub(r"<[^>]+>", "", h) for h in diffs)  # v1's own diff
    app.button(key=f"restore_{history[0].id}").click().run()
    assert not app.exception
    assert svc().get_review(demo_user(), doc_id).rows[1].current_text == "النسخة الأولى"
    assert app.text_area(key=f"text_{row.link_id}").value == "النسخة الأولى"


def test_merge_with_next_realigns(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[3]
    focus(app, row)
    app.toggle(key=f"more_{row.link_id}").set_value(True).run()
    app.button(key=f"merge_{row.link_id}").click().run()
    assert not app.exception, app.exception
    after = svc().get_review(demo_user(), doc_id)
    assert len(after.rows) == len(review.rows) - 1
    assert after.rows[3].source == review.rows[3].source + review.rows[4].source
    assert any("Alignment changed" in i.value for i in app.info)


def test_mqm_tag_is_stored(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[5]
    focus(app, row)
    app.toggle(key=f"more_{row.link_id}").set_value(True).run()
    app.selectbox(key=f"mqm_cat_{row.link_id}").set_value("terminology")
    app.selectbox(key=f"mqm_sev_{row.link_id}").set_value("major")
    app.button(key=f"mqm_add_{row.link_id}").click().run()
    tags = svc().get_review(demo_user(), doc_id).rows[5].mqm
    assert [(t.category, t.severity) for t in tags] == [("terminology", "major")]


def test_export_offers_every_format(app: AppTest) -> None:
    pytest.importorskip("workbench.export")
    from workbench.export import EXPORTERS

    login(app)
    open_review(app)
    app.toggle(key="export_on").set_value(True).run()
    assert not app.exception
    assert not errors(app)
    for fmt in EXPORTERS:
        assert app.get("download_button") and any(
            b.proto.id and f"export_{fmt}" in b.proto.id for b in app.get("download_button"))


def test_export_files_are_made_only_when_asked(app: AppTest, monkeypatch) -> None:
    """Opening Export offers every download but runs no exporter: each file is made
    by the service when its button is pressed (a deferred download)."""
    from workbench.service import Service, document_formats

    made: list[str] = []
    monkeypatch.setattr(Service, "export_document",
                        lambda self, user, doc_id, fmt: made.append(fmt) or b"")
    login(app)
    doc_id, _ = open_review(app)
    svc().approve_document(demo_user(), doc_id, reason="so the TMX is offered too")
    app.toggle(key="export_on").set_value(True).run()
    assert not app.exception
    buttons = {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in app.get("download_button")}
    assert made == []
    for fmt in document_formats():
        assert buttons[f"export_{fmt.name}"].deferred_file_id


def test_an_empty_tmx_is_said_not_downloaded(app: AppTest) -> None:
    login(app)
    doc_id, _ = open_review(app)
    app.toggle(key="export_on").set_value(True).run()

    def tmx():
        return next(b.proto for b in app.get("download_button")
                    if b.proto.id.endswith("export_tmx"))

    assert tmx().disabled and "Nothing is approved yet" in tmx().help
    assert any("the TMX would be empty" in c.value for c in app.caption)
    xliff = next(b.proto for b in app.get("download_button") if b.proto.id.endswith(
        "export_xliff"))
    assert not xliff.disabled
    svc().approve_document(demo_user(), doc_id, reason="approved for the test")
    app.run()
    assert not tmx().disabled and tmx().help == "TMX 1.4 of approved pairs"
    assert not any("would be empty" in c.value for c in app.caption)


# --------------------------------------------------------------------------- glossary


def _terms() -> dict:
    return {t.source: t for t in svc().list_terms(demo_user())}


def test_every_shipped_term_is_in_the_editable_table(app: AppTest) -> None:
    login(app)
    app.radio(key="nav").set_value("Glossary").run()
    assert not app.exception
    table = app.dataframe(key="glossary_editor")
    assert table.proto.editing_mode != 0  # a maintainer edits it
    shown = table.value
    terms = _terms()
    assert len(shown) == len(terms) > 150
    row = shown[shown["source"] == "tỉnh"].iloc[0]
    assert (row["target"], row["origin"], row["edited"]) == ("مقاطعة", "admin_levels.csv", False)
    # each Arabic column holds its longest text: a right-to-left text wider than its cell
    # was drawn over the cell to its left (one row's cells overlapped)
    import json

    widths = {name: c.get("width") for name, c in json.loads(table.proto.columns).items()}
    for name in ("target", "variants", "forbidden"):
        assert widths[name] >= 7 * shown[name].str.len().max()


# A row added in the editor fits the table's columns (no id, no "changed here" yet):
# pandas' dtype warning, raised as an error here, would be the app's exception.
@pytest.mark.filterwarnings("error::DeprecationWarning:streamlit")
def test_glossary_maintainer_edits_a_shipped_term_with_history(app: AppTest) -> None:
    login(app)
    app.radio(key="nav").set_value("Glossary").run()
    app.text_input(key="glossary_search").input("05-CT/TW").run()
    shown = app.dataframe(key="glossary_editor").value
    position = int(shown.index[shown["source"] == "05-CT/TW"][0])
    app.session_state["glossary_editor"] = {
        "edited_rows": {position: {"note": "Directive 05 of the Politburo, kept verbatim."}},
        "added_rows": [{"source": "Hội Người cao tuổi", "target": "جمعية المسنين",
                        "category": "organization"}],
        "deleted_rows": []}
    app.run()
    app.button(key="glossary_save").click().run()
    assert not app.exception
    assert any("2 change(s) saved" in s.value for s in app.success)
    # the open demo document is re-checked once for the two changes saved together
    assert [j.kind for j in svc().list_jobs(demo_user())].count("glossary_recheck") == 1
    terms = _terms()
    assert terms["05-CT/TW"].note == "Directive 05 of the Politburo, kept verbatim."
    assert (terms["05-CT/TW"].origin, terms["05-CT/TW"].edited) == ("terms.csv", True)
    assert (terms["Hội Người cao tuổi"].origin, terms["Hội Người cao tuổi"].category) == (
        "", "organization")
    app.selectbox(key="glossary_history_term").set_value(terms["05-CT/TW"].id).run()
    history = next(f.value for f in app.get("dataframe") if "who" in f.value.columns)
    assert history.iloc[0][["who", "what", "field", "after"]].tolist() == [
        "demo", "edited", "note", "Directive 05 of the Politburo, kept verbatim."]
    assert history.iloc[-1][["who", "what"]].tolist() == ["shipped file", "loaded from its file"]


def test_a_glossary_change_rechecks_the_open_document(app: AppTest) -> None:
    login(app)
    doc_id = svc().list_documents(demo_user())[0].id

    def open_on(term):
        return [f for r in svc().get_review(demo_user(), doc_id).rows for f in r.findings
                if f.term == term and f.status == "open"]

    finding = next(f for r in svc().get_review(demo_user(), doc_id).rows
                   for f in r.findings if f.status == "open" and f.found)
    term = _terms()[finding.term]
    app.radio(key="nav").set_value("Glossary").run()
    app.text_input(key="glossary_search").input(term.source).run()
    shown = app.dataframe(key="glossary_editor").value
    position = shown.index[shown["id"] == term.id][0]
    kept = "|".join(f for f in term.forbidden if f != finding.found)
    app.session_state["glossary_editor"] = {
        "edited_rows": {int(position): {"forbidden": kept}}, "added_rows": [],
        "deleted_rows": []}
    app.run()
    app.button(key="glossary_save").click().run()
    assert not app.exception
    assert not [f for f in open_on(term.source) if f.found == finding.found]
    app.radio(key="nav").set_value("Documents").run()
    assert any("re-checked with the changed glossary" in i.value for i in app.info)


def test_glossary_maintainer_imports_a_csv_and_downloads_are_made_when_asked(
        app: AppTest, monkeypatch) -> None:
    from workbench.service import Service

    made: list[tuple[str, str]] = []
    monkeypatch.setattr(Service, "glossary_file",
                        lambda self, user, fmt, scope="workbench": made.append((fmt, scope)))
    login(app)
    app.radio(key="nav").set_value("Glossary").run()
    app.file_uploader(key="glossary_upload").set_value((
        "desk.csv", "source,target,category\nHội Khuyến học,جمعية تشجيع التعلم,organization\n"
        .encode(), "text/csv"))
    app.button(key="glossary_import").click().run()
    assert not app.exception
    assert any("desk.csv: 1 term(s) added, 0 updated." in s.value for s in app.success)
    assert (_terms()["Hội Khuyến học"].target, _terms()["Hội Khuyến học"].origin) == (
        "جمعية تشجيع التعلم", "")
    keys = {b.proto.id.rsplit("-", 1)[-1] for b in app.get("download_button")}
    assert {"glossary_csv", "glossary_tbx", "glossary_all_csv", "glossary_all_tbx"} <= keys
    assert made == []  # no glossary file built on a rerun


def test_a_broken_glossary_upload_is_refused_by_name(app: AppTest) -> None:
    before = _terms()
    login(app)
    app.radio(key="nav").set_value("Glossary").run()
    app.file_uploader(key="glossary_upload").set_value((
        "hỏng.csv", "source,target\nthôn,قرية\n".encode("utf-16"), "text/csv"))
    app.button(key="glossary_import").click().run()
    assert not app.exception
    assert any("hỏng.csv" in e for e in errors(app))
    assert _terms() == before


def test_translator_cannot_edit_the_glossary_but_can_suggest(app: AppTest) -> None:
    make_user("hoa", "translator")
    login(app, "hoa", "pw-hoa")
    app.radio(key="nav").set_value("Glossary").run()
    assert not app.exception
    frames = app.get("dataframe")
    assert frames and all(f.proto.editing_mode == 0 for f in frames)  # read-only
    assert "tỉnh" in frames[0].value["source"].tolist()
    with pytest.raises(KeyError):
        app.button(key="glossary_save")
    with pytest.raises(WorkbenchError):
        svc().update_term(svc().authenticate("hoa", "pw-hoa").user,
                          svc().list_terms(demo_user())[0].id, target="x")
    app.text_input(key="suggest_source").input("thôn")
    app.text_input(key="suggest_target").input("قرية")
    app.button(key="suggest_send").click().run()
    assert [t.source for t in svc().list_terms(demo_user(), status="suggested")] == ["thôn"]


def test_maintainer_approves_a_suggestion(app: AppTest) -> None:
    make_user("hoa", "translator")
    svc().suggest_term(svc().authenticate("hoa", "pw-hoa").user, "thôn", "قرية")
    login(app)
    app.radio(key="nav").set_value("Glossary").run()
    term = svc().list_terms(demo_user(), status="suggested")[0]
    app.button(key=f"term_approve_{term.id}").click().run()
    assert not app.exception
    assert "thôn" in [t.source for t in svc().list_terms(demo_user(), status="approved")]


# --------------------------------------------------------------------------- dashboard, users


def test_dashboard_renders_overall_and_per_document(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[0]
    focus(app, row)
    app.text_area(key=f"text_{row.link_id}").input(row.current_text + " تصحيح")
    app.button(key=f"save_{row.link_id}").click().run()
    app.radio(key="nav").set_value("Dashboard").run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Links"] == str(len(review.rows))
    assert float(metrics["Post-edit TER"]) > 0  # one word added somewhere
    assert any("chrF++ (6 character and 2 word n-grams" in c.value for c in app.caption)
    app.selectbox(key="dash_doc").set_value(doc_id).run()
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Documents"] == "1"


def test_dashboard_says_how_the_post_edit_figures_were_made_in_words(app: AppTest) -> None:
    login(app)
    doc_id = svc().list_documents(demo_user())[0].id
    row = svc().get_review(demo_user(), doc_id).rows[0]
    svc().save_correction(demo_user(), doc_id, row.ordinal, row.current_text + " تصحيح", 0)
    app.radio(key="nav").set_value("Dashboard").run()
    assert not app.exception
    [line] = [c.value for c in app.caption if "Post-edit chrF++" in c.value]
    assert "chrF++ (6 character and 2 word n-grams, case kept) and TER (lower-cased" in line
    assert "sacrebleu 2." in line
    assert "nrefs:" not in line and "|" not in line  # no raw signature


def test_admin_creates_and_disables_a_user(app: AppTest) -> None:
    login(app, "admin", "pw-admin")
    app.radio(key="nav").set_value("Users").run()
    app.text_input(key="new_user_name").input("tuan")
    app.text_input(key="new_user_password").input("secret")
    app.multiselect(key="new_user_roles").set_value(["translator", "editor"])
    app.button(key="create_user").click().run()
    assert not app.exception
    assert any("'tuan' created" in s.value for s in app.success)
    assert svc().authenticate("tuan", "secret").user.roles == {"translator", "editor"}
    app.selectbox(key="disable_user_name").set_value("tuan")
    app.button(key="disable_user").click().run()
    with pytest.raises(WorkbenchError, match="disabled"):
        svc().authenticate("tuan", "secret")


@pytest.mark.parametrize("name,roles,offered", [
    ("minh", "translator", False), ("thu", "editor glossary_maintainer", False),
    ("an", "admin", True)])
def test_users_page_only_for_admins(app: AppTest, name: str, roles: str, offered: bool) -> None:
    make_user(name, roles)
    login(app, name, "pw-" + name)
    assert ("Users" in app.radio(key="nav").options) is offered


def test_an_expired_session_goes_back_to_login(app: AppTest) -> None:
    login(app)
    svc().logout(app.session_state["token"])
    app.run()
    assert not app.exception
    assert app.text_input(key="login_name") is not None
    assert any("log in again" in e for e in errors(app))


# --------------------------------------------------------------------------- optional services


@pytest.mark.parametrize("outcome", ["offline", "answer"])
def test_back_translation_offline_or_answering(app: AppTest, monkeypatch, outcome: str) -> None:
    backtranslate = pytest.importorskip("workbench.service.online_mt")
    from workbench.errors import ServiceUnavailable

    def fake(self, text, target="vi"):
        if outcome == "offline":
            raise ServiceUnavailable("Google Translate cannot be reached: check the network")
        return "Tỉnh ủy Tuyên Quang"

    monkeypatch.setattr(backtranslate.Translator, "back_translate", fake)  # never online
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[1]
    focus(app, row)
    app.toggle(key=f"more_{row.link_id}").set_value(True).run()
    app.button(key=f"bt_{row.link_id}").click().run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    if outcome == "offline":
        assert any("cannot be reached" in w.value for w in app.warning)
        assert "Round-trip chrF" not in metrics
    else:
        assert any(t.value == "Tỉnh ủy Tuyên Quang" for t in app.text)
        expected = backtranslate.round_trip_score(row.source_text, "Tỉnh ủy Tuyên Quang")
        assert metrics["Round-trip chrF"] == f"{expected:.1f}"
        assert metrics["Fidelity score"] == f"{row.score:.2f}"
    # the page keeps working: a save still goes through
    app.text_area(key=f"text_{row.link_id}").input("نص جديد")
    app.button(key=f"save_{row.link_id}").click().run()
    assert svc().get_review(demo_user(), doc_id).rows[1].current_text == "نص جديد"
    shown = [c.value for c in app.caption if c.value.startswith("round trip chrF")]
    score = backtranslate.round_trip_score(row.source_text, "Tỉnh ủy Tuyên Quang")
    assert shown == ([] if outcome == "offline" else [f"round trip chrF {score:.0f}"])


@pytest.mark.parametrize("outcome", ["offline", "answer"])
def test_fresh_machine_translation_fills_the_box_or_warns(app: AppTest, monkeypatch,
                                                         outcome: str) -> None:
    backtranslate = pytest.importorskip("workbench.service.online_mt")
    from workbench.errors import ServiceUnavailable

    asked: list[tuple[str, str | None]] = []

    def fake(self, text):
        asked.append((self.provider, self.url))
        if outcome == "offline":
            raise ServiceUnavailable("LibreTranslate cannot be reached: check the server")
        return "ترجمة آلية جديدة"

    monkeypatch.setattr(backtranslate.Translator, "suggest", fake)  # never online
    login(app)
    doc_id, review = open_review(app)
    app.selectbox(key="mt_provider").set_value("libre").run()
    app.text_input(key="mt_url").input("http://127.0.0.1:5999").run()
    row = review.rows[1]
    focus(app, row)
    before = app.text_area(key=f"text_{row.link_id}").value
    app.button(key=f"mt_suggest_{row.link_id}").click().run()
    assert not app.exception
    assert asked == [("libre", "http://127.0.0.1:5999/")]  # the setting reached the provider
    box = app.text_area(key=f"text_{row.link_id}").value
    if outcome == "offline":
        assert box == before
        assert any("cannot be reached" in w.value for w in app.warning)
    else:
        assert box == "ترجمة آلية جديدة"
        # only a suggestion: nothing is saved until the reviewer saves
        assert svc().get_review(demo_user(), doc_id).rows[1].current_text == row.current_text


def test_a_glossary_maintainer_is_told_why_no_text_is_sent_out(app: AppTest,
                                                               monkeypatch) -> None:
    online_mt = pytest.importorskip("workbench.service.online_mt")
    asked: list[str] = []
    monkeypatch.setattr(online_mt.Translator, "suggest",
                        lambda self, text: asked.append(text) or "ترجمة")
    make_user("thu", "glossary_maintainer")
    login(app, "thu", "pw-thu")
    app.radio(key="nav").set_value("Review").run()
    row = svc().get_review(demo_user(), svc().list_documents(demo_user())[0].id).rows[1]
    focus(app, row)
    app.button(key=f"mt_suggest_{row.link_id}").click().run()
    assert not app.exception
    assert asked == []
    assert any("may not send text to the online machine translation service" in w.value
               for w in app.warning)


def _correct_a_flagged_term_and_learn(app: AppTest):
    """A reviewer replaces a flagged rendering by the expected one; the Glossary page
    then shows what it learned.  Returns the finding that was corrected."""
    login(app)
    doc_id, review = open_review(app)
    row = next(r for r in review.rows if any(
        f.status == "open" and f.found and f.expected and f.found in r.mt_text
        for f in r.findings))
    finding = next(f for f in row.findings if f.found and f.expected and f.found in row.mt_text)
    svc().save_correction(demo_user(), doc_id, row.ordinal,
                          row.mt_text.replace(finding.found, finding.expected[0]), 0)
    app.radio(key="nav").set_value("Glossary").run()
    app.toggle(key="learn_on").set_value(True).run()
    return finding


def test_suggestions_learned_from_corrections_can_be_proposed(app: AppTest) -> None:
    finding = _correct_a_flagged_term_and_learn(app)
    assert not app.exception
    assert any(finding.expected[0] in h for h in htmls(app))
    app.button(key="learned_0").click().run()
    suggested = svc().list_terms(demo_user(), status="suggested")
    assert [(t.source, t.target, t.forbidden) for t in suggested] == [
        (finding.term, finding.expected[0], (finding.found,))]
    assert any("proposed" in s.value for s in app.success)


def test_maintainer_approves_a_learned_suggestion(app: AppTest) -> None:
    finding = _correct_a_flagged_term_and_learn(app)
    app.button(key="learned_ok_0").click().run()
    assert not app.exception
    approved = {t.source: t for t in svc().list_terms(demo_user(), status="approved")}
    assert approved[finding.term].target == finding.expected[0]
    assert finding.found in approved[finding.term].forbidden
    assert any("approved" in s.value for s in app.success)


def test_translator_sees_learned_suggestions_but_cannot_approve_them(app: AppTest) -> None:
    make_user("lan", "translator")
    doc_id = svc().list_documents(demo_user())[0].id
    row = next(r for r in svc().get_review(demo_user(), doc_id).rows if any(
        f.found and f.expected and f.found in r.mt_text for f in r.findings))
    finding = next(f for f in row.findings if f.found and f.expected and f.found in row.mt_text)
    svc().save_correction(demo_user(), doc_id, row.ordinal,
                          row.mt_text.replace(finding.found, finding.expected[0]), 0)
    login(app, "lan", "pw-lan")
    app.radio(key="nav").set_value("Glossary").run()
    app.toggle(key="learn_on").set_value(True).run()
    assert not app.exception
    keys = {b.key for b in app.button}
    assert "learned_0" in keys and "learned_ok_0" not in keys


# --------------------------------------------------------------------------- XLIFF, reading notes


def _reviewed_xliff(doc_id: int, ordinal: int, text: str) -> bytes:
    from lxml import etree

    from workbench.export import export_document

    root = etree.fromstring(export_document(svc().reviewed_document(demo_user(), doc_id),
                                            "xliff"))
    ns = root.nsmap[None]
    unit = next(u for u in root.iter(f"{{{ns}}}trans-unit") if u.get("id") == str(ordinal))
    target = unit.find(f"{{{ns}}}target")
    target.text, target.attrib["state"] = text, "final"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_editor_imports_a_reviewed_xliff(app: AppTest) -> None:
    login(app)
    doc_id, review = open_review(app)
    row = review.rows[1]
    focus(app, row)
    app.toggle(key="export_on").set_value(True).run()
    app.file_uploader(key="xliff_upload").set_value(
        ("bai-da-sua.xlf", _reviewed_xliff(doc_id, 1, "نص مصحح في أداة الترجمة"),
         "application/x-xliff+xml"))
    app.button(key="xliff_import").click().run()
    assert not app.exception
    assert any("bai-da-sua.xlf: 1 link(s) updated (1)" in s.value for s in app.success)
    after = svc().get_review(demo_user(), doc_id).rows[1]
    assert (after.current_text, after.status) == ("نص مصحح في أداة الترجمة", "approved")
    assert app.text_area(key=f"text_{row.link_id}").value == "نص مصحح في أداة الترجمة"


def test_a_broken_xliff_upload_is_refused_by_name(app: AppTest) -> None:
    login(app)
    doc_id, _ = open_review(app)
    app.toggle(key="export_on").set_value(True).run()
    app.file_uploader(key="xliff_upload").set_value(
        ("hỏng.xlf", b"<xliff version='1.2'><file>", "application/x-xliff+xml"))
    app.button(key="xliff_import").click().run()
    assert not app.exception
    assert any("hỏng.xlf" in e and "not well-formed" in e for e in errors(app))
    assert svc().get_review(demo_user(), doc_id).document.corrected == 0


def test_translator_is_offered_no_xliff_import(app: AppTest) -> None:
    make_user("lan", "translator")
    login(app, "lan", "pw-lan")
    app.radio(key="nav").set_value("Review").run()
    app.toggle(key="export_on").set_value(True).run()
    assert not app.exception
    assert not [u for u in app.get("file_uploader") if "xliff_upload" in (u.proto.id or "")]


def test_import_shows_reading_notes(app: AppTest) -> None:
    login(app)
    app.file_uploader(key="new_vi_file").set_value((
        "bai.vi.txt", "Tỉnh ủy Tuyên Quang khen thưởng 12 chi bộ trong năm nay.".encode(),
        "text/plain"))
    app.file_uploader(key="new_ar_file").set_value((
        "bai.ar.txt", "كرمت لجنة الحزب في مقاطعة توين كوانغ 12 خلية حزبية هذا العام."
        .encode("cp1256"), "text/plain"))
    app.button(key="create_review").click().run()
    assert not app.exception
    assert any("Created" in s.value for s in app.success)
    assert any("bai.ar.txt" in i.value and "Windows-1256" in i.value for i in app.info)


def test_swapped_files_are_refused_and_nothing_is_stored(app: AppTest) -> None:
    login(app)
    app.text_area(key="new_vi_text").input(
        "كرمت لجنة الحزب في مقاطعة توين كوانغ 12 خلية حزبية هذا العام لإنجازاتها.")
    app.text_area(key="new_ar_text").input(
        "Tỉnh ủy Tuyên Quang khen thưởng 12 chi bộ trong năm nay vì thành tích xuất sắc.")
    app.button(key="create_review").click().run()
    assert not app.exception
    assert any("swapped" in e for e in errors(app))
    assert len(svc().list_documents(demo_user())) == 1
