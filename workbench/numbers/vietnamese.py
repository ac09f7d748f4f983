"""Vietnamese numbers in words: cardinals, ordinals, weekdays, month names, Roman numerals.

"hai mươi lăm người" is 25, "thứ Bảy" a weekday, "tháng Mười" October, "khóa XI" the
eleventh term.  "năm" is both five and year, "một" mostly an article, and a capitalised
number word is usually part of a name ("Ba Vì"): the rules below keep those apart.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.lang import vi_numbers as lang_vi
from workbench.numbers.mentions import Collector, Token

_VI_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_ROMAN_VALID = re.compile(r"^(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def vi_tokens(text: str) -> list[Token]:
    """Vietnamese words, lower-case NFC for look-ups, spans in the original text."""
    return [
        Token(unicodedata.normalize("NFC", m.group()).lower(), m.group(), m.start(), m.end())
        for m in _VI_WORD_RE.finditer(text)
    ]


def roman_value(s: str) -> int | None:
    """Value of a Roman numeral (I…CCCXCIX), None if it is not one."""
    if not s or not _ROMAN_RE.match(s) or not _ROMAN_VALID.match(s):
        return None
    values = [lang_vi.ROMAN_VALUES[c] for c in s]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def relative_years(text: str) -> int:
    """How many years the text states relative to now ("năm ngoái", "năm nay")."""
    low = unicodedata.normalize("NFC", text).lower()
    return sum(len(re.findall(rf"(?<!\w){w}(?!\w)", low)) for w in lang_vi.RELATIVE_YEARS)


# --------------------------------------------------------------------------- cardinals


def _five_ok(tokens: list[Token], k: int) -> bool:
    """'năm' is five only before a counted noun: "năm người", not "ba năm" (years),
    and never right after a figure ("50 năm cuộc đàn áp" = 50 years)."""
    if k + 1 >= len(tokens) or (k and tokens[k - 1].word.isdigit()):
        return False
    nxt = tokens[k + 1].word
    if nxt in lang_vi.COUNTED_COMPOUNDS:  # "năm học sinh" five pupils, "năm học" school year
        return k + 2 < len(tokens) and tokens[k + 2].word in lang_vi.COUNTED_COMPOUNDS[nxt]
    return nxt in lang_vi.COUNTED_NOUNS or nxt in lang_vi.SCALES or nxt in (
        lang_vi.HUNDRED, lang_vi.TENS)


class _Run:
    """A spelled-out cardinal being read word by word ("hai mươi lăm", "ba trăm")."""

    def __init__(self) -> None:
        self.total, self.current, self.digit, self.state = 0.0, 0.0, 0.0, "start"

    def feed(self, w: str, five: bool, nxt: str) -> bool:
        """Take one more word; False when it cannot continue the number."""
        units, extra = lang_vi.UNITS, lang_vi.COMPOUND_UNITS
        state = self.state
        one_before_scale = w == "một" and (nxt in lang_vi.SCALES or nxt == lang_vi.HUNDRED)
        if state in ("start", "scale", "hundred") and (w in units or five or one_before_scale):
            self.digit = units.get(w, 5 if five else 1)
            self.current += self.digit
            self.state = "unit"
        elif state in ("start", "scale", "hundred") and w == lang_vi.TEN:
            self.current += 10
            self.state = "ten"
        elif state == "unit" and w == lang_vi.TENS:
            self.current += self.digit * 9
            self.state = "tens"
        elif state == "unit" and w == lang_vi.HUNDRED:
            self.current += self.digit * 99
            self.state = "hundred"
        elif state in ("ten", "tens", "filler") and (
            w in units or five or (w in extra and w not in ("năm", "linh", "lẻ"))
        ):
            if state == "ten" and w in ("mốt", "tư"):
                return False
            self.current += units.get(w, 5 if five else extra.get(w, 0))
            self.state = "tail"
        elif state == "hundred" and w in ("linh", "lẻ"):
            self.state = "filler"
        elif state not in ("start", "filler") and w in lang_vi.SCALES:
            self._scale(lang_vi.SCALES[w])
        else:
            return False
        return True

    def _scale(self, scale: float) -> None:
        if self.current == 0 and self.total:
            self.total *= scale
        else:
            self.total += (self.current or 1) * scale
        self.current = 0
        self.state = "scale"


def vi_parse_run(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Cardinal spelled out from token i ("hai mươi lăm", "ba trăm", "hai triệu"):
    (value, index of its last token), or None."""
    run, last = _Run(), None
    for k in range(i, len(tokens)):
        nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
        w = tokens[k].word
        if not run.feed(w, w == "năm" and _five_ok(tokens, k), nxt):
            break
        last = k
    value = run.total + run.current
    if last is None or value <= 1:
        return None
    return value, last


