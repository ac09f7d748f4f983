"""Review page: source and Arabic MT side by side per link, findings highlighted,
corrections with conflict detection, status, dismissals, MQM tags, history, diff,
alignment fixes, export.

Actions run in button callbacks (before the rerun), so they can reset a row's form;
their outcome is kept in ``st.session_state["flash"]`` under the link id and shown in
the row.  Every refusal of the service (WorkbenchError) becomes a message, never a
traceback.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import (
    MQM_CATEGORIES, MQM_SEVERITIES, SEVERITIES, Review, ReviewRow, SaveConflict, Service,
    User, document_formats, roles,
)
from workbench_ui.html.diff import diff_html
from workbench_ui.html.highlight import (
    components_table, escape_mixed, fidelity_badge, highlight_paragraphs,
)
from workbench_ui import machine_translation, messages, outage, resources, rows as rowsel
from workbench_ui.plain import plain

# The correction boxes hold Arabic: right-to-left, a little larger.
CSS = """<style>
[class*="st-key-text_"] textarea {direction: rtl; text-align: right; font-size: 1.05rem;
  unicode-bidi: plaintext;}
.wb-side[dir="rtl"] {font-size: 1.05rem;}
</style>"""

STATUS_ICONS = {"new": "○ new", "reviewed": "◐ reviewed", "approved": "● approved"}


# --------------------------------------------------------------------------- state


def _flash(link_id: int, kind: str, message: str) -> None:
    st.session_state.setdefault("flash", {})[link_id] = (kind, message)


def _text_key(link_id: int) -> str:
    return f"text_{link_id}"


def _base_key(link_id: int) -> str:
    return f"base_{link_id}"


def _forget_form(link_id: int) -> None:
    """Drop a row's form state so it is rebuilt from the database on the next run."""
    for key in (_text_key(link_id), _base_key(link_id), f"conflict_{link_id}"):
        st.session_state.pop(key, None)


# --------------------------------------------------------------------------- actions


def _run(link_id: int, action, done: str) -> bool:
    try:
        action()
    except WorkbenchError as exc:
        _flash(link_id, "error", str(exc))
        return False
    if done:
        _flash(link_id, "success", done)
    return True


def _save(user: User, doc_id: int, row: ReviewRow) -> None:
    text = st.session_state.get(_text_key(row.link_id), row.current_text)
    base = st.session_state.get(_base_key(row.link_id), row.version)
    try:
        revision = resources.service().save_correction(
            user, doc_id, row.ordinal, text, base_version=base, link_id=row.link_id)
    except SaveConflict as exc:
        # Keep what the reviewer typed in the form; the next save merges over theirs.
        st.session_state[_base_key(row.link_id)] = exc.their_version
        st.session_state[f"conflict_{row.link_id}"] = (exc.their_text, exc.their_author,
                                                       exc.their_version)
        _flash(row.link_id, "error", str(exc))
        return
    except WorkbenchError as exc:
        _flash(row.link_id, "error", str(exc))
        return
    st.session_state[_base_key(row.link_id)] = revision.version
    st.session_state.pop(f"conflict_{row.link_id}", None)
    _flash(row.link_id, "success", f"Saved as version {revision.version}.")


def _status(user: User, doc_id: int, row: ReviewRow, status: str) -> None:
    _run(row.link_id,
         lambda: resources.service().set_status(user, doc_id, row.ordinal, status),
         f"Marked {status}.")


def _dismiss(user: User, row: ReviewRow, finding_id: int) -> None:
    reason = st.session_state.get(f"dismiss_reason_{finding_id}", "")
    _run(row.link_id,
         lambda: resources.service().dismiss_finding(user, finding_id, reason),
         "Finding dismissed.")


