"""Every numeric fact of a text, in order: the passes of the parsers, run in turn.

Codes first, then dates, times, fractions, figures in digits and last numbers in words;
each pass only claims text no earlier pass took, so "5/10/2018" is one date and not
three numbers.
"""

from __future__ import annotations

from functools import lru_cache

from workbench.numbers import arabic, dates, digits, vietnamese
from workbench.numbers.arabic_text import ar_tokens
from workbench.numbers.mentions import Collector, NumberMention


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every numeric fact in ``text`` (``lang`` 'vi' or 'ar'), codes included, in order.

    Remembered per text: the aligner's anchors, the fidelity scorer and the number
    check each ask for the same paragraphs (mentions are frozen; the list is a copy)."""
    if lang not in ("vi", "ar"):
        raise ValueError(f"extract_numbers: lang must be 'vi' or 'ar', not {lang!r}")
    return list(_extract(text, lang))


@lru_cache(maxsize=20_000)
def _extract(text: str, lang: str) -> tuple[NumberMention, ...]:
    found = Collector(text)
    if lang == "vi":
        dates.vi_quarters(text, found)
    else:
        digits.skip_chrome_markers(text, found)
    for code in digits.extract_codes(text):
        found.add(0.0, "code", code.start, code.end)
    tokens = vietnamese.vi_tokens(text) if lang == "vi" else ar_tokens(text)
    digits.extract_digit_dates(text, found)
    if lang == "vi":
        dates.vi_word_dates(tokens, found)
    else:
        dates.ar_word_dates(tokens, found)
        dates.ar_month_ordinals(tokens, found)
    digits.extract_times_and_ranges(text, found)
    digits.extract_fractions(text, lang, found)
    digits.extract_digit_numbers(text, lang, tokens, found)
    if lang == "vi":
        vietnamese.extract_vi_words(tokens, text, found)
    else:
        arabic.extract_ar_words(tokens, found)
    return tuple(found.result())
