"""A predicate of the source sentence with no rendering in its Arabic sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from workbench.checks.base import Check, LinkView, minor, phrase_alternation
from workbench.lang.normalize import normalize_ar
from workbench.lang.vi_ar_predicates import CEREMONY_BEFORE, PREDICATES
from workbench.model.finding import Finding

#: Where a sentence ends: a full stop, a question or exclamation mark (a closing quote
#: may follow), then a space or the end.  A number's decimal point has no space after it.
_VI_END = re.compile(r"[.!?…]+[\"”’»)]*(?:\s+|$)")
_AR_END = re.compile(r"\s*[.!?؟…]+[\"”’»)]*(?:\s+|$)")
_AR_WORD = re.compile(r"[\u0621-\u065F\u0670]+")
_AR_COMMA = re.compile(r"[،,؛;:]")
#: The check's confidence: an act may be rendered by a word the lexicon does not list.
CONFIDENCE = 0.5


@dataclass(frozen=True)
class LostPredicate:
    """A Vietnamese predicate (span in the source) whose Arabic sentence (span in the
    target) has no word for it."""

    verb: str
    source: tuple[int, int]
    target: tuple[int, int]


def sentences(text: str, end: re.Pattern[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (blank pieces left out)."""
    out, start = [], 0
    for m in end.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({phrase_alternation(PREDICATES)})(?!\w)", re.IGNORECASE)


def _after_ceremony(vi: str, start: int) -> bool:
    before = vi[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in CEREMONY_BEFORE


def lost_predicates(vi: str, ar: str) -> list[LostPredicate]:
    """Predicates of ``vi`` (NFC) missing from the Arabic sentence in the same place.

    Read only when both sides have as many sentences (then sentence k renders sentence
    k).  A predicate is missing when no core of its renderings is inside the Arabic
    sentence while another act of the same Vietnamese sentence is rendered there: the
    sentence was translated, one of its acts was not (an Arabic sentence that renders
    none of them is a paraphrase the lexicon cannot read).  Each predicate is reported
    once per paragraph.
    """
    vs, as_ = sentences(vi, _VI_END), sentences(ar, _AR_END)
    if not vs or len(vs) != len(as_):
        return []
    out: list[LostPredicate] = []
    seen: set[str] = set()
    for (va, vb), (aa, ab) in zip(vs, as_):
        arabic = normalize_ar(ar[aa:ab])
        acts = [(" ".join(m.group(1).lower().split()), m) for m in _verb_pattern().finditer(vi, va, vb)
                if not _after_ceremony(vi, m.start(1))]
        rendered = {v for v, _ in acts if any(core in arabic for core in PREDICATES[v])}
        if not rendered:
            continue  # nothing of the sentence's acts is rendered: a paraphrase, not a merge
        for verb, m in acts:
            if verb in seen or verb in rendered:
                continue
            seen.add(verb)
            out.append(LostPredicate(verb, (m.start(1), m.end(1)), _merged_clause(ar, aa, ab, rendered)))
    return out


def _merged_clause(ar: str, start: int, end: int, rendered: set[str]) -> tuple[int, int]:
    """The Arabic clause that renders one of the sentence's other acts (from the word with
    the act to the next comma or the sentence's end): where the lost act was merged."""
    cores = tuple(c for verb in rendered for c in PREDICATES[verb])
    for word in _AR_WORD.finditer(ar, start, end):
        if any(c in normalize_ar(word.group()) for c in cores):
            stop = _AR_COMMA.search(ar, word.end(), end)
            return word.start(), stop.start() if stop else end
    return start, end


@minor
class LostPredicateCheck(Check):
    """An act of the source is missing from its sentence

    The Vietnamese sentence states an act (tham gia, to join; thành lập, to found; bị
    thương, to be injured) and the Arabic sentence in the same place has no word for it:
    two clauses merged into one ("the cooperative was founded as a member") or a clause
    dropped.  Read only where both sides have as many sentences; the acts and their
    Arabic renderings are data (:mod:`workbench.lang.vi_ar_predicates`).
    """

    name = kind = "lost_predicate"
    confidence = CONFIDENCE

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        vi, offsets = view.source_nfc
        ar = view.target.text
        for lost in lost_predicates(vi, ar):
            a, b = lost.source
            written = vi[a:b]
            yield view.finding(
                self, term=written, expected=PREDICATES[lost.verb][:3], found=ar[lost.target[0]:lost.target[1]],
                source_span=(offsets[a], offsets[b]), target_span=lost.target,
                message=f"the source says {written} here; the Arabic sentence has no word for it "
                        f"(e.g. {', '.join(PREDICATES[lost.verb][:3])}): two clauses may be merged "
                        "into this one, or one dropped")
