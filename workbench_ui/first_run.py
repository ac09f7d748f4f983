"""First run (not in demo mode): an empty database asks for its first admin.

There are no default credentials: whoever starts the workbench on an empty database
creates the first admin here (the password policy applies), or with
``python -m workbench admin create-user NAME --role admin``.  Once any user exists
this page is gone; the service refuses a sign-in-free admin on a database with users.
"""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench_ui import resources
from workbench_ui.plain import plain

MESSAGE = "first_run_message"


def _create() -> None:
    name = st.session_state.get("first_admin_name", "")
    password = st.session_state.get("first_admin_password", "")
    if password != st.session_state.get("first_admin_again", ""):
        st.session_state[MESSAGE] = "the two passwords differ: type them again"
        return
    try:
        service = resources.service()
        service.create_user(None, name, password, ["admin"])
        session = service.authenticate(name, password)
    except WorkbenchError as exc:
        st.session_state[MESSAGE] = str(exc)
        return
    for key in ("first_admin_password", "first_admin_again", MESSAGE):
        st.session_state.pop(key, None)
    st.session_state["token"] = session.token


def render() -> None:
    st.title("MT review workbench: first run")
    st.info("This database has no users yet. Create the first admin: it can then create "
            "the translators, editors and glossary maintainers on the Users page. "
            "(To try the workbench on the bundled demo article instead, start it with "
            "streamlit run app.py -- --demo.)")
    with st.form("first_run_form"):
        st.text_input("Admin user name", key="first_admin_name")
        st.text_input("Password (12 characters or more, not a common one)", type="password",
                      key="first_admin_password")
        st.text_input("Password again", type="password", key="first_admin_again")
        st.form_submit_button("Create the admin and sign in", on_click=_create,
                              key="first_admin_create")
    if st.session_state.get(MESSAGE):
        st.error(plain(st.session_state[MESSAGE]))
