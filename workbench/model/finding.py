"""Findings: what a check reports about a link."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "minor", "major", "critical")


@dataclass(frozen=True)
class Span:
    """A character span ``[start, end)`` in one paragraph's text, for highlighting."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One problem found by a check, in the shape of the CLI contract.

    ``source``/``target`` are the paragraph numbers of the link the finding belongs
    to; ``source_spans``/``target_spans`` locate the term in the texts.
    """

    kind: str
    severity: str
    source: tuple[int, ...]
    target: tuple[int, ...]
    term: str
    expected: tuple[str, ...]
    found: str | None
    message: str
    source_spans: tuple[Span, ...] = field(default=(), compare=False)
    target_spans: tuple[Span, ...] = field(default=(), compare=False)
    check: str = field(default="", compare=False)
    #: How sure the check is that this is an error, in (0, 1]; 1 for the rule-based checks
    #: that read the glossary, lower for a reading of meaning that may be right Arabic.
    confidence: float = field(default=1.0, compare=False)

    def to_json(self) -> dict:
        """The finding as the CLI contract prints it (plus span fields)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "source": list(self.source),
            "target": list(self.target),
            "term": self.term,
            "expected": list(self.expected),
            "found": self.found,
            "message": self.message,
            "source_spans": [[s.paragraph, s.start, s.end] for s in self.source_spans],
            "target_spans": [[s.paragraph, s.start, s.end] for s in self.target_spans],
        } | ({"confidence": self.confidence} if self.confidence < 1.0 else {})
