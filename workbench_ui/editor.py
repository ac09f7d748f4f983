"""The review page's focused editor: one link at a time.

The Vietnamese source with its findings highlighted, the Arabic in one correction box
sized to the paragraph (the machine translation until someone corrects it, so the
Arabic is shown once; the box takes the height of its text and grows while typing),
the link's findings with the words around each and their
one-click fixes, and the actions (save, save and next, reviewed, approve, machine
translation back into the box), driven from the keyboard too
(:mod:`workbench_ui.shortcuts`).  The box does not rerun the page when it loses focus
(``on_change="ignore"``): what was typed goes to the server with the next click.
"""

from __future__ import annotations

import html

import streamlit as st

from workbench.service import FindingView, Review, ReviewRow, User
from workbench_ui import machine_translation, rows as rowsel, shortcuts
from workbench_ui.html.diff import change_marker, diff_html
from workbench_ui.html.highlight import (
    Mark, escape_mixed, fidelity_badge, highlight_paragraphs, snippet,
)
from workbench_ui.link_details import link_details
from workbench_ui.plain import plain
from workbench_ui.review_actions import (
    DRAFTS, apply_fix, base_key, copy_mt, save, save_and_next, set_furniture, set_status,
    text_key,
)

STATUS_WORDS = {"new": "○ new", "reviewed": "◐ reviewed", "approved": "● approved"}


def _init_box(row: ReviewRow) -> bool:
    """The box's text and base version: an unsaved draft of this link if there is one,
    else its current text.  True when a draft came back."""
    if text_key(row.link_id) in st.session_state:
        return False
    draft = st.session_state.get(DRAFTS, {}).get(row.link_id)
    text, base = draft if draft else (row.current_text, row.version)
    st.session_state[text_key(row.link_id)] = text
    st.session_state[base_key(row.link_id)] = base
    return draft is not None


def _heading(row: ReviewRow, position: int, shown: int) -> None:
    head = (f"**Link {row.ordinal}** · {position + 1} of {shown} · source ¶"
            f"{', '.join(map(str, row.source)) or '—'} ↔ target ¶"
            f"{', '.join(map(str, row.target)) or '—'} · "
            f"{STATUS_WORDS.get(row.status, row.status)}"
            + (f" by {plain(row.status_by)}" if row.status_by else "")
            + (f" · corrected (v{row.version})" if row.corrected else ""))
    c_head, c_score = st.columns([5, 1])
    c_head.markdown(head)
    why = "; ".join(f"{c.name} {c.value:.2f}" for c in row.components)
    c_score.html(fidelity_badge(row.score, why) if row.source and row.target
                 else '<span style="color:#888">one-sided</span>')
    back = st.session_state.get(f"bt_result_{row.link_id}")
    if back is not None and back.round_trip is not None and row.source:
        c_score.caption(f"round trip chrF {back.round_trip:.0f}")


def _finding_html(row: ReviewRow, f: FindingView) -> str:
    missing = [e for e in f.expected if e not in f.message]
    extra = f" — accepted: {' / '.join(missing)}" if missing else ""
    sure = f" · confidence {f.confidence:.0%}" if f.confidence < 1.0 else ""
    state = sure + (f" (dismissed: {f.dismiss_reason})" if f.status == "dismissed" else
             f" (fixed by v{f.fixed_version})" if f.status == "fixed" and f.fixed_version
             else " (no longer found)" if f.status == "fixed" else "")
    where = ""
    if f.status == "open":
        paragraphs = row.current_paragraphs
        where = " ".join(
            snippet(paragraphs[s.paragraph], Mark(s.start, s.end, f.severity, f.kind,
                                                  f.message))
            for s in f.target_spans[:2] if s.paragraph in paragraphs)
    return (f'<div class="wb-finding-item wb-{html.escape(f.severity)}">'
            f"<b>{html.escape(f.severity)}</b> {html.escape(f.kind)}: "
            f"{escape_mixed(f.message + extra + state)}"
            + (f'<div style="margin:.2em 0 0 1em">{where}</div>' if where else "")
            + "</div>")


