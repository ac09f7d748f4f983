"""Numbers written in digits, in either language: figures, dates, times, fractions, codes.

``33.690`` is thirty-three thousand in Vietnamese and may be a decimal in a machine
translation, so ambiguous writings keep every plausible reading (``10,000`` is ten
thousand, or ten with three decimals) in ``alternatives``; a scale or percent word after
the digits ("2,8 tỷ", "10 بالمائة") belongs to the figure.
"""

from __future__ import annotations

import re

from workbench.lang import number_cues
from workbench.lang import vi_numbers as lang_vi
from workbench.numbers import arabic_text as ar
from workbench.numbers.mentions import (
    Collector, NumberMention, Token, ascii_digits, prev_words, token_index,
)

DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_SEP = ".,\u066b\u066c\u00a0\u202f"
_NUMBER_BODY = rf"[{DIGIT}]+(?:[{_SEP}][{DIGIT}]+)*"
NUMBER_RE = re.compile(rf"(?<![{DIGIT}]){_NUMBER_BODY}")
_DATE_RE = re.compile(
    rf"(?<![{DIGIT}/.])([{DIGIT}]{{1,2}})([/.\-])([{DIGIT}]{{1,2}})\2([{DIGIT}]{{4}})"
    rf"(?![{DIGIT}])"
)
_MONTH_YEAR_RE = re.compile(
    rf"(?<![{DIGIT}/.,])([{DIGIT}]{{1,2}})/([{DIGIT}]{{4}})(?![{DIGIT}/])"
)
_FRACTION_RE = re.compile(
    rf"(?<![{DIGIT}/.,])({_NUMBER_BODY})\s?/\s?({_NUMBER_BODY})(?![{DIGIT}/])"
)
# Latin-script document codes: 18-QĐi/TU, 05-CT/TW, 100/2019/NĐ-CP, 1234/QĐ-UBND.
# Each part is all digits or all letters, so "Nam01/11/2024" (a name glued to a
# date by a web page) is not a code.
_CODE_PART = r"(?:[0-9]+|[A-Za-zÀ-ỹĐđ]+)"
_CODE_RE = re.compile(rf"(?<![\w/-]){_CODE_PART}(?:[-/]{_CODE_PART})+(?![\w/])")
_CODE_SHAPE = re.compile(r"^[0-9]+-[A-ZĐ]|/")
_TIME_RE = re.compile(rf"(?<![{DIGIT}:])([{DIGIT}]{{1,2}})[:h]([{DIGIT}]{{2}})(?![{DIGIT}:])")
_YEAR_RANGE_RE = re.compile(
    rf"(?<![{DIGIT}])((?:1[89]|20)[{DIGIT}]{{2}})[-–]([{DIGIT}]{{2}})(?![{DIGIT}])")
