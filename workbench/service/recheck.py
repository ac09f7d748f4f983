"""The live re-check: a saved text is scored and checked again at once.

After a correction (or a restore) is committed, :class:`LinkRechecker` runs every
check on that link with its new text, and the document-level checks (consistency of
names) on the whole document as it now reads; it re-scores the link's fidelity the way
the aligner did, lowered by what the checks found.  Stored findings that no longer hold
are closed as ``fixed`` by the saved version, new ones are opened, and a finding that
comes back is reopened; a dismissed finding stays dismissed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.service.base import spans, stored_confidence
from workbench.service.glossary import GlossaryCases
from workbench.service.views import split_text
from workbench.store import FindingRow, LinkRow, Store, Transaction
from workbench.store import documents as document_rows
from workbench.store import findings as finding_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows

#: ``check(source, target, links, index, glossary, others)`` -> an object with
#: ``link``, ``document`` and ``document_checks`` (:class:`workbench.pipeline.Recheck`).
LinkCheck = Callable[..., object]


@dataclass(frozen=True)
class RecheckOutcome:
    """What a re-check changed: findings closed, opened (new or back), the new score."""

    fixed: int = 0
    opened: int = 0
    score: float | None = None


@dataclass(frozen=True)
class _Found:
    """A re-check's findings, as the analyser's fallback reports them."""

    link: tuple[Finding, ...]
    document: tuple[Finding, ...] = ()
    document_checks: frozenset[str] = frozenset()


def document_now(s: Transaction, doc_id: int):
    """A document as it reads now, corrections included: ((source paragraphs, target
    paragraphs), its current link rows, the latest revision of each corrected link)."""
    links = link_rows.current(s, doc_id)
    source = document_rows.texts(s, doc_id, "source")
    target = document_rows.texts(s, doc_id, "target")
    latest = revision_rows.latest_of_document(s, doc_id)
    for row in links:
        if row.id in latest and row.target_idx:
            target.update(split_text(row.target_idx, latest[row.id].text))
    paragraphs = ([Paragraph(i, t) for i, t in sorted(source.items())],
                  [Paragraph(i, t) for i, t in sorted(target.items())])
    return paragraphs, links, latest


def pipeline_check(*args, **kwargs):
    """:func:`workbench.pipeline.recheck_link`, imported when first needed."""
    from workbench.pipeline import recheck_link

    return recheck_link(*args, **kwargs)


def analyser_check(analyser: Callable) -> LinkCheck:
    """A re-check made of an analyser (``analyse(source, target, glossary=, links=)``):
    the analyser's findings on the one link; no document-level pass."""
    def check(source, target, links, index, glossary=None, others=()):
        found = analyser(source, target, glossary=glossary, links=[links[index]])
        return _Found(tuple(found.findings))
    return check


def _key(kind: str, check: str, term: str | None, found: str | None, expected) -> tuple:
    return kind, check or "", term or "", found or "", tuple(expected or ())


def _row_key(row: FindingRow) -> tuple:
    return _key(row.kind, row.check, row.term, row.found, row.expected)


def _finding_key(f: Finding) -> tuple:
    return _key(f.kind, f.check, f.term, f.found, f.expected)


def _as_finding(row: FindingRow, link: LinkRow) -> Finding:
    found = row.spans or {}
    return Finding(row.kind, row.severity, tuple(link.source_idx), tuple(link.target_idx),
                   row.term, tuple(row.expected or ()), row.found, row.message,
                   spans(found.get("source")), spans(found.get("target")), row.check,
                   confidence=stored_confidence(row))


_PREFER = {"open": 0, "dismissed": 1, "fixed": 2}


def reconcile(s: Transaction, doc_id: int, link: LinkRow, stored: list[FindingRow],
               found: Sequence[Finding], version: int | None) -> tuple[int, int, list[Finding]]:
    """Make ``stored`` (one link's findings of the checks re-run) say what ``found``
    says; returns (closed, opened, the findings that are open now)."""
    pool: dict[tuple, list[FindingRow]] = {}
    for row in sorted(stored, key=lambda r: (_PREFER.get(r.status, 3), r.id)):
        pool.setdefault(_row_key(row), []).append(row)
    opened, still_open, new = 0, [], []
    for f in found:
        rows = pool.get(_finding_key(f))
        if not rows:
            new.append(f)
            continue
        row = rows.pop(0)
        finding_rows.refresh(s, row, f)
        if row.status == "fixed":
            finding_rows.reopen(s, row)
            opened += 1
        if row.status == "open":
            still_open.append(f)
    if new:
        opened += finding_rows.add(s, doc_id, [link], new)
    closed = 0
    for rows in pool.values():
        for row in rows:
            if row.status == "open":
                finding_rows.fix(s, row, version)
                closed += 1
    s.flush()
    return closed, opened, still_open + new


