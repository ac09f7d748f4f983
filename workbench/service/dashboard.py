"""Use cases of figures: the dashboard across documents and post-edit effort."""

from __future__ import annotations

from datetime import datetime, timezone

from workbench.postedit.corpus_stats import EffortStats
from workbench.postedit.metrics import measure
from workbench.service.base import PARAGRAPH_JOINER, STATUSES, is_noise_link
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import (
    Dashboard, DocumentEffort, LinkEffort, PostEditReport, ReviewerActivity, User,
)
from workbench.store import Store
from workbench.store import users as user_rows
from workbench.store.dashboard import DashboardRows, dashboard_rows

_SCORE_BINS = tuple(round(0.1 * k, 1) for k in range(1, 11))


def _aware(when: datetime | str | None) -> datetime | None:
    # Aggregates (max) bypass the column type on SQLite: put the zone back.
    if when is None:
        return None
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _finding_counts(rows: DashboardRows) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Findings by kind, open findings by kind, findings by severity."""
    by_kind: dict[str, int] = {}
    open_by_kind: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for kind, severity, status in rows.findings:
        by_kind[kind] = by_kind.get(kind, 0) + 1
        by_severity[severity] = by_severity.get(severity, 0) + 1
        if status == "open":
            open_by_kind[kind] = open_by_kind.get(kind, 0) + 1
    return by_kind, open_by_kind, by_severity


def _activity(rows: DashboardRows, names: dict[int, str]) -> tuple[ReviewerActivity, ...]:
    """What each user did: corrections, conflicts, reviews, approvals, dismissals."""
    activity: dict[int, dict] = {}

    def bump(user_id, key, n, when):
        entry = activity.setdefault(user_id, {"last": None})
        entry[key] = entry.get(key, 0) + n
        if when is not None and (entry["last"] is None or when > entry["last"]):
            entry["last"] = when

    for user_id, kind, n, when in rows.revisions:
        if kind in ("edit", "restore", "import", "conflict"):  # realign carries, not edits
            bump(user_id, "conflicts" if kind == "conflict" else "corrections", n, when)
    for user_id, status, n, when in rows.events:
        if status in ("reviewed", "approved"):
            bump(user_id, status, n, when)
    for user_id, n, when in rows.dismissals:
        bump(user_id, "dismissed", n, when)
    return tuple(sorted((ReviewerActivity(
        names.get(uid, "?"), e.get("corrections", 0), e.get("conflicts", 0),
        e.get("reviewed", 0), e.get("approved", 0), e.get("dismissed", 0),
        _aware(e["last"])) for uid, e in activity.items() if uid is not None),
        key=lambda a: a.user))


class DashboardCases:
    """Figures: score distribution, findings, reviewer activity, post-edit effort.

    Post-edit statistics are kept in an :class:`EffortStats`, re-scored only when
    texts change."""

    def __init__(self, store: Store, users: UserCases, review: ReviewCases) -> None:
        self.store = store
        self.users = users
        self.review = review
        self.effort = EffortStats()

    def dashboard(self, actor: User, doc_id: int | None = None) -> Dashboard:
        """Score distribution, findings by kind, effort placeholder, reviewer activity."""
        from rapidfuzz.distance import Levenshtein

        with self.store.read() as s:
            self.users.authorize(s, actor, "view")
            rows = dashboard_rows(s, doc_id)
            names = user_rows.names(s)
        counts = [0] * len(_SCORE_BINS)
        status_counts = {st: 0 for st in STATUSES}
        efforts = []
        pairs: dict[int, list[tuple[str, str]]] = {}
        corrected: dict[int, int] = {}
        for link_id, d, score, status, src, tgt in rows.links:
            status_counts[status] = status_counts.get(status, 0) + 1
            if src and tgt:
                counts[min(int(float(score) * 10), 9)] += 1
            mt = PARAGRAPH_JOINER.join(rows.targets.get((d, i), "") for i in tgt)
            final = rows.latest.get(link_id, mt)
            if link_id in rows.latest:
                efforts.append(Levenshtein.normalized_distance(mt, final))
            if not is_noise_link(src, mt):
                pairs.setdefault(d, []).append((mt, final))
                corrected[d] = corrected.get(d, 0) + (mt.strip() != final.strip())
        by_document = tuple(DocumentEffort(d, rows.titles.get(d, "?"), len(pairs[d]),
                                           corrected.get(d, 0), self.effort.measure(pairs[d]))
                            for d in sorted(pairs))
        if len(by_document) == 1:
            overall = by_document[0].effort
        else:
            overall = self.effort.measure(p for d in sorted(pairs) for p in pairs[d]) \
                if pairs else None
        by_kind, open_by_kind, by_severity = _finding_counts(rows)
        return Dashboard(rows.documents or 0, len(rows.links), _SCORE_BINS, tuple(counts),
                         by_kind, open_by_kind, by_severity, status_counts,
                         sum(efforts) / len(efforts) if efforts else None,
                         _activity(rows, names), overall, by_document)

    def post_edit(self, actor: User, doc_id: int) -> PostEditReport:
        """chrF++ and TER of the machine text against the current text, for the document
        (noise left out, the QA report's figure) and for each link."""
        review = self.review.get_review(actor, doc_id)
        links = tuple(LinkEffort(r.ordinal, measure(r.mt_text, r.current_text),
                                 is_noise_link(r.source, r.mt_text)) for r in review.rows)
        document = self.effort.measure((r.mt_text, r.current_text) for r, link
                                       in zip(review.rows, links) if not link.is_noise)
        return PostEditReport(doc_id, document, links)