_VI_SCALE_RE = re.compile(r"\s*(nghìn tỷ|nghìn tỉ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.I)
_VI_PERCENT_RE = re.compile(r"\s*(%|phần trăm)", re.I)
_AR_PERCENT_SIGN_RE = re.compile(r"\s?[%\u066a]")
_CHROME_RE = re.compile(
    rf"\[\s*(?:{'|'.join(re.escape(w).replace('إ', '[إأا]') for w in number_cues.CHROME_MARKERS_AR)})"
    rf"\s*[{DIGIT}]+\s*\]")


def _is_code(text: str) -> bool:
    return (any(c.isdigit() for c in text) and any(c.isupper() for c in text)
            and bool(_CODE_SHAPE.search(text)))


def parse_number(raw: str) -> tuple[float, ...] | None:
    """Readings of one written number, preferred first; None if it is a list (1,2,3).

    ``33.690`` -> (33690, 33.69); ``85,94`` -> (85.94,); ``1.234.567,8`` -> (1234567.8,);
    ``٣٣٬٦٩٠`` -> (33690,); ``٨٥٫٩٤`` -> (85.94,).
    """
    s = ascii_digits(raw).replace("\u202f", "\u00a0")
    groups = re.split(r"[.,\u066b\u066c\u00a0]", s)
    seps = re.findall(r"[.,\u066b\u066c\u00a0]", s)
    if not seps:
        return (float(s),)
    if "\u066b" in seps:  # Arabic decimal separator: everything before is thousands
        if seps.count("\u066b") > 1 or seps[-1] != "\u066b":
            return None
        return _grouped(groups[:-1], seps[:-1], decimals=groups[-1])
    kinds = set(seps)
    if len(kinds) == 1:
        sep = seps[0]
        thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        if sep in "\u066c\u00a0":
            return (float("".join(groups)),) if thousands else None
        if len(seps) == 1:
            whole, frac = groups
            decimal = float(f"{whole}.{frac}")
            if thousands:  # 33.690 / 10,000: thousands first, decimal as a reading
                return (float(whole + frac), decimal)
            return (decimal,)
        return (float("".join(groups)),) if thousands else None
    # Two kinds of separator: the last one is the decimal mark if it occurs once.
    last = seps[-1]
    if seps.count(last) != 1:
        return None
    return _grouped(groups[:-1], seps[:-1], decimals=groups[-1])


def _grouped(groups: list[str], seps: list[str], decimals: str) -> tuple[float, ...] | None:
    if len(groups) > 1 and not (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    return (float("".join(groups) + "." + decimals),)


def is_year(raw: str, value: float) -> bool:
    """Four digits between 1800 and 2100."""
    return len(ascii_digits(raw)) == 4 and ascii_digits(raw).isdigit() and 1800 <= value <= 2100


def extract_codes(text: str) -> list[NumberMention]:
    """Latin-script document codes (18-QĐi/TU, 05-CT/TW), kept verbatim (kind ``code``)."""
    return [
        NumberMention(0.0, "code", m.group(), m.start(), m.end())
        for m in _CODE_RE.finditer(text)
        if _is_code(m.group())
    ]


def skip_chrome_markers(text: str, found: Collector) -> None:
    """Advert slots a web page puts between paragraphs ("[إعلان 2]"): no figure."""
    for m in _CHROME_RE.finditer(text):
        found.take(m.start(), m.end())


def extract_digit_dates(text: str, found: Collector) -> None:
    """5/10/2018, 05.10.2018 and 10/2018 (month and year)."""
    for m in _DATE_RE.finditer(text):
        d, mo, y = (int(ascii_digits(g)) for g in (m.group(1), m.group(3), m.group(4)))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            found.add(y * 10000 + mo * 100 + d, "date", m.start(), m.end(), parts=(d, mo, y))
    for m in _MONTH_YEAR_RE.finditer(text):
        mo, y = int(ascii_digits(m.group(1))), int(ascii_digits(m.group(2)))
        if 1 <= mo <= 12 and 1800 <= y <= 2100:
            found.add(y * 10000 + mo * 100, "date", m.start(), m.end(), parts=(0, mo, y))


def extract_times_and_ranges(text: str, found: Collector) -> None:
    """17:30 (a time; 05:00 also reads as 5 o'clock) and 1950-53 (= 1950 to 1953)."""
    for m in _TIME_RE.finditer(text):
        h, mi = int(ascii_digits(m.group(1))), int(ascii_digits(m.group(2)))
        if h <= 24 and mi < 60:
            found.add(h + mi / 60, "time", m.start(), m.end(), alternatives=(h,) if mi == 0 else ())
    for m in _YEAR_RANGE_RE.finditer(text):
        first = int(ascii_digits(m.group(1)))
        second = first // 100 * 100 + int(ascii_digits(m.group(2)))
        if second > first:
            found.add(first, "year", m.start(1), m.end(1))
            found.add(second, "year", m.start(2), m.end(2), alternatives=(second % 100,))


def extract_fractions(text: str, lang: str, found: Collector) -> None:
    """3/77 (a fraction); in Vietnamese "ngày 5/10" is a day and month."""
    for m in _FRACTION_RE.finditer(text):
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if not a or not b or b[0] == 0:
            continue
        before = text[max(0, m.start() - 6):m.start()].lower()
        if lang == "vi" and before.rstrip().endswith("ngày") and a[0] <= 31 and b[0] <= 12:
            found.add(b[0] * 100 + a[0], "date", m.start(), m.end(), parts=(a[0], b[0], 0))
            continue
        found.add(a[0] / b[0], "fraction", m.start(), m.end(), parts=(a[0], b[0]))


def _vi_suffix(text: str, tokens: list[Token], start: int, end: int) -> tuple[str, float, int]:
    """Kind, scale and end of a Vietnamese figure: "2,8 tỷ", "85,94%", "thứ 3"."""
    kind, scale = "number", 1.0
    sm = _VI_SCALE_RE.match(text, end)
    if sm:
        word = sm.group(1).lower()
        scale = 1e12 if " " in word else lang_vi.SCALES[word]
        end = sm.end()
    pm = _VI_PERCENT_RE.match(text, end)
    if pm:
        kind, end = "percent", pm.end()
    prev = prev_words(tokens, start, 2)
    if prev and prev[-1] == lang_vi.ORDINAL_MARKER:
        kind = "weekday" if len(prev) == 2 and prev[0] in lang_vi.WEEKDAY_CUES else "ordinal"
    return kind, scale, end


def _ar_suffix(text: str, tokens: list[Token], start: int, end: int) -> tuple[str, float, int, int]:
    """Kind, scale, start and end of an Arabic figure: "2.8 مليار", "%10", "10 بالمائة"."""
    kind, scale = "number", 1.0
    if start and text[start - 1] in "%\u066a":
        kind, start = "percent", start - 1
    k = token_index(tokens, end)
    nxt = tokens[k] if k < len(tokens) else None
    if nxt is not None and nxt.start - end <= 2:
        s = ar.ar_lookup(nxt.word, ar.SCALES)
        if s:
            scale, end = s, nxt.end
            k += 1
    pm = _AR_PERCENT_SIGN_RE.match(text, end)
    if pm:
        return "percent", scale, start, pm.end()
    for words in ar.PERCENT:
        window = [t.word for t in tokens[k:k + len(words)]]
        if tuple(window) == words and tokens[k].start - end <= 2:
            return "percent", scale, start, tokens[k + len(words) - 1].end
    return kind, scale, start, end


def _ar_half(tokens: list[Token], end: int) -> int | None:
    """End of "ونصف" right after a figure or its noun ("مليون ونصف", "3 أيام ونصف"),
    or None; "ونصف الأعضاء" (and half of the members) adds no half."""
    k = token_index(tokens, end)
    if k >= len(tokens) or tokens[k].start - end > 2:
        return None
    for j in (k, k + 1):
        if j >= len(tokens) or tokens[j].word not in ar.AND_A_HALF:
            continue
        after = tokens[j + 1].word if j + 1 < len(tokens) else ""
        near = j == k or (tokens[j].start - tokens[k].end <= 2 and not tokens[k].word.isdigit())
        if near and not after.startswith("ال"):
            return tokens[j].end
    return None


def extract_digit_numbers(text: str, lang: str, tokens: list[Token], found: Collector) -> None:
    """Every figure in digits not already part of a date, time or code."""
    for m in NUMBER_RE.finditer(text):
        raw = m.group()
        readings = parse_number(raw)
        if readings is None:  # a list like 1,2,3: each part is a number
            for part in re.finditer(rf"[{DIGIT}]+", raw):
                v = float(ascii_digits(part.group()))
                found.add(v, "number", m.start() + part.start(), m.start() + part.end())
            continue
        start, end = m.start(), m.end()
        if lang == "vi":
            kind, scale, end = _vi_suffix(text, tokens, start, end)
        else:
            kind, scale, start, end = _ar_suffix(text, tokens, start, end)
        values = tuple(r * scale for r in readings)
        half = _ar_half(tokens, end) if lang == "ar" and kind == "number" else None
        if half is not None:  # "3 أيام ونصف" = 3.5 days
            values, end = tuple(v + 0.5 * scale for v in values), half
        if kind == "number" and scale == 1.0 and is_year(raw, values[0]):
            kind = "year"
        found.add(values[0], kind, start, end, alternatives=values[1:])
