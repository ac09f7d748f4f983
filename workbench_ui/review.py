"""Review page: source and Arabic MT side by side per link, findings highlighted,
corrections with conflict detection, status, dismissals, MQM tags, history, diff,
alignment fixes, export.

Actions run in button callbacks (before the rerun), so they can reset a row's form;
their outcome is kept in ``st.session_state["flash"]`` under the link id and shown in
the row.  Every refusal of the service (WorkbenchError) becomes a message, never a
traceback.
"""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import SEVERITIES, Review, ReviewRow, User
from workbench_ui import machine_translation, outage, resources, rows as rowsel, shortcuts
from workbench_ui.export_panel import approve_panel, export_panel
from workbench_ui.html.highlight import escape_mixed, fidelity_badge, highlight_paragraphs
from workbench_ui.link_details import link_details
from workbench_ui.plain import plain
from workbench_ui.review_actions import (
    apply_fix, base_key, copy_mt, jump_next, save, save_and_next, set_furniture, set_status,
    text_key,
)

# The correction boxes hold Arabic: right-to-left, a little larger.
CSS = """<style>
[class*="st-key-text_"] textarea {direction: rtl; text-align: right; font-size: 1.05rem;
  unicode-bidi: plaintext;}
.wb-side[dir="rtl"] {font-size: 1.05rem;}
</style>"""

STATUS_ICONS = {"new": "○ new", "reviewed": "◐ reviewed", "approved": "● approved"}


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


def _findings_html(row: ReviewRow, show_dismissed: bool) -> str:
    import html

    items = []
    for f in rowsel.visible_findings(row, show_dismissed):
        missing = [e for e in f.expected if e not in f.message]
        extra = f" — accepted: {' / '.join(missing)}" if missing else ""
        state = (f" (dismissed: {f.dismiss_reason})" if f.status == "dismissed" else
                 f" (fixed by v{f.fixed_version})" if f.status == "fixed" and f.fixed_version
                 else " (no longer found)" if f.status == "fixed" else "")
        items.append(f'<li class="wb-finding-item wb-{html.escape(f.severity)}">'
                     f"<b>{html.escape(f.severity)}</b> {html.escape(f.kind)}: "
                     f"{escape_mixed(f.message + extra + state)}</li>")
    return f'<ul style="margin:0">{"".join(items)}</ul>' if items else ""


def _row(user: User, doc_id: int, review: Review, row: ReviewRow, show_dismissed: bool,
         last: bool, chosen: list[ReviewRow]) -> None:
    lid = row.link_id
    svc = resources.service()
    if text_key(lid) not in st.session_state:
        st.session_state[text_key(lid)] = row.current_text
        st.session_state[base_key(lid)] = row.version
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
        # spans of a re-checked link point into its current text
        tgt = sorted(row.current_paragraphs.items())
        left, right = st.columns(2)
        left.html(highlight_paragraphs(src, rowsel.marks(visible, "source")))
        right.html(highlight_paragraphs(tgt, rowsel.marks(visible, "target"), rtl=True))
        findings = _findings_html(row, show_dismissed)
        if findings:
            st.html(findings)
        fixes = [f for f in row.findings if f.fix and f.status == "open"]
        for col, f in zip(st.columns(max(len(fixes), 1)) if fixes else (), fixes):
            col.button(f"Fix: {f.flagged} → {f.fix}", key=f"fix_{f.id}", on_click=apply_fix,
                       args=(row, f), help="puts the fixed text into the correction box; "
                       "save it to close the finding")
        flash = st.session_state.get("flash", {}).pop(lid, None)
        conflict = st.session_state.get(f"conflict_{lid}")
        if row.target:
            st.text_area("Correction (Arabic)", key=text_key(lid), height=100,
                         label_visibility="collapsed")
            machine_translation.suggest_button(user, doc_id, row, text_key(lid))
        if conflict:
            their_text, author, version = conflict
            st.warning(f"{plain(author or 'Someone')} saved version {version} meanwhile. Their text "
                       "is below; yours is still in the box. Merge and save again to "
                       "replace theirs.")
            st.html(highlight_paragraphs([(-1, their_text)], {}, rtl=True))
        b1, b2, b3, b4 = st.columns(4)
        if row.target:
            b1.button("Save correction", key=f"save_{lid}", on_click=save,
                      args=(user, doc_id, row), type="primary", help="Alt+S")
            b1.button("Save & next", key=f"savenext_{lid}", on_click=save_and_next,
                      args=(user, doc_id, row, chosen), help="Alt+Enter: save, then go to "
                      "the next open finding")
            b4.button("MT into box", key=f"copymt_{lid}", on_click=copy_mt, args=(row,),
                      help="Alt+M: the machine translation back into the box")
        b2.button("Mark reviewed", key=f"reviewed_{lid}", on_click=set_status,
                  args=(user, doc_id, row, "reviewed"), disabled=row.status == "reviewed")
        b3.button("Approve", key=f"approve_{lid}", on_click=set_status,
                  args=(user, doc_id, row, "approved"), disabled=row.status == "approved")
        more = b4.toggle("More…", key=f"more_{lid}")
        if not row.source:  # a one-sided target link: often page chrome
            b4.button("Page furniture", key=f"furniture_{lid}", on_click=set_furniture,
                      args=(user, doc_id, row, True),
                      help="not work: folded away and left out of progress")
        if flash:
            (st.error if flash[0] == "error" else st.success)(plain(flash[1]))
        if more:
            link_details(user, doc_id, row, last, svc)


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
    st.progress(d.progress, text=f"{d.progress:.0%} reviewed"
                + (f" · {d.furniture} page furniture link(s) not counted" if d.furniture else ""))
    if st.toggle("Export this document", key="export_on"):
        export_panel(user, review)
    approve_panel(user, review)
    notice = st.session_state.pop("review_notice", None)
    if notice:
        st.info(plain(notice))
    flt, sort = _filters(review)
    work = [r for r in review.rows if not r.furniture]
    chosen = rowsel.select_rows(work, flt, sort)
    pages = rowsel.page_count(len(chosen))
    if st.session_state.get("page_no", 1) > pages:
        st.session_state["page_no"] = pages
    c1, c2, c3 = st.columns([2, 2, 4])
    c1.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key="page_no")
    c2.button("Next open finding", key="next_open", on_click=jump_next, args=(chosen,))
    c3.caption(f"{len(chosen)} of {len(work)} links shown, "
               f"{rowsel.PAGE_SIZE} a page. {shortcuts.HELP}")
    shortcuts.install()
    page = rowsel.page_of(chosen, st.session_state.get("page_no", 1))
    last_ordinal = len(review.rows) - 1
    for row in page:
        _row(user, doc_id, review, row, flt.show_dismissed, row.ordinal == last_ordinal, chosen)
    _furniture(user, doc_id, [r for r in review.rows if r.furniture])


def _furniture(user: User, doc_id: int, rows: list[ReviewRow]) -> None:
    """Page chrome folded into one collapsed group; one click moves a link back."""
    if not rows:
        return
    with st.expander(f"Page furniture ({len(rows)})", expanded=False):
        st.caption("Menus, ads, bylines and links of the web page: not counted in progress, "
                   "marked as furniture in the exports.")
        for row in rows:
            c1, c2 = st.columns([5, 1])
            c1.html(highlight_paragraphs([(-1, row.current_text)], {}, rtl=True))
            c2.button("Not furniture", key=f"unfurniture_{row.link_id}",
                      on_click=set_furniture, args=(user, doc_id, row, False),
                      help=f"set by {row.furniture_by}" if row.furniture_by else
                      "classified as page furniture when the document was read")
