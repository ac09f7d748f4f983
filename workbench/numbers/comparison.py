"""Matching the numeric facts of a source and its translation, and the rules for it.

Two mentions match when their readings meet, whatever the writing (33.690 and 33690,
a date and its year); :func:`compare_numbers` pairs them closest first and reports only
what is left on either side.
"""

from __future__ import annotations

from functools import lru_cache

from workbench.numbers.loose import all_words, loose_number_words, masculine_duals
from workbench.numbers.extraction import extract_numbers
from workbench.numbers.mentions import NumberComparison, NumberMention
from workbench.numbers.vietnamese import relative_years

_REL_TOL = 1e-6


def _same_value(a: NumberMention, b: NumberMention) -> bool:
    return any(abs(x - y) <= _REL_TOL * max(1.0, abs(x), abs(y)) for x in a.values for y in b.values)


def _dates_agree(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    shared = [(x, y) for x, y in zip(a, b) if x and y]
    return bool(shared) and all(x == y for x, y in shared)


def mentions_match(a: NumberMention, b: NumberMention) -> bool:
    """True when two mentions state the same fact, however each is written."""
    if a.kind == "code" or b.kind == "code":
        return a.kind == b.kind and a.text == b.text
    if a.kind == "date" or b.kind == "date":
        if a.kind == b.kind:
            return _dates_agree(a.parts, b.parts)
        date, other = (a, b) if a.kind == "date" else (b, a)
        if other.kind == "fraction" and not date.parts[2]:
            return tuple(date.parts[:2]) == tuple(other.parts)
        if other.kind == "ordinal" and not date.parts[0] and not date.parts[2]:
            return date.parts[1] == other.value  # "tháng Giêng" = "الشهر الأول"
        return False
    if a.kind == "weekday" or b.kind == "weekday":
        return {a.kind, b.kind} <= {"weekday", "ordinal"} and _same_value(a, b)
    return _same_value(a, b)


# Closest first: same kind written the same way (digits with digits), then same kind,
# then any; so "2018" pairs with a year before a loose date claims it, and a digit "4"
# with a digit "4" before a spelled-out "الأربع" does.
_PASSES = (
    lambda s, t: t.kind == s.kind and t.from_words == s.from_words,
    lambda s, t: t.kind == s.kind,
    lambda s, t: True,
)


def _pair_closest(src: list[NumberMention], free_tgt: list[NumberMention],
                  matched: list) -> list[NumberMention]:
    """Match source mentions to free target ones, pass by pass; the unmatched rest."""
    pending = list(src)
    for close in _PASSES:
        left = []
        for s in pending:
            hit = next((t for t in free_tgt if close(s, t) and mentions_match(s, t)), None)
            if hit is None:
                left.append(s)
            else:
                free_tgt.remove(hit)
                matched.append((s, hit))
        pending = left
    return pending


def _pair_loose(missing: list[NumberMention], loose: list[NumberMention], matched: list,
                kinds: tuple[str, ...]) -> list[NumberMention]:
    """Match missing source figures of these kinds to words that state them loosely."""
    loose = [t for t in loose if not any(t.start < u.end and u.start < t.end for _, u in matched)]
    left = []
    for s in missing:
        hit = next((t for t in loose if s.kind in kinds and _same_value(s, t)), None)
        if hit is None:
            left.append(s)
        else:
            loose.remove(hit)
            matched.append((s, hit))
    return left


def compare_numbers(src_text: str, tgt_text: str, src_lang: str = "vi",
                    tgt_lang: str = "ar") -> NumberComparison:
    """Pair the numeric facts of a source and its translation.

    Exact matches first, then looser ones: a year or day the other side states inside a
    date ("5/10/2018" vs "5 من أكتوبر من عام 2018"), a fraction the other side writes
    as two numbers ("3/77" vs "3 من أصل 77").  Remembered per pair (the fidelity scorer
    and the number check compare the same links); each caller gets its own lists.
    """
    cmp = _compare(src_text, tgt_text, src_lang, tgt_lang)
    return NumberComparison(list(cmp.matched), list(cmp.missing), list(cmp.extra))


@lru_cache(maxsize=20_000)
def _compare(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> NumberComparison:
    src = extract_numbers(src_text, src_lang)
    tgt = extract_numbers(tgt_text, tgt_lang)
    matched: list[tuple[NumberMention, NumberMention]] = []
    free_tgt = list(tgt)
    missing = _pair_closest(src, free_tgt, matched)
    missing = _absorb(missing, tgt, free_tgt, matched, src_side=True)
    free_tgt = _absorb(free_tgt, src, missing, matched, src_side=False)
    if tgt_lang == "ar" and missing:
        missing = _pair_loose(missing, loose_number_words(tgt_text), matched,
                              ("number", "percent", "fraction", "ordinal"))
    if tgt_lang == "ar" and missing and not any(
            not t.from_words and t.kind in ("number", "percent") for t in free_tgt):
        # nothing in digits left unexplained: a dual noun may be the 2 (المستويين),
        # "all" the 100% (جميع), rather than hiding a changed figure
        missing = _pair_loose(missing, masculine_duals(tgt_text), matched, ("number",))
        missing = _pair_loose(missing, all_words(tgt_text), matched, ("percent",))
    relative = relative_years(src_text) if src_lang == "vi" else 0
    for t in [t for t in free_tgt if t.kind == "year"][:relative]:
        free_tgt.remove(t)  # "năm ngoái" (last year) written out as 2016
    matched.sort(key=lambda p: p[0].start)
    return NumberComparison(matched, missing, free_tgt)


def _absorb(unmatched: list[NumberMention], other_all: list[NumberMention],
            other_free: list[NumberMention], matched: list, src_side: bool) -> list[NumberMention]:
    """Drop mentions that the other side states in another shape (see compare_numbers)."""
    left = []
    for m in unmatched:
        if m.kind in ("year", "number") and any(
            o.kind == "date" and m.value in o.parts[::2] for o in other_all
        ):
            continue
        if m.kind == "fraction":
            parts = [next((o for o in other_free if o.kind in ("number", "year")
                           and o.value == p), None) for p in m.parts]
            if all(parts) and parts[0] is not parts[1]:
                for o in parts:
                    other_free.remove(o)
                    matched.append((m, o) if src_side else (o, m))
                continue
        left.append(m)
    return left