def _tag(user: User, doc_id: int, row: ReviewRow) -> None:
    lid = row.link_id
    _run(lid, lambda: resources.service().tag_mqm(
        user, doc_id, row.ordinal, st.session_state.get(f"mqm_cat_{lid}"),
        st.session_state.get(f"mqm_sev_{lid}"), st.session_state.get(f"mqm_note_{lid}", "")),
        "MQM tag added.")


def _restore(user: User, doc_id: int, row: ReviewRow, revision_id: int) -> None:
    base = st.session_state.get(_base_key(row.link_id), row.version)
    if _run(row.link_id, lambda: resources.service().restore_revision(
            user, doc_id, revision_id, base_version=base), "Revision restored."):
        _forget_form(row.link_id)


def _restore_mt(user: User, doc_id: int, row: ReviewRow) -> None:
    base = st.session_state.get(_base_key(row.link_id), row.version)
    if _run(row.link_id, lambda: resources.service().restore_machine_text(
            user, doc_id, row.ordinal, base_version=base), "Machine translation restored."):
        _forget_form(row.link_id)


def _realign(row: ReviewRow, what: str, call) -> None:
    if _run(row.link_id, call, ""):
        st.session_state["review_notice"] = f"Alignment changed ({what}); scores and " \
                                             "findings were recomputed."


def _jump_next(rows: list[ReviewRow]) -> None:
    found = rowsel.next_open(rows, st.session_state.get("focus"))
    if found is None:
        st.session_state["review_notice"] = "No open finding left in the rows shown."
        return
    position, row = found
    st.session_state["focus"] = row.link_id
    st.session_state["page_no"] = position // rowsel.PAGE_SIZE + 1


# --------------------------------------------------------------------------- layout


def _pick_document(user: User) -> int | None:
    try:
        docs = outage.remembered(f"documents:{user.id}",
                                 lambda: resources.service().list_documents(user))
    except WorkbenchError as exc:
        st.error(plain(exc))
        return None
    if not docs:
        st.info("No documents yet: create one on the Documents page.")
        return None
    ids = [d.id for d in docs]
    titles = {d.id: f"{d.title} (#{d.id})" for d in docs}
    current = st.session_state.get("doc_id")
    if current not in ids:
        current = ids[0]
    st.session_state["doc_id"] = st.selectbox(
        "Document", ids, index=ids.index(current), format_func=titles.get, key="doc_pick")
    return st.session_state["doc_id"]


def _filters(review: Review) -> tuple[rowsel.RowFilter, str]:
    kinds = sorted({f.kind for r in review.rows for f in r.findings})
    c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
    flt = rowsel.RowFilter(
        kinds=tuple(c1.multiselect("Finding kind", kinds, key="f_kind")),
        severities=tuple(c2.multiselect("Severity", list(SEVERITIES), key="f_sev")),
        statuses=tuple(c3.multiselect("Status", list(STATUS_ICONS), key="f_status")),
        only_open_findings=c4.checkbox("Only open findings", key="f_open"),
        show_dismissed=c4.checkbox("Show dismissed", key="f_dismissed"),
    )
    sort = st.radio("Order", rowsel.SORTS, horizontal=True, key="sort")
    return flt, sort


def _export(user: User, review: Review) -> None:
    """A download button per format; each file is built by the service only when its
    button is pressed (``st.download_button`` runs the callable on the click)."""
    if not roles.allows(user.roles, "export"):
        st.caption(roles_refusal(user, "export"))
        return
    st.caption("Corrected texts as they are now; approved links are final.")
    svc, doc = resources.service(), review.document
    formats = document_formats()
    stem = "".join(c if c.isalnum() else "_" for c in doc.title)[:40] or "document"
    for col, fmt in zip(st.columns(len(formats)), formats):
        col.download_button(fmt.name.upper(), _exporter(svc, user, doc.id, fmt.name),
                            file_name=f"{stem}{fmt.extension}", mime=fmt.mime,
                            help=fmt.label, key=f"export_{fmt.name}")
    _xliff_upload(user, doc.id)


