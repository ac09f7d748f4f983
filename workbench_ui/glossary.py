"""Glossary page: every term the checks use (the shipped files' and those made here)
in one table; maintainers edit any of them, import CSV/TBX and decide on suggestions;
each term's history (who, when, before/after); everyone can export and suggest a term."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import (
    TERM_CATEGORIES, GlossaryTerm, Service, User, glossary_formats, roles,
)
from workbench_ui import glossary_history, messages, resources
from workbench_ui.html.highlight import escape_mixed
from workbench_ui.plain import plain

COLUMNS = ("source", "target", "variants", "forbidden", "category", "note")
EDITOR_KEY = "glossary_editor"
MESSAGE = "glossary_message"
#: Each column with its heading and a width.
TABLE_COLUMNS = {
    "id": st.column_config.NumberColumn("id", width="small", disabled=True),
    "source": st.column_config.TextColumn("Vietnamese", width="medium", required=True),
    "target": st.column_config.TextColumn("Arabic", required=True),
    "variants": st.column_config.TextColumn("also accepted (a|b)"),
    "forbidden": st.column_config.TextColumn("forbidden (a|b)"),
    "category": st.column_config.SelectboxColumn("category", options=list(TERM_CATEGORIES),
                                                 required=True, width="small"),
    "note": st.column_config.TextColumn("note", width="large"),
    "origin": st.column_config.TextColumn("from", width="small", disabled=True,
                                          help="the shipped file, or empty for a term "
                                               "made here"),
    "edited": st.column_config.CheckboxColumn("changed here", width="small", disabled=True,
                                              help="changed since its file gave it: a new "
                                                   "version of the file leaves it alone"),
}
#: The columns that hold Arabic: each as wide as its longest text shown, so a
#: right-to-left text is never drawn over its neighbour (:func:`fitting_width`).
ARABIC_COLUMNS = ("target", "variants", "forbidden")


def column_config(shown: pd.DataFrame) -> dict:
    """The columns, each Arabic one as wide as its longest text shown."""
    config = dict(TABLE_COLUMNS)
    for name in ARABIC_COLUMNS:
        config[name] = config[name] | {"width": glossary_history.fitting_width(shown[name])}
    return config


def _one_line(text: str) -> str:
    """A cell's text on one line (a line break would draw over the next row)."""
    return " ".join((text or "").split())


def _table(terms: list[GlossaryTerm]) -> pd.DataFrame:
    return pd.DataFrame([{
        "id": t.id, "source": t.source, "target": t.target,
        "variants": "|".join(t.variants), "forbidden": "|".join(t.forbidden),
        "category": t.category, "note": _one_line(t.note), "origin": t.origin,
        "edited": t.edited,
    } for t in terms], columns=list(TABLE_COLUMNS)).astype({"id": "Int64", "edited": "boolean"})
    # nullable dtypes: a row added in the editor has no id and no "changed here" yet


def _matches(term: GlossaryTerm, query: str) -> bool:
    query = query.casefold().strip()
    return not query or any(query in str(v).casefold() for v in (
        term.source, term.target, *term.variants, *term.forbidden, term.note, term.category))


def _apply_edits(user: User, shown: pd.DataFrame) -> None:
    """Callback: send the data_editor's edits (by row position of ``shown``) to the
    service, one call per changed term; stops at the first refusal."""
    state = st.session_state.get(EDITOR_KEY) or {}
    svc = resources.service()
    done = 0
    try:
        with svc.one_recheck():  # the open documents re-checked once
            for position, changes in (state.get("edited_rows") or {}).items():
                term_id = int(shown.iloc[int(position)]["id"])
                fields = {k: ("" if v is None else v) for k, v in changes.items()
                          if k in COLUMNS}
                if fields:
                    svc.update_term(user, term_id, **fields)
                    done += 1
            for added in state.get("added_rows") or []:
                if not any((added.get(k) or "").strip() for k in COLUMNS):
                    continue
                svc.add_term(user, added.get("source", ""), added.get("target", ""),
                             added.get("variants") or "", added.get("forbidden") or "",
                             added.get("category") or "term", added.get("note") or "")
                done += 1
            for position in state.get("deleted_rows") or []:
                svc.delete_term(user, int(shown.iloc[int(position)]["id"]))
                done += 1
    except WorkbenchError as exc:
        st.session_state[MESSAGE] = ("error", f"{exc} ({done} change(s) saved before this one)")
    else:
        st.session_state[MESSAGE] = ("success", f"{done} change(s) saved.")
    st.session_state.pop(EDITOR_KEY, None)


