"""Users page (admin): create users with roles, disable, re-enable or unlock them, and
download a backup of the database."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import User
from workbench.service.roles import ROLES
from workbench_ui import messages, resources
from workbench_ui.plain import plain

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


def _unlock(user: User) -> None:
    name = st.session_state.get("disable_user_name")
    messages.attempt(MESSAGE, lambda: resources.service().unlock_user(user, name or ""),
                     f"User {name!r} unlocked: failed sign-ins forgotten.")


def _backup(user: User) -> None:
    try:
        st.session_state["backup_bytes"] = resources.service().backup_download(user)
    except WorkbenchError as exc:
        st.session_state[MESSAGE] = ("error", str(exc))


def render(user: User) -> None:
    st.header("Users")
    messages.show(MESSAGE)
    try:
        people = resources.service().list_users(user)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    st.dataframe(pd.DataFrame([{
        "name": u.name, "roles": ", ".join(sorted(u.roles)), "disabled": u.disabled,
        "locked": u.locked,
        "created": u.created_at.strftime("%Y-%m-%d %H:%M") if u.created_at else "",
    } for u in people]), hide_index=True, width="stretch")
    with st.expander("Create a user", expanded=True):
        st.text_input("Name", key="new_user_name")
        st.text_input("Password (12 characters or more, not a common one)", type="password",
                      key="new_user_password")
        st.multiselect("Roles", ROLES, default=["translator"], key="new_user_roles")
        st.button("Create user", key="create_user", on_click=_create, args=(user,))
    with st.expander("Disable, re-enable or unlock a user", expanded=True):
        st.selectbox("User", [u.name for u in people], key="disable_user_name")
        c1, c2, c3 = st.columns(3)
        c1.button("Disable", key="disable_user", on_click=_disable, args=(user, True))
        c2.button("Re-enable", key="enable_user", on_click=_disable, args=(user, False))
        c3.button("Unlock", key="unlock_user", on_click=_unlock, args=(user,),
                  help="after too many failed sign-ins")
    with st.expander("Backup", expanded=False):
        st.caption("A consistent copy of the whole database, taken while people work. "
                   "Restore it with: python -m workbench admin restore FILE")
        st.button("Prepare a backup", key="backup_prepare", on_click=_backup, args=(user,))
        data = st.session_state.get("backup_bytes")
        if data:
            st.download_button(f"Download the backup ({len(data) / 1e6:.1f} MB)", data,
                               file_name=resources.service().backup_file_name(),
                               mime="application/octet-stream", key="backup_download")
