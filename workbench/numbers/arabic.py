"""Numeric facts in Vietnamese and Arabic, extracted so they can be compared.

A changed figure is the costliest error in translated news, and the hardest to see:
Vietnamese writes ``33.690`` and ``85,94%`` (dot for thousands, comma for decimals),
the Arabic may write ``33690``, ``85.94%``, ``٨٥٫٩٤٪`` or ``خمسة وثمانون``.  This module
turns every way of writing a number into :class:`NumberMention` values with their span in
the original text (for highlighting), and :func:`compare_numbers` pairs them up so that
the same value written differently matches and only real differences are reported.

Ambiguous writings keep every plausible reading (``10,000`` is ten thousand, or ten
with three decimals) in ``alternatives``; two mentions match when their readings meet.
Language facts (number words, month names...) live in :mod:`workbench.lang.vi_numbers` and
:mod:`workbench.lang.ar_numbers`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from workbench.lang import ar_numbers as lang_ar
from workbench.lang import vi_numbers as lang_vi
from workbench.lang.normalize import normalize_ar, normalize_ar_with_offsets

#: Kinds of mention.  ``date`` has ``parts`` (day, month, year), 0 where not given;
#: ``fraction`` has ``parts`` (numerator, denominator); ``code`` compares by text.
KINDS = ("number", "percent", "year", "date", "time", "fraction", "ordinal", "weekday", "code")


@dataclass(frozen=True)
class NumberMention:
    """One number as written in a text.

    ``value`` is the preferred reading, ``alternatives`` other plausible ones;
    ``start``/``end`` index the ORIGINAL text; ``from_words`` says it was spelled out
    (weaker evidence: "a couple", a dual noun or an article can stand for it).
    """

    value: float
    kind: str
    text: str
    start: int
    end: int
    alternatives: tuple[float, ...] = ()
    parts: tuple[float, ...] = ()
    from_words: bool = False

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.alternatives)

    def display(self) -> str:
        """How a reviewer should see it in an explanation."""
        return self.text


@dataclass(frozen=True)
class NumberComparison:
    """Mentions of the source matched to the target; the rest on either side."""

    matched: list[tuple[NumberMention, NumberMention]] = field(default_factory=list)
    missing: list[NumberMention] = field(default_factory=list)   # in source, not target
    extra: list[NumberMention] = field(default_factory=list)     # in target, not source

    @property
    def ok(self) -> bool:
        return not self.missing and not self.extra


# --------------------------------------------------------------------------- digits

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_SEP = ".,\u066b\u066c\u00a0\u202f"
_NUMBER_RE = re.compile(rf"(?<![{_DIGIT}])[{_DIGIT}]+(?:[{_SEP}][{_DIGIT}]+)*")
_TO_ASCII = str.maketrans(lang_ar.DIGITS)
_DATE_RE = re.compile(
    rf"(?<![{_DIGIT}/.])([{_DIGIT}]{{1,2}})([/.\-])([{_DIGIT}]{{1,2}})\2([{_DIGIT}]{{4}})"
    rf"(?![{_DIGIT}])"
)
_MONTH_YEAR_RE = re.compile(
    rf"(?<![{_DIGIT}/.,])([{_DIGIT}]{{1,2}})/([{_DIGIT}]{{4}})(?![{_DIGIT}/])"
)
_FRACTION_RE = re.compile(
    rf"(?<![{_DIGIT}/.,])({_NUMBER_RE.pattern[len(f'(?<![{_DIGIT}])'):]})\s?/\s?"
    rf"({_NUMBER_RE.pattern[len(f'(?<![{_DIGIT}])'):]})(?![{_DIGIT}/])"
)
# Latin-script document codes: 18-QĐi/TU, 05-CT/TW, 100/2019/NĐ-CP, 1234/QĐ-UBND.
# Each part is all digits or all letters, so "Nam01/11/2024" (a name glued to a
# date by a web page) is not a code.
_CODE_PART = r"(?:[0-9]+|[A-Za-zÀ-ỹĐđ]+)"
_CODE_RE = re.compile(rf"(?<![\w/-]){_CODE_PART}(?:[-/]{_CODE_PART})+(?![\w/])")
_CODE_SHAPE = re.compile(r"^[0-9]+-[A-ZĐ]|/")


def _is_code(text: str) -> bool:
    return (any(c.isdigit() for c in text) and any(c.isupper() for c in text)
            and bool(_CODE_SHAPE.search(text)))


def _digits(s: str) -> str:
    return s.translate(_TO_ASCII)


def parse_number(raw: str) -> tuple[float, ...] | None:
    """Readings of one written number, preferred first; None if it is a list (1,2,3).

    ``33.690`` -> (33690, 33.69); ``85,94`` -> (85.94,); ``1.234.567,8`` -> (1234567.8,);
    ``٣٣٬٦٩٠`` -> (33690,); ``٨٥٫٩٤`` -> (85.94,).
    """
    s = _digits(raw).replace("\u202f", "\u00a0")
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


def _is_year(raw: str, value: float) -> bool:
    return raw.isascii() is False and len(_digits(raw)) == 4 and 1800 <= value <= 2100 or (
        len(raw) == 4 and raw.isdigit() and 1800 <= value <= 2100
    )


# --------------------------------------------------------------------------- text views


@dataclass(frozen=True)
class _Token:
    word: str      # folded form used for look-ups
    raw: str       # as written
    start: int
    end: int


_VI_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_AR_WORD_RE = re.compile(r"[^\W_\d]+|[0-9\u0660-\u0669\u06f0-\u06f9]+", re.UNICODE)


def _vi_tokens(text: str) -> list[_Token]:
    return [
        _Token(unicodedata.normalize("NFC", m.group()).lower(), m.group(), m.start(), m.end())
        for m in _VI_WORD_RE.finditer(text)
    ]


def _ar_tokens(text: str) -> list[_Token]:
    """Arabic words in matching form, spans in the original text (harakat kept inside)."""
    folded, offsets = normalize_ar_with_offsets(text)
    if len(unicodedata.normalize("NFC", text)) != len(text):
        # NFC changed the length: map through positions only where it is safe.
        offsets = [min(o, len(text) - 1) for o in offsets]
    tokens = []
    for m in _AR_WORD_RE.finditer(folded):
        start, end = offsets[m.start()], offsets[m.end() - 1] + 1
        tokens.append(_Token(m.group(), text[start:end], start, end))
    return tokens


def _fold_table(table: dict[str, float] | frozenset[str] | tuple[str, ...]):
    """The table with its Arabic keys in matching form, same container type."""
    if isinstance(table, dict):
        return {normalize_ar(k): v for k, v in table.items()}
    return type(table)(normalize_ar(k) for k in table)


_AR_UNITS = _fold_table(lang_ar.UNITS)
_AR_TEEN_HEADS = _fold_table(lang_ar.TEEN_HEADS)
_AR_TENS = _fold_table(lang_ar.TENS)
_AR_HUNDREDS = _fold_table(lang_ar.HUNDREDS)
_AR_SCALES = _fold_table(lang_ar.SCALES)
_AR_DUAL_SCALES = _fold_table(lang_ar.DUAL_SCALES)
_AR_DUAL_NOUNS = _fold_table(lang_ar.DUAL_NOUNS)
_AR_ORDINALS = _fold_table(lang_ar.ORDINALS)
_AR_TEEN_TAILS = _fold_table(lang_ar.ORDINAL_TEEN_TAILS)
_AR_WEEKDAYS = _fold_table(lang_ar.WEEKDAYS)
_AR_MONTHS = _fold_table(lang_ar.MONTHS)
_AR_AMBIGUOUS_MONTHS = _fold_table(lang_ar.AMBIGUOUS_MONTHS)
_AR_MONTH_CUES = _fold_table(lang_ar.MONTH_CUES)
_AR_PERCENT = [tuple(normalize_ar(p).split()) for p in lang_ar.PERCENT_WORDS]
_AR_DECADES = _fold_table(lang_ar.DECADES)
_AR_CENTURY = normalize_ar(lang_ar.CENTURY_WORD)
_AR_PLURAL_SCALES = {normalize_ar(w) for w in ("آلاف", "ملايين", "مليارات")}
_AR_DUAL_ENDINGS = _fold_table(lang_ar.DUAL_ENDINGS)
_AR_NOT_DUALS = _fold_table(lang_ar.NOT_DUALS)
_AR_FRACTIONS = _fold_table(lang_ar.FRACTION_WORDS)
_AR_CLOCK = _fold_table(lang_ar.CLOCK_WORDS)
_AR_CLOCK_FRACTIONS = _fold_table(lang_ar.CLOCK_FRACTIONS)
_AR_CLOCK_BEFORE = _fold_table(lang_ar.CLOCK_BEFORE)


def _ar_forms(word: str) -> list[str]:
    """The word, without a clitic (و ب ل ف ك) and without the article, longest first."""
    forms = [word]
    if len(word) > 3 and word[0] in lang_ar.CLITICS:
        forms.append(word[1:])
    if word.startswith("لل") and len(word) > 3:
        forms.append("ال" + word[2:])
    for f in list(forms):
        if f.startswith("ال") and len(f) > 3:
            forms.append(f[2:])
    return forms


def _ar_lookup(word: str, table) -> float | None:
    for form in _ar_forms(word):
        if form in table:
            return table[form] if isinstance(table, dict) else 1
    return None


# --------------------------------------------------------------------------- extraction


class _Collector:
    """Mentions found so far, refusing overlaps (earlier passes win)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken = [False] * (len(text) + 1)
        self.mentions: list[NumberMention] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def add(self, value: float, kind: str, start: int, end: int, **extra) -> bool:
        if start >= end or not self.free(start, end):
            return False
        for i in range(start, end):
            self.taken[i] = True
        self.mentions.append(
            NumberMention(float(value), kind, self.text[start:end], start, end, **extra)
        )
        return True

    def result(self) -> list[NumberMention]:
        return sorted(self.mentions, key=lambda m: (m.start, m.end))


