"""Arabic words that state a number only loosely: they vouch for a source figure, never
stand as figures of their own.

"الخمسة" (the five), "حفرتين" (two holes), "النصف" (half), "هذان" (these two), a noun
in -ين/-ان that may be a dual ("المستويين"), and "جميع" (all) for 100%.
:func:`workbench.numbers.comparison.compare_numbers` uses them only for a source figure
that would otherwise be missing.
"""

from __future__ import annotations

from workbench.lang.normalize import normalize_ar
from workbench.numbers import arabic_text as ar
from workbench.numbers.arabic_text import ar_forms, ar_tokens
from workbench.numbers.mentions import NumberMention


def _loose_value(forms: list[str]) -> tuple[float, ...] | None:
    if forms[0] in ar.DUAL_DEMONSTRATIVES:
        return (2.0,)  # "هذان النوعان" = these two kinds
    if any(f in ar.FIRSTS for f in forms):
        return (1.0,)  # "من أوائل" = among the first
    for f in forms:
        if f in ar.FRACTIONS:
            return ar.FRACTIONS[f]
        if f.startswith("ال") and f[2:] in ar.UNITS:
            return (float(ar.UNITS[f[2:]]),)
        if f.startswith("ال") and f[2:] in ar.TENS:
            return (float(ar.TENS[f[2:]]),)
        if (len(f) >= 5 and f.endswith(ar.DUAL_ENDINGS) and f not in ar.NOT_DUALS
                and not f.endswith(("ستان", "ستين"))):
            return (2.0,)
    return None


def loose_number_words(text: str) -> list[NumberMention]:
    """Arabic words that may state a number the source writes in digits, too loosely
    to be figures of their own: a cardinal with the article (الخمسة, الخمسين: "the
    five", "the fiftieth"), a feminine dual (حفرتين = two holes), a fraction word
    (النصف = half = 50%, الثلث = 1/3) or zero (الصفر).

    They only ever vouch for a source figure that would otherwise be missing
    (:func:`workbench.numbers.comparison.compare_numbers`); alone they are never
    reported as added figures, since "الأربع كرات" (four-ball) or "النصف الثاني"
    (second half) name things.
    """
    out = []
    for tok in ar_tokens(text):
        forms = ar_forms(tok.word)
        if any(f in ar.NOT_DUALS for f in forms):
            continue
        value = _loose_value(forms)
        if value:
            out.append(NumberMention(value[0], "number", tok.raw, tok.start, tok.end,
                                     alternatives=value[1:], from_words=True))
    return out


def _masculine_dual(forms: list[str]) -> bool:
    if any(f in ar.NOT_MASCULINE_DUALS or f in ar.NOT_DUALS for f in forms):
        return False
    return any(len(f) >= 5 and not f.startswith("ال") and f.endswith(ar.MASCULINE_DUAL_ENDINGS)
               for f in forms)


def masculine_duals(text: str) -> list[NumberMention]:
    """Nouns in -ين/-ان that may be duals ("المستويين", "الطرفان", "محصولين" = two of
    them): 2, looser still than :func:`loose_number_words`, since sound plurals end so
    too ("المزارعين").  They vouch for a missing 2 only when nothing in digits is left
    unexplained (:func:`workbench.numbers.comparison.compare_numbers`)."""
    return [
        NumberMention(2.0, "number", tok.raw, tok.start, tok.end, from_words=True)
        for tok in ar_tokens(text)
        if not tok.word.isdigit() and _masculine_dual(ar_forms(tok.word))
    ]


def all_words(text: str) -> list[NumberMention]:
    """"جميع", "كل", "كافة" (all): a translation may say "all the children" for "100%
    trẻ em".  Kind ``percent``, value 100; :func:`said_as_all` tells them apart."""
    return [
        NumberMention(100.0, "percent", tok.raw, tok.start, tok.end, from_words=True)
        for tok in ar_tokens(text)
        if any(f in ar.ALL_WORDS for f in ar_forms(tok.word))
    ]


def said_as_all(m: NumberMention) -> bool:
    """True when the mention is an "all" word standing for 100%."""
    return m.kind == "percent" and m.from_words and any(
        f in ar.ALL_WORDS for f in ar_forms(normalize_ar(m.text)))
