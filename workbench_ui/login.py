"""Login page: user name and password; shows the demo account when it is active."""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import DEMO_PASSWORD, DEMO_USER
from workbench_ui import resources


def _login() -> None:
    name = st.session_state.get("login_name", "")
    password = st.session_state.get("login_password", "")
    try:
        session = resources.service().authenticate(name, password)
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
        resources.service()  # open the database (and set up the demo) before anything else
    except WorkbenchError as exc:  # unreachable: say so; the next run tries again
        st.error(str(exc))
        return
    location = resources.data_location()
    if location in resources.DEMO_ACTIVE:
        st.info(f"Demo account: user **{DEMO_USER}**, password **{DEMO_PASSWORD}**")
    if location in resources.SETUP_PROBLEMS:
        st.warning(resources.SETUP_PROBLEMS[location])
    with st.form("login_form"):
        st.text_input("User name", key="login_name")
        st.text_input("Password", type="password", key="login_password")
        st.form_submit_button("Log in", on_click=_login)
    if st.session_state.get("login_message"):
        st.error(st.session_state["login_message"])
