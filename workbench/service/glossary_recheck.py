"""After a glossary change, the open documents checked again with the new glossary (the
work of a ``glossary_recheck`` background job).

Each open document (a work link not yet approved) is checked whole, as it reads now
(corrections included), with the glossary the checks use; stored findings that no
longer hold are closed (``fixed`` with no version: the glossary, not a text, changed),
new ones opened, dismissed ones stay dismissed (:func:`~.recheck.reconcile`).  Links
whose findings changed are scored again.  A link saved while the job ran is left to
its own re-check.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.model.link import Link
from workbench.service.glossary import GlossaryCases
from workbench.service.recheck import LinkRechecker, document_now, reconcile
from workbench.store import Store
from workbench.store import documents as document_rows
from workbench.store import findings as finding_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows

KIND = "glossary_recheck"
TITLE = "Glossary changed: re-checking the open documents"


class GlossaryRecheck:
    """Re-checks the open documents with the current glossary; ``analyser`` is the one
    documents are analysed with (given links, it only checks)."""

    def __init__(self, store: Store, terms: GlossaryCases, analyser: Callable,
                 rechecker: LinkRechecker) -> None:
        self.store = store
        self.terms = terms
        self.analyser = analyser
        self.rechecker = rechecker

    def has_work(self) -> bool:
        """Whether any document is open."""
        with self.store.read() as s:
            return bool(document_rows.open_ids(s))

    def run(self, progress: Callable[..., None]) -> str:
        """Re-check every open document; the summary the job shows."""
        glossary = self.terms.analysis_glossary()
        with self.store.read() as s:
            docs = document_rows.open_ids(s)
        closed = opened = 0
        for k, doc_id in enumerate(docs):
            progress(k / max(len(docs), 1), f"Re-checking document {k + 1} of {len(docs)}…")
            c, o = self.recheck_document(doc_id, glossary)
            closed, opened = closed + c, opened + o
        return (f"{len(docs)} open document(s) re-checked with the changed glossary: "
                f"{closed} finding(s) closed, {opened} opened.")

    def _read(self, doc_id: int):
        """The document as it reads now: paragraphs, links, each link's version."""
        with self.store.read() as s:
            paragraphs, links, latest = document_now(s, doc_id)
        covers = {r.id: (tuple(r.source_idx), tuple(r.target_idx)) for r in links}
        versions = {r.id: latest[r.id].version if r.id in latest else 0 for r in links}
        return paragraphs, covers, versions

    def recheck_document(self, doc_id: int, glossary) -> tuple[int, int]:
        """Check one document again; (findings closed, findings opened)."""
        paragraphs, covers, versions = self._read(doc_id)
        found = self.analyser(*paragraphs, glossary=glossary,
                              links=[Link(*c) for c in covers.values()]).findings
        by_cover: dict[tuple, list] = {}
        for f in found:
            by_cover.setdefault((tuple(f.source), tuple(f.target)), []).append(f)
        closed = opened = 0
        rescore = []
        with self.store.session() as s:
            current = {r.id: r for r in link_rows.current(s, doc_id, lock=True)}
            latest = revision_rows.latest_of_document(s, doc_id)
            stored: dict[int, list] = {}
            for f in finding_rows.of_document(s, doc_id):
                stored.setdefault(f.link_id, []).append(f)
            for link_id, cover in covers.items():
                now = latest[link_id].version if link_id in latest else 0
                if link_id not in current or now != versions[link_id]:
                    continue  # realigned or saved meanwhile: its own re-check runs
                c, o, open_now = reconcile(s, doc_id, current[link_id],
                                           stored.get(link_id, []), by_cover.get(cover, []),
                                           None)
                closed, opened = closed + c, opened + o
                if c or o:
                    rescore.append((link_id, cover, open_now))
        for link_id, cover, open_now in rescore:  # embedding: outside the transaction
            self._rescore(doc_id, link_id, versions[link_id],
                          self.rechecker.score(paragraphs, Link(*cover), open_now))
        return closed, opened

    def _rescore(self, doc_id: int, link_id: int, version: int, score) -> None:
        if score is None:
            return
        with self.store.session() as s:
            link = link_rows.get(s, link_id, lock=True)
            latest = revision_rows.latest(s, link_id)
            if link is not None and link.ordinal is not None and \
                    (latest.version if latest else 0) == version:
                link_rows.set_score(link, *score)
