"""The reviewed document: what exports, post-edit metrics and suggestions read.

A plain, frozen model that the store builds from the database (one ``ReviewedUnit``
per alignment link) and that tests build by hand.  Nothing here knows about files or
the database, so every exporter can be called the same way from the CLI and the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.model.finding import Finding

#: Review states of a unit, from untouched machine output to signed-off.
STATES = ("machine", "reviewed", "final")
#: The service's link statuses (``workbench.service.STATUSES``) as review states.
STATE_OF_STATUS = {"new": "machine", "reviewed": "reviewed", "approved": "final"}
#: What a reviewer decided about a finding.
FINDING_STATUSES = ("open", "accepted", "fixed", "dismissed")


def state_of_status(status: str) -> str:
    """The review state for a stored link status ('new'/'reviewed'/'approved')."""
    try:
        return STATE_OF_STATUS[status]
    except KeyError:
        raise ValueError(
            f"link status {status!r} is not one of {', '.join(STATE_OF_STATUS)}"
        ) from None


@dataclass(frozen=True)
class ReviewedFinding:
    """A finding plus what the reviewer decided about it (``FINDING_STATUSES``)."""

    finding: Finding
    status: str = "open"

    def __post_init__(self) -> None:
        if self.status not in FINDING_STATUSES:
            raise ValueError(
                f"finding status {self.status!r} is not one of {', '.join(FINDING_STATUSES)}"
            )


@dataclass(frozen=True)
class ReviewedUnit:
    """One aligned unit under review: source, machine translation and corrected text.

    ``ordinal`` numbers units in page order (it is the unit id in XLIFF/TMX);
    ``source_indexes``/``target_indexes`` are the paragraph numbers of the link.
    ``state`` is ``'machine'`` (MT not yet reviewed), ``'reviewed'`` or ``'final'``
    (approved).  ``is_noise`` marks page furniture (ads, captions, menus).
    """

    ordinal: int
    source_indexes: tuple[int, ...]
    target_indexes: tuple[int, ...]
    source_text: str
    mt_text: str
    final_text: str
    state: str = "machine"
    score: float = 0.0
    findings: tuple[ReviewedFinding, ...] = ()
    reviewer: str | None = None
    note: str = ""
    is_noise: bool = False

    def __post_init__(self) -> None:
        if self.state not in STATES:
            raise ValueError(
                f"unit {self.ordinal}: state {self.state!r} is not one of {', '.join(STATES)}"
            )

    @property
    def is_approved(self) -> bool:
        return self.state == "final"

    @property
    def is_corrected(self) -> bool:
        """True when the reviewer changed the machine translation."""
        return self.mt_text.strip() != self.final_text.strip()


@dataclass(frozen=True)
class ReviewedDocument:
    """A document under review, its units in page order."""

    title: str
    source_lang: str = "vi"
    target_lang: str = "ar"
    units: tuple[ReviewedUnit, ...] = field(default=())
    #: why the document was approved or exported as final with critical findings open
    #: ("approve by minh, 2 critical open: the source is wrong too"), oldest first
    overrides: tuple[str, ...] = field(default=())
