"""A button callback's outcome, shown by the page on the run it triggers.

Callbacks run before the page is drawn, so they leave ``("error" | "success", text)``
in the session under a key of their page and the page shows it where it belongs.  A
refusal of the service (WorkbenchError) becomes the error message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from workbench_ui.plain import plain

from workbench.errors import WorkbenchError

T = TypeVar("T")


def attempt(key: str, action: Callable[[], T], success: str | Callable[[T], str]) -> bool:
    """Run ``action``; leave its refusal, or ``success`` (a text, or made from what
    ``action`` returned), under ``key``.  Whether it succeeded."""
    try:
        result = action()
    except WorkbenchError as exc:
        st.session_state[key] = ("error", str(exc))
        return False
    st.session_state[key] = ("success", success(result) if callable(success) else success)
    return True


def show(key: str) -> None:
    """Show, once, the message left under ``key``."""
    message = st.session_state.pop(key, None)
    if message:
        (st.error if message[0] == "error" else st.success)(plain(message[1]))
