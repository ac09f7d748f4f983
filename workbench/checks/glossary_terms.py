"""Glossary term checks: a term's rendering missing, or a forbidden rendering used."""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.checks.base import Check, LinkView, major, parts
from workbench.model.finding import Finding
from workbench.glossary.terms import GlossaryEntry
from workbench.glossary.matching import closest, contains_rendering, find_renderings

#: Categories with a check of their own (admin_level, name): not reported here.
OWN_CHECK = ("admin_level", "person", "place")
#: How close the nearest stretch must be to show it as what the translation "has instead".
NEAR_ENOUGH = 0.6
#: A one-word rendering needs a closer match to be shown (short words look alike).
NEAR_ONE_WORD = 0.8
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def is_arabic(text: str) -> bool:
    """Whether a rendering is Arabic (document codes are kept in Latin, checked as numbers)."""
    return bool(_ARABIC.search(text))


def unique_entries(view: LinkView) -> list[GlossaryEntry]:
    """The glossary entries of a link's source, each once, in text order."""
    seen: dict[int, GlossaryEntry] = {}
    for hit in view.terms:
        seen.setdefault(id(hit.entry), hit.entry)
    return list(seen.values())


def source_span(view: LinkView, entry: GlossaryEntry) -> tuple[int, int] | None:
    """Where the entry (or the longer term containing it) is in the source."""
    hit = next((h for h in view.terms if h.entry is entry), None)
    if hit is None:
        hit = next((h for h in view.terms if entry in parts(h.entry, view.glossary)), None)
    return (hit.start, hit.end) if hit else None


def _parts_rendered_in(sub: list[GlossaryEntry], at, start: int, end: int) -> bool:
    """Whether every part of a long term is rendered in (or touching) ``[start, end)``:
    "لجنة التنظيم للجنة الحزب في المقاطعة" renders Ban Tổ chức Tỉnh ủy as well."""
    for p in sub:
        if not any(h.start <= end and start <= h.end for h in find_renderings(p.renderings, at)):
            return False
    return True


@major
class TermCheck(Check):
    """Glossary term not rendered as the glossary says

    The source has a glossary term and none of its accepted renderings is in the
    translation (clitics, suffixes and spelling variants allowed).  A long term whose
    parts are each rendered correctly counts as rendered.
    """

    name = kind = "term"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        for e in unique_entries(view):
            if e.category in OWN_CHECK or not is_arabic(e.target):
                continue
            if contains_rendering(e.renderings, at):
                continue
            if e.forbidden and contains_rendering(e.forbidden, at):
                continue  # the forbidden check reports it, with what was written
            sub = [p for p in parts(e, view.glossary) if is_arabic(p.target)]
            near = closest(e.renderings, at)
            if sub and near is not None and _parts_rendered_in(sub, at, near.start, near.end):
                continue
            wrong_parts = [h for p in sub if p.forbidden for h in find_renderings(p.forbidden, at)]
            if near is not None and any(h.start < near.end and near.start < h.end for h in wrong_parts):
                continue  # a part is rendered wrongly there: the forbidden check says so
            if near is not None and near.score >= (NEAR_ENOUGH if " " in near.rendering else NEAR_ONE_WORD):
                found, span = near.text, (near.start, near.end)
                msg = f"{e.source}: expected {e.target}, found {near.text}"
            else:
                found, span = None, None
                msg = f"{e.source}: expected {e.target}; no accepted rendering in the translation"
            yield view.finding(self, term=e.source, expected=e.renderings, found=found,
                               message=msg, source_span=source_span(view, e), target_span=span)


@major
class ForbiddenCheck(Check):
    """Rendering the glossary forbids for a term of this paragraph

    "مجلس تنظيم" for Ban Tổ chức, "الدرس" for "Bài 1": a rendering the glossary lists as
    wrong for a term that the source paragraph contains.  A forbidden form inside an
    accepted rendering of another term is not reported.
    """

    name = kind = "forbidden"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        entries = [e for e in view.entries if is_arabic(e.target)]
        hits = []
        for e in entries:
            if e.category == "admin_level" or not e.forbidden:
                continue  # level words are judged in context by the admin_level check
            for h in find_renderings(e.forbidden, at):
                if view.inside_accepted(h.start, h.end):
                    continue
                hits.append((h, e))
        hits.sort(key=lambda p: p[0].start - p[0].end)  # longest first
        taken: list[tuple[int, int]] = []
        for h, e in hits:
            if any(h.start < b and a < h.end for a, b in taken):
                continue
            taken.append((h.start, h.end))
            yield view.finding(
                self, term=e.source, expected=e.renderings, found=h.text,
                message=f"{e.source}: {h.rendering} is a wrong rendering; expected {e.target}",
                source_span=source_span(view, e), target_span=(h.start, h.end))