def _import(user: User) -> None:
    upload = st.session_state.get("glossary_upload")
    if upload is None:
        st.session_state[MESSAGE] = ("error", "Choose a CSV or TBX file first.")
        return
    messages.attempt(MESSAGE, lambda: resources.service().import_glossary_file(
        user, upload.name, upload.getvalue()),
        lambda counts: f"{upload.name}: {counts[0]} term(s) added, {counts[1]} updated.")


def _suggest(user: User) -> None:
    sent = messages.attempt(MESSAGE, lambda: resources.service().suggest_term(
        user, st.session_state.get("suggest_source", ""),
        st.session_state.get("suggest_target", ""),
        category=st.session_state.get("suggest_category", "term"),
        note=st.session_state.get("suggest_note", "")), "Suggestion sent to the maintainers.")
    if sent:
        for key in ("suggest_source", "suggest_target", "suggest_note"):
            st.session_state[key] = ""


def _decide(user: User, term_id: int, approve: bool) -> None:
    messages.attempt(MESSAGE, lambda: resources.service().decide_term(user, term_id, approve),
                     lambda term: f"{term.source}: {term.status}.")


# The four downloads: (key, label, which glossary, format, file name).
DOWNLOADS = (
    ("glossary_csv", "Approved terms, CSV", "workbench", "csv", "glossary.csv"),
    ("glossary_tbx", "Approved terms, TBX", "workbench", "tbx", "glossary.tbx"),
    ("glossary_all_csv", "What the checks use, CSV", "all", "csv", "glossary-all.csv"),
    ("glossary_all_tbx", "What the checks use, TBX", "all", "tbx", "glossary-all.tbx"),
)


def _downloads(user: User) -> None:
    """The downloads, each file built by the service only when its button is pressed."""
    svc = resources.service()
    mimes = {f.name: f.mime for f in glossary_formats()}
    for col, (key, label, scope, fmt, name) in zip(st.columns(len(DOWNLOADS)), DOWNLOADS):
        col.download_button(label, _glossary_file(svc, user, fmt, scope), file_name=name,
                            mime=mimes[fmt], key=key, width="stretch")


def _glossary_file(svc: Service, user: User, fmt: str, scope: str) -> Callable[[], bytes]:
    """One glossary download, made when the user asks (bound here: the download runs
    outside the script, so it must not look the service up again)."""
    return lambda: svc.glossary_file(user, fmt, scope)


def _propose(user: User, source: str, target: str, old: str, message: str) -> None:
    messages.attempt(MESSAGE, lambda: resources.service().suggest_term(
        user, source, target, forbidden=[old], note=message), f"{source} → {target} proposed.")


def _adopt(user: User, suggestion) -> None:
    def approved(term: GlossaryTerm) -> str:
        forbidden = f" (forbidden: {' | '.join(term.forbidden)})" if term.forbidden else ""
        return f"{term.source} → {term.target} approved{forbidden}."

    messages.attempt(MESSAGE, lambda: resources.service().adopt_suggestion(user, suggestion),
                     approved)


def _learned(user: User) -> None:
    """Term replacements reviewers made in their corrections (the service's
    ``term_suggestions``): anyone may propose one, a glossary maintainer approves it."""
    found = resources.service().term_suggestions(user)
    if not found:
        st.caption("No term change found in the corrections so far.")
        return
    can_adopt = roles.allows(user.roles, "edit_glossary")
    for k, t in enumerate(found):
        cols = st.columns([6, 1, 1])
        cols[0].html(f"<b>{escape_mixed(t.source_term)}</b>: "
                     f"{escape_mixed(t.from_text)} → {escape_mixed(t.to_text)} "
                     f"<small>({escape_mixed(t.message)}; {escape_mixed(t.basis)})</small>")
        cols[1].button("Propose", key=f"learned_{k}", on_click=_propose,
                       args=(user, t.source_term, t.to_text, t.from_text, t.message))
        if can_adopt:
            cols[2].button("Approve", key=f"learned_ok_{k}", on_click=_adopt, args=(user, t),
                           help="add the term now: this Arabic preferred, the replaced "
                                "one forbidden")


