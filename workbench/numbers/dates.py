"""Dates written with month names, in Vietnamese and Arabic.

"ngày 5 tháng 10 năm 2018", "tháng Mười", "5 أكتوبر 2018", "تشرين الأول": the day and
year are taken when they stand next to the month, so the whole date is one mention
(``parts`` = day, month, year; 0 where not given).
"""

from __future__ import annotations

import re

from workbench.lang import ar_numbers as lang_ar
from workbench.lang import vi_numbers as lang_vi
from workbench.numbers import arabic_text as ar
from workbench.numbers.mentions import Collector, Token, add_date, int_token
from workbench.numbers.vietnamese import roman_value

_QUARTER_RE = re.compile(
    rf"(?<!\w)(?i:{lang_vi.QUARTER_WORD})\s+([IV]{{1,3}}|[1-4])(?:\s*/\s*([0-9]{{4}}))?(?![\w/])")



def _month_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The month named after "tháng" at token i: (month, index of its last token)."""
    n = len(tokens)
    num = int_token(tokens[i + 1]) if i + 1 < n else None
    if num is not None and 1 <= num <= 12:
        return num, i + 1
    for width in (2, 1):
        words = " ".join(t.word for t in tokens[i + 1:i + 1 + width])
        if len(tokens[i + 1:i + 1 + width]) == width and words in lang_vi.MONTH_WORDS:
            # "ba tháng" is three months; "tháng ba" is March.  "tháng năm nay"
            # is "this month": "năm" followed by "nay/ngoái/tới" is a year word.
            follow = tokens[i + 1 + width] if i + 1 + width < n else None
            if words == "năm" and follow and follow.word in {"nay", "ngoái", "tới", "sau", "trước"}:
                continue
            return lang_vi.MONTH_WORDS[words], i + width
    return None


def vi_word_dates(tokens: list[Token], found: Collector) -> None:
    """ngày 5 tháng 10 năm 2018, tháng 10/2018, tháng Mười, tháng 6 năm 2017."""
    n = len(tokens)
    at = lambda k: tokens[k] if k < n else None  # noqa: E731
    for i, tok in enumerate(tokens):
        if tok.word != lang_vi.MONTH_MARKER:
            continue
        hit = _month_after(tokens, i)
        if hit is None:
            continue
        month, j = hit
        day, start = 0, i
        if i >= 2 and tokens[i - 2].word == lang_vi.DAY_MARKER:
            d = int_token(tokens[i - 1])
            if d is not None and 1 <= d <= 31:
                day, start = d, i - 2
        year = 0
        nxt = at(j + 1)
        if nxt and nxt.word == lang_vi.YEAR_MARKER and int_token(at(j + 2)) is not None:
            year, j = int_token(at(j + 2)), j + 2
        elif nxt and nxt.start == tokens[j].end + 1 and found.text[tokens[j].end] == "/":
            y = int_token(nxt)
            if y is not None and 1800 <= y <= 2100:
                year, j = y, j + 1
        add_date(found, tokens, start, j, day, month, year)



def _ar_month_at(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """The Arabic month named at token i: (month, its width in tokens, folded name)."""
    for w in (2, 1):
        if len(tokens[i:i + w]) != w:
            continue
        words = " ".join(t.word for t in tokens[i:i + w])
        stripped = [words]
        if tokens[i].word[0] in lang_ar.CLITICS and len(tokens[i].word) > 3:
            stripped.append(words[1:])
        hit = next((s for s in stripped if s in ar.MONTHS), None)
        if hit:
            return ar.MONTHS[hit], w, hit
    return None


def ar_word_dates(tokens: list[Token], found: Collector) -> None:
    """5 أكتوبر 2018, 5 تشرين الأول 2018, في يونيو, أكتوبر من عام 2018."""
    n = len(tokens)
    for i in range(n):
        hit = _ar_month_at(tokens, i)
        if hit is None:
            continue
        month, width, name = hit
        j = _paired_month(tokens, found.text, i + width - 1, month)
        day = int_token(tokens[i - 1]) if i else None
        year = int_token(tokens[j + 1] if j + 1 < n else None)
        if year is not None and not 1800 <= year <= 2100:
            year = None
        if name in ar.AMBIGUOUS_MONTHS and day is None and year is None:
            if not (i and tokens[i - 1].word in ar.MONTH_CUES):
                continue
        start = i
        if day is not None and 1 <= day <= 31:
            start = i - 1
        else:
            day = 0
        if year is not None:
            j += 1
        add_date(found, tokens, start, j, day, month, year or 0)
        if found.text[tokens[j].end:tokens[j].end + 1] == ")":
            found.take(tokens[j].end, tokens[j].end + 1)


def _paired_month(tokens: list[Token], text: str, j: int, month: int) -> int:
    """The last token of a month name, taking the same month named the other way right
    after it: "يوليو/تموز", "مارس (آذار)", "كانون الثاني/يناير" name one month."""
    if j + 1 >= len(tokens):
        return j
    between = text[tokens[j].end:tokens[j + 1].start].strip()
    if between not in ("/", "(", "-"):
        return j
    hit = _ar_month_at(tokens, j + 1)
    if hit is None or hit[0] != month:
        return j
    return j + hit[1]


def ar_month_ordinals(tokens: list[Token], found: Collector) -> None:
    """"الشهر الأول" (the first month, of the lunar year as "tháng Giêng"): a month."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.word not in ar.MONTH_WORDS:
            continue
        nxt = tokens[i + 1]
        n = ar.ar_lookup(nxt.word, ar.ORDINALS) if nxt.word.startswith("ال") else None
        last = i + 1
        if n and i + 2 < len(tokens) and tokens[i + 2].word in ar.TEEN_TAILS:
            n, last = n + 10, i + 2
        if n and 1 <= n <= 12:
            add_date(found, tokens, i, last, 0, int(n), 0)


def vi_quarters(text: str, found: Collector) -> None:
    """"quý I/2025", "quý 3/2024", "quý II": the quarter (an ordinal) and its year,
    before "I/2025" can be read as a document code."""
    for m in _QUARTER_RE.finditer(text):
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else roman_value(raw)
        if not n or not 1 <= n <= 4:
            continue
        found.add(n, "ordinal", m.start(1), m.end(1), from_words=not raw.isdigit())
        if m.group(2) and 1800 <= int(m.group(2)) <= 2100:
            found.add(int(m.group(2)), "year", m.start(2), m.end(2))
