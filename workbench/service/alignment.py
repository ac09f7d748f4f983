"""Use cases of realignment: replace, merge, split and unlink links, keeping corrections."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session as OrmSession

from workbench.errors import ConflictError, NotFound, WorkbenchError
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.service.base import PARAGRAPH_JOINER, ServiceBase, _joined
from workbench.service.views import Review, User
from workbench.store import FindingRow, LinkRow, RevisionRow


def _cover_of(link: LinkRow) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return tuple(link.source_idx), tuple(link.target_idx)


def _check_cover(old: Sequence[LinkRow], wanted: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
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


class AlignmentCases(ServiceBase):
    """Realignment by hand: new links over the same paragraphs, re-scored and re-checked."""

    def realign(self, actor: User, doc_id: int, ordinals: Sequence[int],
                new_links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> Review:
        """Replace consecutive links by ``new_links`` covering the same paragraphs.

        Scores and findings are recomputed for the new links through the pipeline;
        corrections of replaced links are carried over as a ``realign`` revision (the
        replaced links and their history stay in the database).
        """
        ordinals = sorted(set(ordinals))
        if not ordinals or ordinals != list(range(ordinals[0], ordinals[-1] + 1)):
            raise WorkbenchError(f"links {ordinals} are not consecutive: pick neighbouring rows")
        wanted = [(tuple(int(i) for i in a), tuple(int(i) for i in b)) for a, b in new_links]
        with self.store.read() as s:
            self._actor(s, actor, "realign")
            self._document(s, doc_id)
            old = list(s.scalars(select(LinkRow).where(
                LinkRow.doc_id == doc_id, LinkRow.ordinal.in_(ordinals))
                .order_by(LinkRow.ordinal)))
            if len(old) != len(ordinals):
                raise NotFound(f"document {doc_id} has no links {ordinals}: reload the document")
            _check_cover(old, wanted)
            old_covers = [_cover_of(r) for r in old]
            source = [Paragraph(i, t) for i, t in sorted(self._texts(s, doc_id, "source").items())]
            target = [Paragraph(i, t) for i, t in sorted(self._texts(s, doc_id, "target").items())]
            others = [Link(tuple(r.source_idx), tuple(r.target_idx)) for r in s.scalars(
                select(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal.is_not(None),
                                      LinkRow.ordinal.not_in(ordinals))
                .order_by(LinkRow.ordinal))]
        # Score and check outside the transaction (embedding takes time).
        scored = self.rescorer(source, target, [Link(a, b) for a, b in wanted])
        scored = [link if link.source and link.target else
                  Link(link.source, link.target, 0.0, (), link.signature) for link in scored]
        first = ordinals[0]
        whole = others[:first] + list(scored) + others[first:]
        analysis = self.analyser(source, target, glossary=self._analysis_glossary(),
                                 links=whole)
        with self.store.session() as s:
            user = self._actor(s, actor, "realign")
            old = list(s.scalars(select(LinkRow).where(
                LinkRow.doc_id == doc_id, LinkRow.ordinal.in_(ordinals))
                .order_by(LinkRow.ordinal).with_for_update()))
            if [_cover_of(r) for r in old] != old_covers:
                raise ConflictError(
                    f"links {ordinals} of document {doc_id} were changed by someone else "
                    "meanwhile: reload the document and try again")
            carried, orphans = self._carried_texts(s, doc_id, old)
            dismissed = {(f.kind, f.term, f.found): f for f in s.scalars(
                select(FindingRow).where(FindingRow.link_id.in_([r.id for r in old]),
                                         FindingRow.status == "dismissed"))}
            now = self.clock()
            for r in old:
                r.ordinal, r.retired_at = None, now
            s.flush()
            delta = len(scored) - len(old)
            if delta:
                # Two steps through negative numbers: the unique (doc, ordinal) is
                # checked row by row, so a plain "+ delta" could collide mid-update.
                s.execute(update(LinkRow).where(LinkRow.doc_id == doc_id,
                                                LinkRow.ordinal > ordinals[-1])
                          .values(ordinal=-(LinkRow.ordinal + delta) - 1))
                s.execute(update(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal < 0)
                          .values(ordinal=-LinkRow.ordinal - 1))
            rows = self._add_links(s, doc_id, scored, start=first)
            for r in old:
                r.replaced_by = [n.id for n in rows]
            self._add_findings(s, doc_id, rows, [
                f for f in analysis.findings
                if (tuple(f.source), tuple(f.target)) in {(a, b) for a, b in wanted}])
            s.flush()
            # A finding someone dismissed stays dismissed when the check reports it again.
            for f in s.scalars(select(FindingRow).where(
                    FindingRow.link_id.in_([r.id for r in rows]))):
                before = dismissed.get((f.kind, f.term, f.found))
                if before is not None:
                    f.status, f.dismiss_reason = "dismissed", before.dismiss_reason
                    f.dismissed_by, f.dismissed_at = before.dismissed_by, before.dismissed_at
            target_texts = self._texts(s, doc_id, "target")
            for row in rows:
                pieces = [carried[i] for i in row.target_idx if carried.get(i)]
                pieces += [orphans.pop(i) for i in row.source_idx if i in orphans]
                text = PARAGRAPH_JOINER.join(pieces)
                if text != _joined(target_texts, row.target_idx):
                    s.add(RevisionRow(doc_id=doc_id, link_id=row.id, version=1,
                                      base_version=0, kind="realign", text=text,
                                      author_id=user.id, created_at=now))
        return self.get_review(actor, doc_id)

    def _carried_texts(self, s: OrmSession, doc_id: int, old: Sequence[LinkRow]
                       ) -> tuple[dict[int, str], dict[int, str]]:
        """What the replaced links' current texts become, so no correction is lost.

        Per target paragraph, the current text of the link that held it: a corrected
        text is split back by blank lines when it still has one block per paragraph,
        else it stays whole on the link's first paragraph.  A translation typed into a
        source-only link (an omission) is returned per its first source paragraph.
        """
        texts = self._texts(s, doc_id, "target")
        out: dict[int, str] = {}
        orphans: dict[int, str] = {}
        for link in old:
            latest = self._latest(s, link.id)
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

    def merge_links(self, actor: User, doc_id: int, ordinals: Sequence[int]) -> Review:
        """Merge consecutive links into one."""
        review = self.get_review(actor, doc_id)
        rows = [review.rows[o] for o in sorted(ordinals) if 0 <= o < len(review.rows)]
        if len(rows) < 2:
            raise WorkbenchError("pick at least two neighbouring links to merge")
        merged = (tuple(i for r in rows for i in r.source), tuple(i for r in rows for i in r.target))
        return self.realign(actor, doc_id, ordinals, [merged])

    def split_link(self, actor: User, doc_id: int, link_ordinal: int,
                   source_cut: int, target_cut: int) -> Review:
        """Split a link after its first ``source_cut`` source and ``target_cut`` target
        paragraphs into two links."""
        review = self.get_review(actor, doc_id)
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
        review = self.get_review(actor, doc_id)
        if not 0 <= link_ordinal < len(review.rows):
            raise NotFound(f"document {doc_id} has no link {link_ordinal}: reload the document")
        row = review.rows[link_ordinal]
        parts = [(a, b) for a, b in ((row.source, ()), ((), row.target)) if a or b]
        if len(parts) < 2:
            raise WorkbenchError(f"link {link_ordinal} is already one-sided")
        return self.realign(actor, doc_id, [link_ordinal], parts)
