"""Arabic clitics as data: what may be glued to a glossary rendering in running text.

Arabic writes conjunctions, prepositions and the article as prefixes
(و + ب + ال + مقاطعة → وبالمقاطعة) and possessive pronouns and plural/dual endings as
suffixes (لجنة → لجنتها, مقاطعة → مقاطعات).  Term matching strips or allows these so a
correct rendering with a clitic is not reported missing.  All forms here are in the
matching form of :func:`workbench.lang.normalize.normalize_ar` (ة written ه, bare alef).
"""

from __future__ import annotations

#: Conjunctions, outermost: و "and", ف "so".
CONJUNCTIONS = ("و", "ف")
#: One-letter prepositions that come after a conjunction and before the article.
PREPOSITIONS = ("ب", "ك", "ل")
#: The definite article.
ARTICLE = "ال"
#: ل + ال contracts to لل (للمقاطعة); before a word starting with ل, to ل + word (للجنة).
LAM_ARTICLE = "لل"
#: Future/interrogative prefixes are left out on purpose: they attach to verbs, and a
#: glossary term is a noun phrase.

#: Suffixes allowed on the last word of a rendering: sound plurals, dual, nisba,
#: possessive pronouns.  Longest first so a regex alternation prefers them.
SUFFIXES = ("هما", "كما", "ات", "ون", "ين", "ان", "يه", "ها", "هم", "هن", "كم", "نا", "ي", "ه", "ك")
#: After a final ta marbuta (ه in matching form), the ه becomes ت before a suffix:
#: لجنة → لجنتها, مقاطعة → مقاطعتين; the sound feminine plural replaces it: مقاطعات.
TA_MARBUTA_SUFFIXES = ("تهما", "تان", "تين", "تها", "تهم", "تنا", "تكم", "ته", "تي", "تك", "ات",
                       # feminine nisba adjective: قاعدة → القاعدية (not the masculine
                       # ي: منطقة would then match منطقي "logical")
                       "يه")
#: A word shorter than this (after removing its article) takes no clitics: short name
#: syllables (آن, لي) glued to ب/ل/و would otherwise be found inside unrelated words.
MIN_STEM = 3
#: The alef that carries the accusative tanwin (جناحًا, عضوًا; the fathatan itself is
#: removed by normalisation): an indefinite object is the same word.
TANWIN_ALEF = "ا"
#: Final letter of the matching form of ta marbuta.
TA_MARBUTA = "ه"
#: Prepositions written as words: after one, a place word may lose its article before
#: a name ("في المنطقة" → "في منطقة نا هانغ"), so the article is optional there.
PREPOSITION_WORDS = ("في", "من", "الي", "علي", "عن")
#: "عضو الحزب" (idafa) is also written "عضو في الحزب"/"أعضاء من الحزب": one of these
#: may stand between two words of a rendering when the second has the article.
LINK_PREPOSITIONS = ("في", "من")
#: Proclitic strings, longest first, to peel off a word when comparing it loosely
#: (fuzzy name search, level word before a name): وبالمقاطعة → مقاطعة.
STRIPPABLE = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


def strip_proclitic(word: str, min_rest: int = 3) -> str:
    """``word`` without its first (longest) proclitic of :data:`STRIPPABLE`, when at
    least ``min_rest`` letters remain; else ``word`` as it is."""
    for p in STRIPPABLE:
        if word.startswith(p) and len(word) - len(p) >= min_rest:
            return word[len(p):]
    return word
