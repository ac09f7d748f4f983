"""Heavy, shared resources of the app, held once per process with ``st.cache_resource``.

The service (database engine, analyser with its embedding backend, glossary) is built
once per database location; every browser session shares it.  Tests replace
:data:`ANALYSER` (a fast fake) and :data:`SERVICE_OPTIONS` (cheap bcrypt) before the
first run; the cache is keyed by the data location, so each test's ``tmp_path`` gets
its own service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import threading

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import (
    DEMO_PASSWORD, DEMO_USER, Service, User, app_settings, database_location, open_service,
    plugged_analyser,
)
from workbench.service import ensure_demo as ensure_demo_data
from workbench_ui import outage

#: Replaced by tests and benchmarks: None means the real pipeline.
ANALYSER: Callable | None = None
RESCORER: Callable | None = None
SERVICE_OPTIONS: dict = {}
#: Why the demo could not be set up, per data location (shown on the login page).
SETUP_PROBLEMS: dict[str, str] = {}
#: Data locations where the demo account signs in with demo/demo.
DEMO_ACTIVE: set[str] = set()
#: Set by app.py when started with ``--demo`` (``streamlit run app.py -- --demo``).
DEMO_FLAG = False
T = TypeVar("T")


def demo_mode() -> bool:
    """Whether the app runs in the explicit demo mode (``--demo`` or WORKBENCH_DEMO=1)."""
    return app_settings(DEMO_FLAG).demo


def safely(question: Callable[[], T], otherwise: T) -> T:
    """``question()``, or ``otherwise`` while the database cannot answer."""
    try:
        return question()
    except WorkbenchError:
        return otherwise


def data_location() -> str:
    """What identifies the database (:func:`workbench.service.database_location`)."""
    return database_location()


#: What the first start of the demo does, said while it works (measured on the 2-core
#: development machine: 18.6 s, most of it the embedding model loading and embedding).
FIRST_START = (
    "First start on an empty database: analysing the demo article (65 paragraphs). "
    "The embedding model loads and embeds every paragraph, then the paragraphs are "
    "aligned and checked: about 20 seconds on a 2-core machine, once. Later starts "
    "take about a second.")


@st.cache_resource(show_spinner="Opening the database (creating it and loading the shipped "
                                "glossaries on the first start: a few seconds)…")
def get_service(location: str) -> Service:
    """The service for ``location`` (see :func:`data_location`), migrated, with the
    shipped glossaries loaded.  ``location`` is only the cache key: the store reads the
    same environment variables."""
    options = dict(SERVICE_OPTIONS)
    analyser, rescorer = ANALYSER, RESCORER
    if analyser is None:
        plugged, plugged_rescorer = plugged_analyser()  # WORKBENCH_ANALYSER, if set
        if plugged is not None:
            analyser, rescorer = plugged, plugged_rescorer
    if rescorer is not None:
        options["rescorer"] = rescorer
    service = open_service(analyser=analyser, settings=app_settings(DEMO_FLAG), **options)
    if service.settings.jobs == "thread":  # one machine: analyses run in this process
        service.start_worker()
    return service


#: Data locations whose demo set-up is done (or was not needed), and its lock.
DEMO_READY: set[str] = set()
_DEMO_LOCK = threading.Lock()


def prepare_demo(service: Service, location: str) -> None:
    """Once per data location: the demo account and document (demo mode only).  On an
    empty database the analysis of the demo article takes a while: say what is being
    done and how long it takes, with its progress, instead of a bare spinner."""
    if location in DEMO_READY:
        return
    with _DEMO_LOCK:
        if location in DEMO_READY:
            return
        if service.settings.demo and not safely(service.count_documents, 1):
            with st.status("Preparing the demo…", expanded=True) as status:
                st.write(FIRST_START)
                bar = st.progress(0.0, text="Starting…")
                problem = ensure_demo(service, location, lambda f, m: bar.progress(
                    min(max(f, 0.0), 1.0), text=m))
                status.update(label="The demo is ready.", state="complete", expanded=False)
        else:
            problem = ensure_demo(service, location)
        if problem:
            SETUP_PROBLEMS[location] = problem
        DEMO_READY.add(location)


def ensure_demo(service: Service, location: str,
                progress: Callable[[float, str], None] | None = None) -> str | None:
    """In demo mode only: create the demo account and document on an empty database
    (:func:`workbench.service.ensure_demo`) and note whether demo/demo signs in.
    Returns a message when the demo could not be set up; the app works without it."""
    if not service.settings.demo:
        return None
    try:
        ensure_demo_data(service, progress=progress)
    except WorkbenchError as exc:
        return f"The demo document could not be imported: {exc}"
    try:
        service.authenticate(DEMO_USER, DEMO_PASSWORD)
    except WorkbenchError:
        return None  # no demo account, or its password was changed: not advertised
    DEMO_ACTIVE.add(location)
    return None


def service() -> Service:
    location = data_location()
    found = get_service(location)
    prepare_demo(found, location)
    return found


def current_user() -> User | None:
    """The signed-in user of this browser session, or None (session ended/expired)."""
    token = st.session_state.get("token")
    if not token:
        return None
    try:
        # While the database is down the session is not over: stay signed in as the
        # user last seen for this token (workbench_ui.outage).
        return outage.remembered(f"user:{token}", lambda: service().user_for_token(token))
    except WorkbenchError as exc:
        st.session_state.pop("token", None)
        st.session_state["login_message"] = str(exc)
        return None