def _exporter(svc: Service, user: User, doc_id: int, fmt: str) -> Callable[[], bytes]:
    """The export of one format, made when the user asks (bound here: the download
    runs outside the script, so it must not look the service up again)."""
    return lambda: svc.export_document(user, doc_id, fmt)


def _xliff_upload(user: User, doc_id: int) -> None:
    """Bring a reviewed XLIFF (from a CAT tool) back: its targets become corrections."""
    if not roles.allows(user.roles, "correct"):
        return
    c1, c2 = st.columns([4, 1])
    c1.file_uploader("Reviewed XLIFF 1.2/2.0 exported from here (its corrections and "
                     "reviewed/final states come back)", type=["xlf", "xliff", "xml"],
                     key="xliff_upload")
    c2.button("Import XLIFF", key="xliff_import", on_click=_import_xliff, args=(user, doc_id))
    messages.show("xliff_message")


def _import_xliff(user: User, doc_id: int) -> None:
    upload = st.session_state.get("xliff_upload")
    if upload is None:
        st.session_state["xliff_message"] = ("error", "Choose the reviewed XLIFF file first.")
        return
    svc = resources.service()
    try:
        changed = svc.import_xliff(user, doc_id, upload.getvalue(), upload.name)
        rows = svc.get_review(user, doc_id).rows
    except WorkbenchError as exc:
        st.session_state["xliff_message"] = ("error", str(exc))
        return
    for ordinal in changed:
        _forget_form(rows[ordinal].link_id)  # the boxes show the imported text
    if changed:
        links = ", ".join(str(o) for o in changed)
        text = f"{upload.name}: {len(changed)} link(s) updated ({links}); see their history."
    else:
        text = f"{upload.name}: nothing differs from the document, nothing imported."
    st.session_state["xliff_message"] = ("success", text)


def roles_refusal(user: User, action: str) -> str:
    return (f"Your roles ({', '.join(sorted(user.roles))}) do not allow you to "
            f"{roles.ACTION_TITLES.get(action, action)}.")


def _findings_html(row: ReviewRow, show_dismissed: bool) -> str:
    import html

    items = []
    for f in rowsel.visible_findings(row, show_dismissed):
        missing = [e for e in f.expected if e not in f.message]
        extra = f" — accepted: {' / '.join(missing)}" if missing else ""
        state = f" (dismissed: {f.dismiss_reason})" if f.status == "dismissed" else ""
        items.append(f'<li class="wb-finding-item wb-{html.escape(f.severity)}">'
                     f"<b>{html.escape(f.severity)}</b> {html.escape(f.kind)}: "
                     f"{escape_mixed(f.message + extra + state)}</li>")
    return f'<ul style="margin:0">{"".join(items)}</ul>' if items else ""