def _terms_table(user: User, approved: list[GlossaryTerm], can_edit: bool) -> None:
    """Search, then the terms: an editable table for maintainers, else read-only."""
    left, right = st.columns([3, 1])
    query = left.text_input("Search (Vietnamese, Arabic, note)", key="glossary_search")
    origins = sorted({t.origin for t in approved})
    origin = right.selectbox("From", ["all", *origins], key="glossary_origin",
                             format_func=lambda o: {"all": "every source", "": "made here"}
                             .get(o, o))
    shown_terms = [t for t in approved if _matches(t, query)
                   and (origin == "all" or t.origin == origin)]
    shown = _table(shown_terms)
    st.caption(f"{len(shown_terms)} of {len(approved)} terms shown: every term the checks "
               "use, from the shipped files and made here. A change re-checks the open "
               "documents in the background.")
    if can_edit:
        st.data_editor(shown, key=EDITOR_KEY, hide_index=True, num_rows="dynamic",
                       width="stretch", disabled=["id", "origin", "edited"],
                       column_config=column_config(shown))
        st.button("Save glossary changes", key="glossary_save", type="primary",
                  on_click=_apply_edits, args=(user, shown))
    else:
        st.dataframe(shown, hide_index=True, width="stretch",
                     column_config=column_config(shown))
        st.caption("Read-only: editing the glossary needs the glossary maintainer role. "
                   "You can suggest a term below.")
    glossary_history.render(user, shown_terms)


def _suggestions(user: User, suggested: list[GlossaryTerm], can_decide: bool) -> None:
    st.subheader(f"Suggestions ({len(suggested)})")
    for t in suggested:
        cols = st.columns([5, 1, 1])
        cols[0].html(f"<b>{escape_mixed(t.source)}</b> → "
                     f"<bdi dir='rtl'>{escape_mixed(t.target)}</bdi> · {escape_mixed(t.category)}"
                     f"{' · ' + escape_mixed(t.note) if t.note else ''} "
                     f"(by {escape_mixed(t.suggested_by or '?')})")
        if can_decide:
            cols[1].button("Approve", key=f"term_approve_{t.id}", on_click=_decide,
                           args=(user, t.id, True))
            cols[2].button("Reject", key=f"term_reject_{t.id}", on_click=_decide,
                           args=(user, t.id, False))


def _suggest_form(user: User) -> None:
    if st.toggle("Learn suggestions from corrections", key="learn_on"):
        try:
            _learned(user)
        except WorkbenchError as exc:
            st.error(plain(exc))
    with st.expander("Suggest a term"):
        st.text_input("Vietnamese term", key="suggest_source")
        st.text_input("Arabic rendering", key="suggest_target")
        st.selectbox("Category", TERM_CATEGORIES, index=len(TERM_CATEGORIES) - 1,
                     key="suggest_category")
        st.text_input("Note", key="suggest_note")
        st.button("Suggest", key="suggest_send", on_click=_suggest, args=(user,))


def render(user: User) -> None:
    st.header("Glossary")
    svc = resources.service()
    can_edit = roles.allows(user.roles, "edit_glossary")
    messages.show(MESSAGE)
    try:
        approved = svc.list_terms(user, status="approved")
        suggested = svc.list_terms(user, status="suggested")
        loaded = svc.glossary_sync(user)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    if can_edit and loaded is not None and loaded.message:
        (st.warning if loaded.problem or loaded.kept else st.info)(plain(loaded.message))
    _terms_table(user, approved, can_edit)
    _downloads(user)
    if can_edit:
        with st.expander("Import CSV/TBX"):
            st.file_uploader("Glossary file", type=["csv", "tbx"], key="glossary_upload")
            st.button("Import", key="glossary_import", on_click=_import, args=(user,))
    _suggestions(user, suggested, roles.allows(user.roles, "approve_term"))
    if roles.allows(user.roles, "suggest_term"):
        _suggest_form(user)
