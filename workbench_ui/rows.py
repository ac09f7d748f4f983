"""Choosing and ordering the links of the review page: filters, sort, the next open
finding, the neighbours of a link, the compact list's labels and the highlight
marks of a link.  Plain functions over the service's views
(no Streamlit), so they are quick to test and the page stays thin."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench_ui.html.highlight import Mark
from workbench.service import FindingView, ReviewRow

SORTS = ("document order", "worst score first")
STATUS_MARKS = {"new": "○", "reviewed": "◐", "approved": "●"}
#: Links a page of the compact list (a browser draws a few dozen radio buttons quickly,
#: not hundreds: each rerun redraws the list).
LIST_PAGE = 25
# The fidelity bands of the list, as Streamlit colours (the badge's scale:
# workbench_ui.html.highlight.FIDELITY_SCALE).
_BAND_COLOURS = ((0.5, "red"), (0.7, "orange"), (0.85, "yellow"), (float("inf"), "green"))


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


def open_count(row: ReviewRow) -> int:
    return sum(1 for f in row.findings if f.status == "open")


def neighbour(rows: Sequence[ReviewRow], link_id: int | None, step: int) -> ReviewRow | None:
    """The row ``step`` places after (negative: before) the row of ``link_id`` in
    ``rows``, clamped to the ends; the first row when ``link_id`` is not among them."""
    if not rows:
        return None
    ids = [r.link_id for r in rows]
    if link_id not in ids:
        return rows[0]
    return rows[min(max(ids.index(link_id) + step, 0), len(rows) - 1)]


def score_colour(row: ReviewRow) -> str:
    """The Streamlit colour of a link's fidelity band (gray: a one-sided link)."""
    if not (row.source and row.target):
        return "gray"
    return next(colour for bound, colour in _BAND_COLOURS if row.score < bound)


def list_label(row: ReviewRow, draft: bool = False) -> str:
    """The compact list's Markdown label of a link: a dot in its score colour, its
    number, its status, its open findings and whether it was corrected.  Only numbers
    and fixed symbols: nothing a user typed, so nothing to escape."""
    score = f"{row.score:.2f}" if row.source and row.target else "one-sided"
    parts = [f":{score_colour(row)}[●] **{row.ordinal}** {STATUS_MARKS.get(row.status, '?')}",
             f":gray[{score}]"]
    count = open_count(row)
    if count:
        parts.append(f":red[⚑{count}]")
    if row.corrected:
        parts.append(f"v{row.version}")
    if draft:
        parts.append(":blue[✎ unsaved]")
    return " ".join(parts)


def list_page(rows: Sequence[ReviewRow], link_id: int | None,
              size: int = LIST_PAGE) -> tuple[int, list[ReviewRow]]:
    """(index of its first row, rows) of the page of the compact list holding
    ``link_id`` (the first page when it is not among ``rows``): fixed pages, so a link
    keeps its place while the reviewer moves within a page."""
    ids = [r.link_id for r in rows]
    position = ids.index(link_id) if link_id in ids else 0
    start = position // size * size
    return start, list(rows[start:start + size])


def goto_label(row: ReviewRow) -> str:
    """A link as the "go to" box lists it: plain text, searchable by its number."""
    score = f"{row.score:.2f}" if row.source and row.target else "one-sided"
    count = open_count(row)
    return (f"Link {row.ordinal} · {score} · {STATUS_MARKS.get(row.status, '?')} {row.status}"
            + (f" · ⚑{count}" if count else "") + (f" · v{row.version}" if row.corrected else ""))
