"""The MT review workbench in the browser: ``streamlit run app.py``.

Only layout and session state live here and in :mod:`workbench_ui`; every use case
goes through :mod:`workbench.service`, which checks permissions.

``streamlit run app.py -- --demo`` (the README's first command) starts the explicit
demo mode: the same as ``WORKBENCH_DEMO=1``, it creates the demo account (demo/demo)
and article on an empty database and says so on the login page.  Without it there are
no default credentials: an empty database opens on the first-run page, which creates
the first admin.
"""

from __future__ import annotations

import sys

import streamlit as st

from workbench_ui import (
    account, dashboard, documents, first_run, glossary, login, resources, review, users,
)
from workbench.service.roles import allows

# streamlit passes what follows "--" to the script
resources.DEMO_FLAG = resources.DEMO_FLAG or "--demo" in sys.argv[1:]

st.set_page_config(page_title="MT review workbench", page_icon="📝", layout="wide")

PAGES = {
    "Documents": documents.render,
    "Review": review.render,
    "Glossary": glossary.render,
    "Dashboard": dashboard.render,
    "Users": users.render,
    "Account": account.render,
}


def _first_run() -> bool:
    """No users and not in demo mode: the first-run page creates the first admin."""
    if resources.demo_mode():
        return False
    return resources.safely(lambda: resources.service().count_users() == 0, False)


def main() -> None:
    user = resources.current_user()
    if user is None:
        first_run.render() if _first_run() else login.render()
        return
    names = [p for p in PAGES if p != "Users" or allows(user.roles, "manage_users")]
    with st.sidebar:
        st.text(f"{user.name} · {', '.join(sorted(user.roles))}")
        page = st.radio("Page", names, key="nav")
        st.button("Log out", key="logout", on_click=login.logout)
    PAGES[page](user)


main()
