"""One name across a document: the same spelling, a rendering in every paragraph that
names it, and one gender for the title before it.

Works on names the glossary does not list, found as runs of capitalised Vietnamese
syllables (workbench.names.runs) and located in the Arabic by the transliteration
aligner.  Only names the document does transliterate somewhere are judged: a run that is
never transliterated is a body or a title translated by meaning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from workbench.checks import memo
from workbench.checks.base import Check, CheckContext, LinkView, minor
from workbench.lang import name_cues
from workbench.lang.normalize import normalize_ar
from workbench.model.finding import Finding
from workbench.names import transliteration as translit
from workbench.names.runs import NameRun

#: A stretch this plausible renders the name.
RENDERED = 0.9
#: Below this, the name is not rendered in a paragraph; a stretch at least LOOK_ALIKE
#: plausible is what the translation wrote instead (a place name written as a common word that looks like it).
NOT_RENDERED, LOOK_ALIKE = 0.6, 0.4
#: Names of more syllables are lists of names and titles, not one name.
MAX_SYLLABLES = 4
_WORD = re.compile(r"[\u0621-\u064A]+")


@dataclass
class _Use:
    view: LinkView
    run: NameRun
    match: translit.NameMatch | None


_STRICT = str.maketrans({"ج": "غ", "ة": "ه", "ى": "ي", " ": None})


def strict_form(text: str) -> str:
    """A spelling with only the final -ng letter (ج/غ) and doubled letters folded: within
    one document ثو and تو are two spellings of Thu even if both are accepted."""
    return re.sub(r"(.)\1+", r"\1", normalize_ar(text).translate(_STRICT))


def _rank(name: str, form: str, options: list[str]) -> int:
    """How usual a spelling is: the rank of the first candidate it matches."""
    f = strict_form(form)
    return next((i for i, c in enumerate(options) if strict_form(c) == f), len(options))


def _title_before(text: str, start: int) -> list[re.Match[str]]:
    """The two Arabic words just before a name (الفنانة الشعبية ·هوانغ لان·)."""
    return list(_WORD.finditer(text[max(0, start - 40):start]))[-2:]


def _feminine_of(word: str, others: set[str]) -> bool:
    w = normalize_ar(word)
    return len(w) >= 3 and w + "ه" in others


_CUES = {c.casefold() for c in name_cues.PERSON_CUES + name_cues.PERSON_TITLES_ABBR}


def _is_person(use: _Use) -> bool:
    """A name after a person's title or form of address (NSND Hoàng Lan, bà Lan)."""
    before = use.view.source.text[:use.run.start].split()
    return any(" ".join(before[-k:]).casefold() in _CUES for k in (1, 2, 3) if len(before) >= k)


@minor
class NameAcrossDocumentCheck(Check):
    """Unlisted name spelt two ways, missing, or given two genders in one document

    A name the glossary does not list, written one way in one paragraph and a less
    usual way in another (هوانغ لان, then هوان لان); transliterated elsewhere but here
    replaced by a look-alike word; or with a feminine title in one
    paragraph and the masculine in another (الفنانة الشعبية / الفنان الشعبي).
    """

    name = "name_document"
    kind = "name"
    scope = "document"

    def check_document(self, ctx: CheckContext) -> Iterator[Finding]:
        uses: dict[str, list[_Use]] = defaultdict(list)
        for view in ctx.views:
            if not view.link.source or not view.link.target:
                continue
            for run in memo.name_runs(view.source.text):
                if len(run.syllables) > MAX_SYLLABLES or view.glossary.lookup(run.name) is not None \
                        or any(h.start < run.end and run.start < h.end for h in view.terms):
                    continue
                if any(u.view is view for u in uses[run.name]):
                    continue
                uses[run.name].append(_Use(view, run, memo.locate(run.name, view.target.text)))
        for name, found in uses.items():
            rendered = [u for u in found if u.match and u.match.score >= RENDERED]
            if not rendered:
                continue
            yield from self._spelling(name, rendered)
            yield from self._missing(name, found, rendered)
            yield from self._gender(name, rendered)

    def _spelling(self, name: str, rendered: list[_Use]) -> Iterator[Finding]:
        options = translit.candidates(name, limit=32)
        ranks = {id(u): _rank(name, u.match.text, options) for u in rendered}
        best = min(ranks.values())
        usual = next(u.match.text for u in rendered if ranks[id(u)] == best)
        for u in rendered:
            if ranks[id(u)] > best and strict_form(u.match.text) != strict_form(usual):
                yield u.view.finding(
                    self, term=name, expected=(usual,), found=u.match.text,
                    message=f"{name} is written {usual} elsewhere in this document and "
                            f"{u.match.text} here",
                    source_span=(u.run.start, u.run.end), target_span=(u.match.start, u.match.end))

    def _missing(self, name: str, found: list[_Use], rendered: list[_Use]) -> Iterator[Finding]:
        usual = rendered[0].match.text
        for u in found:
            m = u.match
            if m is None or not LOOK_ALIKE <= m.score < NOT_RENDERED \
                    or len(m.text.split()) > len(u.run.syllables):
                continue  # nothing like it, or words around a name written otherwise
            swapped = " ".join(reversed(u.run.syllables))
            if any(x.score >= RENDERED for x in [memo.locate(swapped, u.view.target.text)] if x):
                continue  # the name reversed (the name-order check reports it)
            yield u.view.finding(
                self, term=name, expected=(usual,), found=m.text,
                message=f"{name} is written {usual} elsewhere in this document; here the "
                        f"translation has {m.text} instead",
                source_span=(u.run.start, u.run.end), target_span=(m.start, m.end))

    def _gender(self, name: str, rendered: list[_Use]) -> Iterator[Finding]:
        rendered = [u for u in rendered if _is_person(u)]
        titles = {id(u): _title_before(u.view.target.text, u.match.start) for u in rendered}
        words = {normalize_ar(w.group()) for ws in titles.values() for w in ws}
        for u in rendered:
            ws = titles[id(u)]
            masc = [w for w in ws if _feminine_of(w.group(), words)]
            if not masc:
                continue
            base = max(0, u.match.start - 40)
            start = base + masc[0].start()
            yield u.view.finding(
                self, term=name, expected=(masc[0].group() + "ة",), found=u.view.target.text[start:u.match.end],
                kind="gender", message=f"{name} has a feminine title elsewhere in this document "
                        f"({masc[0].group()}ة) and the masculine {masc[0].group()} here",
                source_span=(u.run.start, u.run.end), target_span=(start, u.match.end))
