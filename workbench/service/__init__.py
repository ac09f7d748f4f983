"""Use cases of the workbench, shared by the Streamlit UI and the CLI.

Every public method takes the acting :class:`User` first and checks its roles
(:mod:`workbench.service.roles`) before anything else, so the rules hold whatever calls the
service.  Methods return frozen view dataclasses, never ORM objects, so the UI cannot
write to the database behind the service's back.

The unit a reviewer corrects is a LINK's target text (the Arabic of one link).  Its
current text is the latest revision; version 0 means the machine translation (no
revision yet).  Saving a correction names the version the reviewer started from; if
someone saved in between, :class:`SaveConflict` is raised and the refused text is kept
as a ``conflict`` revision, so nothing a reviewer typed is lost.

The use cases are grouped one module each (:mod:`.users`, :mod:`.documents`,
:mod:`.review`, :mod:`.alignment`, :mod:`.glossary`, :mod:`.dashboard`) over the shared
helpers of :mod:`.base`, with the views in :mod:`.views`; :class:`Service` composes them,
so callers import everything from ``workbench.service`` as before.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.service.alignment import AlignmentCases
from workbench.service.base import DEFAULT_SESSION_TTL, PARAGRAPH_JOINER, STATUSES
from workbench.service.dashboard import DashboardCases
from workbench.service.documents import DocumentCases
from workbench.service.glossary import TERM_CATEGORIES, TERM_STATUSES, GlossaryCases
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import (
    CorrectedLink, Dashboard, DocumentEffort, DocumentSummary, FindingView, GlossaryTerm,
    LinkEffort, MqmTag, PostEditReport, Progress, Review, ReviewRow, ReviewerActivity,
    RevisionView, SaveConflict, Session, User,
)
from workbench.store import Store

# What the UI needs besides the views: it imports nothing else of the workbench
# (tests/test_layering.py).
from workbench.model.finding import SEVERITIES
from workbench.model.mqm import MQM_CATEGORIES, MQM_SEVERITIES
from workbench.service.bootstrap import DEMO_PASSWORD, DEMO_USER, ensure_demo
from workbench.service.environment import (
    database_location, mt_settings_from_env, plugged_analyser,
)
from workbench.service.files import (
    GLOSSARY_SCOPES, FileCases, FileFormat, ShippedTerm, document_formats, glossary_formats,
)
from workbench.service.machine_translation import (
    BACK_TRANSLATION_LANGUAGES, BackTranslation, MachineTranslationCases, MtProvider,
    MtSettings, mt_providers,
)

# The private helpers stay importable from here, as they were before the split.
from workbench.service.alignment import _check_cover, _cover_of  # noqa: F401
from workbench.service.base import (  # noqa: F401
    _default_analyser, _default_rescorer, _is_noise_link, _joined, _spans,
)
from workbench.service.dashboard import _SCORE_BINS, _aware  # noqa: F401
from workbench.service.documents import _components_json, _spans_json  # noqa: F401
from workbench.service.glossary import _term_fields  # noqa: F401
from workbench.service.review import _components, _same_save_again  # noqa: F401
from workbench.service.users import _DUMMY_HASH  # noqa: F401

__all__ = [
    "BACK_TRANSLATION_LANGUAGES",
    "BackTranslation",
    "DEMO_PASSWORD",
    "DEMO_USER",
    "FileFormat",
    "GLOSSARY_SCOPES",
    "MQM_CATEGORIES",
    "MQM_SEVERITIES",
    "MtProvider",
    "MtSettings",
    "SEVERITIES",
    "ShippedTerm",
    "database_location",
    "document_formats",
    "ensure_demo",
    "glossary_formats",
    "mt_providers",
    "mt_settings_from_env",
    "plugged_analyser",
    "CorrectedLink",
    "DEFAULT_SESSION_TTL",
    "Dashboard",
    "DocumentEffort",
    "DocumentSummary",
    "FindingView",
    "GlossaryTerm",
    "LinkEffort",
    "MqmTag",
    "PARAGRAPH_JOINER",
    "PostEditReport",
    "Progress",
    "Review",
    "ReviewRow",
    "ReviewerActivity",
    "RevisionView",
    "STATUSES",
    "SaveConflict",
    "Service",
    "Session",
    "TERM_CATEGORIES",
    "TERM_STATUSES",
    "User",
    "open_service",
]


class Service(UserCases, DocumentCases, ReviewCases, AlignmentCases, GlossaryCases,
              DashboardCases, MachineTranslationCases, FileCases):
    """The use cases over one database.

    ``analyser`` defaults to :func:`workbench.pipeline.analyse` (imported lazily);
    tests inject a fast fake.  ``rescorer(source, target, links) -> links`` scores the
    links a reviewer made by hand (default: the aligner's fidelity scorer,
    :func:`workbench.service.base._default_rescorer`).
    ``clock`` returns the current UTC time (tests move it to expire sessions);
    ``bcrypt_rounds`` is lowered only by tests.
    """


def open_service(url: str | None = None, analyser: Callable | None = None,
                 upgrade: bool = True, **options) -> Service:
    """A service on the configured database (``WORKBENCH_DB_URL`` or SQLite under
    ``WORKBENCH_DATA_DIR``), migrated to the latest schema first."""
    store = Store(url)
    if upgrade:
        store.upgrade()
    return Service(store, analyser=analyser, **options)
