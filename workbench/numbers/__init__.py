"""Numbers: numeric facts found in Vietnamese and Arabic text, and their comparison.

The public API, re-exported here: :func:`extract_numbers`, :func:`compare_numbers`,
:class:`NumberMention`, :class:`NumberComparison` and the smaller helpers callers use.

    mentions.py     NumberMention, NumberComparison, tokens, the collector
    digits.py       figures, dates, times, fractions and codes written in digits
    dates.py        dates with month names (tháng Mười, تشرين الأول)
    vietnamese.py   Vietnamese number words, ordinals, weekdays, Roman numerals
    arabic_text.py  Arabic tokens and tables in matching form
    arabic.py       Arabic number words, ordinals, weekdays, clock times, duals
    loose.py        Arabic words that only vouch for a figure (الخمسة, المستويين, جميع)
    extraction.py   extract_numbers: the passes in order
    comparison.py   compare_numbers and the matching rules
"""

from workbench.numbers.comparison import compare_numbers, mentions_match
from workbench.numbers.digits import extract_codes, parse_number
from workbench.numbers.extraction import extract_numbers
from workbench.numbers.loose import loose_number_words, said_as_all
from workbench.numbers.mentions import KINDS, NumberComparison, NumberMention
from workbench.numbers.vietnamese import roman_value

__all__ = [
    "KINDS", "NumberComparison", "NumberMention", "compare_numbers", "extract_codes",
    "extract_numbers", "loose_number_words", "mentions_match", "parse_number", "roman_value", "said_as_all",
]