def extract_codes(text: str) -> list[NumberMention]:
    """Latin-script document codes (18-QĐi/TU, 05-CT/TW), kept verbatim (kind ``code``)."""
    return [
        NumberMention(0.0, "code", m.group(), m.start(), m.end())
        for m in _CODE_RE.finditer(text)
        if _is_code(m.group())
    ]


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every numeric fact in ``text`` (``lang`` 'vi' or 'ar'), codes included, in order."""
    if lang not in ("vi", "ar"):
        raise ValueError(f"extract_numbers: lang must be 'vi' or 'ar', not {lang!r}")
    found = _Collector(text)
    for code in extract_codes(text):
        found.add(0.0, "code", code.start, code.end)
    tokens = _vi_tokens(text) if lang == "vi" else _ar_tokens(text)
    _extract_dates(text, lang, tokens, found)
    _extract_times_and_ranges(text, found)
    _extract_fractions(text, lang, found)
    _extract_digit_numbers(text, lang, tokens, found)
    if lang == "vi":
        _extract_vi_words(tokens, text, found)
    else:
        _extract_ar_words(tokens, found)
    return found.result()


def _prev_words(tokens: list[_Token], start: int, n: int = 1) -> list[str]:
    before = [t.word for t in tokens if t.end <= start]
    return before[-n:]


def _token_index(tokens: list[_Token], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    for i, t in enumerate(tokens):
        if t.start >= pos:
            return i
    return len(tokens)


def _extract_dates(text: str, lang: str, tokens: list[_Token], found: _Collector) -> None:
    for m in _DATE_RE.finditer(text):
        d, mo, y = (int(_digits(g)) for g in (m.group(1), m.group(3), m.group(4)))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            found.add(y * 10000 + mo * 100 + d, "date", m.start(), m.end(), parts=(d, mo, y))
    for m in _MONTH_YEAR_RE.finditer(text):
        mo, y = int(_digits(m.group(1))), int(_digits(m.group(2)))
        if 1 <= mo <= 12 and 1800 <= y <= 2100:
            found.add(y * 10000 + mo * 100, "date", m.start(), m.end(), parts=(0, mo, y))
    if lang == "vi":
        _vi_word_dates(tokens, found)
    else:
        _ar_word_dates(tokens, found)


def _date(found: _Collector, tokens: list[_Token], i: int, j: int, d: int, mo: int, y: int):
    found.add(y * 10000 + mo * 100 + d, "date", tokens[i].start, tokens[j].end, parts=(d, mo, y))


def _int_token(tok: _Token | None) -> int | None:
    if tok is None:
        return None
    s = _digits(tok.raw)
    return int(s) if s.isdigit() else None


def _vi_word_dates(tokens: list[_Token], found: _Collector) -> None:
    """ngày 5 tháng 10 năm 2018, tháng 10/2018, tháng Mười, tháng 6 năm 2017."""
    n = len(tokens)
    at = lambda k: tokens[k] if k < n else None  # noqa: E731
    for i, tok in enumerate(tokens):
        if tok.word != lang_vi.MONTH_MARKER:
            continue
        month, j = None, i
        num = _int_token(at(i + 1))
        if num is not None and 1 <= num <= 12:
            month, j = num, i + 1
        else:
            for width in (2, 1):
                words = " ".join(t.word for t in tokens[i + 1:i + 1 + width])
                if len(tokens[i + 1:i + 1 + width]) == width and words in lang_vi.MONTH_WORDS:
                    # "ba tháng" is three months; "tháng ba" is March.  "tháng năm nay"
                    # is "this month": "năm" followed by "nay/ngoái/tới" is a year word.
                    follow = at(i + 1 + width)
                    if words == "năm" and follow and follow.word in {"nay", "ngoái", "tới", "sau", "trước"}:
                        continue
                    month, j = lang_vi.MONTH_WORDS[words], i + width
                    break
        if month is None:
            continue
        day, start = 0, i
        if i >= 2 and tokens[i - 2].word == lang_vi.DAY_MARKER:
            d = _int_token(tokens[i - 1])
            if d is not None and 1 <= d <= 31:
                day, start = d, i - 2
        year = 0
        nxt = at(j + 1)
        if nxt and nxt.word == lang_vi.YEAR_MARKER and _int_token(at(j + 2)) is not None:
            year, j = _int_token(at(j + 2)), j + 2
        elif nxt and nxt.start == tokens[j].end + 1 and found.text[tokens[j].end] == "/":
            y = _int_token(nxt)
            if y is not None and 1800 <= y <= 2100:
                year, j = y, j + 1
        _date(found, tokens, start, j, day, month, year)


def _ar_word_dates(tokens: list[_Token], found: _Collector) -> None:
    """5 أكتوبر 2018, 5 تشرين الأول 2018, في يونيو, أكتوبر من عام 2018."""
    n = len(tokens)
    for i in range(n):
        month, width = None, 0
        for w in (2, 1):
            words = " ".join(t.word for t in tokens[i:i + w])
            if len(tokens[i:i + w]) == w:
                stripped = [words]
                if tokens[i].word[0] in lang_ar.CLITICS and len(tokens[i].word) > 3:
                    stripped.append(words[1:])
                hit = next((s for s in stripped if s in _AR_MONTHS), None)
                if hit:
                    month, width, name = _AR_MONTHS[hit], w, hit
                    break
        if month is None:
            continue
        j = i + width - 1
        day = _int_token(tokens[i - 1]) if i else None
        year_tok = tokens[j + 1] if j + 1 < n else None
        year = _int_token(year_tok)
        if year is not None and not 1800 <= year <= 2100:
            year = None
        if name in _AR_AMBIGUOUS_MONTHS and day is None and year is None:
            if not (i and tokens[i - 1].word in _AR_MONTH_CUES):
                continue
        start = i
        if day is not None and 1 <= day <= 31:
            start = i - 1
        else:
            day = 0
        if year is not None:
            j += 1
        _date(found, tokens, start, j, day, month, year or 0)


_TIME_RE = re.compile(rf"(?<![{_DIGIT}:])([{_DIGIT}]{{1,2}})[:h]([{_DIGIT}]{{2}})(?![{_DIGIT}:])")
_YEAR_RANGE_RE = re.compile(rf"(?<![{_DIGIT}])((?:1[89]|20)[{_DIGIT}]{{2}})[-–]([{_DIGIT}]{{2}})(?![{_DIGIT}])")


def _extract_times_and_ranges(text: str, found: _Collector) -> None:
    """17:30 (a time; 05:00 also reads as 5 o'clock) and 1950-53 (= 1950 to 1953)."""
    for m in _TIME_RE.finditer(text):
        h, mi = int(_digits(m.group(1))), int(_digits(m.group(2)))
        if h <= 24 and mi < 60:
            found.add(h + mi / 60, "time", m.start(), m.end(), alternatives=(h,) if mi == 0 else ())
    for m in _YEAR_RANGE_RE.finditer(text):
        first = int(_digits(m.group(1)))
        second = first // 100 * 100 + int(_digits(m.group(2)))
        if second > first:
            found.add(first, "year", m.start(1), m.end(1))
            found.add(second, "year", m.start(2), m.end(2), alternatives=(second % 100,))


def _extract_fractions(text: str, lang: str, found: _Collector) -> None:
    for m in _FRACTION_RE.finditer(text):
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if not a or not b or b[0] == 0:
            continue
        before = text[max(0, m.start() - 6):m.start()].lower()
        if lang == "vi" and before.rstrip().endswith("ngày") and a[0] <= 31 and b[0] <= 12:
            found.add(b[0] * 100 + a[0], "date", m.start(), m.end(), parts=(a[0], b[0], 0))
            continue
        found.add(a[0] / b[0], "fraction", m.start(), m.end(), parts=(a[0], b[0]))


_VI_SCALE_RE = re.compile(r"\s*(nghìn tỷ|nghìn tỉ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.I)
_VI_PERCENT_RE = re.compile(r"\s*(%|phần trăm)", re.I)
_AR_PERCENT_SIGN_RE = re.compile(r"\s?[%\u066a]")


def _extract_digit_numbers(text: str, lang: str, tokens: list[_Token], found: _Collector) -> None:
    for m in _NUMBER_RE.finditer(text):
        raw = m.group()
        readings = parse_number(raw)
        if readings is None:  # a list like 1,2,3: each part is a number
            for part in re.finditer(rf"[{_DIGIT}]+", raw):
                v = float(_digits(part.group()))
                found.add(v, "number", m.start() + part.start(), m.start() + part.end())
            continue
        start, end = m.start(), m.end()
        kind = "number"
        scale = 1.0
        if lang == "vi":
            sm = _VI_SCALE_RE.match(text, end)
            if sm:
                word = sm.group(1).lower()
                scale = 1e12 if " " in word else lang_vi.SCALES[word]
                end = sm.end()
            pm = _VI_PERCENT_RE.match(text, end)
            if pm:
                kind, end = "percent", pm.end()
            prev = _prev_words(tokens, start, 2)
            if prev and prev[-1] == lang_vi.ORDINAL_MARKER:
                kind = "weekday" if len(prev) == 2 and prev[0] in lang_vi.WEEKDAY_CUES else "ordinal"
        else:
            if start and text[start - 1] in "%\u066a":
                kind, start = "percent", start - 1
            k = _token_index(tokens, end)
            nxt = tokens[k] if k < len(tokens) else None
            if nxt is not None and nxt.start - end <= 2:
                s = _ar_lookup(nxt.word, _AR_SCALES)
                if s:
                    scale, end = s, nxt.end
                    k += 1
            pm = _AR_PERCENT_SIGN_RE.match(text, end)
            if pm:
                kind, end = "percent", pm.end()
            else:
                for words in _AR_PERCENT:
                    window = [t.word for t in tokens[k:k + len(words)]]
                    if tuple(window) == words and tokens[k].start - end <= 2:
                        kind, end = "percent", tokens[k + len(words) - 1].end
                        break
        values = tuple(r * scale for r in readings)
        if kind == "number" and scale == 1.0 and _is_year(raw, values[0]):
            kind = "year"
        found.add(values[0], kind, start, end, alternatives=values[1:])


# --------------------------------------------------------------------------- words: vi

_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_ROMAN_VALID = re.compile(r"^(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman_value(s: str) -> int | None:
    """Value of a Roman numeral (I…CCCXCIX), None if it is not one."""
    if not s or not _ROMAN_RE.match(s) or not _ROMAN_VALID.match(s):
        return None
    values = [lang_vi.ROMAN_VALUES[c] for c in s]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _vi_is_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\"“”'‘’([-–—\n"


def _vi_five_ok(tokens: list[_Token], k: int) -> bool:
    """'năm' is five only before a counted noun: "năm người", not "ba năm" (years),
    and never right after a figure ("50 năm cuộc đàn áp" = 50 years)."""
    if k + 1 >= len(tokens) or (k and tokens[k - 1].word.isdigit()):
        return False
    nxt = tokens[k + 1].word
    return nxt in lang_vi.COUNTED_NOUNS or nxt in lang_vi.SCALES or nxt in (
        lang_vi.HUNDRED, lang_vi.TENS)


def _vi_parse_run(tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """Cardinal spelled out from token i ("hai mươi lăm", "ba trăm", "hai triệu"):
    (value, index of its last token), or None."""
    units, extra = lang_vi.UNITS, lang_vi.COMPOUND_UNITS
    total, current, digit, state, last = 0.0, 0.0, 0.0, "start", None
    k = i
    while k < len(tokens):
        w = tokens[k].word
        nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
        five = w == "năm" and _vi_five_ok(tokens, k)
        one_before_scale = w == "một" and (nxt in lang_vi.SCALES or nxt == lang_vi.HUNDRED)
        plain_unit = w in units or five
        if state in ("start", "scale", "hundred") and (plain_unit or one_before_scale):
            digit = units.get(w, 5 if five else 1)
            current += digit
            state = "unit"
        elif state in ("start", "scale", "hundred") and w == lang_vi.TEN:
            current += 10
            state = "ten"
        elif state == "unit" and w == lang_vi.TENS:
            current += digit * 9
            state = "tens"
        elif state == "unit" and w == lang_vi.HUNDRED:
            current += digit * 99
            state = "hundred"
        elif state in ("ten", "tens", "filler") and (
            w in units or five or (w in extra and w not in ("năm", "linh", "lẻ"))
        ):
            if state == "ten" and w in ("mốt", "tư"):
                break
            current += units.get(w, 5 if five else extra.get(w, 0))
            state = "tail"
        elif state == "hundred" and w in ("linh", "lẻ"):
            state = "filler"
        elif state not in ("start", "filler") and w in lang_vi.SCALES:
            scale = lang_vi.SCALES[w]
            if current == 0 and total:
                total *= scale
            else:
                total += (current or 1) * scale
            current = 0
            state = "scale"
        else:
            break
        last = k
        k += 1
    value = total + current
    if last is None or value <= 1:
        return None
    return value, last


def _extract_vi_words(tokens: list[_Token], text: str, found: _Collector) -> None:
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        w = tok.word
        if not found.free(tok.start, tok.end):
            i += 1
            continue
        # thứ + ordinal word: ordinal, or a weekday (thứ Hai … thứ Bảy)
        if w == lang_vi.ORDINAL_MARKER and i + 1 < n:
            nxt = tokens[i + 1]
            run = _vi_parse_run(tokens, i + 1) if nxt.word not in ("nhất", "nhì", "tư") else None
            if run is not None and run[0] > 10:
                value, last = run
            elif nxt.word in lang_vi.ORDINAL_WORDS:
                value, last = lang_vi.ORDINAL_WORDS[nxt.word], i + 1
            else:
                value = None
            if value is not None:
                prev = tokens[i - 1].word if i else ""
                weekday = 2 <= value <= 7 and last == i + 1 and (
                    nxt.raw[:1].isupper() or prev in lang_vi.WEEKDAY_CUES
                )
                found.add(value, "weekday" if weekday else "ordinal", tok.start,
                          tokens[last].end, from_words=True)
                i = last + 1
                continue
        pair = f"{w} {tokens[i + 1].word}" if i + 1 < n else ""
        if pair in lang_vi.WEEKDAYS:  # chủ nhật
            found.add(lang_vi.WEEKDAYS[pair], "weekday", tok.start, tokens[i + 1].end,
                      from_words=True)
            i += 2
            continue
        if pair in lang_vi.FIRST_WORDS:  # đầu tiên
            found.add(1, "ordinal", tok.start, tokens[i + 1].end, from_words=True)
            i += 2
            continue
        roman = roman_value(tok.raw)
        if roman is not None and (
            len(tok.raw) >= 2 or (i and tokens[i - 1].word in lang_vi.ROMAN_CUES)
        ):
            found.add(roman, "ordinal", tok.start, tok.end, from_words=True)
            i += 1
            continue
        if tok.raw[:1].isupper() and not _vi_is_sentence_start(text, tok.start):
            i += 1  # "Ba Vì", "Hai Bà Trưng": names, not numbers
            continue
        if w == "hai" and i and tokens[i - 1].word == "cả":
            i += 1  # "cả hai" is "both"
            continue
        run = _vi_parse_run(tokens, i)
        if run is not None:
            value, last = run
            end = tokens[last].end
            kind = "number"
            if last + 2 < n and tokens[last + 1].word == "phần" and tokens[last + 2].word == "trăm":
                kind, end = "percent", tokens[last + 2].end
            found.add(value, kind, tok.start, end, from_words=True)
            i = last + 1
            continue
        i += 1


# --------------------------------------------------------------------------- words: ar


def _ar_parse_run(tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """Cardinal spelled out from token i ("خمسة وعشرون", "ثلاثة آلاف"): (value, last)."""
    total, current, last, scale = 0.0, 0.0, None, 0.0
    k = i
    while k < len(tokens):
        word = tokens[k].word
        nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
        frac = _AR_FRACTIONS.get(word[1:] if word.startswith("و") else "")
        if frac and scale and last == k - 1 and frac[0] < 1:
            total += frac[0] * scale  # "مليون ونصف" = 1.5 million
            last = k
            k += 1
            continue
        if k == i and word in _AR_FRACTIONS and _AR_FRACTIONS[word][0] < 1 and (
                _ar_lookup(nxt, _AR_SCALES) and nxt not in _AR_PLURAL_SCALES):
            current = _AR_FRACTIONS[word][0]  # "ربع مليون" = 250,000
            last = k
            k += 1
            continue
        forms = [word] if k == i else [word] + ([word[1:]] if word.startswith("و") else [])
        if k == i:
            # no article: "الأربع كرات" (the four-ball), "الاثنتان" (the two women)
            # name known things rather than state a count
            if word.startswith("ال") or (word[:1] in lang_ar.CLITICS and word[1:3] == "ال"):
                break
            forms = _ar_forms(word)
        hit = False
        for f in forms:
            if f in _AR_TEEN_HEADS and k + 1 < len(tokens) and tokens[k + 1].word in _AR_TEEN_TAILS:
                current += _AR_TEEN_HEADS[f] + 10
                k += 1
                hit = True
            elif f in _AR_TEEN_TAILS and last is not None and 1 <= current % 10 <= 9 and current < 10:
                current += 10
                hit = True
            elif f in _AR_UNITS and (last is None or f not in _AR_TEEN_TAILS):
                if last is not None and current % 10:
                    break
                current += _AR_UNITS[f]
                hit = True
            elif f in _AR_TENS:
                current += _AR_TENS[f]
                hit = True
            elif f in _AR_HUNDREDS:
                h = _AR_HUNDREDS[f]
                current = current * h if h == 100 and 0 < current < 10 else current + h
                hit = True
            elif f in _AR_DUAL_SCALES:
                total += _AR_DUAL_SCALES[f]
                scale = _AR_DUAL_SCALES[f] / 2
                hit = True
            elif f in _AR_SCALES:
                if last is None and f in _AR_PLURAL_SCALES:
                    break  # "آلاف" alone is "thousands of": no figure
                total += (current or 1) * _AR_SCALES[f]
                scale = _AR_SCALES[f]
                current = 0
                hit = True
            if hit:
                break
        if not hit:
            break
        last = k
        k += 1
    value = total + current
    if last is None or value <= 1:
        return None
    return value, last


def _ar_clock(tokens: list[_Token], i: int, hour: float) -> tuple[int, float]:
    """The clock time whose hour ordinal is token i ("الساعة الحادية عشرة والنصف"):
    (index of its last token, hours as a number, 11.5)."""
    n, last = len(tokens), i
    if last + 1 < n and tokens[last + 1].word in _AR_TEEN_TAILS:
        hour, last = hour + 10, last + 1
    nxt = tokens[last + 1].word if last + 1 < n else ""
    if nxt in _AR_CLOCK_FRACTIONS:
        return last + 1, hour + _AR_CLOCK_FRACTIONS[nxt]
    if nxt in _AR_CLOCK_BEFORE and last + 2 < n:
        frac = _AR_FRACTIONS.get(_ar_forms(tokens[last + 2].word)[-1]) or _AR_FRACTIONS.get(
            tokens[last + 2].word)
        if frac and frac[0] < 1:
            return last + 2, hour - frac[0]
    return last, hour


def _extract_ar_words(tokens: list[_Token], found: _Collector) -> None:
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
        weekday = _ar_lookup(tok.word, _AR_WEEKDAYS) if tok.word.startswith(
            ("ال", "وال", "بال")) or (i and tokens[i - 1].word == "يوم") else None
        if weekday is None and i and normalize_ar("يوم") in tokens[i - 1].word:
            weekday = _AR_WEEKDAYS.get("ال" + tok.word)
        if weekday:
            found.add(weekday, "weekday", tok.start, tok.end, from_words=True)
            i += 1
            continue
        ordinal = _ar_lookup(tok.word, _AR_ORDINALS)
        if ordinal and i and tokens[i - 1].word in _AR_CLOCK:
            last, hour = _ar_clock(tokens, i, ordinal)
            found.add(hour, "time", tok.start, tokens[last].end, from_words=True,
                      alternatives=(hour + 12,) if hour < 13 else ())
            i = last + 1
            continue
        if ordinal and not prev_is_number:
            last = i
            if i + 1 < n and tokens[i + 1].word in _AR_TEEN_TAILS:
                ordinal, last = ordinal + 10, i + 1
            elif i + 1 < n and tokens[i + 1].word.startswith("و") and (
                _ar_lookup(tokens[i + 1].word[1:], _AR_TENS)
            ):
                # "الرابعة والثلاثين" = 34th
                ordinal += _ar_lookup(tokens[i + 1].word[1:], _AR_TENS)
                last = i + 1
            found.add(ordinal, "ordinal", tok.start, tokens[last].end, from_words=True)
            i = last + 1
            continue
        decade = _ar_lookup(tok.word, _AR_DECADES)
        if decade:
            last, century = i, 20
            if i + 2 < n and tokens[i + 1].word == _AR_CENTURY:
                c = _ar_parse_run(tokens, i + 2)
                century = int(c[0]) if c else century
                last = c[1] if c else i + 2
            found.add((century - 1) * 100 + decade, "year", tok.start, tokens[last].end,
                      from_words=True)
            i = last + 1
            continue
        if _ar_lookup(tok.word, _AR_DUAL_NOUNS):
            found.add(2, "number", tok.start, tok.end, from_words=True)
            i += 1
            continue
        run = _ar_parse_run(tokens, i)
        if run is not None:
            value, last = run
            end, kind = tokens[last].end, "number"
            for words in _AR_PERCENT:
                window = tuple(t.word for t in tokens[last + 1:last + 1 + len(words)])
                if window == words:
                    kind, end = "percent", tokens[last + len(words)].end
                    break
            found.add(value, kind, tok.start, end, from_words=True)
            i = last + 1
            continue
        i += 1


# --------------------------------------------------------------------------- loose words


def loose_number_words(text: str) -> list[NumberMention]:
    """Arabic words that may state a number the source writes in digits, too loosely
    to be figures of their own: a cardinal with the article (الخمسة, الخمسين: "the
    five", "the fiftieth"), a feminine dual (حفرتين = two holes), a fraction word
    (النصف = half = 50%, الثلث = 1/3) or zero (الصفر).

    They only ever vouch for a source figure that would otherwise be missing
    (:func:`compare_numbers`); alone they are never reported as added figures, since
    "الأربع كرات" (four-ball) or "النصف الثاني" (second half) name things.
    """
    out = []
    for tok in _ar_tokens(text):
        forms = _ar_forms(tok.word)
        if any(f in _AR_NOT_DUALS for f in forms):
            continue
        value: tuple[float, ...] | None = None
        for f in forms:
            if f in _AR_FRACTIONS:
                value = _AR_FRACTIONS[f]
            elif f.startswith("ال") and f[2:] in _AR_UNITS:
                value = (float(_AR_UNITS[f[2:]]),)
            elif f.startswith("ال") and f[2:] in _AR_TENS:
                value = (float(_AR_TENS[f[2:]]),)
            elif (len(f) >= 5 and f.endswith(_AR_DUAL_ENDINGS) and f not in _AR_NOT_DUALS
                  and not f.endswith(("ستان", "ستين"))):
                value = (2.0,)
            if value:
                break
        if value:
            out.append(NumberMention(value[0], "number", tok.raw, tok.start, tok.end,
                                     alternatives=value[1:], from_words=True))
    return out


def _relative_years(text: str) -> int:
    """How many years the text states relative to now ("năm ngoái", "năm nay")."""
    low = unicodedata.normalize("NFC", text).lower()
    return sum(len(re.findall(rf"(?<!\w){w}(?!\w)", low)) for w in lang_vi.RELATIVE_YEARS)


# --------------------------------------------------------------------------- comparison

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
        return False
    if a.kind == "weekday" or b.kind == "weekday":
        return {a.kind, b.kind} <= {"weekday", "ordinal"} and _same_value(a, b)
    return _same_value(a, b)


def compare_numbers(src_text: str, tgt_text: str, src_lang: str = "vi",
                    tgt_lang: str = "ar") -> NumberComparison:
    """Pair the numeric facts of a source and its translation.

    Exact matches first, then looser ones: a year or day the other side states inside a
    date ("5/10/2018" vs "5 من أكتوبر من عام 2018"), a fraction the other side writes
    as two numbers ("3/77" vs "3 من أصل 77").
    """
    src = extract_numbers(src_text, src_lang)
    tgt = extract_numbers(tgt_text, tgt_lang)
    matched: list[tuple[NumberMention, NumberMention]] = []
    free_tgt = list(tgt)
    missing: list[NumberMention] = []
    # Closest first: same kind written the same way (digits with digits), then same
    # kind, then any; so "2018" pairs with a year before a loose date claims it, and a
    # digit "4" with a digit "4" before a spelled-out "الأربع" does.
    passes = (
        lambda s, t: t.kind == s.kind and t.from_words == s.from_words,
        lambda s, t: t.kind == s.kind,
        lambda s, t: True,
    )
    pending = list(src)
    for close in passes:
        left = []
        for s in pending:
            hit = next((t for t in free_tgt if close(s, t) and mentions_match(s, t)), None)
            if hit is None:
                left.append(s)
            else:
                free_tgt.remove(hit)
                matched.append((s, hit))
        pending = left
    missing = pending
    missing = _absorb(missing, tgt, free_tgt, matched, src_side=True)
    free_tgt = _absorb(free_tgt, src, missing, matched, src_side=False)
    if tgt_lang == "ar" and missing:
        # a figure the translation states only loosely (الخمسة, حفرتين, النصف)
        loose = [t for t in loose_number_words(tgt_text)
                 if not any(t.start < u.end and u.start < t.end for _, u in matched)]
        left = []
        for s in missing:
            hit = next((t for t in loose if s.kind in ("number", "percent", "fraction", "ordinal")
                        and _same_value(s, t)), None)
            if hit is None:
                left.append(s)
            else:
                loose.remove(hit)
                matched.append((s, hit))
        missing = left
    relative = _relative_years(src_text) if src_lang == "vi" else 0
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
