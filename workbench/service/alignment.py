"""Use cases of realignment: replace, merge, split and unlink links, keeping corrections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from workbench.errors import ConflictError, JobQueued, NotFound, WorkbenchError
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.service.base import PARAGRAPH_JOINER, find_document, is_noise_link, joined
from workbench.service.glossary import GlossaryCases
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import Progress, Review, User
from workbench.store import LinkRow, Store, Transaction
from workbench.store import documents as document_rows
from workbench.store import findings as finding_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows

#: Links as a reviewer asks for them: (source paragraphs, target paragraphs).
Cover = tuple[tuple[int, ...], tuple[int, ...]]


def _cover_of(link: LinkRow) -> Cover:
    return tuple(link.source_idx), tuple(link.target_idx)


def _check_cover(old: Sequence[LinkRow], wanted: Sequence[Cover]) -> None:
    """New links must cover exactly the old links' paragraphs, in order, each link
    non-empty and each side of a link consecutive."""
    old_source = [i for r in old for i in r.source_idx]
    old_target = [i for r in old for i in r.target_idx]
    new_source = [i for a, _ in wanted for i in a]
    new_target = [i for _, b in wanted for i in b]
    if new_source != old_source or new_target != old_target:
        raise WorkbenchError(
            f"the new links must cover source paragraphs {old_source} and target paragraphs "
            f"{old_target} exactly once, in order")
    for a, b in wanted:
        if not a and not b:
            raise WorkbenchError("a link needs at least one paragraph")
        for side in (a, b):
            if side and list(side) != list(range(side[0], side[0] + len(side))):
                raise WorkbenchError(f"paragraphs {list(side)} of a link must be consecutive")


def _carried_texts(s: Transaction, doc_id: int, old: Sequence[LinkRow]
                   ) -> tuple[dict[int, str], dict[int, str]]:
    """What the replaced links' current texts become, so no correction is lost.

    Per target paragraph, the current text of the link that held it: a corrected
    text is split back by blank lines when it still has one block per paragraph,
    else it stays whole on the link's first paragraph.  A translation typed into a
    source-only link (an omission) is returned per its first source paragraph.
    """
    texts = document_rows.texts(s, doc_id, "target")
    out: dict[int, str] = {}
    orphans: dict[int, str] = {}
    for link in old:
        latest = revision_rows.latest(s, link.id)
        idx = list(link.target_idx)
        if not idx:
            if latest is not None and latest.text.strip() and link.source_idx:
                orphans[link.source_idx[0]] = latest.text
            continue
        if latest is None:
            out.update({i: texts[i] for i in idx})
            continue
        blocks = latest.text.split(PARAGRAPH_JOINER)
        if len(blocks) == len(idx):
            out.update(zip(idx, blocks))
        else:
            out.update({i: "" for i in idx})
            out[idx[0]] = latest.text
    return out, orphans


def _changed_meanwhile(doc_id: int, ordinals: Sequence[int]) -> ConflictError:
    return ConflictError(f"links {list(ordinals)} of document {doc_id} were changed by "
                         "someone else meanwhile: reload the document and try again")


@dataclass(frozen=True)
class RealignPlan:
    """A checked re-alignment: which links become which, and the document's texts."""

    doc_id: int
    ordinals: tuple[int, ...]
    wanted: tuple[Cover, ...]
    old_covers: tuple[Cover, ...]
    source: tuple[Paragraph, ...]
    target: tuple[Paragraph, ...]
    others: tuple[Link, ...]  # the links that stay

    @property
    def links(self) -> int:
        """How many links the document has (before the change)."""
        return len(self.others) + len(self.ordinals)


