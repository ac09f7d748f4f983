"""A Vietnamese word translated through English and left in Arabic letters.

Machine translation that pivots through English sometimes takes an English common
noun for part of a name and writes it in Arabic letters: "Cao nguyên đá Đồng Văn" →
"Dong Van Stone Plateau" → هضبة دونج فان ستون.  The word is then untranslated for an
Arabic reader.  The check looks, for each Vietnamese word of
:mod:`workbench.lang.vi_en_glosses` in the source, for an Arabic word whose consonants
spell its English gloss, when the Arabic has none of the word's translations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.checks.base import Check, LinkView, minor
from workbench.lang.normalize import normalize_ar
from workbench.lang.vi_en_glosses import GLOSSES
from workbench.model.finding import Finding

_AR_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
#: Arabic letters as the English consonant they write; vowel letters map to "".
_AR_CONSONANT = str.maketrans({
    "ا": "", "أ": "", "إ": "", "آ": "", "و": "", "ي": "", "ى": "", "ة": "", "ء": "", "ئ": "", "ؤ": "",
    "ه": "", "ت": "t", "ط": "t", "ث": "t", "س": "s", "ص": "s", "ن": "n", "م": "m", "ك": "k", "ق": "k",
    "ل": "l", "ر": "r", "د": "d", "ض": "d", "ذ": "d", "ب": "b", "پ": "b", "ف": "f", "ڤ": "f",
    "ج": "g", "غ": "g", "گ": "g", "ز": "z", "ظ": "z", "ش": "S", "ح": "", "خ": "k", "ع": "",
})
_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ك", "ل")
_EN_RULES = (("ph", "f"), ("th", "t"), ("sh", "S"), ("ch", "tS"), ("ck", "k"), ("qu", "k"),
             ("x", "ks"), ("v", "f"), ("p", "b"), ("j", "g"), ("w", ""), ("y", ""), ("h", ""))


def english_skeleton(word: str) -> str:
    """The consonants of an English word as Arabic copy writes them (stone → stn)."""
    w = word.lower()
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]  # silent final e
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k")
    for a, b in _EN_RULES:
        w = w.replace(a, b)
    w = re.sub("[aeiou]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


def arabic_skeletons(word: str) -> set[str]:
    """The consonants of an Arabic word, with and without a proclitic."""
    w = normalize_ar(word)
    forms = {w} | {w[len(p):] for p in _PROCLITICS if w.startswith(p) and len(w) - len(p) >= 3}
    return {re.sub(r"(.)\1+", r"\1", f.translate(_AR_CONSONANT)) for f in forms}


def _source_has(text: str, vi: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(vi)}(?!\w)", text, re.IGNORECASE) is not None


@minor
class LoanwordCheck(Check):
    """Word translated through English and left in Arabic letters

    An Arabic word that spells the English for a Vietnamese common noun of the source
    (ستون "stone" for đá, كومونة "commune" for xã, تنت "tent" for lều) where the Arabic
    has no translation of that noun.
    """

    name = "loanword"
    kind = "untranslated"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        text = view.target.text
        norm_words = {normalize_ar(w) for w in _AR_WORD.findall(text)}
        spots = [(m.start(), m.end(), arabic_skeletons(m.group())) for m in _AR_WORD.finditer(text)]
        for vi, (english, arabic) in GLOSSES.items():
            if not _source_has(view.source.text, vi) or norm_words & {normalize_ar(a) for a in arabic}:
                continue
            for en in english:
                if en in view.source.text.lower():
                    continue  # the source itself writes the English word
                skel = english_skeleton(en)
                if len(skel) < 3:
                    continue
                for start, end, skels in spots:
                    if skel in skels and end - start <= len(en) + 3:
                        yield view.finding(
                            self, term=vi, expected=arabic[:1], found=text[start:end],
                            message=f"{vi} ('{en}') is written in Arabic letters as {text[start:end]} "
                                    f"instead of translated (e.g. {arabic[0]})",
                            target_span=(start, end))
