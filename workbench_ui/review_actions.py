"""The review page's actions: button callbacks that call the service, move the
editor from link to link, and the per-link form state they reset.

Actions run in button callbacks (before the rerun), so they can reset a link's form;
their outcome is kept in ``st.session_state["flash"]`` under the link id and shown in
the editor.  Every refusal of the service (WorkbenchError) becomes a message, never a
traceback.  ``st.session_state["focus"]`` is the link id in the editor; text typed in a
link's box and left unsaved is kept in ``st.session_state["drafts"]`` until the reviewer
comes back to it.
"""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import FindingView, ReviewRow, SaveConflict, User
from workbench_ui import resources, rows as rowsel


#: Session keys: unsaved texts by link id, and the compact list's radio.
DRAFTS = "drafts"
PICK_KEY = "link_pick"
GOTO_KEY = "link_goto"
#: Set by a callback that only moved the editor / that changed the document: a move
#: alone lets the page reuse the review it has just loaded.
MOVED, CHANGED = "desk_moved", "desk_changed"


def flash(link_id: int, kind: str, message: str) -> None:
    st.session_state.setdefault("flash", {})[link_id] = (kind, message)


def text_key(link_id: int) -> str:
    return f"text_{link_id}"


def base_key(link_id: int) -> str:
    return f"base_{link_id}"


def forget_form(link_id: int) -> None:
    """Drop a row's form state so it is rebuilt from the database on the next run."""
    for key in (text_key(link_id), base_key(link_id), f"conflict_{link_id}"):
        st.session_state.pop(key, None)
    st.session_state.get(DRAFTS, {}).pop(link_id, None)


def run(link_id: int, action, done: str) -> bool:
    st.session_state[CHANGED] = True
    try:
        action()
    except WorkbenchError as exc:
        flash(link_id, "error", str(exc))
        return False
    if done:
        flash(link_id, "success", done)
    return True


def save(user: User, doc_id: int, row: ReviewRow) -> None:
    st.session_state[CHANGED] = True
    text = st.session_state.get(text_key(row.link_id), row.current_text)
    base = st.session_state.get(base_key(row.link_id), row.version)
    try:
        revision = resources.service().save_correction(
            user, doc_id, row.ordinal, text, base_version=base, link_id=row.link_id)
    except SaveConflict as exc:
        # Keep what the reviewer typed in the form; the next save merges over theirs.
        st.session_state[base_key(row.link_id)] = exc.their_version
        st.session_state[f"conflict_{row.link_id}"] = (exc.their_text, exc.their_author,
                                                       exc.their_version)
        flash(row.link_id, "error", str(exc))
        return
    except WorkbenchError as exc:
        flash(row.link_id, "error", str(exc))
        return
    st.session_state[base_key(row.link_id)] = revision.version
    st.session_state.pop(f"conflict_{row.link_id}", None)
    st.session_state.get(DRAFTS, {}).pop(row.link_id, None)
    if revision.removed_characters:
        st.session_state[text_key(row.link_id)] = revision.text  # the box shows what was kept
    flash(row.link_id, "success", saved_message(revision))


def saved_message(revision) -> str:
    """What a save did: the version, the characters it removed, and what re-checking
    the new text changed."""
    parts = [f"Saved as version {revision.version}."]
    if revision.removed_characters:
        n = revision.removed_characters
        parts.append(f"{n} character{'s' if n != 1 else ''} removed (invisible control or "
                     "bidi override characters, which break exports or reorder the text).")
    checked = []
    if revision.findings_fixed:
        checked.append(f"{revision.findings_fixed} finding(s) fixed")
    if revision.findings_opened:
        checked.append(f"{revision.findings_opened} new finding(s)")
    if revision.score is not None:
        checked.append(f"fidelity now {revision.score:.2f}")
    if checked:
        parts.append("Re-checked: " + ", ".join(checked) + ".")
    return " ".join(parts)


def set_status(user: User, doc_id: int, row: ReviewRow, status: str) -> None:
    run(row.link_id,
         lambda: resources.service().set_status(user, doc_id, row.ordinal, status),
         f"Marked {status}.")


def apply_fix(row: ReviewRow, finding: FindingView) -> None:
    """Put a finding's one-click fix into the correction box (the reviewer saves)."""
    key = text_key(row.link_id)
    box = st.session_state.get(key, row.current_text)
    if box == row.current_text and finding.fix_span:
        start, end = finding.fix_span
        box = box[:start] + finding.fix + box[end:]
    elif finding.flagged and finding.flagged in box:
        box = box.replace(finding.flagged, finding.fix, 1)
    else:
        flash(row.link_id, "error", f"“{finding.flagged}” is no longer in the box: "
              "the fix was not applied")
        return
    st.session_state[key] = box
    flash(row.link_id, "success", f"Fix put in the box ({finding.flagged} → {finding.fix}): "
          "save to keep it.")


