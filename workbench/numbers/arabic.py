"""Arabic numbers in words: cardinals, ordinals, weekdays, clock times, decades, duals.

"خمسة وعشرون" is 25, "ثلاثة آلاف" 3000, "مليون ونصف" 1.5 million, "الحادية عشرة" the
eleventh, "الساعة الخامسة والنصف" half past five, "ثمانينيات القرن العشرين" the 1980s
and a dual noun ("عامين", two years) says "two" on its own.  Words that state a number
only loosely (الخمسة, حفرتين, النصف) are in :mod:`workbench.numbers.loose`.
"""

from __future__ import annotations

from workbench.lang import ar_numbers as lang_ar
from workbench.lang.normalize import normalize_ar
from workbench.numbers import arabic_text as ar
from workbench.numbers.arabic_text import ar_forms, ar_lookup, ar_tokens
from workbench.numbers.mentions import Collector, Token

_STOP = -1
_DAY = normalize_ar("يوم")


class _Run:
    """A spelled-out cardinal being read word by word."""

    def __init__(self) -> None:
        self.total, self.current, self.scale = 0.0, 0.0, 0.0
        self.last: int | None = None

    def fraction(self, tokens: list[Token], i: int, k: int) -> bool:
        """"مليون ونصف" (1.5 million) and "ربع مليون" (250,000): True if token k is one."""
        word = tokens[k].word
        nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
        frac = ar.FRACTIONS.get(word[1:] if word.startswith("و") else "")
        if frac and self.scale and self.last == k - 1 and frac[0] < 1:
            self.total += frac[0] * self.scale
            return True
        if k == i and word in ar.FRACTIONS and ar.FRACTIONS[word][0] < 1 and (
                ar_lookup(nxt, ar.SCALES) and nxt not in ar.PLURAL_SCALES):
            self.current = ar.FRACTIONS[word][0]
            return True
        return False

    def word(self, f: str, tokens: list[Token], k: int) -> int | None:
        """Take form ``f`` of token k: the index of its last token, None if ``f`` is no
        number word, ``_STOP`` if it is one that cannot continue this number."""
        if f in ar.TEEN_HEADS and k + 1 < len(tokens) and tokens[k + 1].word in ar.TEEN_TAILS:
            self.current += ar.TEEN_HEADS[f] + 10
            return k + 1
        if f in ar.TEEN_TAILS and self.last is not None and 1 <= self.current % 10 <= 9 \
                and self.current < 10:
            self.current += 10
        elif f in ar.UNITS and (self.last is None or f not in ar.TEEN_TAILS):
            if self.last is not None and self.current % 10:
                return _STOP
            self.current += ar.UNITS[f]
        elif f in ar.TENS:
            self.current += ar.TENS[f]
        elif f in ar.HUNDREDS:
            h = ar.HUNDREDS[f]
            self.current = self.current * h if h == 100 and 0 < self.current < 10 else self.current + h
        elif f in ar.DUAL_SCALES:
            self.total += ar.DUAL_SCALES[f]
            self.scale = ar.DUAL_SCALES[f] / 2
        elif f in ar.SCALES:
            if self.last is None and f in ar.PLURAL_SCALES:
                return _STOP  # "آلاف" alone is "thousands of": no figure
            self.total += (self.current or 1) * ar.SCALES[f]
            self.scale = ar.SCALES[f]
            self.current = 0
        else:
            return None
        return k


def _run_forms(word: str, first: bool) -> list[str] | None:
    """Forms of a word to try inside a number; None if it cannot start one."""
    if not first:
        return [word] + ([word[1:]] if word.startswith("و") else [])
    # no article: "الأربع كرات" (the four-ball), "الاثنتان" (the two women)
    # name known things rather than state a count
    if word.startswith("ال") or (word[:1] in lang_ar.CLITICS and word[1:3] == "ال"):
        return None
    return ar_forms(word)


