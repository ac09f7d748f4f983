"""Review page: a focused editor for one link at a time beside a compact list of
the document's links, findings highlighted, corrections with conflict detection,
status, dismissals, MQM tags, history, diff, alignment fixes, export.

The document picker, the export and approve panels and the filters run with the page;
the rest (counts, the list, the editor, the page furniture) is one fragment
(``st.fragment``), so opening a link, moving to the next one and saving rerun only that
part, not the whole script.  Actions run in button callbacks
(:mod:`workbench_ui.review_actions`) before the fragment reruns.
"""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import SEVERITIES, Review, ReviewRow, User
from workbench_ui import machine_translation, outage, resources, rows as rowsel, shortcuts
from workbench_ui.editor import STATUS_WORDS, editor
from workbench_ui.export_panel import approve_panel, export_panel
from workbench_ui.html.highlight import highlight_paragraphs
from workbench_ui.plain import plain
from workbench_ui.review_actions import (
    DRAFTS, PICK_KEY, jump_next, open_link, picked, set_furniture, step,
)

# The correction box holds Arabic: right-to-left, a little larger.  Streamlit's "Press
# Ctrl+Enter to apply" is hidden in the editor: there Ctrl+Enter saves
# (workbench_ui.shortcuts), and the box never reruns the page by itself.
CSS = """<style>
[class*="st-key-text_"] textarea {direction: rtl; text-align: right; font-size: 1.05rem;
  line-height: 1.6; unicode-bidi: plaintext;}
.st-key-editor [data-testid="InputInstructions"] {display: none;}
.wb-side[dir="rtl"] {font-size: 1.05rem;}
.st-key-link_list label p {font-size: .9rem;}
</style>"""

#: Height of the compact list of links (pixels; it scrolls).
LIST_HEIGHT = 620
#: Session key handing the review loaded by the page run to the fragment.
FRESH_REVIEW = "desk_review"


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
        statuses=tuple(c3.multiselect("Status", list(STATUS_WORDS), key="f_status")),
        only_open_findings=c4.checkbox("Only open findings", key="f_open"),
        show_dismissed=c4.checkbox("Show dismissed", key="f_dismissed"),
    )
    sort = st.radio("Order", rowsel.SORTS, horizontal=True, key="sort")
    return flt, sort


def _load(user: User, doc_id: int) -> Review | None:
    try:
        return outage.remembered(f"review:{doc_id}",
                                 lambda: resources.service().get_review(user, doc_id),
                                 warn=True)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return None


def render(user: User) -> None:
    st.header("Review")
    machine_translation.settings()
    st.html(CSS)
    doc_id = _pick_document(user)
    if doc_id is None:
        return
    review = _load(user, doc_id)
    if review is None:
        return
    if st.toggle("Export this document", key="export_on"):
        export_panel(user, review)
    approve_panel(user, review)
    flt, sort = _filters(review)
    st.session_state[FRESH_REVIEW] = review
    _desk(user, doc_id, flt, sort)
    shortcuts.install()


@st.fragment
def _desk(user: User, doc_id: int, flt: rowsel.RowFilter, sort: str) -> None:
    """Counts, the compact list, the editor and the furniture: rerun alone by their own
    widgets.  The page run hands its review over; a fragment run loads it again."""
    review = st.session_state.pop(FRESH_REVIEW, None)
    if review is None or review.document.id != doc_id:
        review = _load(user, doc_id)
        if review is None:
            return
    _counts(review)
    notice = st.session_state.pop("review_notice", None)
    if notice:
        st.info(plain(notice))
    work = [r for r in review.rows if not r.furniture]
    chosen = rowsel.select_rows(work, flt, sort)
    ids = [r.link_id for r in chosen]
    if st.session_state.get("focus") not in ids:
        open_link(ids[0] if ids else None)
    list_col, edit_col = st.columns([1, 3.2])
    with list_col:
        _link_list(chosen, len(work))
    with edit_col:
        row = next((r for r in chosen if r.link_id == st.session_state.get("focus")), None)
        if row is None:
            st.info("No link matches the filters.")
        else:
            editor(user, doc_id, review, row, chosen, flt.show_dismissed, resources.service())
    _furniture(user, doc_id, [r for r in review.rows if r.furniture])


def _counts(review: Review) -> None:
    d = review.document
    m = st.columns(5)
    m[0].metric("Links", d.links)
    m[1].metric("Reviewed", d.reviewed)
    m[2].metric("Approved", d.approved)
    m[3].metric("Corrected", d.corrected)
    m[4].metric("Open findings", d.open_findings)
    st.progress(d.progress, text=f"{d.progress:.0%} reviewed"
                + (f" · {d.furniture} page furniture link(s) not counted" if d.furniture else ""))


def _link_list(chosen: list[ReviewRow], work: int) -> None:
    """Every link shown, one line each (score colour, number, status, open findings):
    a click opens it in the editor.  Above it: previous, next, next open finding."""
    b1, b2, b3 = st.columns([1, 1, 2])
    b1.button("◀", key="prev_link", on_click=step, args=(chosen, -1), help="previous link (Alt+↑)")
    b2.button("▶", key="next_link", on_click=step, args=(chosen, 1), help="next link (Alt+↓)")
    b3.button("Next open finding", key="next_open", on_click=jump_next, args=(chosen,),
              help="Alt+N")
    st.caption(f"{len(chosen)} of {work} links · ● score colour, ○◐● status, ⚑ open findings")
    if not chosen:
        return
    drafts = st.session_state.get(DRAFTS, {})
    labels = {r.link_id: rowsel.list_label(r, r.link_id in drafts) for r in chosen}
    st.session_state[PICK_KEY] = st.session_state.get("focus")
    with st.container(height=LIST_HEIGHT, key="link_list"):
        st.radio("Links", list(labels), format_func=labels.get, key=PICK_KEY,
                 on_change=picked, args=(chosen,), label_visibility="collapsed")


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
