"""Choosing and ordering the rows of the review page: filters, sort, pages, the next
open finding, and the highlight marks of a row.  Plain functions over the service's
views (no Streamlit), so they are quick to test and the page stays thin."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench_ui.html.highlight import Mark
from workbench.service import FindingView, ReviewRow

SORTS = ("document order", "worst score first")
PAGE_SIZE = 20


@dataclass(frozen=True)
class RowFilter:
    """What the reviewer wants to see; empty tuples mean "any"."""

    kinds: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    only_open_findings: bool = False
    show_dismissed: bool = False


def visible_findings(row: ReviewRow, show_dismissed: bool = False) -> list[FindingView]:
    return [f for f in row.findings if show_dismissed or f.status == "open"]


def _wanted(row: ReviewRow, flt: RowFilter) -> bool:
    if flt.statuses and row.status not in flt.statuses:
        return False
    findings = visible_findings(row, flt.show_dismissed)
    if flt.kinds or flt.severities:
        findings = [f for f in findings if (not flt.kinds or f.kind in flt.kinds)
                    and (not flt.severities or f.severity in flt.severities)]
        if not findings:
            return False
    if flt.only_open_findings and not any(f.status == "open" for f in findings):
        return False
    return True


def select_rows(rows: Sequence[ReviewRow], flt: RowFilter, sort: str) -> list[ReviewRow]:
    """Rows passing the filter, in document order or worst fidelity first (one-sided
    links, which have no score, go last when sorting by score)."""
    chosen = [r for r in rows if _wanted(r, flt)]
    if sort == "worst score first":
        chosen.sort(key=lambda r: (not (r.source and r.target), r.score, r.ordinal))
    return chosen


def page_count(n: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-n // size))


def page_of(rows: Sequence[ReviewRow], page: int, size: int = PAGE_SIZE) -> list[ReviewRow]:
    """Rows of page ``page`` (1-based, clamped)."""
    page = min(max(1, page), page_count(len(rows), size))
    return list(rows[(page - 1) * size: page * size])


def next_open(rows: Sequence[ReviewRow], after_link: int | None) -> tuple[int, ReviewRow] | None:
    """(position, row) of the first row with an open finding after the row whose link
    id is ``after_link`` (wrapping round), or None if no finding is open."""
    start = 0
    if after_link is not None:
        for k, r in enumerate(rows):
            if r.link_id == after_link:
                start = k + 1
                break
    order = list(range(start, len(rows))) + list(range(0, start))
    for k in order:
        if any(f.status == "open" for f in rows[k].findings):
            return k, rows[k]
    return None


def marks(findings: Iterable[FindingView], side: str) -> dict[int, list[Mark]]:
    """Highlight marks per paragraph number for the ``source`` or ``target`` side."""
    out: dict[int, list[Mark]] = {}
    for f in findings:
        for span in (f.source_spans if side == "source" else f.target_spans):
            out.setdefault(span.paragraph, []).append(
                Mark(span.start, span.end, f.severity, f.kind, f.message))
    return out
