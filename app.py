"""The MT review workbench in the browser: ``streamlit run app.py``.

Only layout and session state live here and in :mod:`workbench_ui`; every use case
goes through :mod:`workbench.service`, which checks permissions.
"""

from __future__ import annotations

import streamlit as st

from workbench_ui import dashboard, documents, glossary, login, resources, review, users
from workbench.service.roles import allows

st.set_page_config(page_title="MT review workbench", page_icon="📝", layout="wide")

PAGES = {
    "Documents": documents.render,
    "Review": review.render,
    "Glossary": glossary.render,
    "Dashboard": dashboard.render,
    "Users": users.render,
}


def main() -> None:
    user = resources.current_user()
    if user is None:
        login.render()
        return
    names = [p for p in PAGES if p != "Users" or allows(user.roles, "manage_users")]
    with st.sidebar:
        st.markdown(f"**{user.name}** · {', '.join(sorted(user.roles))}")
        page = st.radio("Page", names, key="nav")
        st.button("Log out", key="logout", on_click=login.logout)
    PAGES[page](user)


main()
