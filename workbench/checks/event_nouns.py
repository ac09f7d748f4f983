"""The Arabic names the event as another kind of event than the Vietnamese does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from workbench.checks.base import Check, LinkView, minor, phrase_alternation
from workbench.lang.ar_clitics import STRIPPABLE
from workbench.lang.event_nouns import AR_EVENTS, AR_LICENCES, VI_EVENTS
from workbench.lang.normalize import normalize_ar
from workbench.model.finding import Finding

_AR_WORD = re.compile(r"[\u0621-\u064A]+")
#: Endings an event noun may carry: accusative tanwin, plural, dual, possessive.
_ENDINGS = ("", "ا", "ات", "ان", "ين", "ه", "ها", "هم", "اتها", "اتهم")


@cache
def _vi_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({phrase_alternation(VI_EVENTS)})(?!\w)", re.IGNORECASE)


@cache
def _licence_pattern(stem: str) -> re.Pattern[str]:
    words = AR_LICENCES.get(_ar_stems()[stem], ())
    alts = phrase_alternation(words) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@cache
def _ar_stems() -> dict[str, str]:
    """Matching form → written form of the Arabic event nouns."""
    return {normalize_ar(w): w for w in AR_EVENTS}


@cache
def _accepted(noun: str) -> frozenset[str]:
    return frozenset(normalize_ar(w) for w in VI_EVENTS[noun])


def event_stem(word: str) -> str | None:
    """The event noun (matching form) of an Arabic word in matching form (والاجتماعات →
    اجتماع), or None (الاجتماعية "social" is not an event)."""
    forms = [word] + [word[len(p):] for p in STRIPPABLE if word.startswith(p) and len(word) - len(p) >= 3]
    for form in forms:
        for stem in _ar_stems():
            if form.startswith(stem) and form[len(stem):] in _ENDINGS:
                return stem
    return None


@minor
class EventNounCheck(Check):
    """The event is named as another kind of event

    The Vietnamese paragraph names one kind of event (lễ hội, a festival) and the Arabic
    calls it another (الاجتماع, a meeting).  Read only where the Vietnamese names exactly
    one kind of event; an Arabic word that the source's other words account for
    (احتفالًا for chào mừng, اجتماع for làm việc với) is not reported.
    """

    name = kind = "event_noun"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        vi, offsets = view.source_nfc
        hits = list(_vi_pattern().finditer(vi))
        nouns = {" ".join(m.group(1).lower().split()) for m in hits}
        if len(nouns) != 1:
            return
        noun = nouns.pop()
        accepted = _accepted(noun)
        first = hits[0]
        at = view.arabic
        reported: set[str] = set()
        for m in _AR_WORD.finditer(at.norm):
            stem = event_stem(m.group())
            if stem is None or stem in accepted or stem in reported:
                continue
            if _licence_pattern(stem).search(vi):
                continue
            reported.add(stem)
            start, end = at.span(m.start(), m.end())
            written = first.group(1)
            yield view.finding(
                self, term=written, expected=VI_EVENTS[noun], found=at.original[start:end],
                source_span=(offsets[first.start(1)], offsets[first.end(1)]), target_span=(start, end),
                message=f"the source calls the event {written}; {at.original[start:end]} names another "
                        f"kind of event (expected e.g. {VI_EVENTS[noun][0]})")