# --------------------------------------------------------------------------- extraction


def _is_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\"“”'‘’([-–—\n"


def _ordinal_after_marker(tokens: list[Token], i: int, found: Collector) -> int | None:
    """"thứ" + ordinal word at token i: an ordinal, or a weekday (thứ Hai … thứ Bảy).
    Index of the next token to read, or None when it is neither."""
    nxt = tokens[i + 1]
    run = vi_parse_run(tokens, i + 1) if nxt.word not in ("nhất", "nhì", "tư") else None
    if run is not None and run[0] > 10:
        value, last = run
    elif nxt.word in lang_vi.ORDINAL_WORDS:
        value, last = lang_vi.ORDINAL_WORDS[nxt.word], i + 1
    else:
        return None
    prev = tokens[i - 1].word if i else ""
    weekday = 2 <= value <= 7 and last == i + 1 and (
        nxt.raw[:1].isupper() or prev in lang_vi.WEEKDAY_CUES
    )
    found.add(value, "weekday" if weekday else "ordinal", tokens[i].start,
              tokens[last].end, from_words=True)
    return last + 1


def _fixed_words(tokens: list[Token], i: int, found: Collector) -> int | None:
    """Two-word weekdays and ordinals ("chủ nhật", "đầu tiên"), ranked prizes ("giải
    Nhì") and Roman numerals ("khóa XI"); index of the next token to read, or None."""
    tok, n = tokens[i], len(tokens)
    pair = f"{tok.word} {tokens[i + 1].word}" if i + 1 < n else ""
    if pair in lang_vi.WEEKDAYS:  # chủ nhật
        found.add(lang_vi.WEEKDAYS[pair], "weekday", tok.start, tokens[i + 1].end,
                  from_words=True)
        return i + 2
    if pair in lang_vi.FIRST_WORDS:  # đầu tiên
        found.add(1, "ordinal", tok.start, tokens[i + 1].end, from_words=True)
        return i + 2
    prev = tokens[i - 1].word if i else ""
    if prev in lang_vi.PRIZE_CUES and tok.word in lang_vi.PRIZE_ORDINALS:  # giải Nhì
        found.add(lang_vi.PRIZE_ORDINALS[tok.word], "ordinal", tok.start, tok.end, from_words=True)
        return i + 1
    roman = roman_value(tok.raw)
    if roman is not None and (
        len(tok.raw) >= 2 or (i and tokens[i - 1].word in lang_vi.ROMAN_CUES)
    ):
        found.add(roman, "ordinal", tok.start, tok.end, from_words=True)
        return i + 1
    return None


def _cardinal(tokens: list[Token], i: int, found: Collector) -> int | None:
    """A spelled-out cardinal (or percentage) at token i; index of the next token."""
    run = vi_parse_run(tokens, i)
    if run is None:
        return None
    value, last = run
    end, kind, n = tokens[last].end, "number", len(tokens)
    if last + 2 < n and tokens[last + 1].word == "phần" and tokens[last + 2].word == "trăm":
        kind, end = "percent", tokens[last + 2].end
    found.add(value, kind, tokens[i].start, end, from_words=True)
    return last + 1


def _name(tokens: list[Token], i: int, text: str) -> int | None:
    """A capitalised number word that is part of a name ("Ba Vì", "Năm Căn", "Hai Bà
    Trưng", "ông Bảy"): the index after the name, or None when it may be a number (a
    sentence starting "Hai người...")."""
    if not _is_sentence_start(text, tokens[i].start):
        return i + 1
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    number_word = tok.word in lang_vi.UNITS or tok.word in (lang_vi.TEN, "năm")
    if number_word and nxt is not None and nxt.raw[:1].isupper() and text[tok.end:nxt.start] == " ":
        return i + 2
    return None


def extract_vi_words(tokens: list[Token], text: str, found: Collector) -> None:
    """Numbers written in Vietnamese words, where digits have not already claimed them."""
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if not found.free(tok.start, tok.end):
            i += 1
            continue
        if tok.word == lang_vi.ORDINAL_MARKER and i + 1 < n:
            nxt = _ordinal_after_marker(tokens, i, found)
            if nxt is not None:
                i = nxt
                continue
        nxt = _fixed_words(tokens, i, found)
        if nxt is None and tok.raw[:1].isupper():
            nxt = _name(tokens, i, text)
        if nxt is None and tok.word == "hai" and i and tokens[i - 1].word == "cả":
            nxt = i + 1  # "cả hai" is "both"
        if nxt is None:
            nxt = _cardinal(tokens, i, found)
        i = nxt if nxt is not None else i + 1