def _row(user: User, doc_id: int, review: Review, row: ReviewRow, show_dismissed: bool,
         last: bool) -> None:
    lid = row.link_id
    svc = resources.service()
    if _text_key(lid) not in st.session_state:
        st.session_state[_text_key(lid)] = row.current_text
        st.session_state[_base_key(lid)] = row.version
    focus = st.session_state.get("focus") == lid
    with st.container(border=True, key=f"row_{lid}"):
        head = (f"{'➡️ ' if focus else ''}**Link {row.ordinal}** · source ¶"
                f"{', '.join(map(str, row.source)) or '—'} ↔ target ¶"
                f"{', '.join(map(str, row.target)) or '—'} · {STATUS_ICONS.get(row.status, row.status)}"
                + (f" by {plain(row.status_by)}" if row.status_by else "")
                + (f" · corrected (v{row.version})" if row.corrected else ""))
        c_head, c_score = st.columns([5, 1])
        c_head.markdown(head)
        why = "; ".join(f"{c.name} {c.value:.2f}" for c in row.components)
        c_score.html(fidelity_badge(row.score, why) if row.source and row.target
                     else '<span style="color:#888">one-sided</span>')
        back = st.session_state.get(f"bt_result_{lid}")
        if back is not None and back.round_trip is not None and row.source:
            c_score.caption(f"round trip chrF {back.round_trip:.0f}")
        visible = rowsel.visible_findings(row, show_dismissed)
        src = [(i, review.source_paragraphs[i]) for i in row.source]
        tgt = [(i, review.target_paragraphs[i]) for i in row.target]
        left, right = st.columns(2)
        left.html(highlight_paragraphs(src, rowsel.marks(visible, "source")))
        right.html(highlight_paragraphs(tgt, rowsel.marks(visible, "target"), rtl=True))
        findings = _findings_html(row, show_dismissed)
        if findings:
            st.html(findings)
        flash = st.session_state.get("flash", {}).pop(lid, None)
        conflict = st.session_state.get(f"conflict_{lid}")
        if row.target:
            st.text_area("Correction (Arabic)", key=_text_key(lid), height=100,
                         label_visibility="collapsed")
            machine_translation.suggest_button(user, doc_id, row, _text_key(lid))
        if conflict:
            their_text, author, version = conflict
            st.warning(f"{plain(author or 'Someone')} saved version {version} meanwhile. Their text "
                       "is below; yours is still in the box. Merge and save again to "
                       "replace theirs.")
            st.html(highlight_paragraphs([(-1, their_text)], {}, rtl=True))
        b1, b2, b3, b4 = st.columns(4)
        if row.target:
            b1.button("Save correction", key=f"save_{lid}", on_click=_save,
                      args=(user, doc_id, row), type="primary")
        b2.button("Mark reviewed", key=f"reviewed_{lid}", on_click=_status,
                  args=(user, doc_id, row, "reviewed"), disabled=row.status == "reviewed")
        b3.button("Approve", key=f"approve_{lid}", on_click=_status,
                  args=(user, doc_id, row, "approved"), disabled=row.status == "approved")
        more = b4.toggle("More…", key=f"more_{lid}")
        if flash:
            (st.error if flash[0] == "error" else st.success)(plain(flash[1]))
        if more:
            _more(user, doc_id, row, last, svc)


