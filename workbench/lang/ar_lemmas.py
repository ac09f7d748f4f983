"""Arabic lemmas from qalsadi, for the forms clitic and suffix rules cannot see.

:mod:`workbench.glossary.matching` finds a rendering through proclitics, sound plurals,
duals and possessive suffixes, but not through a broken plural: رؤساء is the plural of
رئيس (Chủ tịch), أعضاء of عضو, اللجان of لجنة, الطرق of طريق.  qalsadi (a maintained
lemmatiser with its own dictionary, offline) gives the candidate lemmas of a word;
two words are the same word when their candidate sets meet (qalsadi's first candidate is
often wrong: لجنة → جن, so all candidates are kept).  Measured choice (NOTES-libraries):
snowball, tashaphyne and ISRI stem roots or leave broken plurals apart (أعضاء ≠ عضو);
camel-tools needs a data download.  Used only as the last test before a term is reported
missing, so its cost (about 1 ms a word, cached) is paid on few paragraphs.  Without
qalsadi installed nothing is found here and the checks behave as before.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from workbench.lang.ar_clitics import ARTICLE, CONJUNCTIONS, PREPOSITIONS
from workbench.lang.normalize import normalize_ar

_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670\u0640]+")
_MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
#: Endings of a nisba adjective (التنظيمية "organisational" from تنظيم "organisation"): the
#: lemmatiser gives the noun as its lemma, but the adjective is another word for a glossary.
_NISBA = ("ي", "يه", "يين", "يون", "يات", "يتين", "يتان")

@cache
def _lemmatizer():
    try:
        from qalsadi.lemmatizer import Lemmatizer
    except ImportError:  # an optional aid: without it, nothing more is matched
        return None
    return Lemmatizer()


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """The word's matching form and its candidate lemmas, in matching form (``word`` as
    written, hamza kept: the dictionary needs it; harakat removed)."""
    lem = _lemmatizer()
    out = {normalize_ar(word)}
    if lem is not None:
        try:
            found = lem.lemmatize(word, all=True)
        except Exception:  # the library fails on some odd tokens; the word itself stays
            found = []
        out.update(normalize_ar(x) for x in (found if isinstance(found, list) else [found]) if x)
    return frozenset(out)


def _words(text: str) -> list[str]:
    """The words of ``text`` as written (harakat removed)."""
    return [w for w in (_MARKS.sub("", w) for w in _WORD.findall(text)) if w]


def _peel(norm: str) -> list[tuple[str, str, str]]:
    """The readings of a word in matching form as (preposition, article, stem), a leading
    conjunction (و ف) dropped: للجنة is ل + لجنة or ل + ال + جنة (the contracted article)."""
    out = []
    for word in {norm, *(norm[1:] for c in CONJUNCTIONS if norm.startswith(c) and len(norm) > 3)}:
        for prep in ("", *PREPOSITIONS):
            if prep and not word.startswith(prep):
                continue
            rest = word[len(prep):]
            out.append((prep, "", rest))
            if rest.startswith(ARTICLE) and len(rest) > 3:
                out.append((prep, ARTICLE, rest[2:]))
            if prep == "ل" and rest.startswith("ل") and len(rest) > 2:
                out.append((prep, ARTICLE, rest[1:]))  # لل: ل + ال before a word in ل
    return out


def same_word(rendering_word: str, text_word: str) -> bool:
    """Whether a word of the text is a form of a rendering's word: the same letters, or,
    with the same preposition and article, a lemma of the text's stem is the rendering's
    stem (رؤساء → رئيس, اللجان → لجنة), unless the text's word is a nisba adjective of it
    (التنظيمية is not التنظيم).  بمنطقة is not بالمنطقة, nor المقاطعة بالمقاطعة."""
    r, t = normalize_ar(rendering_word), normalize_ar(text_word)
    if r == t:
        return True
    for prep, article, stem in _peel(t):
        if len(stem) < 2:
            continue
        mine = [s for p, a, s in _peel(r) if (p, a) == (prep, article) and len(s) >= 2]
        if not mine:
            continue
        if stem.endswith(_NISBA) and not any(s.endswith(("ي", "يه")) for s in mine):
            continue
        if stem in mine or set(mine) & lemmas(_original_stem(text_word, len(t) - len(stem))):
            return True
    return False


def _original_stem(word: str, cut: int) -> str:
    """``word`` as written without its first ``cut`` letters (the lemmatiser needs the hamza)."""
    return _MARKS.sub("", word)[cut:]


def lemma_rendered(renderings: tuple[str, ...], text: str) -> bool:
    """Whether one of ``renderings`` occurs in ``text`` word for word up to lemmas (its
    words in a row, each a form of the rendering's word): رؤساء اللجان for رئيس لجنة."""
    if _lemmatizer() is None:
        return False
    words = _words(text)
    for rendering in renderings:
        wanted = _words(rendering)
        if not wanted or len(wanted) > len(words):
            continue
        for i in range(len(words) - len(wanted) + 1):
            if all(same_word(wanted[k], words[i + k]) for k in range(len(wanted))):
                return True
    return False
