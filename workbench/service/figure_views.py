"""The frozen views of figures: the dashboard, post-edit effort, reviewer activity, and
the corrected links the glossary suggestions learn from (re-exported by :mod:`.views`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workbench.postedit.metrics import PostEdit


@dataclass(frozen=True)
class ReviewerActivity:
    """What one user did, for the dashboard."""

    user: str
    corrections: int
    conflicts: int
    reviewed: int
    approved: int
    dismissed: int
    last_active: datetime | None


@dataclass(frozen=True)
class CorrectedLink:
    """A link whose current text differs from the machine translation (what
    :func:`workbench.glossary.suggestions.suggest_terms` learns from)."""

    doc_id: int
    ordinal: int
    source_text: str
    mt_text: str
    final_text: str


@dataclass(frozen=True)
class DocumentEffort:
    """Post-edit effort of one document (corpus chrF++/TER over its non-noise links)."""

    doc_id: int
    title: str
    links: int
    corrected: int
    effort: PostEdit


@dataclass(frozen=True)
class LinkEffort:
    """Post-edit effort of one link: machine text against its current text."""

    ordinal: int
    effort: PostEdit
    is_noise: bool = False


@dataclass(frozen=True)
class PostEditReport:
    """A document's post-edit figures: the whole document and each link.

    ``document`` leaves page noise out, as the QA report does; every figure carries
    sacrebleu's signature so it can be reproduced.
    """

    doc_id: int
    document: PostEdit
    links: tuple[LinkEffort, ...]


@dataclass(frozen=True)
class Dashboard:
    """Figures across documents (or one document when ``doc_id`` is given).

    ``score_bins`` are the upper edges of ten equal bins over [0, 1];
    ``post_edit_effort`` is the mean character edit ratio between machine and current
    text over corrected links (kept for old callers), None if nothing was corrected;
    ``post_edit`` and ``post_edit_by_document`` are the chrF++/TER figures.
    """

    documents: int
    links: int
    score_bins: tuple[float, ...]
    score_counts: tuple[int, ...]
    findings_by_kind: dict[str, int]
    open_findings_by_kind: dict[str, int]
    findings_by_severity: dict[str, int]
    status_counts: dict[str, int]
    post_edit_effort: float | None
    activity: tuple[ReviewerActivity, ...] = field(default=())
    #: chrF++/TER of the machine text against the current text over every link of the
    #: scope but page noise (:func:`workbench.postedit.metrics.measure_document`, the QA
    #: report's figure), with sacrebleu's signature; None without links.
    post_edit: PostEdit | None = None
    post_edit_by_document: tuple[DocumentEffort, ...] = field(default=())
