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

import time

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import SEVERITIES, Review, ReviewRow, User
from workbench_ui import machine_translation, outage, resources, rows as rowsel, shortcuts
from workbench_ui.editor import STATUS_WORDS, editor
from workbench_ui.export_panel import approve_panel, export_panel
from workbench_ui.html.highlight import highlight_paragraphs
from workbench_ui.plain import plain
from workbench_ui.review_actions import (
    CHANGED, DRAFTS, GOTO_KEY, MOVED, PICK_KEY, jump_next, open_link, picked, set_furniture,
    step,
)

# The correction box holds Arabic: right-to-left, a little larger.  Streamlit's "Press
# Ctrl+Enter to apply" is hidden in the editor: there Ctrl+Enter saves
# (workbench_ui.shortcuts), and the box never reruns the page by itself.
CSS = """<style>
[class*="st-key-text_"] textarea {direction: rtl; text-align: right; font-size: 1.05rem;
  line-height: 1.6; unicode-bidi: plaintext;}
.st-key-editor [data-testid="InputInstructions"] {display: none;}
.st-key-editor textarea {max-height: 70vh; overflow-y: auto;}
.wb-side[dir="rtl"] {font-size: 1.05rem;}
.st-key-link_list label p {font-size: .9rem;}
.st-key-desk_counts [data-testid="stMetricValue"] {font-size: 1.5rem;}
</style>"""

SORTS = rowsel.SORTS
#: Session keys: the review loaded by the page run, handed to the fragment; the review
#: the fragment last loaded (document id, when, review), reused for a move of the editor
#: within REUSE_S seconds (other reviewers' saves show at the next load; a save of an
#: older version is refused as a conflict, never lost).
FRESH_REVIEW, KEPT_REVIEW = "desk_review", "desk_kept"
REUSE_S = 30.0


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
    """Filters and order, folded away (the label says what is on)."""
    on = [f"{len(st.session_state.get(k) or ())} {what}" for k, what in
          (("f_kind", "kind(s)"), ("f_sev", "severity(ies)"), ("f_status", "status(es)"))
          if st.session_state.get(k)]
    on += [what for k, what in (("f_open", "only open findings"),
                                ("f_dismissed", "dismissed shown")) if st.session_state.get(k)]
    on += ([st.session_state["sort"]] if st.session_state.get("sort", SORTS[0]) != SORTS[0]
           else [])
    kinds = sorted({f.kind for r in review.rows for f in r.findings})
    with st.expander("Filter and order" + (f": {', '.join(on)}" if on else "")):
        c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
        flt = rowsel.RowFilter(
            kinds=tuple(c1.multiselect("Finding kind", kinds, key="f_kind")),
            severities=tuple(c2.multiselect("Severity", list(SEVERITIES), key="f_sev")),
            statuses=tuple(c3.multiselect("Status", list(STATUS_WORDS), key="f_status")),
            only_open_findings=c4.checkbox("Only open findings", key="f_open"),
            show_dismissed=c4.checkbox("Show dismissed", key="f_dismissed"),
        )
        sort = st.radio("Order", SORTS, horizontal=True, key="sort")
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
    c_doc, c_export = st.columns([3, 1.2], vertical_alignment="bottom")
    with c_doc:
        doc_id = _pick_document(user)
    if doc_id is None:
        return
    review = _load(user, doc_id)
    if review is None:
        return
    if c_export.toggle("Export this document", key="export_on"):
        export_panel(user, review)
    approve_panel(user, review)
    flt, sort = _filters(review)
    st.session_state[FRESH_REVIEW] = review
    _desk(user, doc_id, flt, sort)
    shortcuts.install()


@st.fragment
def _desk(user: User, doc_id: int, flt: rowsel.RowFilter, sort: str) -> None:
    """Counts, the compact list, the editor and the furniture: rerun alone by their own
    widgets (``bench/bench_ui.py`` times :func:`desk` through this module's name)."""
    desk(user, doc_id, flt, sort)


