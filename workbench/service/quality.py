"""The quality gate for editors: a document approved, or exported as final, while
critical findings are open needs a reason; the reason is stored (who, when, how many
were open) and shown in the QA report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from workbench.errors import WorkbenchError
from workbench.service.base import find_document
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import DocumentSummary, User
from workbench.store import Store, Transaction
from workbench.store import documents as document_rows
from workbench.store import links as link_rows
from workbench.store import users as user_rows

ACTIONS = {"approve": "approved", "export": "exported as final"}


class ReasonRequired(WorkbenchError):
    """Critical findings are open: say why the document goes ahead anyway."""

    def __init__(self, message: str, *, open_critical: int) -> None:
        super().__init__(message)
        self.open_critical = open_critical


class QualityGateCases:
    """Approving a whole document and the gate before approval or a final export."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 review: ReviewCases) -> None:
        self.store = store
        self.clock = clock
        self.users = users
        self.review = review

    def open_critical(self, actor: User, doc_id: int) -> int:
        """How many critical findings are open (page furniture aside)."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "view")
            find_document(s, doc_id)
            return document_rows.open_critical(s, doc_id)

    def _gate(self, s: Transaction, user_id: int, doc_id: int, action: str,
              reason: str | None) -> None:
        """Refuse with :class:`ReasonRequired` while critical findings are open and no
        reason is given; with a reason, keep it."""
        count = document_rows.open_critical(s, doc_id)
        if not count:
            return
        reason = (reason or "").strip()
        if not reason:
            raise ReasonRequired(
                f"document {doc_id} has {count} open critical finding(s): fix or dismiss "
                f"them, or give the reason it is {ACTIONS[action]} anyway",
                open_critical=count)
        document_rows.add_override(s, doc_id, action, reason, count, user_id, self.clock())

    def approve_document(self, actor: User, doc_id: int,
                         reason: str | None = None) -> DocumentSummary:
        """Approve every link of the document that is work (not page furniture)."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "approve")
            find_document(s, doc_id)
            self._gate(s, user.id, doc_id, "approve", reason)
            now = self.clock()
            for link in link_rows.current(s, doc_id, lock=True):
                if not link.furniture and link.status != "approved":
                    link_rows.set_status(s, link, "approved", user.id, now)
        return self.review.summaries(doc_id)[0]

    def pass_final_export(self, actor: User, doc_id: int, reason: str | None) -> None:
        """The gate before a final export (needs the export right)."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "export")
            find_document(s, doc_id)
            self._gate(s, user.id, doc_id, "export", reason)

    def overrides(self, doc_id: int) -> tuple[str, ...]:
        """The document's overrides as the QA report shows them (callers check rights)."""
        with self.store.read() as s:
            rows = document_rows.overrides(s, doc_id)
            names = user_rows.names(s)
        return tuple(f"{ACTIONS.get(r.action, r.action)} by {names.get(r.user_id, '?')} on "
                     f"{r.created_at:%Y-%m-%d %H:%M} with {r.open_critical} critical "
                     f"finding(s) open: {r.reason}" for r in rows)
