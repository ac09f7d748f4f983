"""What each kind of job does on a worker: work out the result (no transaction open,
with progress), then store it in the transaction that marks the job done.

- ``analyse``: a new document from its two files (:class:`AnalyseWork`);
- ``realign``: new links in place of some links of a document, re-scored, and the
  whole document re-checked (:class:`RealignWork`): on a long document that takes
  too long to run while the Review page waits;
- any kind the service registers in ``JobCases.kinds`` (``glossary_recheck``): a
  function that stores its own work and returns a summary (:class:`KindWork`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from workbench.errors import WorkbenchError
from workbench.service.alignment import AlignmentCases, RealignPlan
from workbench.service.documents import DocumentCases
from workbench.store import JobRow, Transaction
from workbench.store import jobs as job_rows

Report = Callable[..., None]  # (fraction, message, force=False)


@dataclass(frozen=True)
class ClaimedJob:
    """What a worker read of a job when it claimed it."""

    kind: str
    attempt: int
    user_id: int | None
    title: str
    source_name: str
    target_name: str
    source_bytes: bytes
    target_bytes: bytes
    doc_id: int | None

    @classmethod
    def of(cls, row: JobRow) -> ClaimedJob:
        return cls(row.kind, row.attempts, row.created_by, row.title, row.source_name,
                   row.target_name, row.source_bytes, row.target_bytes, row.doc_id)


class AnalyseWork:
    """Read, align, score and check two files; store them as a new document."""

    def __init__(self, documents: DocumentCases, job: ClaimedJob) -> None:
        self.documents = documents
        self.job = job
        self._result = None

    def compute(self, report: Report) -> None:
        job = self.job
        report(0.0, f"Reading {job.source_name} and {job.target_name}…")
        source, target, _ = self.documents.read_pair(job.source_bytes, job.source_name,
                                                     job.target_bytes, job.target_name)
        analysis = self.documents.analyse_pair(
            source, target, lambda f, m: report(0.02 + 0.93 * f, m))
        self._result = (source, target, analysis)

    def save(self, s: Transaction) -> int:
        source, target, analysis = self._result
        job = self.job
        return self.documents.store_analysis(s, job.user_id, job.title, job.source_name,
                                             job.target_name, source, target, analysis)


def realign_request(plan: RealignPlan) -> bytes:
    """The job's parameters (kept where an analysis keeps its first file)."""
    return json.dumps({"ordinals": list(plan.ordinals),
                       "links": [[list(a), list(b)] for a, b in plan.wanted],
                       "was": [[list(a), list(b)] for a, b in plan.old_covers]}).encode()


class RealignWork:
    """Re-score the new links and re-check the document; store them in place of the
    old ones (refused if someone changed those links meanwhile)."""

    def __init__(self, alignment: AlignmentCases, job: ClaimedJob) -> None:
        self.alignment = alignment
        self.job = job
        self._result = None

    def compute(self, report: Report) -> None:
        if self.job.doc_id is None:
            raise WorkbenchError("the document of this re-alignment was deleted")
        request = json.loads(self.job.source_bytes.decode("utf-8"))
        report(0.0, "Reading the document…")
        plan = self.alignment.plan_for(self.job.doc_id, request["ordinals"], request["links"],
                                       expect=request["was"])
        scored, findings = self.alignment.compute(plan, lambda f, m: report(0.02 + 0.93 * f, m))
        self._result = (plan, scored, findings)

    def save(self, s: Transaction) -> int:
        plan, scored, findings = self._result
        if self.job.user_id is None:
            raise WorkbenchError("the user who asked for this re-alignment was deleted")
        self.alignment.apply(s, self.job.user_id, plan, scored, findings)
        return plan.doc_id


class KindWork:
    """Any other kind of job the service registered (e.g. ``glossary_recheck``): a
    function of the progress callback that does its own storing and returns a summary,
    kept as the job's last stage."""

    def __init__(self, job_id: int, run: Callable[[Report], str]) -> None:
        self.job_id = job_id
        self.run = run
        self.summary = ""

    def compute(self, report: Report) -> None:
        self.summary = self.run(report)

    def save(self, s: Transaction) -> int | None:
        job_rows.set_stage(s, self.job_id, self.summary)
        return None