def _review_for_desk(user: User, doc_id: int) -> Review | None:
    """The page run's review; after a callback that only moved the editor, the review
    this fragment loaded a moment ago; else the document loaded again."""
    review = st.session_state.pop(FRESH_REVIEW, None)
    moved_only = st.session_state.pop(MOVED, False) and not st.session_state.pop(CHANGED, False)
    kept = st.session_state.get(KEPT_REVIEW)
    if review is None and moved_only and kept and kept[0] == doc_id \
            and time.monotonic() - kept[1] < REUSE_S:
        return kept[2]
    if review is None or review.document.id != doc_id:
        review = _load(user, doc_id)
        if review is None:
            return None
    st.session_state[KEPT_REVIEW] = (doc_id, time.monotonic(), review)
    return review


def desk(user: User, doc_id: int, flt: rowsel.RowFilter, sort: str) -> None:
    """The fragment's body."""
    review = _review_for_desk(user, doc_id)
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
    m = st.container(horizontal=True, key="desk_counts").columns(5)
    m[0].metric("Links", d.links)
    m[1].metric("Reviewed", d.reviewed)
    m[2].metric("Approved", d.approved)
    m[3].metric("Corrected", d.corrected)
    m[4].metric("Open findings", d.open_findings)
    st.progress(d.progress, text=f"{d.progress:.0%} reviewed"
                + (f" · {d.furniture} page furniture link(s) not counted" if d.furniture else ""))


def _link_list(chosen: list[ReviewRow], work: int) -> None:
    """The links shown, one line each (score colour, number, status, open findings), a
    page at a time around the link in the editor; a click opens one.  Above: previous,
    next, next open finding, and a box to go to any link by its number."""
    bar = st.container(horizontal=True, key="list_actions", gap="small")
    bar.button("◀", key="prev_link", on_click=step, args=(chosen, -1), help="previous link (Alt+↑)")
    bar.button("▶", key="next_link", on_click=step, args=(chosen, 1), help="next link (Alt+↓)")
    bar.button("Next ⚑", key="next_open", on_click=jump_next, args=(chosen,),
               help="next open finding (Alt+N)")
    if not chosen:
        return
    by_id = {r.link_id: r for r in chosen}
    focus = st.session_state.get("focus")
    st.session_state[GOTO_KEY] = focus
    st.selectbox("Go to link", list(by_id), format_func=lambda i: rowsel.goto_label(by_id[i]),
                 key=GOTO_KEY, on_change=picked, args=(chosen, GOTO_KEY),
                 label_visibility="collapsed", help="type a link's number")
    start, page = rowsel.list_page(chosen, focus)
    st.caption(f"{start + 1}–{start + len(page)} of {len(chosen)} links"
               + (f" ({work} in all)" if work != len(chosen) else "")
               + " · ● score, ○◐● status, ⚑ open findings")
    drafts = st.session_state.get(DRAFTS, {})
    labels = {r.link_id: rowsel.list_label(r, r.link_id in drafts) for r in page}
    st.session_state[PICK_KEY] = focus
    with st.container(key="link_list"):
        st.radio("Links", list(labels), format_func=labels.get, key=PICK_KEY,
                 on_change=picked, args=(chosen,), label_visibility="collapsed")


def _furniture(user: User, doc_id: int, rows: list[ReviewRow]) -> None:
    """Page chrome folded into one collapsed group; one click moves a link back."""
    if not rows:
        return
    group = st.expander(f"Page furniture ({len(rows)})", expanded=False,
                        key="furniture_group", on_change="rerun")
    if not group.open:  # drawn only when opened: every rerun of the fragment redraws it
        return
    with group:
        st.caption("Menus, ads, bylines and links of the web page: not counted in progress, "
                   "marked as furniture in the exports.")
        for row in rows:
            c1, c2 = st.columns([5, 1])
            c1.html(highlight_paragraphs([(-1, row.current_text)], {}, rtl=True))
            c2.button("Not furniture", key=f"unfurniture_{row.link_id}",
                      on_click=set_furniture, args=(user, doc_id, row, False),
                      help=f"set by {row.furniture_by}" if row.furniture_by else
                      "classified as page furniture when the document was read")
