"""Names taken apart: syllables in reversed order, or a name's first syllable read as
a form of address.

Machine translation sometimes swaps a two-syllable name (Lễ hội Thành Tuyên → مهرجان
توين ثانه, as if it were "Tuyên Thành"), and reads a credit's name whose first syllable
is also a form of address (Ảnh: Anh Việt, the photographer) as "Mr Việt" (السيد فييت).
Both are found from the Vietnamese name runs (workbench.names.runs) and the
transliteration aligner, so no name needs to be in the glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.checks.base import Check, LinkView, minor
from workbench.lang import name_cues
from workbench.lang.normalize import normalize_ar
from workbench.model.finding import Finding
from workbench.names import transliteration as translit
from workbench.names.runs import NameRun, name_runs

#: A stretch this plausible as the reversed name is that name reversed ...
REVERSED = 0.95
#: ... unless it is also this plausible in the source's order (a palindrome-like name).
IN_ORDER = 0.6
#: How plausible the rest of a credit's name must be after an Arabic form of address.
REST_OF_NAME = 0.9


def _occurrences(vi_name: str, text: str, threshold: float) -> list[translit.NameMatch]:
    """Every stretch of ``text`` that renders ``vi_name`` at least this plausibly."""
    out = []
    masked = text
    for _ in range(8):
        m = translit.locate(vi_name, masked)
        if m is None or m.score < threshold:
            break
        out.append(m)
        masked = masked[:m.start] + " " * (m.end - m.start) + masked[m.end:]
    return out


def _in_source(view: LinkView, name: str) -> bool:
    return any(f" {name} " in f" {r.name} " for r in name_runs(view.source.text))


_LIST_MARK = re.compile(r"[،,;:.()\-–]|\sو")


def _two_names(text: str) -> bool:
    """A stretch that runs across a list (باك، هانج · ترونغ وبينه): two names, not one."""
    return bool(_LIST_MARK.search(text))


@minor
class NameOrderCheck(Check):
    """Name with its syllables in reversed order

    Two syllables of a Vietnamese name written in the other order in the translation
    (Thành Tuyên as توين ثانه): another name to a reader.
    """

    name = "name_order"
    kind = "name"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        text = view.target.text
        seen: set[tuple[int, int]] = set()
        for run in name_runs(view.source.text):
            syl = run.syllables
            for i in range(len(syl) - 1):
                pair, swapped = f"{syl[i]} {syl[i + 1]}", f"{syl[i + 1]} {syl[i]}"
                if _in_source(view, swapped):
                    continue
                for m in _occurrences(swapped, text, REVERSED):
                    if (m.start, m.end) in seen or translit.plausibility(pair, m.text) >= IN_ORDER \
                            or _two_names(m.text):
                        continue
                    seen.add((m.start, m.end))
                    yield view.finding(
                        self, term=pair, expected=tuple(translit.candidates(pair, 2)), found=m.text,
                        message=f"{pair}: the translation has the syllables in reversed order "
                                f"({m.text}, which reads {swapped}); expected "
                                f"{translit.transliterate(pair)}",
                        source_span=(run.start, run.end), target_span=(m.start, m.end))


def _credit_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(c) for c in sorted(name_cues.CREDIT_LABELS_VI, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s*:\s*")


_CREDIT = _credit_re()
_ADDRESS = {c.casefold() for c in name_cues.PERSON_CUES if " " not in c}
_HONORIFICS = tuple(normalize_ar(h) for h in name_cues.HONORIFICS_AR)


def credit_names(text: str) -> list[NameRun]:
    """Names right after a credit label (Ảnh: Anh Việt), as written."""
    out = []
    for m in _CREDIT.finditer(text):
        runs = [r for r in name_runs(text[m.end():], min_syllables=2) if r.start == 0]
        if runs:
            r = runs[0]
            out.append(NameRun(r.name, m.end() + r.start, m.end() + r.end))
    return out


@minor
class CreditNameCheck(Check):
    """Name in a credit read as a form of address

    A credit's name whose first syllable is also a form of address (Ảnh: Anh Việt)
    rendered as "Mr/Ms" and the rest of the name (السيد فييت): the name lost a syllable.
    """

    name = "credit_name"
    kind = "name"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        text = view.target.text
        for run in credit_names(view.source.text):
            first, rest = run.syllables[0], " ".join(run.syllables[1:])
            if first.casefold() not in _ADDRESS:
                continue
            if any(m.score >= REST_OF_NAME for m in _occurrences(run.name, text, REST_OF_NAME)):
                continue  # the whole name is there
            for m in _occurrences(rest, text, REST_OF_NAME):
                before = list(re.finditer(r"\S+", text[:m.start]))
                if not before:
                    continue
                word = before[-1]
                if normalize_ar(word.group()).strip("(:،") not in _HONORIFICS:
                    continue
                start = word.start() + len(word.group()) - len(word.group().lstrip("(:"))
                yield view.finding(
                    self, term=run.name, expected=(translit.transliterate(run.name),),
                    found=text[start:m.end],
                    message=f"{run.name} is the name in a credit; the translation reads "
                            f"{first} as a form of address ({text[start:m.end]}); expected "
                            f"{translit.transliterate(run.name)}",
                    source_span=(run.start, run.end), target_span=(start, m.end))
