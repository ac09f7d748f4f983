"""Use cases of figures: the dashboard across documents and post-edit effort."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import and_, func, select, true

from workbench.postedit.metrics import measure
from workbench.service.base import PARAGRAPH_JOINER, STATUSES, ServiceBase, _is_noise_link
from workbench.service.views import (
    Dashboard, DocumentEffort, LinkEffort, PostEditReport, ReviewerActivity, User,
)
from workbench.store import (
    DocumentRow, FindingRow, LinkRow, ParagraphRow, RevisionRow, StatusEventRow,
)


_SCORE_BINS = tuple(round(0.1 * k, 1) for k in range(1, 11))


def _aware(when: datetime | None) -> datetime | None:
    # Aggregates (max) bypass the column type on SQLite: put the zone back.
    if when is None:
        return None
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


class DashboardCases(ServiceBase):
    """Figures: score distribution, findings, reviewer activity, post-edit effort."""

    def dashboard(self, actor: User, doc_id: int | None = None) -> Dashboard:
        """Score distribution, findings by kind, effort placeholder, reviewer activity."""
        from rapidfuzz.distance import Levenshtein

        with self.store.read() as s:
            self._actor(s, actor, "view")
            doc_filter = (lambda col: col == doc_id) if doc_id is not None else (lambda col: true())
            active = and_(LinkRow.ordinal.is_not(None), doc_filter(LinkRow.doc_id))
            documents = (1 if doc_id is not None else
                         s.scalar(select(func.count(DocumentRow.id))))
            links = s.execute(select(LinkRow.id, LinkRow.doc_id, LinkRow.score, LinkRow.status,
                                     LinkRow.source_idx, LinkRow.target_idx)
                              .where(active)).all()
            findings = s.execute(select(FindingRow.kind, FindingRow.severity, FindingRow.status)
                                 .join(LinkRow, LinkRow.id == FindingRow.link_id)
                                 .where(active)).all()
            latest_version = (select(RevisionRow.link_id, func.max(RevisionRow.version).label("v"))
                              .where(RevisionRow.version.is_not(None),
                                     doc_filter(RevisionRow.doc_id))
                              .group_by(RevisionRow.link_id).subquery())
            latest = dict(s.execute(select(RevisionRow.link_id, RevisionRow.text).join(
                latest_version, and_(RevisionRow.link_id == latest_version.c.link_id,
                                     RevisionRow.version == latest_version.c.v))).all())
            scope_docs = {d for _, d, *_ in links}
            targets = {(d, i): t for d, i, t in s.execute(
                select(ParagraphRow.doc_id, ParagraphRow.idx, ParagraphRow.text).where(
                    ParagraphRow.side == "target", ParagraphRow.doc_id.in_(scope_docs)))}
            titles = dict(s.execute(select(DocumentRow.id, DocumentRow.title)
                                    .where(DocumentRow.id.in_(scope_docs))).all())
            revisions = s.execute(select(RevisionRow.author_id, RevisionRow.kind,
                                         func.count(), func.max(RevisionRow.created_at))
                                  .where(doc_filter(RevisionRow.doc_id))
                                  .group_by(RevisionRow.author_id, RevisionRow.kind)).all()
            events = s.execute(select(StatusEventRow.user_id, StatusEventRow.status, func.count(),
                                      func.max(StatusEventRow.created_at))
                               .where(doc_filter(StatusEventRow.doc_id))
                               .group_by(StatusEventRow.user_id, StatusEventRow.status)).all()
            dismissals = s.execute(select(FindingRow.dismissed_by, func.count(),
                                          func.max(FindingRow.dismissed_at))
                                   .where(FindingRow.status == "dismissed",
                                          doc_filter(FindingRow.doc_id))
                                   .group_by(FindingRow.dismissed_by)).all()
            names = self._names(s)
        counts = [0] * len(_SCORE_BINS)
        status_counts = {st: 0 for st in STATUSES}
        efforts = []
        pairs: dict[int, list[tuple[str, str]]] = {}
        corrected: dict[int, int] = {}
        for link_id, d, score, status, src, tgt in links:
            status_counts[status] = status_counts.get(status, 0) + 1
            if src and tgt:
                counts[min(int(float(score) * 10), 9)] += 1
            mt = PARAGRAPH_JOINER.join(targets.get((d, i), "") for i in tgt)
            final = latest.get(link_id, mt)
            if link_id in latest:
                efforts.append(Levenshtein.normalized_distance(mt, final))
            if not _is_noise_link(src, mt):
                pairs.setdefault(d, []).append((mt, final))
                corrected[d] = corrected.get(d, 0) + (mt.strip() != final.strip())
        by_document = tuple(DocumentEffort(d, titles.get(d, "?"), len(pairs[d]),
                                           corrected.get(d, 0), self.effort.measure(pairs[d]))
                            for d in sorted(pairs))
        if len(by_document) == 1:
            overall = by_document[0].effort
        else:
            overall = self.effort.measure(p for d in sorted(pairs) for p in pairs[d]) \
                if pairs else None
        by_kind: dict[str, int] = {}
        open_by_kind: dict[str, int] = {}
        by_severity: dict[str, int] = {}
        for kind, severity, status in findings:
            by_kind[kind] = by_kind.get(kind, 0) + 1
            by_severity[severity] = by_severity.get(severity, 0) + 1
            if status == "open":
                open_by_kind[kind] = open_by_kind.get(kind, 0) + 1
        activity: dict[int, dict] = {}

        def bump(user_id, key, n, when):
            entry = activity.setdefault(user_id, {"last": None})
            entry[key] = entry.get(key, 0) + n
            if when is not None and (entry["last"] is None or when > entry["last"]):
                entry["last"] = when

        for user_id, kind, n, when in revisions:
            if kind in ("edit", "restore", "import", "conflict"):  # realign carries, not edits
                bump(user_id, "conflicts" if kind == "conflict" else "corrections", n, when)
        for user_id, status, n, when in events:
            if status in ("reviewed", "approved"):
                bump(user_id, status, n, when)
        for user_id, n, when in dismissals:
            bump(user_id, "dismissed", n, when)
        people = tuple(sorted((ReviewerActivity(
            names.get(uid, "?"), e.get("corrections", 0), e.get("conflicts", 0),
            e.get("reviewed", 0), e.get("approved", 0), e.get("dismissed", 0),
            _aware(e["last"])) for uid, e in activity.items() if uid is not None),
            key=lambda a: a.user))
        return Dashboard(documents or 0, len(links), _SCORE_BINS, tuple(counts), by_kind,
                         open_by_kind, by_severity, status_counts,
                         sum(efforts) / len(efforts) if efforts else None, people,
                         overall, by_document)

    def post_edit(self, actor: User, doc_id: int) -> PostEditReport:
        """chrF++ and TER of the machine text against the current text, for the document
        (noise left out, the QA report's figure) and for each link."""
        review = self.get_review(actor, doc_id)
        links = tuple(LinkEffort(r.ordinal, measure(r.mt_text, r.current_text),
                                 _is_noise_link(r.source, r.mt_text)) for r in review.rows)
        document = self.effort.measure((r.mt_text, r.current_text) for r, link
                                       in zip(review.rows, links) if not link.is_noise)
        return PostEditReport(doc_id, document, links)
