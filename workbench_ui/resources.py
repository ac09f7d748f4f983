"""Heavy, shared resources of the app, held once per process with ``st.cache_resource``.

The service (database engine, analyser with its embedding backend, glossary) is built
once per database location; every browser session shares it.  Tests replace
:data:`ANALYSER` (a fast fake) and :data:`SERVICE_OPTIONS` (cheap bcrypt) before the
first run; the cache is keyed by the data directory, so each test's ``tmp_path`` gets
its own service.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import Service, User, open_service

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "demo"
GLOSSARY_DIR = ROOT / "glossaries"
DEMO_USER = "demo"
DEMO_PASSWORD = "demo"
DEMO_ROLES = ("translator", "editor", "glossary_maintainer", "admin")
DEMO_TITLE = "Demo: Nâng cao chất lượng sinh hoạt chi bộ – Bài cuối (Báo Tuyên Quang)"

#: Replaced by tests and benchmarks: None means the real pipeline.
ANALYSER: Callable | None = None
RESCORER: Callable | None = None
SERVICE_OPTIONS: dict = {}
#: Copy glossaries/ into an empty database glossary on first start (tests turn it off).
SEED_GLOSSARY = True
#: Why the demo could not be set up, per data location (shown on the login page).
SETUP_PROBLEMS: dict[str, str] = {}
#: Data locations where the demo account signs in with demo/demo.
DEMO_ACTIVE: set[str] = set()


def data_location() -> str:
    """What identifies the database: ``WORKBENCH_DB_URL`` or the data directory."""
    return os.environ.get("WORKBENCH_DB_URL") or os.path.abspath(
        os.environ.get("WORKBENCH_DATA_DIR", "data"))


def _file_glossary():
    from workbench.glossary import load_default_glossaries

    return load_default_glossaries(GLOSSARY_DIR)


@st.cache_resource(show_spinner="Opening the database…")
def get_service(location: str) -> Service:
    """The service for ``location`` (see :func:`data_location`), migrated, with the
    demo account and document in place.  ``location`` is only the cache key: the store
    reads the same environment variables."""
    options = dict(SERVICE_OPTIONS)
    analyser, rescorer = ANALYSER, RESCORER
    plugged = os.environ.get("WORKBENCH_ANALYSER", "").strip()
    if analyser is None and plugged:
        analyser, rescorer = _plugged(plugged)
    if rescorer is not None:
        options["rescorer"] = rescorer
    service = open_service(analyser=analyser, glossary=_file_glossary(), **options)
    problem = ensure_demo(service)
    if problem:
        SETUP_PROBLEMS[location] = problem
    return service


def _plugged(spec: str) -> tuple[Callable, Callable | None]:
    """``module:function`` from ``WORKBENCH_ANALYSER`` (e.g. a fast analyser for an
    end-to-end test); the module's ``score_links`` becomes the rescorer if it has one."""
    import importlib

    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr or "analyse"), getattr(module, "score_links", None)


def ensure_demo(service: Service) -> str | None:
    """Create the demo account and document on a fresh database; returns a message if
    the demo could not be set up (the app still works without it).

    Uses ``Service.ensure_demo`` when the service has one, else composes public calls.
    """
    if hasattr(service, "ensure_demo"):
        try:
            service.ensure_demo()
            DEMO_ACTIVE.add(data_location())
            return None
        except TypeError:
            pass  # a different signature than expected: compose the public calls below
        except WorkbenchError as exc:
            return str(exc)
    from workbench.errors import ConflictError, PermissionDenied

    try:
        service.create_user(None, DEMO_USER, DEMO_PASSWORD, DEMO_ROLES)
    except (PermissionDenied, ConflictError):
        pass  # users exist already: the demo account may or may not be among them
    try:
        demo = service.authenticate(DEMO_USER, DEMO_PASSWORD).user
    except WorkbenchError:
        return None  # no demo account (or its password was changed): demo not active
    DEMO_ACTIVE.add(data_location())
    try:
        if SEED_GLOSSARY:
            seed_glossary(service, demo)
        if not service.list_documents(demo):
            service.import_document(
                demo, DEMO_TITLE,
                (DEMO_DIR / "article.vi.txt").read_bytes(), "article.vi.txt",
                (DEMO_DIR / "article.ar.txt").read_bytes(), "article.ar.txt")
    except WorkbenchError as exc:
        return f"The demo document could not be imported: {exc}"
    except ImportError as exc:  # a part of the analysis pipeline is not installed yet
        return f"The demo document could not be analysed ({exc}); the app works without it."
    return None


def seed_glossary(service: Service, user: User) -> int:
    """Copy the shipped glossaries into an empty database glossary (approved terms)."""
    if service.list_terms(user):
        return 0
    added = 0
    for entry in _file_glossary():
        try:
            service.add_term(user, entry.source, entry.target, entry.variants,
                             entry.forbidden, entry.category, entry.note)
            added += 1
        except WorkbenchError:
            continue  # a shipped entry the service refuses is skipped, not fatal
    return added


def service() -> Service:
    return get_service(data_location())


def current_user() -> User | None:
    """The signed-in user of this browser session, or None (session ended/expired)."""
    token = st.session_state.get("token")
    if not token:
        return None
    try:
        return service().user_for_token(token)
    except WorkbenchError as exc:
        st.session_state.pop("token", None)
        st.session_state["login_message"] = str(exc)
        return None
