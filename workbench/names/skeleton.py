"""Consonant skeletons: does a Latin-script name appear, spelled by ear, in Arabic?

English and other foreign names reach Vietnamese news in Latin script (Harvard,
Scotland, Reuters) and the Arabic spells them by ear (هارفارد, أسكتلندا, رويترز).
Reducing both to classes of consonants (vowels dropped, letters Arabic uses
interchangeably merged; tables in :mod:`workbench.lang.ar_numbers`) and comparing the two
strings with an edit-distance ratio finds them, where a syllable model tuned to
Vietnamese may not.  Cheap and approximate: a signal for the fidelity score, not proof.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Indel

from workbench.lang import ar_numbers as lang_ar
from workbench.lang.normalize import normalize_ar

_LATIN_KEYS = sorted(lang_ar.LATIN_CONSONANT_CLASS, key=len, reverse=True)
_AR_WORD = re.compile(r"[\u0621-\u064a\u067e\u06a4\u06af]+")
_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")
#: below this many consonants a skeleton matches too much by chance: such short names
#: (Wales = ويلز, "ls") count only when one Arabic word has exactly that skeleton
MIN_LENGTH = 3
MIN_EXACT_LENGTH = 2
#: an Arabic "word" this long is words run together (copy pasted without spaces:
#: طلابجامعةهارفارديتلقون); a name's whole skeleton inside it counts as found
GLUED_LENGTH = 15
MIN_GLUED_SKELETON = 4


def latin_skeleton(name: str) -> str:
    """Consonant classes of a Latin-script name ("Harvard" -> "hrfrt")."""
    text = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    out, i = [], 0
    while i < len(text):
        for key in _LATIN_KEYS:
            if text.startswith(key, i):
                out.append(lang_ar.LATIN_CONSONANT_CLASS[key])
                i += len(key)
                break
        else:
            i += 1  # vowel, space, apostrophe
    return "".join(out)


def arabic_skeleton(word: str) -> str:
    """Consonant classes of Arabic text ("هارفارد" -> "hrfrt")."""
    return "".join(lang_ar.ARABIC_CONSONANT_CLASS.get(ch, "") for ch in normalize_ar(word))


@lru_cache(maxsize=4096)  # every name of a paragraph is matched against the same text
def _word_skeletons(ar_text: str) -> tuple[tuple[str, ...], ...]:
    """Each Arabic word's skeleton, and without a prefix (و, ب, ل, ال)."""
    out = []
    for word in _AR_WORD.findall(normalize_ar(ar_text)):
        forms = [word] + [word[len(p):] for p in _PREFIXES if word.startswith(p) and len(word) > len(p) + 1]
        out.append(tuple(dict.fromkeys(arabic_skeleton(f) for f in forms)))
    return tuple(out)


@lru_cache(maxsize=4096)
def _glued_skeletons(ar_text: str) -> tuple[str, ...]:
    """Skeletons of the text's long words (where a name may be glued to a word)."""
    return tuple(arabic_skeleton(w) for w in _AR_WORD.findall(normalize_ar(ar_text))
                 if len(w) >= GLUED_LENGTH)


def best_match(name: str, ar_text: str) -> float:
    """Similarity in [0, 1] of the name's skeleton to the closest span of as many
    Arabic words as the name has words (wider spans match anything by chance)."""
    target = latin_skeleton(name)
    if len(target) < MIN_EXACT_LENGTH:
        return 0.0
    words = _word_skeletons(ar_text)
    if len(target) < MIN_LENGTH:
        return 1.0 if any(target in forms for forms in words) else 0.0
    if len(target) >= MIN_GLUED_SKELETON and any(target in w for w in _glued_skeletons(ar_text)):
        return 1.0
    best = 0.0
    widths = range(1, min(3, len(name.split())) + 1)
    for i in range(len(words)):
        for width in widths:
            if i + width > len(words):
                break
            rest = "".join(words[k][0] for k in range(i + 1, i + width))
            for first in words[i]:
                candidate = first + rest
                if candidate:
                    best = max(best, Indel.normalized_similarity(target, candidate))
    return best
