"""The human-readable QA report of ``python -m workbench check`` (``--json`` is the contract).

A reviewer reads it top to bottom: a header naming the two files, a legend for the
columns, then one block per link that has findings (its paragraph numbers, fidelity
score and the first words of both sides), its findings worst first with exact
repeats folded into one line ("×3"), and a summary of counts by severity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.model.finding import SEVERITIES, Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph

PREVIEW = 60
LEGEND = (
    "legend: [i] -> [j]  paragraph numbers of the Vietnamese source and the Arabic translation,\n"
    "                    counted from 0 in file order (ads and menus included)\n"
    "        score       calibrated fidelity of the link, 0 (unrelated) to 1 (faithful)\n"
    "        severity    critical (facts changed) > major (wrong term or meaning) > minor (style)"
)


@dataclass(frozen=True)
class FoldedFinding:
    """A finding and how many times exactly the same one was reported for its link."""

    finding: Finding
    count: int


def fold(findings: Sequence[Finding]) -> list[FoldedFinding]:
    """Exact repeats (same link, kind, severity, term, found and message) as one entry,
    in first-seen order."""
    counts: Counter = Counter()
    first: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.source, f.target, f.kind, f.severity, f.term, f.found, f.message)
        counts[key] += 1
        first.setdefault(key, f)
    return [FoldedFinding(first[key], counts[key]) for key in first]


def _preview(paragraphs: Sequence[Paragraph], indexes: Sequence[int]) -> str:
    text = " ".join(paragraphs[i].text for i in indexes).replace("\n", " ")
    return text if len(text) <= PREVIEW else text[:PREVIEW - 1] + "…"


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1


def render(source_name: str, target_name: str, source: Sequence[Paragraph],
           target: Sequence[Paragraph], links: Sequence[Link],
           findings: Sequence[Finding]) -> str:
    """The whole report as text."""
    folded = fold(findings)
    by_link: dict[tuple, list[FoldedFinding]] = {}
    for item in folded:
        by_link.setdefault((item.finding.source, item.finding.target), []).append(item)
    lines = [
        f"QA report: {source_name} (Vietnamese, {len(source)} paragraphs) -> "
        f"{target_name} (Arabic, {len(target)} paragraphs)",
        f"{len(links)} links, {sum(1 for link in links if link.source and link.target)} with "
        f"both sides; {len(by_link)} with findings",
        LEGEND,
        "",
    ]
    for link in links:
        items = by_link.get((tuple(link.source), tuple(link.target)))
        if not items:
            continue
        lines.append(f"{list(link.source)} -> {list(link.target)}  score {link.score:.2f}")
        if link.source:
            lines.append(f"  vi: {_preview(source, link.source)}")
        if link.target:
            lines.append(f"  ar: {_preview(target, link.target)}")
        for item in sorted(items, key=lambda i: -_rank(i.finding.severity)):
            times = f" ×{item.count}" if item.count > 1 else ""
            lines.append(f"  [{item.finding.severity}] {item.finding.kind}: "
                         f"{item.finding.message}{times}")
        lines.append("")
    lines.append(summary(folded))
    return "\n".join(lines)


def summary(folded: Sequence[FoldedFinding]) -> str:
    """``findings: 2 critical, 5 major, 0 minor, 1 info (3 repeats folded)``."""
    counts = Counter(item.finding.severity for item in folded)
    repeats = sum(item.count - 1 for item in folded)
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in reversed(SEVERITIES))
    tail = f" ({repeats} exact repeats folded)" if repeats else ""
    return f"findings: {parts}{tail}"


def fails(findings: Sequence[Finding], threshold: str | None) -> bool:
    """True when a finding is at or above ``threshold`` (``--fail-on``)."""
    if threshold is None:
        return False
    return any(_rank(f.severity) >= _rank(threshold) for f in findings)
