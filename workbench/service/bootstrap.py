"""First run: the demo account and the demo document.

``ensure_demo`` is called by the app on start: on an empty database it creates the
demo account (name ``demo``, password ``demo``, roles translator + editor + glossary
maintainer; not an admin) and imports ``demo/article.vi.txt`` with
``demo/article.ar.txt``, so a first visitor can sign in and review at once.  On a
database that already has users or documents it changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.service.roles import EDITOR, GLOSSARY_MAINTAINER, TRANSLATOR
from workbench.service.views import DocumentSummary, Progress, User

if TYPE_CHECKING:  # the package re-exports this module's names: no import circle
    from workbench.service import Service

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"
DEMO_ROLES = (TRANSLATOR, EDITOR, GLOSSARY_MAINTAINER)
DEMO_TITLE = "Demo: Vietnamese news article and its published Arabic page"
DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


def ensure_demo(service: Service, demo_dir: Path | None = None,
                progress: Progress | None = None) -> DocumentSummary | None:
    """Create the demo account and document if the database is empty.

    Returns the imported document, or None when nothing had to be done.
    """
    demo_dir = Path(demo_dir or DEMO_DIR)
    if service.count_users() == 0:
        service.create_user(None, DEMO_USER, DEMO_PASSWORD, DEMO_ROLES)
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
