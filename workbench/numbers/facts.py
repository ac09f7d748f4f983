"""The old import path of :mod:`workbench.numbers`, kept for callers not yet moved.

``workbench.numbers.facts`` was one 945-line module; it is now split by what each part
holds (see :mod:`workbench.numbers`).  Import from ``workbench.numbers`` instead; this
module goes once no caller uses it.
"""

from workbench.numbers import (  # noqa: F401
    KINDS, NumberComparison, NumberMention, compare_numbers, extract_codes, extract_numbers,
    loose_number_words, mentions_match, parse_number, roman_value,
)