def _findings(row: ReviewRow, show_dismissed: bool) -> None:
    """Each finding with the words around it and, when it knows the right rendering,
    its one-click fix (into the box; saving closes the finding)."""
    for f in rowsel.visible_findings(row, show_dismissed):
        text, button = st.columns([4, 1], vertical_alignment="center")
        text.html(_finding_html(row, f))
        if f.fix and f.status == "open":
            # each side isolated (FSI … PDI) so the arrow keeps its place between Arabic
            button.button(f"Fix: \u2068{plain(f.flagged)}\u2069 → \u2068{plain(f.fix)}\u2069",
                          key=f"fix_{f.id}", on_click=apply_fix, args=(row, f), wrap=True,
                          help="puts the fixed text into the correction box; save it to "
                               "close the finding")


def _box(user: User, doc_id: int, row: ReviewRow) -> None:
    lid = row.link_id
    if not row.target:
        st.caption("No Arabic: this Vietnamese paragraph was left untranslated.")
        return
    st.text_area("Correction (Arabic)" if row.corrected else
                 "Machine translation: correct it here", key=text_key(lid),
                 height="content",
                 on_change="ignore")
    machine_translation.suggest_button(user, doc_id, row, text_key(lid))


def _actions(user: User, doc_id: int, row: ReviewRow, rows: list[ReviewRow]) -> bool:
    """The action buttons in one row; returns whether "More…" is on."""
    lid = row.link_id
    bar = st.container(horizontal=True, key="editor_actions", vertical_alignment="center")
    if row.target:
        bar.button("Save", key=f"save_{lid}", on_click=save, args=(user, doc_id, row),
                   type="primary", help="Alt+S")
        bar.button("Save & next", key=f"savenext_{lid}", on_click=save_and_next,
                   args=(user, doc_id, row, rows),
                   help="Ctrl+Enter or Alt+Enter: save, then the next open finding")
    bar.button("Mark reviewed", key=f"reviewed_{lid}", on_click=set_status,
               args=(user, doc_id, row, "reviewed"), disabled=row.status == "reviewed",
               help="Alt+R")
    bar.button("Approve", key=f"approve_{lid}", on_click=set_status,
               args=(user, doc_id, row, "approved"), disabled=row.status == "approved",
               help="Alt+A")
    if row.target:
        bar.button("MT into box", key=f"copymt_{lid}", on_click=copy_mt, args=(row,),
                   help="Alt+M: the machine translation back into the box (not saved)")
    if not row.source:  # a one-sided target link: often page chrome
        bar.button("Page furniture", key=f"furniture_{lid}", on_click=set_furniture,
                   args=(user, doc_id, row, True),
                   help="not work: folded away and left out of progress")
    return bar.toggle("More…", key=f"more_{lid}")


def _conflict(row: ReviewRow) -> None:
    conflict = st.session_state.get(f"conflict_{row.link_id}")
    if not conflict:
        return
    their_text, author, version = conflict
    st.warning(f"{plain(author or 'Someone')} saved version {version} meanwhile. Their text "
               "is below; yours is still in the box. Merge and save again to replace theirs.")
    st.html(highlight_paragraphs([(-1, their_text)], {}, rtl=True))


def editor(user: User, doc_id: int, review: Review, row: ReviewRow, rows: list[ReviewRow],
           show_dismissed: bool, svc) -> None:
    """The editor of ``row``; ``rows`` are the links of the list (for "next")."""
    restored = _init_box(row)
    position = next((k for k, r in enumerate(rows) if r.link_id == row.link_id), 0)
    with st.container(border=True, key="editor"):
        _heading(row, position, len(rows))
        visible = rowsel.visible_findings(row, show_dismissed)
        left, right = st.columns(2)
        left.html(highlight_paragraphs([(i, review.source_paragraphs[i]) for i in row.source],
                                       rowsel.marks(visible, "source")))
        with right:
            _box(user, doc_id, row)
        if restored:
            st.info("Your unsaved text of this link is back in the box.")
        _findings(row, show_dismissed)
        _conflict(row)
        more = _actions(user, doc_id, row, rows)
        st.caption(shortcuts.HELP)
        flash = st.session_state.get("flash", {}).pop(row.link_id, None)
        if flash:
            (st.error if flash[0] == "error" else st.success)(plain(flash[1]))
        if row.corrected:
            with st.expander(f"Machine translation · {change_marker(row.mt_text, row.current_text)}"
                             f" in v{row.version}"):
                st.html(diff_html(row.mt_text, row.current_text))
        if more:
            link_details(user, doc_id, row, row.ordinal == len(review.rows) - 1, svc)
