"""A link's details on the review page: score, findings to dismiss, MQM tags, diff,
history and alignment fixes (the "More…" tabs)."""

from __future__ import annotations

import streamlit as st

from workbench_ui.plain import plain

from workbench.errors import WorkbenchError
from workbench.service import MQM_CATEGORIES, MQM_SEVERITIES, ReviewRow, User
from workbench_ui import machine_translation
from workbench_ui.html.diff import change_marker, diff_html
from workbench_ui.html.highlight import components_table, escape_mixed, highlight_paragraphs
from workbench_ui.review_actions import (
    dismiss, realign, restore, restore_mt, set_furniture, tag, text_key,
)


def link_details(user: User, doc_id: int, row: ReviewRow, last: bool, svc) -> None:
    lid = row.link_id
    tabs = st.tabs(["Score", "Findings", "MQM", "Diff", "History", "Alignment"])
    with tabs[0]:
        st.html(components_table((c.name, c.value, c.explanation) for c in row.components))
        st.caption(f"signature: {row.signature}")
        machine_translation.back_translation(user, doc_id, row, text_key(lid))
    with tabs[1]:
        open_findings = [f for f in row.findings if f.status == "open"]
        if not open_findings:
            st.caption("No open finding.")
        for f in open_findings:
            st.html(f"<b>{escape_mixed(f.severity)}</b> {escape_mixed(f.kind + ': ' + f.message)}")
            c1, c2 = st.columns([4, 1])
            c1.text_input("Reason", key=f"dismiss_reason_{f.id}",
                          placeholder="why this is not an error", label_visibility="collapsed")
            c2.button("Dismiss", key=f"dismiss_{f.id}", on_click=dismiss, args=(user, row, f.id))
    with tabs[2]:
        for mqm_tag in row.mqm:
            st.text(f"{mqm_tag.severity} {mqm_tag.category} — {mqm_tag.note} ({mqm_tag.author})")
        c1, c2, c3, c4 = st.columns([3, 2, 3, 1])
        c1.selectbox("Category", MQM_CATEGORIES, key=f"mqm_cat_{lid}")
        c2.selectbox("Severity", MQM_SEVERITIES, index=1, key=f"mqm_sev_{lid}")
        c3.text_input("Note", key=f"mqm_note_{lid}")
        c4.button("Tag", key=f"mqm_add_{lid}", on_click=tag, args=(user, doc_id, row))
    with tabs[3]:
        current = st.session_state.get(text_key(lid), row.current_text)
        st.caption("Machine translation → text in the box")
        st.html(diff_html(row.mt_text, current))
    with tabs[4]:
        _history(user, doc_id, row, svc)
    with tabs[5]:
        c1, c2, c3, c4 = st.columns(4)
        if row.source:
            c4.button("Page furniture", key=f"furniture_{lid}", on_click=set_furniture,
                      args=(user, doc_id, row, True), help="not work: folded away and left "
                      "out of progress (a dateline, a byline)")
        c1.button("Merge with next", key=f"merge_{lid}", disabled=last,
                  on_click=realign, args=(row, "merged", lambda: svc.merge_links(
                      user, doc_id, [row.ordinal, row.ordinal + 1])))
        can_split = len(row.source) > 1 or len(row.target) > 1
        s_cut = len(row.source) // 2 if len(row.source) > 1 else len(row.source)
        t_cut = len(row.target) // 2 if len(row.target) > 1 else len(row.target)
        c2.button("Split in two", key=f"split_{lid}", disabled=not can_split,
                  help="after the first half of its paragraphs on each side",
                  on_click=realign, args=(row, "split", lambda: svc.split_link(
                      user, doc_id, row.ordinal, s_cut, t_cut)))
        c3.button("Unlink", key=f"unlink_{lid}", disabled=not (row.source and row.target),
                  on_click=realign, args=(row, "unlinked", lambda: svc.unlink(
                      user, doc_id, row.ordinal)))


def _history(user: User, doc_id: int, row: ReviewRow, svc) -> None:
    """Every revision, newest first, as the word diff from the text it replaced (the
    machine translation for the first) with a change marker: what v2 changed in v1."""
    try:
        history = svc.history(user, doc_id, row.ordinal)
    except WorkbenchError as exc:
        st.error(plain(exc))
        history = []
    if not history:
        st.caption("No revision yet: the text is the machine translation.")
    texts = {rev.id: rev.text for rev in history}
    for rev in reversed(history):
        before = texts.get(rev.parent_id, row.mt_text)
        what = "the machine translation" if rev.parent_id is None else "the text before"
        label = (f"v{rev.version}" if rev.version is not None else "refused save") + \
            f" · {rev.kind} · {plain(rev.author)} · {rev.created_at:%Y-%m-%d %H:%M}"
        with st.container(border=True, key=f"rev_{rev.id}"):
            c1, c2 = st.columns([5, 1])
            c1.markdown(f"{label} · **{change_marker(before, rev.text)}**")
            c1.caption(f"against {what}")
            c1.html(diff_html(before, rev.text))
            c2.button("Restore", key=f"restore_{rev.id}", on_click=restore,
                      args=(user, doc_id, row, rev.id))
    if row.corrected:
        st.button("Back to the machine translation", key=f"restore_mt_{row.link_id}",
                  on_click=restore_mt, args=(user, doc_id, row))
