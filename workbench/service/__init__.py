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

The use cases are grouped one class each, built with the collaborators they need:
:class:`~.users.UserCases` (accounts, and the role check every group calls),
:class:`~.review.ReviewCases`, :class:`~.corrections.CorrectionCases`,
:class:`~.glossary.GlossaryCases`, :class:`~.documents.DocumentCases`,
:class:`~.alignment.AlignmentCases`, :class:`~.jobs.JobCases` and
:class:`~.dashboard.DashboardCases`; the views
are in :mod:`.views`.  :class:`Service` builds them over one store and forwards each
public method, so callers import everything from ``workbench.service``.  Queries live
in :mod:`workbench.store`; this package writes no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from workbench.config import Settings
from workbench.service import passwords as auth
from workbench.service.alignment import AlignmentCases
from workbench.service.base import (
    forward as _forward, reading_limits,
    DEFAULT_SESSION_TTL, PARAGRAPH_JOINER, STATUSES, default_analyser, default_coverage,
    default_rescorer,
)
from workbench.service.corrections import CorrectionCases
from workbench.service.dashboard import DashboardCases
from workbench.service.documents import DocumentCases
from workbench.service.glossary import TERM_CATEGORIES, TERM_STATUSES, GlossaryCases
from workbench.service.glossary_recheck import KIND as GLOSSARY_RECHECK, TITLE, GlossaryRecheck
from workbench.service.glossary_sync import ShippedGlossary
from workbench.service.glossary_terms import GlossaryChange, GlossarySync
from workbench.service.maintenance import MaintenanceCases
from workbench.service.quality import QualityGateCases, ReasonRequired
from workbench.service.recheck import LinkRechecker, analyser_check
from workbench.service.jobs import JobCases, JobView
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import (
    CorrectedLink, Dashboard, DocumentEffort, DocumentSummary, FindingView, GlossaryTerm,
    LinkEffort, MqmTag, PostEditReport, Progress, Review, ReviewRow, ReviewerActivity,
    RevisionView, SaveConflict, Session, User,
)
from workbench.store import Store, utcnow

# What the UI needs besides the views: it imports nothing else of the workbench
# (tests/test_layering.py).
from workbench.model.finding import SEVERITIES
from workbench.model.mqm import MQM_CATEGORIES, MQM_SEVERITIES
from workbench.service.bootstrap import DEMO_PASSWORD, DEMO_USER, ensure_demo
from workbench.service.environment import (
    app_settings, database_location, mt_settings_from_env, plugged_analyser,
)
from workbench.service.files import (
    GLOSSARY_SCOPES, FileCases, FileFormat, ShippedTerm, document_formats, glossary_formats,
)
from workbench.service.machine_translation import (
    BACK_TRANSLATION_LANGUAGES, BackTranslation, MachineTranslationCases, MtProvider,
    MtSettings, mt_providers,
)


__all__ = [
    "app_settings", "BACK_TRANSLATION_LANGUAGES", "BackTranslation", "CorrectedLink",
    "Dashboard", "database_key", "database_location", "DEFAULT_SESSION_TTL", "DEMO_PASSWORD",
    "DEMO_USER", "document_formats", "DocumentEffort", "DocumentSummary", "ensure_demo",
    "FileFormat", "FindingView", "glossary_formats", "GLOSSARY_SCOPES", "GlossaryChange",
    "GlossarySync", "GlossaryTerm", "JobView", "LinkEffort", "MQM_CATEGORIES",
    "MQM_SEVERITIES", "MqmTag", "mt_providers", "mt_settings_from_env", "MtProvider",
    "MtSettings", "open_service", "PARAGRAPH_JOINER", "plugged_analyser", "PostEditReport",
    "Progress", "ReasonRequired", "Review", "ReviewerActivity", "ReviewRow", "RevisionView",
    "SaveConflict", "Service", "Session", "Settings", "SEVERITIES", "ShippedTerm", "STATUSES",
    "TERM_CATEGORIES", "TERM_STATUSES", "User",
]