class AlignmentCases:
    """Realignment by hand: new links over the same paragraphs, re-scored by
    ``rescorer`` and re-checked by ``analyser`` with the glossary of ``glossary``."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 review: ReviewCases, glossary: GlossaryCases, analyser: Callable,
                 rescorer: Callable) -> None:
        self.store = store
        self.clock = clock
        self.users = users
        self.review = review
        self.glossary = glossary
        self.analyser = analyser
        self.rescorer = rescorer
        #: queues a long document's re-alignment (``JobCases.submit_realign``), or None
        self.queue_long: Callable[[User, RealignPlan], object] | None = None

    #: From this many links on, a re-alignment is queued as a job when a queue is wired
    #: (:attr:`queue_long`): re-checking a long document takes too long for the page.
    JOB_FROM_LINKS = 300

    def realign(self, actor: User, doc_id: int, ordinals: Sequence[int],
                new_links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> Review:
        """Replace consecutive links by ``new_links`` covering the same paragraphs.

        Scores and findings are recomputed for the new links through the pipeline;
        corrections of replaced links are carried over as a ``realign`` revision (the
        replaced links and their history stay in the database).  On a long document
        (:attr:`JOB_FROM_LINKS`) the work is queued as a job instead and
        :class:`~workbench.errors.JobQueued` says which.
        """
        plan = self.plan(actor, doc_id, ordinals, new_links)
        if self.queue_long is not None and plan.links >= self.JOB_FROM_LINKS:
            job = self.queue_long(actor, plan)
            raise JobQueued(
                f"this document has {plan.links} links: the re-alignment runs as job "
                f"{job.id} (follow it on the Documents page); reload the review when it is "
                "done", job.id)
        scored, findings = self.compute(plan)
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "realign")
            self.apply(s, user.id, plan, scored, findings)
        return self.review.get_review(actor, doc_id)

    def plan(self, actor: User, doc_id: int, ordinals: Sequence[int],
             new_links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> RealignPlan:
        """Check a re-alignment and read what it needs (the actor may realign)."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "realign")
        return self.plan_for(doc_id, ordinals, new_links)

    def plan_for(self, doc_id: int, ordinals: Sequence[int],
                 new_links: Sequence[tuple[Sequence[int], Sequence[int]]],
                 expect: Sequence[Cover] | None = None) -> RealignPlan:
        """:meth:`plan` without the permission check (a worker runs a checked job);
        ``expect``: the links as they were when the job was queued."""
        ordinals = sorted(set(ordinals))
        if not ordinals or ordinals != list(range(ordinals[0], ordinals[-1] + 1)):
            raise WorkbenchError(f"links {ordinals} are not consecutive: pick neighbouring rows")
        wanted = [(tuple(int(i) for i in a), tuple(int(i) for i in b)) for a, b in new_links]
        with self.store.read() as s:
            find_document(s, doc_id)
            old = link_rows.current(s, doc_id, ordinals)
            if len(old) != len(ordinals):
                raise NotFound(f"document {doc_id} has no links {ordinals}: reload the document")
            if expect is not None and [_cover_of(r) for r in old] != [
                    (tuple(a), tuple(b)) for a, b in expect]:
                raise _changed_meanwhile(doc_id, ordinals)
            _check_cover(old, wanted)
            source = [Paragraph(i, t)
                      for i, t in sorted(document_rows.texts(s, doc_id, "source").items())]
            target = [Paragraph(i, t)
                      for i, t in sorted(document_rows.texts(s, doc_id, "target").items())]
            others = [Link(tuple(r.source_idx), tuple(r.target_idx))
                      for r in link_rows.current(s, doc_id, exclude=ordinals)]
        return RealignPlan(doc_id, tuple(ordinals), tuple(wanted),
                           tuple(_cover_of(r) for r in old), tuple(source), tuple(target),
                           tuple(others))

    def compute(self, plan: RealignPlan, progress: Progress | None = None
                ) -> tuple[list[Link], tuple]:
        """Score the new links and check the whole document (no transaction open)."""
        report = progress or (lambda fraction, message: None)
        report(0.0, "Scoring the new links…")
        scored = self.rescorer(list(plan.source), list(plan.target),
                               [Link(a, b) for a, b in plan.wanted])
        scored = [link if link.source and link.target else
                  Link(link.source, link.target, 0.0, (), link.signature) for link in scored]
        first = plan.ordinals[0]
        whole = list(plan.others[:first]) + scored + list(plan.others[first:])
        report(0.1, "Running the checks on the document…")
        analysis = self.analyser(list(plan.source), list(plan.target),
                                 glossary=self.glossary.analysis_glossary(), links=whole,
                                 progress=lambda f, m: report(0.1 + 0.85 * f, m))
        return scored, analysis.findings

    def apply(self, s: Transaction, user_id: int, plan: RealignPlan, scored: Sequence[Link],
              findings: Sequence) -> None:
        """Store a computed re-alignment in the caller's transaction, unless the links
        changed meanwhile (:class:`~workbench.errors.ConflictError`)."""
        old = link_rows.current(s, plan.doc_id, list(plan.ordinals), lock=True)
        if tuple(_cover_of(r) for r in old) != plan.old_covers:
            raise _changed_meanwhile(plan.doc_id, plan.ordinals)
        self._replace(s, plan.doc_id, user_id, old, scored, plan.wanted, findings)

    def _replace(self, s: Transaction, doc_id: int, user_id: int, old: Sequence[LinkRow],
                 scored: Sequence[Link], wanted: Sequence[Cover], findings: Sequence) -> None:
        """Retire ``old``, store ``scored`` in their place with their findings, keep
        dismissals, and carry the replaced links' corrections over."""
        carried, orphans = _carried_texts(s, doc_id, old)
        dismissed = {(f.kind, f.term, f.found): f for f in finding_rows.of_links(
            s, [r.id for r in old], status="dismissed")}
        now = self.clock()
        first, last = old[0].ordinal, old[-1].ordinal
        link_rows.retire(s, old, now)
        link_rows.shift(s, doc_id, after=last, delta=len(scored) - len(old))
        target_texts = document_rows.texts(s, doc_id, "target")
        rows = link_rows.add(s, doc_id, scored, start=first, created_at=now, furniture=[
            is_noise_link(link.source, joined(target_texts, link.target)) for link in scored])
        link_rows.set_replaced_by(old, rows)
        covers = set(wanted)
        finding_rows.add(s, doc_id, rows, [
            f for f in findings if (tuple(f.source), tuple(f.target)) in covers])
        # A finding someone dismissed stays dismissed when the check reports it again.
        for f in finding_rows.of_links(s, [r.id for r in rows]):
            before = dismissed.get((f.kind, f.term, f.found))
            if before is not None:
                finding_rows.dismiss(s, f, before.dismiss_reason, before.dismissed_by,
                                     before.dismissed_at)
        for row in rows:
            pieces = [carried[i] for i in row.target_idx if carried.get(i)]
            pieces += [orphans.pop(i) for i in row.source_idx if i in orphans]
            text = PARAGRAPH_JOINER.join(pieces)
            if text != joined(target_texts, row.target_idx):
                revision_rows.add(s, doc_id, row.id, 1, 0, "realign", text, user_id, now)

    def merge_links(self, actor: User, doc_id: int, ordinals: Sequence[int]) -> Review:
        """Merge consecutive links into one."""
        review = self.review.get_review(actor, doc_id)
        rows = [review.rows[o] for o in sorted(ordinals) if 0 <= o < len(review.rows)]
        if len(rows) < 2:
            raise WorkbenchError("pick at least two neighbouring links to merge")
        merged = (tuple(i for r in rows for i in r.source), tuple(i for r in rows for i in r.target))
        return self.realign(actor, doc_id, ordinals, [merged])

    def split_link(self, actor: User, doc_id: int, link_ordinal: int,
                   source_cut: int, target_cut: int) -> Review:
        """Split a link after its first ``source_cut`` source and ``target_cut`` target
        paragraphs into two links."""
        review = self.review.get_review(actor, doc_id)
        if not 0 <= link_ordinal < len(review.rows):
            raise NotFound(f"document {doc_id} has no link {link_ordinal}: reload the document")
        row = review.rows[link_ordinal]
        if not (0 <= source_cut <= len(row.source) and 0 <= target_cut <= len(row.target)):
            raise WorkbenchError(
                f"link {link_ordinal} has {len(row.source)} source and {len(row.target)} target "
                "paragraphs: cut inside those")
        parts = [(row.source[:source_cut], row.target[:target_cut]),
                 (row.source[source_cut:], row.target[target_cut:])]
        if not all(a or b for a, b in parts):
            raise WorkbenchError(f"splitting link {link_ordinal} there leaves an empty link")
        return self.realign(actor, doc_id, [link_ordinal], parts)

    def unlink(self, actor: User, doc_id: int, link_ordinal: int) -> Review:
        """Turn a link into one-sided links (its source alone, its target alone)."""
        review = self.review.get_review(actor, doc_id)
        if not 0 <= link_ordinal < len(review.rows):
            raise NotFound(f"document {doc_id} has no link {link_ordinal}: reload the document")
        row = review.rows[link_ordinal]
        parts = [(a, b) for a, b in ((row.source, ()), ((), row.target)) if a or b]
        if len(parts) < 2:
            raise WorkbenchError(f"link {link_ordinal} is already one-sided")
        return self.realign(actor, doc_id, [link_ordinal], parts)
