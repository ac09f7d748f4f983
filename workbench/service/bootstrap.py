"""Demo mode: the demo account and the demo document.

Only in the explicit demo mode (``WORKBENCH_DEMO=1``, or ``streamlit run app.py --
--demo``: :attr:`workbench.config.Settings.demo`) does ``ensure_demo``, called by the
app on start, create on an empty database the demo account (name ``demo``, password
``demo``, roles translator + editor + glossary maintainer; not an admin) and import
``demo/article.vi.txt`` with ``demo/article.ar.txt``, so a first visitor can sign in
and review at once.  Outside demo mode it does nothing, and demo/demo does not sign
in even where the account exists (:meth:`~.users.UserCases.authenticate`): a
deployment has no default credentials.  On a database that already has users or
documents it changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.service.roles import EDITOR, GLOSSARY_MAINTAINER, TRANSLATOR
from workbench.service.users import DEMO_PASSWORD, DEMO_USER
from workbench.service.views import DocumentSummary, Progress, User

if TYPE_CHECKING:  # the package re-exports this module's names: no import circle
    from workbench.service import Service

DEMO_ROLES = (TRANSLATOR, EDITOR, GLOSSARY_MAINTAINER)
DEMO_TITLE = "Demo: Vietnamese news article and its published Arabic page"
DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


def ensure_demo(service: Service, demo_dir: Path | None = None,
                progress: Progress | None = None) -> DocumentSummary | None:
    """Demo mode only: create the demo account and document if the database is empty.

    Returns the imported document, or None when nothing had to be done (or not in
    demo mode).
    """
    if not service.settings.demo:
        return None
    demo_dir = Path(demo_dir or DEMO_DIR)
    service.accounts.ensure_demo_account(DEMO_ROLES)
    if service.count_documents() > 0:
        return None
    user = service.authenticate(DEMO_USER, DEMO_PASSWORD).user if service.has_user(
        DEMO_USER) else None
    if user is None:
        return None
    source = demo_dir / "article.vi.txt"
    target = demo_dir / "article.ar.txt"
    return service.import_document(user, DEMO_TITLE, source.read_bytes(), source.name,
                                   target.read_bytes(), target.name, progress=progress)


def demo_user(service: Service) -> User:
    """The demo account, signed in (for scripts and tests)."""
    return service.authenticate(DEMO_USER, DEMO_PASSWORD).user