class LinkRechecker:
    """Re-checks and re-scores a link after its text changed.

    ``check`` finds the problems (default: the pipeline's checks), ``rescorer`` scores
    the link again (``rescorer(source, target, links) -> links``, the aligner's scorer by
    default), ``coverage(source, target, links) -> {key: Coverage}`` its clause coverage
    (none: not weighed), ``glossary`` gives the glossary the checks use."""

    def __init__(self, store: Store, glossary: GlossaryCases, rescorer: Callable,
                 check: LinkCheck | None = None, coverage: Callable | None = None) -> None:
        self.store = store
        self.glossary = glossary
        self.rescorer = rescorer
        self.check = check or pipeline_check
        self.coverage = coverage
        self._prepared: set[int] = set()
        self._lock = threading.Lock()

    def recheck(self, doc_id: int, link_id: int, version: int) -> RecheckOutcome:
        """Re-check link ``link_id`` now at ``version``; nothing happens if it has moved on
        (a newer save re-checks it) or was replaced by realignment."""
        paragraphs, plain, index, others = self._document(doc_id, link_id)
        if index is None:
            return RecheckOutcome()
        found = self.check(*paragraphs, plain, index,
                           glossary=self.glossary.analysis_glossary(), others=others)
        return self._store(doc_id, link_id, version, paragraphs, plain[index], found)

    def _document(self, doc_id: int, link_id: int | None):
        """(source and target paragraphs as the document reads now, its links, the
        index of ``link_id`` among them or None, the open findings of the others)."""
        with self.store.read() as s:
            paragraphs, links, _ = document_now(s, doc_id)
            stored = finding_rows.of_document(s, doc_id)
        index = next((k for k, r in enumerate(links) if r.id == link_id), None)
        by_id = {r.id: r for r in links}
        others = [_as_finding(f, by_id[f.link_id]) for f in stored
                  if f.status == "open" and f.link_id != link_id and f.link_id in by_id]
        plain = [Link(tuple(r.source_idx), tuple(r.target_idx)) for r in links]
        return paragraphs, plain, index, others

    def prepare(self, doc_id: int) -> None:
        """Run the pipeline's checks over the document once in the background (once per
        document in this process), so that what they remember per paragraph
        (:mod:`workbench.checks.memo`) is there when the first save is re-checked: a
        process that did not analyse the document re-checks its first save as fast as
        the next.  Nothing to do for other checks (they remember nothing)."""
        if self.check is not pipeline_check:
            return
        with self._lock:
            if doc_id in self._prepared:
                return
            self._prepared.add(doc_id)
        threading.Thread(target=self._warm, args=(doc_id,), daemon=True,
                         name=f"recheck-prepare-{doc_id}").start()

    def _warm(self, doc_id: int) -> None:
        try:
            paragraphs, plain, _, _ = self._document(doc_id, None)
            if plain:
                self.check(*paragraphs, plain, 0, glossary=self.glossary.analysis_glossary())
        except Exception:  # only a head start: the save's own re-check reports any failure
            with self._lock:
                self._prepared.discard(doc_id)

    def _store(self, doc_id: int, link_id: int, version: int, paragraphs, plain: Link,
               found) -> RecheckOutcome:
        whole = set(found.document_checks)
        with self.store.session() as s:
            link = link_rows.get(s, link_id, lock=True)
            latest = revision_rows.latest(s, link_id)
            if link is None or link.ordinal is None or (latest.version if latest else 0) != version:
                return RecheckOutcome()
            stored = finding_rows.of_document(s, doc_id)
            mine = [f for f in stored if f.link_id == link_id]
            closed, opened, open_now = reconcile(s, doc_id, link, mine, found.link, version)
            score = self.score(paragraphs, plain, open_now)
            if score is not None:
                link_rows.set_score(link, *score)
            if whole:
                links = {r.id: r for r in link_rows.current(s, doc_id)}
                by_cover = {(tuple(r.source_idx), tuple(r.target_idx)): r for r in links.values()}
                found_by_link: dict[int, list[Finding]] = {}
                for f in found.document:
                    row = by_cover.get((tuple(f.source), tuple(f.target)))
                    if row is not None and row.id != link_id:
                        found_by_link.setdefault(row.id, []).append(f)
                theirs: dict[int, list[FindingRow]] = {}
                for f in stored:
                    if f.link_id != link_id and f.check in whole and f.link_id in links:
                        theirs.setdefault(f.link_id, []).append(f)
                for other in set(found_by_link) | set(theirs):
                    c, o, _ = reconcile(s, doc_id, links[other], theirs.get(other, []),
                                         found_by_link.get(other, []), None)
                    closed, opened = closed + c, opened + o
        return RecheckOutcome(closed, opened, score[0] if score else None)

    def score(self, paragraphs, plain: Link, open_now: Sequence[Finding]):
        """(score, components, signature) of the link with its new text, lowered by its
        open findings; None for a one-sided link (it has no score)."""
        if not (plain.source and plain.target):
            return None
        from workbench.align.fidelity import weigh_findings
        from workbench.align.one_thread import on_one_thread

        scored = on_one_thread(self.rescorer, *paragraphs, [plain])[0]
        gaps = on_one_thread(self.coverage, *paragraphs, [plain]) if self.coverage else None
        weighed = weigh_findings([scored], [f for f in open_now
                                            if (tuple(f.source), tuple(f.target))
                                            == (plain.source, plain.target)], gaps)[0]
        signature = (weighed.signature or "").replace("|link:manual", "") + "|recheck"
        return weighed.score, weighed.components, signature
