"""The Glossary page's history: for one term, or for the latest changes of all, who
changed what when, each changed field with its value before and after."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import GlossaryChange, GlossaryTerm, User
from workbench_ui import resources
from workbench_ui.plain import plain

#: How each action reads in the table.
ACTIONS = {
    "added": "added", "suggested": "suggested", "edited": "edited", "deleted": "deleted",
    "approved": "approved", "rejected": "rejected", "loaded": "loaded from its file",
    "file_update": "updated from its file", "file_kept": "file changed, edit kept",
    "file_removed": "removed from its file",
}
FIELDS = ("source", "target", "variants", "forbidden", "category", "note")
RECENT = 50
#: The pixels a character needs at most in the grid, and the least width of a column.
PX_PER_CHAR, MIN_PX = 8, 140


def fitting_width(texts: pd.Series) -> int:
    """A column as wide as its longest text.  The grid draws a right-to-left text wider
    than its cell over the cell to its left (one row's cells overlapped), so a column
    that may hold Arabic must hold its whole text; a left-to-right text that runs out
    is covered by the next cell, and opening a cell shows it all."""
    longest = int(texts.fillna("").astype(str).str.len().max() or 0) if len(texts) else 0
    return max(MIN_PX, 24 + PX_PER_CHAR * longest)


def _value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    return "" if value is None else " ".join(str(value).split())


def history_rows(changes: list[GlossaryChange]) -> list[dict]:
    """One row per changed field of each change (one row for a change of nothing
    editable, e.g. an approval)."""
    rows = []
    for c in changes:
        base = {"when": c.at.strftime("%Y-%m-%d %H:%M"), "term": c.source,
                "who": c.user or "shipped file", "what": ACTIONS.get(c.action, c.action)}
        fields = c.changed if c.before and c.after else ()
        if not fields:
            shown = c.after or c.before or {}
            rows.append(base | {"field": "", "before": "" if c.after else _value(
                shown.get("target")), "after": _value(shown.get("target")) if c.after else "",
                "note": c.note})
            continue
        for name in fields:
            rows.append(base | {"field": name, "before": _value(c.before.get(name)),
                                "after": _value(c.after.get(name)), "note": c.note})
    return rows


def render(user: User, terms: list[GlossaryTerm]) -> None:
    """An expander: pick a term (of those shown) or see the latest changes of all."""
    with st.expander("History of changes"):
        choices = [None, *(t.id for t in terms)]
        names = {t.id: f"{t.source} → {t.target}" for t in terms}
        term_id = st.selectbox("Term", choices, key="glossary_history_term",
                               format_func=lambda i: f"latest {RECENT} changes of every term"
                               if i is None else names[i])
        try:
            changes = resources.service().term_history(user, term_id, limit=RECENT)
        except WorkbenchError as exc:
            st.error(plain(exc))
            return
        if not changes:
            st.caption("No change yet.")
            return
        table = pd.DataFrame(history_rows(changes))
        st.dataframe(table, hide_index=True, width="stretch", key="glossary_history_table",
                     column_config={
                         "when": st.column_config.TextColumn(width=130),
                         "term": st.column_config.TextColumn(width="medium"),
                         "who": st.column_config.TextColumn(width=110),
                         "what": st.column_config.TextColumn(width=170),
                         "field": st.column_config.TextColumn(width=90),
                         "before": st.column_config.TextColumn(
                             width=fitting_width(table["before"])),
                         "after": st.column_config.TextColumn(
                             width=fitting_width(table["after"])),
                         "note": st.column_config.TextColumn(width="large")})
