"""Account page: every user can change their own password."""

from __future__ import annotations

import streamlit as st

from workbench.service import User
from workbench_ui import messages, resources

MESSAGE = "account_message"


def _change(user: User) -> None:
    new = st.session_state.get("new_password", "")
    if new != st.session_state.get("new_password_again", ""):
        st.session_state[MESSAGE] = ("error", "the two new passwords differ: type them again")
        return
    changed = messages.attempt(MESSAGE, lambda: resources.service().change_password(
        user, st.session_state.get("current_password", ""), new),
        "Password changed: sign in again with the new one.")
    for key in ("current_password", "new_password", "new_password_again"):
        st.session_state[key] = ""
    if changed:  # every session of the user has ended, this one too
        st.session_state.pop("token", None)
        st.session_state["login_message"] = "Password changed: sign in with the new one."


def render(user: User) -> None:
    st.header("Account")
    messages.show(MESSAGE)
    with st.form("password_form"):
        st.text_input("Current password", type="password", key="current_password")
        st.text_input("New password (12 characters or more, not a common one)",
                      type="password", key="new_password")
        st.text_input("New password again", type="password", key="new_password_again")
        st.form_submit_button("Change password", on_click=_change, args=(user,),
                              key="change_password")