class Service:
    """The use cases over one database.

    ``analyser`` defaults to :func:`workbench.pipeline.analyse` (imported lazily);
    tests inject a fast fake.  ``rescorer(source, target, links) -> links`` scores the
    links a reviewer made by hand (default: the aligner's fidelity scorer,
    :func:`workbench.service.base.default_rescorer`).  ``glossary`` is the glossary the
    checks start from (default: the shipped one).  ``clock`` returns the current UTC
    time (tests move it to expire sessions); ``bcrypt_rounds`` is lowered only by tests.
    ``settings`` is the configuration the service was opened with (the UI reads the
    online MT settings from it instead of the environment).  ``checker`` re-checks a
    link after a save (default: the pipeline's checks, or the given analyser's;
    :mod:`workbench.service.recheck`).

    The groups are attributes (``accounts``, ``reviews``, ``revisions``, ``terms``,
    ``documents``, ``alignment``, ``figures``); every public method is forwarded.
    """

    def __init__(
        self,
        store: Store,
        analyser: Callable | None = None,
        session_ttl: timedelta = DEFAULT_SESSION_TTL,
        clock: Callable[[], datetime] | None = None,
        rescorer: Callable | None = None,
        bcrypt_rounds: int = auth.BCRYPT_ROUNDS,
        glossary: object | None = None,
        settings: Settings | None = None,
        checker: Callable | None = None,
    ) -> None:
        clock = clock or utcnow
        # A re-check uses the pipeline's checks, or the injected analyser's (a fake
        # must agree with itself); ``checker`` overrides both.
        checker = checker or (analyser_check(analyser) if analyser else None)
        analyser = analyser or default_analyser
        self.store = store
        self.settings = settings = settings or Settings.from_env()
        policy = auth.PasswordPolicy.from_settings(settings.min_password_length,
                                                   settings.common_passwords)
        self.accounts = UserCases(store, clock, session_ttl, bcrypt_rounds, policy,
                                  demo=settings.demo)
        self.reviews = ReviewCases(store, clock, self.accounts)
        self.quality = QualityGateCases(store, clock, self.accounts, self.reviews)
        self.terms = GlossaryCases(store, clock, self.accounts, self.reviews, glossary)
        self.rechecker = LinkRechecker(store, self.terms, rescorer or default_rescorer, checker,
                                       None if rescorer else default_coverage)
        self.revisions = CorrectionCases(store, clock, self.accounts, self.rechecker)
        self.documents = DocumentCases(store, clock, self.accounts, self.reviews, self.terms,
                                       analyser, reading_limits(settings),
                                       settings.max_analyses_per_user, quality=self.quality)
        self.alignment = AlignmentCases(store, clock, self.accounts, self.reviews, self.terms,
                                        analyser, rescorer or default_rescorer)
        self.figures = DashboardCases(store, self.accounts, self.reviews)
        self.translation = MachineTranslationCases(store, self.accounts)
        self.files = FileCases(self.accounts, self.documents, self.terms, self.quality)
        self.maintenance = MaintenanceCases(store, self.accounts)
        self.jobs = JobCases(store, clock, self.accounts, self.documents, self.settings,
                             self.alignment)
        if self.settings.jobs != "immediate":  # long re-alignments leave the page
            self.alignment.queue_long = self.jobs.submit_realign
        # The glossary: shipped files loaded into the database; a change of the terms
        # re-checks the open documents as a background job.
        self.shipped = ShippedGlossary(store, clock, glossary)
        self.glossary_recheck = GlossaryRecheck(store, self.terms, analyser, self.rechecker)
        self.jobs.kinds[GLOSSARY_RECHECK] = self.glossary_recheck.run
        self.terms.changed = self._glossary_changed
        self.last_sync: GlossarySync | None = None
        self._worker = None

    def load_shipped_glossary(self) -> GlossarySync:
        """Load the shipped glossary files into the database (new and changed lines,
        :mod:`~workbench.service.glossary_sync`); :func:`open_service` runs it.  When
        terms changed, the open documents are re-checked."""
        self.last_sync = result = self.shipped.sync()
        if result.updated or result.removed:
            self._glossary_changed(None)
        return result

    def glossary_sync(self, actor: User) -> GlossarySync | None:
        """What the last loading of the shipped files did (for the Glossary page)."""
        self.accounts.check(actor, "view")
        return self.last_sync

    def _glossary_changed(self, user_id: int | None) -> int | None:
        """Queue the re-check of the open documents (none open: nothing to do)."""
        if not self.glossary_recheck.has_work():
            return None
        return self.jobs.queue_recheck(GLOSSARY_RECHECK, TITLE, user_id)

    def start_worker(self, threads: int | None = None):
        """Run queued jobs in threads of this process (the app on one machine, in the
        ``thread`` mode); once per service.  Returns the
        :class:`~workbench.service.worker.Worker`."""
        from workbench.service.worker import Worker

        if self._worker is None:
            self._worker = Worker(self.jobs, threads).start()
        return self._worker

    def stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    # accounts
    create_user = _forward("accounts", UserCases.create_user)
    authenticate = _forward("accounts", UserCases.authenticate)
    user_for_token = _forward("accounts", UserCases.user_for_token)
    logout = _forward("accounts", UserCases.logout)
    disable_user = _forward("accounts", UserCases.disable_user)
    set_password = _forward("accounts", UserCases.set_password)
    change_password = _forward("accounts", UserCases.change_password)
    unlock_user = _forward("accounts", UserCases.unlock_user)
    has_admin = _forward("accounts", UserCases.has_admin)
    count_users = _forward("accounts", UserCases.count_users)
    has_user = _forward("accounts", UserCases.has_user)
    list_users = _forward("accounts", UserCases.list_users)
    # the database
    backup_to = _forward("maintenance", MaintenanceCases.backup_to)
    restore_from = _forward("maintenance", MaintenanceCases.restore_from)
    backup_download = _forward("maintenance", MaintenanceCases.backup_download)
    backup_file_name = _forward("maintenance", MaintenanceCases.backup_file_name)
    # documents
    count_documents = _forward("documents", DocumentCases.count_documents)
    import_document = _forward("documents", DocumentCases.import_document)
    list_documents = _forward("documents", DocumentCases.list_documents)
    delete_document = _forward("documents", DocumentCases.delete_document)
    reviewed_document = _forward("documents", DocumentCases.reviewed_document)
    import_xliff = _forward("documents", DocumentCases.import_xliff)
    # jobs
    submit_document = _forward("jobs", JobCases.submit_document)
    submit_urls = _forward("jobs", JobCases.submit_urls)
    submit_realign = _forward("jobs", JobCases.submit_realign)
    plan_realign = _forward("alignment", AlignmentCases.plan)
    job = _forward("jobs", JobCases.job)
    list_jobs = _forward("jobs", JobCases.list_jobs)
    cancel_job = _forward("jobs", JobCases.cancel_job)
    run_job = _forward("jobs", JobCases.run_job)
    # review

    def get_review(self, actor: User, doc_id: int) -> Review:
        """The review of a document (:meth:`ReviewCases.get_review`); its re-checks are
        prepared in the background (:meth:`LinkRechecker.prepare`)."""
        review = self.reviews.get_review(actor, doc_id)
        self.rechecker.prepare(doc_id)
        return review

    set_status = _forward("reviews", ReviewCases.set_status)
    set_furniture = _forward("reviews", ReviewCases.set_furniture)
    # quality gate
    approve_document = _forward("quality", QualityGateCases.approve_document)
    open_critical = _forward("quality", QualityGateCases.open_critical)
    dismiss_finding = _forward("reviews", ReviewCases.dismiss_finding)
    reopen_finding = _forward("reviews", ReviewCases.reopen_finding)
    tag_mqm = _forward("reviews", ReviewCases.tag_mqm)
    # corrections
    save_correction = _forward("revisions", CorrectionCases.save_correction)
    history = _forward("revisions", CorrectionCases.history)
    restore_revision = _forward("revisions", CorrectionCases.restore_revision)
    restore_machine_text = _forward("revisions", CorrectionCases.restore_machine_text)
    # alignment
    realign = _forward("alignment", AlignmentCases.realign)
    merge_links = _forward("alignment", AlignmentCases.merge_links)
    split_link = _forward("alignment", AlignmentCases.split_link)
    unlink = _forward("alignment", AlignmentCases.unlink)
    # glossary
    list_terms = _forward("terms", GlossaryCases.list_terms)
    add_term = _forward("terms", GlossaryCases.add_term)
    import_terms = _forward("terms", GlossaryCases.import_terms)
    suggest_term = _forward("terms", GlossaryCases.suggest_term)
    update_term = _forward("terms", GlossaryCases.update_term)
    delete_term = _forward("terms", GlossaryCases.delete_term)
    decide_term = _forward("terms", GlossaryCases.decide_term)
    corrections = _forward("terms", GlossaryCases.corrections)
    term_suggestions = _forward("terms", GlossaryCases.term_suggestions)
    adopt_suggestion = _forward("terms", GlossaryCases.adopt_suggestion)
    export_glossary = _forward("terms", GlossaryCases.export_glossary)
    term_history = _forward("terms", GlossaryCases.term_history)
    one_recheck = _forward("terms", GlossaryCases.one_recheck)
    # figures
    dashboard = _forward("figures", DashboardCases.dashboard)
    post_edit = _forward("figures", DashboardCases.post_edit)
    # online machine translation
    back_translate = _forward("translation", MachineTranslationCases.back_translate)
    fresh_translation = _forward("translation", MachineTranslationCases.fresh_translation)
    # files
    export_document = _forward("files", FileCases.export_document)
    glossary_file = _forward("files", FileCases.glossary_file)
    import_glossary_file = _forward("files", FileCases.import_glossary_file)
    shipped_terms = _forward("files", FileCases.shipped_terms)


def database_key(settings: Settings | None = None) -> str:
    """What identifies the configured database, without opening it (the UI's cache key
    for one service per database): :meth:`workbench.config.Settings.database_key`."""
    return (settings or Settings.from_env()).database_key()


def open_service(url: str | None = None, analyser: Callable | None = None,
                 upgrade: bool = True, settings: Settings | None = None,
                 **options) -> Service:
    """A service on ``url``, else the configured database (``settings``, default: read
    from the environment), migrated to the latest schema first."""
    settings = settings or Settings.from_env()
    store = Store(url, settings=settings)
    if upgrade:
        store.upgrade()
    service = Service(store, analyser=analyser, settings=settings, **options)
    if upgrade:
        service.load_shipped_glossary()
    return service
