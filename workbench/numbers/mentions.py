"""Number mentions and the shared pieces every parser uses: tokens, the collector.

A changed figure is the costliest error in translated news, and the hardest to see:
Vietnamese writes ``33.690`` and ``85,94%`` (dot for thousands, comma for decimals),
the Arabic may write ``33690``, ``85.94%``, ``٨٥٫٩٤٪`` or ``خمسة وثمانون``.  The parsers
of this package turn every way of writing a number into :class:`NumberMention` values
with their span in the original text (for highlighting);
:func:`workbench.numbers.comparison.compare_numbers` pairs them up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.lang import ar_numbers as lang_ar

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


@dataclass(frozen=True)
class Token:
    """One word of a text: ``word`` folded for look-ups, ``raw`` as written, its span."""

    word: str
    raw: str
    start: int
    end: int


_TO_ASCII = str.maketrans(lang_ar.DIGITS)


def ascii_digits(s: str) -> str:
    """The text with Arabic-Indic and Eastern Arabic-Indic digits written 0-9."""
    return s.translate(_TO_ASCII)


class Collector:
    """Mentions found so far, refusing overlaps (earlier passes win)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken = [False] * (len(text) + 1)
        self.mentions: list[NumberMention] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        """Mark a span as no number at all (a name, page chrome)."""
        for i in range(start, end):
            self.taken[i] = True

    def add(self, value: float, kind: str, start: int, end: int, **extra) -> bool:
        if start >= end or not self.free(start, end):
            return False
        self.take(start, end)
        self.mentions.append(
            NumberMention(float(value), kind, self.text[start:end], start, end, **extra)
        )
        return True

    def result(self) -> list[NumberMention]:
        return sorted(self.mentions, key=lambda m: (m.start, m.end))


def add_date(found: Collector, tokens: list[Token], i: int, j: int, d: int, mo: int, y: int) -> None:
    """A date from token i to token j (day, month, year; 0 where not given)."""
    found.add(y * 10000 + mo * 100 + d, "date", tokens[i].start, tokens[j].end, parts=(d, mo, y))


def int_token(tok: Token | None) -> int | None:
    """The token as a whole number when it is written in digits, else None."""
    if tok is None:
        return None
    s = ascii_digits(tok.raw)
    return int(s) if s.isdigit() else None


def prev_words(tokens: list[Token], start: int, n: int = 1) -> list[str]:
    """The last ``n`` folded words before position ``start``."""
    before = [t.word for t in tokens if t.end <= start]
    return before[-n:]


def token_index(tokens: list[Token], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    for i, t in enumerate(tokens):
        if t.start >= pos:
            return i
    return len(tokens)
