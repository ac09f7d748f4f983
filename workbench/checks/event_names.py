"""A name inside an event's name read as the place the event is held."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from workbench.checks.base import Check, LinkView, minor, phrase_alternation
from workbench.lang.event_nouns import (
    CAPITALISED_HEADS_VI,
    EVENT_NAME_ENDS_VI,
    LOCATIVES_AR,
    LOCATIVES_VI,
    NAMED_EVENT_HEADS_VI,
    PLACE_WORDS_AR,
    VENUE_VI,
)
from workbench.lang.normalize import normalize_ar
from workbench.model.finding import Finding
from workbench.names.runs import name_runs
from workbench.names.transliteration import locate

#: How well the Arabic must spell the name for the check to read what stands before it.
MIN_SPELLING = 0.8
#: Words after the head that may still belong to the event's name (văn hóa dân gian X).
MAX_NAME_WORDS = 8
#: How far after tại/ở the venue's name is looked for.
VENUE_CHARS = 40
#: The check's confidence: the Arabic is wrong only if the event is not held there.
CONFIDENCE = 0.6
#: An Arabic word as written (harakat included) and one haraka.
_AR_WRITTEN = re.compile(r"[\u0621-\u065F\u0670]+")
_MARK = re.compile(r"[\u064B-\u065F\u0670\u0640]")


@cache
def _head_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(NAMED_EVENT_HEADS_VI)})(?!\w)", re.IGNORECASE)


@cache
def _end_pattern() -> re.Pattern[str]:
    return re.compile(rf"[,.;:!?()\"“”–\n]|\s-\s|\d|(?<!\w)(?:{phrase_alternation(EVENT_NAME_ENDS_VI)})(?!\w)")


def _located(vi: str, name: str) -> bool:
    """Whether the source itself puts something at ``name`` (tại Huế, ở tỉnh Điện Biên) or
    names it outside the event's name (then the Arabic may be rendering that mention)."""
    if len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", vi)) > 1:
        return True
    locative = rf"(?<!\w)(?:{phrase_alternation(LOCATIVES_VI)})\s+(?:\w+\s+){{0,3}}{re.escape(name)}(?!\w)"
    return re.search(locative, vi, re.IGNORECASE) is not None


def _venue_elsewhere(vi: str, name: str) -> bool:
    """Whether the source gives the event a venue that is not ``name`` (diễn ra tại thị
    trấn Mộc Châu): then "in <name>" is wrong.  An event named after the place it is held in
    (Giải Marathon Hà Nội) with no venue given may well be held there: not read."""
    for m in re.finditer(rf"(?<!\w)(?:{phrase_alternation(VENUE_VI)})\s+", vi, re.IGNORECASE):
        if name not in vi[m.end():m.end() + VENUE_CHARS]:
            return True
    return False


def event_names(vi: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of each proper name inside an event's name in ``vi`` (NFC):
    the capitalised run after a head (Lễ hội văn hóa Tây Bắc → Tây Bắc), with
    ``start`` the head's start and ``end`` the name's end."""
    for head in _head_pattern().finditer(vi):
        stop = _end_pattern().search(vi, head.end())
        window_end = stop.start() if stop else len(vi)
        if " ".join(head.group().lower().split()) in CAPITALISED_HEADS_VI and not head.group()[0].isupper():
            continue
        words = list(re.finditer(r"\S+", vi[head.end():window_end]))[:MAX_NAME_WORDS]
        window = vi[head.end():head.end() + words[-1].end()] if words else ""
        for run in name_runs(window, 1):
            end = head.end() + run.end
            yield head.start(), end, run.name


def _read_as_place(ar: str, start: int) -> int | None:
    """Start of the locative that puts the word at ``start`` of ``ar`` in a place (في فييت
    باك, بفييت باك, في منطقة فييت باك), or None."""
    k = start - 1
    while k >= 0 and _MARK.match(ar[k]):
        k -= 1
    if k >= 0 and ar[k] == "ب" and (k == 0 or not ar[k - 1].isalpha()):
        return k
    chunk = ar[max(0, start - 40):start]
    words = list(_AR_WRITTEN.finditer(chunk))
    if not words or not chunk[words[-1].end():].isspace():
        return None
    last = [normalize_ar(w.group()) for w in words[-2:]]
    base = start - len(chunk)
    if last[-1] in LOCATIVES_AR:
        return base + words[-1].start()
    if len(last) == 2 and last[0] in LOCATIVES_AR and last[1].removeprefix("ال") in PLACE_WORDS_AR \
            and chunk[words[-2].end():words[-1].start()].isspace():
        return base + words[-2].start()
    return None


def _occurrences(name: str, ar: str) -> Iterator[tuple[int, int]]:
    """Each place where ``ar`` spells ``name`` well, in text order."""
    pos = 0
    while pos < len(ar):
        found = locate(name, ar[pos:])
        if found is None or found.score < MIN_SPELLING:
            return
        yield pos + found.start, pos + found.end
        pos += found.end


@minor
class EventNameAsPlaceCheck(Check):
    """A name in the event's name is read as its place

    The Vietnamese names an event after a place or a region (Lễ hội văn hóa Tây Bắc, a
    festival of Tây Bắc culture) and the Arabic turns that part of the name into where the
    event is held (مهرجان الثقافة في تاي باك, "the culture festival in Tây Bắc") while the
    source holds it somewhere else (tại thị trấn Mộc Châu).  Not reported when the source
    gives no other venue, puts something at that name (tại/ở ... that name) or names the
    place again outside the event's name.
    """

    name = kind = "name_as_place"
    confidence = CONFIDENCE

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        vi, offsets = view.source_nfc
        ar = view.target.text
        seen: set[str] = set()
        for start, end, place in event_names(vi):
            if place in seen or _located(vi, place) or not _venue_elsewhere(vi, place):
                continue
            for a, b in _occurrences(place, ar):
                at = _read_as_place(ar, a)
                if at is None:
                    continue
                seen.add(place)
                written = vi[start:end]
                yield view.finding(
                    self, term=written, expected=(), found=ar[at:b],
                    source_span=(offsets[start], offsets[end]), target_span=(at, b),
                    message=f"{place} is part of the event's name ({written}); the Arabic "
                            f"{ar[at:b]} says the event is held in {place}")
                break