def _more(user: User, doc_id: int, row: ReviewRow, last: bool, svc) -> None:
    lid = row.link_id
    tabs = st.tabs(["Score", "Findings", "MQM", "Diff", "History", "Alignment"])
    with tabs[0]:
        st.html(components_table((c.name, c.value, c.explanation) for c in row.components))
        st.caption(f"signature: {row.signature}")
        machine_translation.back_translation(user, doc_id, row, _text_key(lid))
    with tabs[1]:
        open_findings = [f for f in row.findings if f.status == "open"]
        if not open_findings:
            st.caption("No open finding.")
        for f in open_findings:
            st.html(f"<b>{escape_mixed(f.severity)}</b> {escape_mixed(f.kind + ': ' + f.message)}")
            c1, c2 = st.columns([4, 1])
            c1.text_input("Reason", key=f"dismiss_reason_{f.id}",
                          placeholder="why this is not an error", label_visibility="collapsed")
            c2.button("Dismiss", key=f"dismiss_{f.id}", on_click=_dismiss, args=(user, row, f.id))
    with tabs[2]:
        for tag in row.mqm:
            st.text(f"{tag.severity} {tag.category} — {tag.note} ({tag.author})")
        c1, c2, c3, c4 = st.columns([3, 2, 3, 1])
        c1.selectbox("Category", MQM_CATEGORIES, key=f"mqm_cat_{lid}")
        c2.selectbox("Severity", MQM_SEVERITIES, index=1, key=f"mqm_sev_{lid}")
        c3.text_input("Note", key=f"mqm_note_{lid}")
        c4.button("Tag", key=f"mqm_add_{lid}", on_click=_tag, args=(user, doc_id, row))
    with tabs[3]:
        current = st.session_state.get(_text_key(lid), row.current_text)
        st.caption("Machine translation → text in the box")
        st.html(diff_html(row.mt_text, current))
    with tabs[4]:
        try:
            history = svc.history(user, doc_id, row.ordinal)
        except WorkbenchError as exc:
            st.error(plain(exc))
            history = []
        if not history:
            st.caption("No revision yet: the text is the machine translation.")
        for rev in reversed(history):
            label = (f"v{rev.version}" if rev.version is not None else "refused save") + \
                f" · {rev.kind} · {plain(rev.author)} · {rev.created_at:%Y-%m-%d %H:%M}"
            with st.container(border=True):
                c1, c2 = st.columns([5, 1])
                c1.markdown(label)
                c1.html(highlight_paragraphs([(-1, rev.text)], {}, rtl=True))
                c2.button("Restore", key=f"restore_{rev.id}", on_click=_restore,
                          args=(user, doc_id, row, rev.id))
        if row.corrected:
            st.button("Back to the machine translation", key=f"restore_mt_{lid}",
                      on_click=_restore_mt, args=(user, doc_id, row))
    with tabs[5]:
        c1, c2, c3 = st.columns(3)
        c1.button("Merge with next", key=f"merge_{lid}", disabled=last,
                  on_click=_realign, args=(row, "merged", lambda: svc.merge_links(
                      user, doc_id, [row.ordinal, row.ordinal + 1])))
        can_split = len(row.source) > 1 or len(row.target) > 1
        s_cut = len(row.source) // 2 if len(row.source) > 1 else len(row.source)
        t_cut = len(row.target) // 2 if len(row.target) > 1 else len(row.target)
        c2.button("Split in two", key=f"split_{lid}", disabled=not can_split,
                  help="after the first half of its paragraphs on each side",
                  on_click=_realign, args=(row, "split", lambda: svc.split_link(
                      user, doc_id, row.ordinal, s_cut, t_cut)))
        c3.button("Unlink", key=f"unlink_{lid}", disabled=not (row.source and row.target),
                  on_click=_realign, args=(row, "unlinked", lambda: svc.unlink(
                      user, doc_id, row.ordinal)))


def render(user: User) -> None:
    st.header("Review")
    machine_translation.settings()
    st.html(CSS)
    doc_id = _pick_document(user)
    if doc_id is None:
        return
    try:
        review = outage.remembered(f"review:{doc_id}",
                                   lambda: resources.service().get_review(user, doc_id),
                                   warn=True)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    d = review.document
    m = st.columns(5)
    m[0].metric("Links", d.links)
    m[1].metric("Reviewed", d.reviewed)
    m[2].metric("Approved", d.approved)
    m[3].metric("Corrected", d.corrected)
    m[4].metric("Open findings", d.open_findings)
    st.progress(d.progress, text=f"{d.progress:.0%} reviewed")
    if st.toggle("Export this document", key="export_on"):
        _export(user, review)
    notice = st.session_state.pop("review_notice", None)
    if notice:
        st.info(plain(notice))
    flt, sort = _filters(review)
    chosen = rowsel.select_rows(review.rows, flt, sort)
    pages = rowsel.page_count(len(chosen))
    if st.session_state.get("page_no", 1) > pages:
        st.session_state["page_no"] = pages
    c1, c2, c3 = st.columns([2, 2, 4])
    c1.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key="page_no")
    c2.button("Next open finding", key="next_open", on_click=_jump_next, args=(chosen,))
    c3.caption(f"{len(chosen)} of {len(review.rows)} links shown, "
               f"{rowsel.PAGE_SIZE} a page.")
    page = rowsel.page_of(chosen, st.session_state.get("page_no", 1))
    last_ordinal = len(review.rows) - 1
    for row in page:
        _row(user, doc_id, review, row, flt.show_dismissed, row.ordinal == last_ordinal)
