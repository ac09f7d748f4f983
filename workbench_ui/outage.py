"""Keeping a page up while the database is unreachable, so nothing typed is lost.

Streamlit forgets a widget's value when a run does not draw the widget.  If the Review
page stopped at "the database cannot be reached", the correction a reviewer was
saving would vanish with its text box.  Instead, while the database is down, the page
is drawn from what it last loaded in this browser session (signed-in user, document
list, review), with a warning: the boxes keep their text, a save says it was not saved,
and pressing save again once the server is back stores it.  Only
:class:`~workbench.errors.ServiceUnavailable` falls back; any other refusal is raised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from workbench.errors import ServiceUnavailable

T = TypeVar("T")

STATE_KEY = "last_loaded"


def remembered(key: str, load: Callable[[], T], warn: bool = False) -> T:
    """``load()``, remembered under ``key`` (``kind:id``, e.g. ``review:3``) for this
    browser session; while the database is unreachable, the value it last returned
    (with a warning if ``warn``).  Raises the ServiceUnavailable when nothing was loaded
    for ``key`` before.  One value is kept per kind (a review can be large)."""
    memory = st.session_state.setdefault(STATE_KEY, {})
    try:
        value = load()
    except ServiceUnavailable:
        if key not in memory:
            raise
        if warn:
            # Short: the cause is in the error of the action that failed, if any.
            st.warning("The database cannot be reached, so this page shows what was last "
                       "loaded: what you type stays in the boxes; save again when the "
                       "database is back.")
        return memory[key]
    kind = key.partition(":")[0]
    for old in [k for k in memory if k.partition(":")[0] == kind]:
        del memory[old]
    memory[key] = value
    return value