def set_furniture(user: User, doc_id: int, row: ReviewRow, furniture: bool) -> None:
    run(row.link_id,
        lambda: resources.service().set_furniture(user, doc_id, row.ordinal, furniture),
        "")
    st.session_state["review_notice"] = (
        f"Link {row.ordinal} moved to page furniture." if furniture
        else f"Link {row.ordinal} moved back into the review.")


def dismiss(user: User, row: ReviewRow, finding_id: int) -> None:
    reason = st.session_state.get(f"dismiss_reason_{finding_id}", "")
    run(row.link_id,
         lambda: resources.service().dismiss_finding(user, finding_id, reason),
         "Finding dismissed.")


def tag(user: User, doc_id: int, row: ReviewRow) -> None:
    lid = row.link_id
    run(lid, lambda: resources.service().tag_mqm(
        user, doc_id, row.ordinal, st.session_state.get(f"mqm_cat_{lid}"),
        st.session_state.get(f"mqm_sev_{lid}"), st.session_state.get(f"mqm_note_{lid}", "")),
        "MQM tag added.")


def restore(user: User, doc_id: int, row: ReviewRow, revision_id: int) -> None:
    base = st.session_state.get(base_key(row.link_id), row.version)
    if run(row.link_id, lambda: resources.service().restore_revision(
            user, doc_id, revision_id, base_version=base), "Revision restored."):
        forget_form(row.link_id)


def restore_mt(user: User, doc_id: int, row: ReviewRow) -> None:
    base = st.session_state.get(base_key(row.link_id), row.version)
    if run(row.link_id, lambda: resources.service().restore_machine_text(
            user, doc_id, row.ordinal, base_version=base), "Machine translation restored."):
        forget_form(row.link_id)


def realign(row: ReviewRow, what: str, call) -> None:
    if run(row.link_id, call, ""):
        st.session_state["review_notice"] = f"Alignment changed ({what}); scores and " \
                                             "findings were recomputed."


def open_link(link_id: int | None, rows: list[ReviewRow] | None = None) -> None:
    """Put ``link_id`` in the editor; what was typed in the link being left and not
    saved is kept as a draft (:data:`DRAFTS`) for when the reviewer comes back."""
    current = st.session_state.get("focus")
    if current is not None and current != link_id and rows is not None:
        keep_draft(next((r for r in rows if r.link_id == current), None))
    st.session_state["focus"] = link_id
    st.session_state[MOVED] = True


def keep_draft(row: ReviewRow | None) -> None:
    if row is None or text_key(row.link_id) not in st.session_state:
        return
    drafts = st.session_state.setdefault(DRAFTS, {})
    typed = st.session_state[text_key(row.link_id)]
    if typed != row.current_text:
        drafts[row.link_id] = (typed, st.session_state.get(base_key(row.link_id), row.version))
    else:
        drafts.pop(row.link_id, None)


def picked(rows: list[ReviewRow], key: str = PICK_KEY) -> None:
    """The compact list's choice (or the "go to" box's, ``key``) goes into the editor."""
    open_link(st.session_state.get(key), rows)


def step(rows: list[ReviewRow], by: int) -> None:
    """The previous (``by=-1``) or next link of the list into the editor."""
    row = rowsel.neighbour(rows, st.session_state.get("focus"), by)
    if row is not None:
        open_link(row.link_id, rows)


def jump_next(rows: list[ReviewRow]) -> None:
    found = rowsel.next_open(rows, st.session_state.get("focus"))
    if found is None:
        st.session_state["review_notice"] = "No open finding left in the links shown."
        return
    open_link(found[1].link_id, rows)


def save_and_next(user: User, doc_id: int, row: ReviewRow, rows: list[ReviewRow]) -> None:
    """Save, then focus the next link with an open finding (if the save went through)."""
    save(user, doc_id, row)
    kind, message = st.session_state.get("flash", {}).get(row.link_id, ("", ""))
    if kind == "success":
        # the editor moves on: say what became of this link above it
        st.session_state["flash"].pop(row.link_id, None)
        st.session_state["review_notice"] = f"Link {row.ordinal}: {message}"
        st.session_state["focus"] = row.link_id
        others = [r for r in rows if r.link_id != row.link_id]  # its findings may be fixed
        if rowsel.next_open(others, None) is None:
            step(rows, 1)
        else:
            jump_next(rows)


def copy_mt(row: ReviewRow) -> None:
    """The machine translation back into the correction box (not saved)."""
    st.session_state[text_key(row.link_id)] = row.mt_text
