"""An Arabic word written twice in a row: a machine-translation stutter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.checks.base import Check, LinkView, minor
from workbench.lang.ar_clitics import ARTICLE, TA_MARBUTA, TANWIN_ALEF, strip_proclitic
from workbench.model.finding import Finding

#: An Arabic word (letters only) in the matching form.
_AR_WORD = re.compile(r"[\u0621-\u064A]+")
#: A Vietnamese word written twice in a row ("Lan Lan", "từ từ"): the repetition is the source's.
_VI_TWICE = re.compile(r"(?<!\w)(\w+)\s+\1(?!\w)", re.IGNORECASE)
#: A qualifier after the second copy that makes it another set: "قادة وقادة سابقون" (leaders
#: and former leaders), "أعضاء وأعضاء جدد" (members and new members).
QUALIFIERS = ("سابق", "حالي", "جدد", "جديد", "قديم", "قدامي", "متقاعد", "اخر", "اخري", "مناوب", "بديل")
#: Shorter words are particles or name syllables (ما ما, لي لي), not worth a flag.
MIN_LETTERS = 3


def _distributive(word: str) -> bool:
    """An indefinite noun doubled on purpose: رويدًا رويدًا, خطوةً خطوة, كلمةً كلمة (one by one)."""
    bare = strip_proclitic(word, min_rest=2)
    definite = word.startswith(ARTICLE) or bare != word
    return not definite and (word.endswith(TANWIN_ALEF) or word.endswith(TA_MARBUTA))


@minor
class RepeatedWordCheck(Check):
    """The same Arabic word twice in a row

    "والوسطى والوسطى": a word written twice back to back is a machine-translation
    stutter, and often hides a word of the source that was lost in its place.  Numbers,
    short particles, doubled indefinite nouns (رويدًا رويدًا, one by one), a second copy
    with its own qualifier (قادة وقادة سابقون, leaders and former leaders) and words the
    source itself doubles are not reported.
    """

    name = kind = "repeated_word"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        words = list(_AR_WORD.finditer(at.norm))
        if len(words) < 2 or _VI_TWICE.search(view.source.text):
            return
        for k, (prev, cur) in enumerate(zip(words, words[1:])):
            w = cur.group()
            if w != prev.group() or len(w) < MIN_LETTERS or not at.norm[prev.end():cur.start()].isspace():
                continue
            after = words[k + 2].group() if k + 2 < len(words) else ""
            if _distributive(w) or after.removeprefix(ARTICLE).startswith(QUALIFIERS):
                continue
            start, end = at.span(prev.start(), cur.end())
            yield view.finding(self, term="", expected=(), found=at.original[start:end],
                               target_span=(start, end),
                               message=f"the word {at.original[start:end].split()[-1]} is written twice "
                                       "in a row; a machine-translation stutter (a word of the source "
                                       "may be missing there)")
