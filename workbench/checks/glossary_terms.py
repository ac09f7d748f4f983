"""Glossary term checks: a term's rendering missing, or a forbidden rendering used."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from workbench.checks.base import Check, LinkView, major, parts
from workbench.model.finding import Finding
from workbench.glossary.entry_options import forbidden_applies, forbidden_severity
from workbench.glossary.terms import GlossaryEntry
from workbench.lang.ar_clitics import strip_proclitic
from workbench.lang.ar_lemmas import lemma_rendered
from workbench.lang.normalize import normalize_ar
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


def _stems(text: str) -> set[str]:
    """The content words of an Arabic stretch without their proclitics (3+ letters)."""
    words = (strip_proclitic(word) for word in normalize_ar(text).split())
    return {word for word in words if len(word) >= 3}


def shares_word(text: str, rendering: str) -> bool:
    """Whether a stretch shares a content word with a rendering (الأسرة ~ أسر: one a prefix
    of the other): a near match with no word in common is letters alike, not the term
    worded otherwise, and is not shown as what the translation "has instead"."""
    theirs = _stems(rendering)
    return any(a.startswith(b) or b.startswith(a) for a in _stems(text) for b in theirs)


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
    "لجنة التنظيم للجنة الحزب في المقاطعة" renders Ban Tổ chức Tỉnh ủy as well.  A part
    in correct non-house Arabic (its ``style`` column) counts as rendered."""
    for p in sub:
        if not any(h.start <= end and start <= h.end
                   for h in find_renderings(p.renderings + p.style, at)):
            return False
    return True


#: Categories whose words name a role or a body: one rendered as another is a change of
#: meaning (a deputy secretary made "general secretary"), not a wording choice.
ROLE_CATEGORIES = ("title", "organization")


def other_role(view: LinkView, entry: GlossaryEntry, text: str) -> GlossaryEntry | None:
    """A title or body of the glossary that ``text`` names although the source does not
    (نائب الأمين العام: الأمين العام is Tổng Bí thư), or None."""
    present = {id(e) for e in view.entries}
    own = [normalize_ar(r) for r in entry.renderings]
    # the words of the source's own titles and bodies are theirs (a near match may run
    # into the next title of a list: "عضو اللجنة الدائمة، نائب رئيس ...")
    for e in view.entries:
        if e is not entry:
            for h in sorted(find_renderings(e.renderings, text), key=lambda h: -h.start):
                text = text[:h.start] + " " * (h.end - h.start) + text[h.end:]
    for other in view.glossary:
        if other.category not in ROLE_CATEGORIES or id(other) in present or other is entry:
            continue
        if not is_arabic(other.target):
            continue
        if any(normalize_ar(r) in o or o in normalize_ar(r) for r in other.renderings for o in own):
            continue  # a shorter or longer form of the expected term itself
        if contains_rendering(other.renderings, text):
            return other
    return None


