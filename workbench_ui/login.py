"""Login page: user name and password; in demo mode it says so and shows demo/demo."""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import DEMO_PASSWORD, DEMO_USER
from workbench_ui import resources
from workbench_ui.plain import plain


def client_address() -> str:
    """The browser's address, for throttling failed sign-ins per client ('' unknown)."""
    try:
        return st.context.ip_address or ""
    except Exception:  # noqa: BLE001 - not in a browser run (tests, bare mode)
        return ""


def _login() -> None:
    name = st.session_state.get("login_name", "")
    password = st.session_state.get("login_password", "")
    try:
        session = resources.service().authenticate(name, password, client=client_address())
    except WorkbenchError as exc:
        st.session_state["login_message"] = str(exc)
        return
    st.session_state["token"] = session.token
    st.session_state.pop("login_message", None)
    st.session_state["login_password"] = ""


def logout() -> None:
    token = st.session_state.pop("token", None)
    if token:
        try:
            resources.service().logout(token)
        except WorkbenchError:
            pass  # database down: this browser forgets the token; it expires on its own
    for key in [k for k in st.session_state if k not in ("login_name",)]:
        del st.session_state[key]


def render() -> None:
    st.title("MT review workbench")
    st.caption("Vietnamese news and its Arabic machine translation, paragraph by paragraph.")
    try:
        service = resources.service()  # open the database (and, in demo mode, the demo)
    except WorkbenchError as exc:  # unreachable: say so; the next run tries again
        st.error(plain(exc))
        return
    location = resources.data_location()
    if resources.demo_mode():
        st.warning("Demo mode (started with --demo or WORKBENCH_DEMO=1): for trying the "
                   "workbench on the bundled article, not for real work. Start without it "
                   "for a deployment: the demo account then cannot sign in.")
        if location in resources.DEMO_ACTIVE:
            st.info(f"Demo account: user **{DEMO_USER}**, password **{DEMO_PASSWORD}**")
    elif not resources.safely(service.has_admin, True):
        st.warning("No enabled admin: create one from a shell with the database's access: "
                   "python -m workbench admin create-user NAME --role admin "
                   "--force-first-admin")
    if location in resources.SETUP_PROBLEMS:
        st.warning(plain(resources.SETUP_PROBLEMS[location]))
    with st.form("login_form"):
        st.text_input("User name", key="login_name")
        st.text_input("Password", type="password", key="login_password")
        st.form_submit_button("Log in", on_click=_login)
    if st.session_state.get("login_message"):
        st.error(plain(st.session_state["login_message"]))
