"""One-click fixes: the right rendering in place of the flagged words, clitics kept.

A finding that knows the right rendering (a glossary term, an administrative level, a
name's spelling, a number) can offer the text that should stand where the flagged words
are.  Arabic glues conjunctions, prepositions and the article to the word
(والمقاطعة, بالمقاطعة, للمقاطعة) and pronouns to its end (مقاطعتها): the fix keeps what
was glued to the flagged word and puts it on the right one (والمنطقة, بالمنطقة,
للمنطقة, منطقتها).

A one-letter prefix (ب, ل, و…) is taken off only when what remains is a known word
(``known``: the bare renderings of the glossary in matching form, see
:func:`known_forms`), so بلدية is not read as ب + لدية; the article is always
recognised.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Iterable

from workbench.lang import ar_clitics as clitics
from workbench.lang.normalize import normalize_ar

_ARTICLE = clitics.ARTICLE
_TA = "ة"


def _prefixes() -> list[tuple[str, bool]]:
    """Every proclitic string (conjunction, preposition, article) with whether it holds
    the article, longest first."""
    out: set[tuple[str, bool]] = set()
    for conj in ("", *clitics.CONJUNCTIONS):
        for prep in ("", *clitics.PREPOSITIONS):
            out.add((conj + prep, False))
            out.add((conj + (clitics.LAM_ARTICLE if prep == "ل" else prep + _ARTICLE), True))
    out.discard(("", False))
    return sorted(out, key=lambda p: (-len(p[0]), p[0]))


_PREFIXES = _prefixes()


def _split_prefix(word: str, known: Collection[str]) -> tuple[str, bool, str]:
    """(proclitics, whether they hold the article, the rest) of the first word."""
    for prefix, article in _PREFIXES:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix):]
        if len(normalize_ar(rest)) < clitics.MIN_STEM:
            continue
        if article or _is_known(rest, known):  # بلدية: لدية is no word, ب stays
            return prefix, article, rest
    return "", False, word


def _is_known(word: str, known: Collection[str]) -> bool:
    form = normalize_ar(word)
    return form in known or any(form.endswith(s) and form[:-len(s)] + "ه" in known
                                for s in clitics.TA_MARBUTA_SUFFIXES)


def _split_suffix(word: str, known: Collection[str]) -> tuple[str, str]:
    """(stem, suffix) of the last word: a pronoun or plural ending after a ta marbuta
    (مقاطعتها → مقاطعة + تها) when the stem is a known word."""
    form = normalize_ar(word)
    if form in known:
        return word, ""
    for suffix in clitics.TA_MARBUTA_SUFFIXES:
        if form.endswith(suffix) and form[:-len(suffix)] + "ه" in known and word.endswith(suffix):
            return word[:-len(suffix)] + _TA, suffix
    return word, ""


def _with_suffix(word: str, suffix: str) -> str:
    if not suffix:
        return word
    if word.endswith(_TA):
        return word[:-1] + suffix
    return word + suffix[1:] if suffix.startswith("ت") else word + suffix


def _with_prefix(words: list[str], prefix: str, article: bool) -> str:
    first = words[0]
    has_article = first.startswith(_ARTICLE)
    # idafa (لجنة الحزب): the first word of a construct takes no article
    construct = len(words) > 1 and words[1].startswith(_ARTICLE)
    if article and not has_article and not construct:
        first = _ARTICLE + first
        has_article = True
    if prefix.endswith(clitics.LAM_ARTICLE) and article:
        prefix = prefix[:-len(clitics.LAM_ARTICLE)] + "ل"
    elif article:
        prefix = prefix[:-len(_ARTICLE)]
    if prefix.endswith("ل") and has_article:
        # ل + ال contracts: للمنطقة (and before ل: للجنة)
        rest = first[len(_ARTICLE):]
        first = prefix + ("ل" + rest if not rest.startswith("ل") else rest)
    else:
        first = prefix + first
    return " ".join([first, *words[1:]])


def rewrite(flagged: str, wanted: str, known: Collection[str] = ()) -> str:
    """``wanted`` with the clitics of ``flagged`` (the words a check flagged, as they
    stand in the text): rewrite("والمقاطعة", "منطقة") == "والمنطقة"."""
    words = flagged.split()
    if not words or not wanted.strip():
        return wanted
    if any(ch.isdigit() for ch in flagged + wanted):
        return wanted  # a number: nothing is glued to digits that should move
    prefix, article, rest = _split_prefix(words[0], known)
    words[0] = rest
    _, suffix = _split_suffix(words[-1], known)
    target = wanted.split()
    target[-1] = _with_suffix(target[-1], suffix)
    if not prefix:
        return " ".join(target)
    return _with_prefix(target, prefix, article)


def fixed_text(text: str, start: int, end: int, wanted: str,
               known: Collection[str] = ()) -> str:
    """``text`` with its words ``start:end`` replaced by ``wanted`` (clitics kept)."""
    return text[:start] + rewrite(text[start:end], wanted, known) + text[end:]


_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def known_forms(entries: Iterable) -> frozenset[str]:
    """The bare Arabic words of a glossary (renderings, variants, forbidden ones) in
    matching form: what :func:`rewrite` trusts to peel a one-letter prefix."""
    try:
        cached = _FORMS.get(entries)
    except TypeError:
        cached = None
    if cached is not None:
        return cached
    forms = frozenset(normalize_ar(word) for e in entries
                      for rendering in (e.target, *e.variants, *e.forbidden)
                      for word in rendering.split())
    try:
        _FORMS[entries] = forms
    except TypeError:
        pass
    return forms
