"""Users page (admin): create users with roles, disable or re-enable them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import User
from workbench.service.roles import ROLES
from workbench_ui import messages, resources

MESSAGE = "users_message"


def _create(user: User) -> None:
    created = messages.attempt(MESSAGE, lambda: resources.service().create_user(
        user, st.session_state.get("new_user_name", ""),
        st.session_state.get("new_user_password", ""),
        st.session_state.get("new_user_roles", [])), lambda new: f"User {new.name!r} created.")
    if created:
        st.session_state["new_user_name"] = ""
        st.session_state["new_user_password"] = ""


def _disable(user: User, disabled: bool) -> None:
    name = st.session_state.get("disable_user_name")
    messages.attempt(MESSAGE, lambda: resources.service().disable_user(user, name or "", disabled),
                     f"User {name!r} {'disabled' if disabled else 're-enabled'}.")


def render(user: User) -> None:
    st.header("Users")
    messages.show(MESSAGE)
    try:
        people = resources.service().list_users(user)
    except WorkbenchError as exc:
        st.error(str(exc))
        return
    st.dataframe(pd.DataFrame([{
        "name": u.name, "roles": ", ".join(sorted(u.roles)), "disabled": u.disabled,
        "created": u.created_at.strftime("%Y-%m-%d %H:%M") if u.created_at else "",
    } for u in people]), hide_index=True, width="stretch")
    with st.expander("Create a user", expanded=True):
        st.text_input("Name", key="new_user_name")
        st.text_input("Password", type="password", key="new_user_password")
        st.multiselect("Roles", ROLES, default=["translator"], key="new_user_roles")
        st.button("Create user", key="create_user", on_click=_create, args=(user,))
    with st.expander("Disable or re-enable a user", expanded=True):
        st.selectbox("User", [u.name for u in people], key="disable_user_name")
        c1, c2 = st.columns(2)
        c1.button("Disable", key="disable_user", on_click=_disable, args=(user, True))
        c2.button("Re-enable", key="enable_user", on_click=_disable, args=(user, False))