@major
class TermCheck(Check):
    """Glossary term not rendered as the glossary says

    The source has a glossary term and none of its accepted renderings is in the
    translation (clitics, suffixes, spelling variants and, through qalsadi's lemmas, broken
    plurals allowed: رؤساء for رئيس).  A long term whose
    parts are each rendered correctly counts as rendered.  A missing rendering is a
    minor point (the translation may paraphrase); it is major when the words in its
    place name another title or body, one the source does not mention.
    """

    name = kind = "term"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        for e in unique_entries(view):
            if e.category in OWN_CHECK or not is_arabic(e.target):
                continue
            if contains_rendering(e.renderings, at):
                continue
            if e.forbidden and forbidden_applies(e, view.source.text) and contains_rendering(e.forbidden, at):
                continue  # the forbidden check reports it, with what was written
            if e.style and contains_rendering(e.style, at):
                continue  # correct Arabic, not the house term: the forbidden check's style point
            if lemma_rendered(e.renderings, view.target.text):
                continue  # a broken plural or other form of the term (رؤساء for رئيس)
            sub = [p for p in parts(e, view.glossary) if is_arabic(p.target)]
            near = closest(e.renderings, at)
            if sub and near is not None and _parts_rendered_in(sub, at, near.start, near.end):
                continue
            wrong_parts = [h for p in sub if p.forbidden for h in find_renderings(p.forbidden, at)]
            if near is not None and any(h.start < near.end and near.start < h.end for h in wrong_parts):
                continue  # a part is rendered wrongly there: the forbidden check says so
            severity = "minor"
            if near is not None and near.score >= (NEAR_ENOUGH if " " in near.rendering else NEAR_ONE_WORD) \
                    and shares_word(near.text, near.rendering):
                found, span = near.text, (near.start, near.end)
                msg = f"{e.source}: expected {e.target}, found {near.text}"
                other = other_role(view, e, near.text) if e.category in ROLE_CATEGORIES else None
                if other is not None:
                    severity = "major"
                    msg += f" (that is {other.source}, another title or body)"
            elif e.optional:
                continue  # a form of address the translation may drop
            else:
                found, span = None, None
                msg = f"{e.source}: expected {e.target}; no accepted rendering in the translation"
            yield view.finding(self, term=e.source, expected=e.renderings, found=found,
                               message=msg, source_span=source_span(view, e), target_span=span,
                               severity=severity)


@major
class ForbiddenCheck(Check):
    """Rendering the glossary forbids for a term of this paragraph

    "مجلس تنظيم" for Ban Tổ chức, "الدرس" for "Bài 1": a rendering the glossary lists as
    wrong for a term that the source paragraph contains.  A forbidden form inside an
    accepted rendering of another term is not reported, nor one the entry's ``unless``
    words make right (the source also says cao tốc: الطريق السريع is then its rendering).
    Major unless the entry's ``severity`` says otherwise (a calque is minor).
    """

    name = kind = "forbidden"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        entries = [e for e in view.entries if is_arabic(e.target)]
        hits = []
        for e in entries:
            if e.category == "admin_level" or not e.forbidden:
                continue  # level words are judged in context by the admin_level check
            if not forbidden_applies(e, view.source.text):
                continue  # the source also says what the rendering is right for (its ``unless``)
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
                source_span=source_span(view, e), target_span=(h.start, h.end),
                severity=forbidden_severity(e))
        yield from style_findings(self, view, [e for e in entries if e.category != "admin_level"], taken)


def style_findings(check: Check, view: LinkView, entries: list[GlossaryEntry],
                   taken: list[tuple[int, int]]) -> Iterator[Finding]:
    """Correct Arabic that is not the house term (the glossary's ``style`` column): one
    minor ``style`` finding per term and wording, however often the paragraph repeats it."""
    at = view.arabic
    hits = []
    for e in entries:
        for h in find_renderings(e.style, at) if e.style else ():
            # inside (or the same words as) another term's accepted rendering: الولاية is
            # a term of office (nhiệm kỳ) there, not a province
            if not any(a.start <= h.start and h.end <= a.end and a.text != h.text or
                       (a.start, a.end) == (h.start, h.end) for a in view.accepted):
                hits.append((h, e))
    hits.sort(key=lambda p: p[0].start - p[0].end)  # longest first
    grouped: dict[tuple[str, str], list] = {}
    for h, e in hits:
        if any(h.start < b and a < h.end for a, b in taken):
            continue
        taken.append((h.start, h.end))
        grouped.setdefault((e.source, h.rendering), []).append((h, e))
    for (term, rendering), group in grouped.items():
        group.sort(key=lambda p: p[0].start)
        h, e = group[0]
        times = f" ({len(group)} times)" if len(group) > 1 else ""
        f = view.finding(
            check, term=term, expected=e.renderings, found=h.text, kind="style", severity="minor",
            message=f"{term}: {rendering} is correct Arabic but not the house term {e.target}{times}",
            source_span=source_span(view, e), target_span=(h.start, h.end))
        if len(group) > 1:
            f = replace(f, target_spans=tuple(view.target.span(g.start, g.end) for g, _ in group))
        yield f