def ar_parse_run(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Cardinal spelled out from token i ("خمسة وعشرون", "ثلاثة آلاف"): (value, last)."""
    run, k = _Run(), i
    while k < len(tokens):
        if run.fraction(tokens, i, k):
            run.last = k
            k += 1
            continue
        forms = _run_forms(tokens[k].word, k == i)
        took = None
        for f in forms or ():
            took = run.word(f, tokens, k)
            if took is not None:
                break
        if took is None or took == _STOP:
            break
        run.last = k = took
        k += 1
    value = run.total + run.current
    if run.last is None or value <= 1:
        return None
    return value, run.last


def _clock(tokens: list[Token], i: int, hour: float) -> tuple[int, float]:
    """The clock time whose hour ordinal is token i ("الساعة الحادية عشرة والنصف"):
    (index of its last token, hours as a number, 11.5)."""
    n, last = len(tokens), i
    if last + 1 < n and tokens[last + 1].word in ar.TEEN_TAILS:
        hour, last = hour + 10, last + 1
    nxt = tokens[last + 1].word if last + 1 < n else ""
    if nxt in ar.CLOCK_FRACTIONS:
        return last + 1, hour + ar.CLOCK_FRACTIONS[nxt]
    if nxt in ar.CLOCK_BEFORE and last + 2 < n:
        frac = ar.FRACTIONS.get(ar_forms(tokens[last + 2].word)[-1]) or ar.FRACTIONS.get(
            tokens[last + 2].word)
        if frac and frac[0] < 1:
            return last + 2, hour - frac[0]
    return last, hour


# --------------------------------------------------------------------------- extraction


def _weekday(tokens: list[Token], i: int) -> int | None:
    """The weekday token i names ("الاثنين", "يوم الجمعة"), or None."""
    tok = tokens[i]
    weekday = ar_lookup(tok.word, ar.WEEKDAYS) if tok.word.startswith(
        ("ال", "وال", "بال")) or (i and tokens[i - 1].word == "يوم") else None
    if weekday is None and i and _DAY in tokens[i - 1].word:
        weekday = ar.WEEKDAYS.get("ال" + tok.word)
    return weekday


def _ordinal(tokens: list[Token], i: int, found: Collector, prev_is_number: bool) -> int | None:
    """An ordinal at token i ("الحادية عشرة", "الرابعة والثلاثين"), or a clock time
    after "الساعة"; index of the next token, or None."""
    n, tok = len(tokens), tokens[i]
    ordinal = ar_lookup(tok.word, ar.ORDINALS)
    if ordinal and i and tokens[i - 1].word in ar.CLOCK:
        last, hour = _clock(tokens, i, ordinal)
        found.add(hour, "time", tok.start, tokens[last].end, from_words=True,
                  alternatives=(hour + 12,) if hour < 13 else ())
        return last + 1
    if not ordinal or prev_is_number:
        return None
    last = i
    if i + 1 < n and tokens[i + 1].word in ar.TEEN_TAILS:
        ordinal, last = ordinal + 10, i + 1
    elif i + 1 < n and tokens[i + 1].word.startswith("و") and (
        ar_lookup(tokens[i + 1].word[1:], ar.TENS)
    ):
        # "الرابعة والثلاثين" = 34th
        ordinal += ar_lookup(tokens[i + 1].word[1:], ar.TENS)
        last = i + 1
    found.add(ordinal, "ordinal", tok.start, tokens[last].end, from_words=True)
    return last + 1


def _decade(tokens: list[Token], i: int, found: Collector) -> int | None:
    """"ثمانينيات القرن العشرين" (the 1980s) at token i; index of the next token."""
    n, tok = len(tokens), tokens[i]
    decade = ar_lookup(tok.word, ar.DECADES)
    if not decade:
        return None
    last, century = i, 20
    if i + 2 < n and tokens[i + 1].word == ar.CENTURY:
        c = ar_parse_run(tokens, i + 2)
        century = int(c[0]) if c else century
        last = c[1] if c else i + 2
    found.add((century - 1) * 100 + decade, "year", tok.start, tokens[last].end,
              from_words=True)
    return last + 1


def _half_after(tokens: list[Token], last: int) -> int | None:
    """Index of "ونصف" after token ``last`` or after the noun that follows it, adding a
    half ("يوم ونصف", "ثلاثة أيام ونصف"); None if there is none.  "ونصف الأعضاء"
    (and half of the members) adds none."""
    for j in (last + 1, last + 2):
        if j < len(tokens) and tokens[j].word in ar.AND_A_HALF:
            after = tokens[j + 1].word if j + 1 < len(tokens) else ""
            return None if after.startswith("ال") else j
    return None


def _cardinal(tokens: list[Token], i: int, found: Collector, prev_is_number: bool) -> int | None:
    """A dual noun ("عامين"), a noun and a half ("يوم ونصف" = 1.5, "ساعتين ونصف" = 2.5)
    or a spelled-out cardinal or percentage at token i."""
    tok = tokens[i]
    dual = bool(ar_lookup(tok.word, ar.DUAL_NOUNS))
    half = _half_after(tokens, i - 1) if not prev_is_number else None
    if half == i + 1 and ar_parse_run(tokens, i) is None:
        found.add(2.5 if dual else 1.5, "number", tok.start, tokens[half].end, from_words=True)
        return half + 1
    if dual:
        found.add(2, "number", tok.start, tok.end, from_words=True)
        return i + 1
    run = ar_parse_run(tokens, i)
    if run is None:
        return None
    value, last = run
    half = _half_after(tokens, last)
    if half is not None and half > last + 1 and not ar_lookup(tokens[last + 1].word, ar.SCALES):
        value, last = value + 0.5, half
    end, kind = tokens[last].end, "number"
    for words in ar.PERCENT:
        window = tuple(t.word for t in tokens[last + 1:last + 1 + len(words)])
        if window == words:
            kind, end = "percent", tokens[last + len(words)].end
            break
    found.add(value, kind, tok.start, end, from_words=True)
    return last + 1


def extract_ar_words(tokens: list[Token], found: Collector) -> None:
    """Numbers written in Arabic words, where digits have not already claimed them."""
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if not found.free(tok.start, tok.end) or tok.word.isdigit():
            i += 1
            continue
        # "30 ثانية" is thirty seconds, not "second": no ordinal right after a number
        prev_is_number = i > 0 and (tokens[i - 1].word.isdigit() or any(
            tokens[i - 1].end == m.end and m.kind == "number" for m in found.mentions))
        weekday = _weekday(tokens, i)
        if weekday:
            found.add(weekday, "weekday", tok.start, tok.end, from_words=True)
            i += 1
            continue
        nxt = _ordinal(tokens, i, found, prev_is_number)
        if nxt is None:
            nxt = _decade(tokens, i, found)
        if nxt is None:
            nxt = _cardinal(tokens, i, found, prev_is_number)
        i = nxt if nxt is not None else i + 1
