"""Arabic text as the number parsers read it: tokens and tables in matching form.

The tables of :mod:`workbench.lang.ar_numbers` are written in ordinary spelling; here
they are folded with :func:`workbench.lang.normalize.normalize_ar` (alef and hamza
forms, ة→ه, ى→ي) once, so a row matches every common spelling of the word, and a word
is looked up with and without its clitic (و ب ل ف ك) and article.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.lang import ar_numbers as lang_ar
from workbench.lang.normalize import normalize_ar, normalize_ar_with_offsets
from workbench.numbers.mentions import Token

_AR_WORD_RE = re.compile(r"[^\W_\d]+|[0-9\u0660-\u0669\u06f0-\u06f9]+", re.UNICODE)


def ar_tokens(text: str) -> list[Token]:
    """Arabic words in matching form, spans in the original text (harakat kept inside)."""
    folded, offsets = normalize_ar_with_offsets(text)
    if len(unicodedata.normalize("NFC", text)) != len(text):
        # NFC changed the length: map through positions only where it is safe.
        offsets = [min(o, len(text) - 1) for o in offsets]
    tokens = []
    for m in _AR_WORD_RE.finditer(folded):
        start, end = offsets[m.start()], offsets[m.end() - 1] + 1
        tokens.append(Token(m.group(), text[start:end], start, end))
    return tokens


def fold_table(table: dict[str, float] | frozenset[str] | tuple[str, ...]):
    """The table with its Arabic keys in matching form, same container type."""
    if isinstance(table, dict):
        return {normalize_ar(k): v for k, v in table.items()}
    return type(table)(normalize_ar(k) for k in table)


UNITS = fold_table(lang_ar.UNITS)
TEEN_HEADS = fold_table(lang_ar.TEEN_HEADS)
TENS = fold_table(lang_ar.TENS)
HUNDREDS = fold_table(lang_ar.HUNDREDS)
SCALES = fold_table(lang_ar.SCALES)
DUAL_SCALES = fold_table(lang_ar.DUAL_SCALES)
DUAL_NOUNS = fold_table(lang_ar.DUAL_NOUNS)
ORDINALS = fold_table(lang_ar.ORDINALS)
TEEN_TAILS = fold_table(lang_ar.ORDINAL_TEEN_TAILS)
WEEKDAYS = fold_table(lang_ar.WEEKDAYS)
MONTHS = fold_table(lang_ar.MONTHS)
AMBIGUOUS_MONTHS = fold_table(lang_ar.AMBIGUOUS_MONTHS)
MONTH_CUES = fold_table(lang_ar.MONTH_CUES)
PERCENT = [tuple(normalize_ar(p).split()) for p in lang_ar.PERCENT_WORDS]
DECADES = fold_table(lang_ar.DECADES)
CENTURY = normalize_ar(lang_ar.CENTURY_WORD)
PLURAL_SCALES = {normalize_ar(w) for w in ("آلاف", "ملايين", "مليارات")}
DUAL_ENDINGS = fold_table(lang_ar.DUAL_ENDINGS)
NOT_DUALS = fold_table(lang_ar.NOT_DUALS)
FRACTIONS = fold_table(lang_ar.FRACTION_WORDS)
CLOCK = fold_table(lang_ar.CLOCK_WORDS)
CLOCK_FRACTIONS = fold_table(lang_ar.CLOCK_FRACTIONS)
CLOCK_BEFORE = fold_table(lang_ar.CLOCK_BEFORE)
MASCULINE_DUAL_ENDINGS = fold_table(lang_ar.MASCULINE_DUAL_ENDINGS)
NOT_MASCULINE_DUALS = fold_table(lang_ar.NOT_MASCULINE_DUALS)
DUAL_DEMONSTRATIVES = fold_table(lang_ar.DUAL_DEMONSTRATIVES)
AND_A_HALF = fold_table(lang_ar.AND_A_HALF)
ALL_WORDS = fold_table(lang_ar.ALL_WORDS)
FIRSTS = fold_table(lang_ar.FIRSTS)
MONTH_WORDS = fold_table(lang_ar.MONTH_WORDS)


def ar_forms(word: str) -> list[str]:
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


def ar_lookup(word: str, table) -> float | None:
    """The table's value for the word in any of its :func:`ar_forms` (1 for a set)."""
    for form in ar_forms(word):
        if form in table:
            return table[form] if isinstance(table, dict) else 1
    return None
