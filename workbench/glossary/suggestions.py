"""Glossary suggestions learned from reviewers' corrections.

When reviewers keep replacing the same Arabic words for the same Vietnamese term
("مجلس تنظيم" → "اللجنة التنظيمية" for *Ban Tổ chức*, three times), that is a
glossary entry waiting to be written.  For every corrected unit:

1. the machine translation and the corrected text are split into words and compared
   with ``difflib`` on a *matching key* per word (normalised Arabic without harakat,
   proclitics ``و ف ب ك ل ال لل`` removed), so adding harakat or fixing للجنة/اللجنة is
   not a term change; each ``replace`` opcode is one changed span;
2. each change is attributed to a term of the unit's Vietnamese source: a glossary
   term whose accepted rendering the reviewer put in (or whose forbidden rendering
   they took out), a capitalised name whose rendering, found by
   :func:`workbench.names.transliteration.locate`, covers the changed words, or — when a unit has
   exactly one unexplained change and one unexplained term — that term, by elimination;
3. changes are counted across units by (term, old words, new words).

The glossary may be a :class:`workbench.glossary.terms.Glossary` or a plain list of
Vietnamese terms.  Suggestions are hints for a terminologist, never applied
automatically.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from workbench.lang import ar_clitics as clitics
from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.lang.normalize import normalize_ar
from workbench.glossary.matching import contains_rendering, find_terms
from workbench.names.transliteration import locate

#: A name's transliteration must be at least this plausible to attribute a change to it.
NAME_PLAUSIBILITY = 0.6
#: How many unit ordinals a suggestion keeps as examples.
MAX_EXAMPLES = 5
#: Changes longer than this many words on either side are rewrites, not term changes.
MAX_SPAN_WORDS = 6
#: Words of context kept on each side of a change for locating names.
CONTEXT_WORDS = 3

_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'«»“”‘’()[]{}.,;:!?،؛؟…-–—"
_SYLLABLE = re.compile(r"[^\W\d_]+")
# Only spaces (or nothing) since the last sentence end, i.e. at a sentence start.
_SENTENCE_START = re.compile(r"(^|[.!?:…\n][\"'”»)]*)\s*$")
_PROCLITICS = tuple(
    sorted(
        {c + p + a for c in ("", *clitics.CONJUNCTIONS) for p in ("", *clitics.PREPOSITIONS)
         for a in ("", clitics.ARTICLE)}
        | {c + clitics.LAM_ARTICLE for c in ("", *clitics.CONJUNCTIONS)},
        key=len, reverse=True,
    )
)


class Correction(Protocol):
    """What a suggestion needs from a unit (``ReviewedUnit`` has all of it)."""

    ordinal: int
    source_text: str
    mt_text: str
    final_text: str


@dataclass(frozen=True)
class TermSuggestion:
    """Reviewers replaced ``from_text`` by ``to_text`` ``count`` times for ``source_term``.

    ``source_term`` is ``""`` when no source term could be credited.  ``basis`` says
    how it was attributed: ``glossary``, ``name``, ``elimination`` or ``""``.
    ``in_glossary`` is true when ``to_text`` is already an accepted rendering of the
    term (the suggestion is then to list ``from_text`` as forbidden).  ``examples``
    are ordinals of units where it happened.
    """

    source_term: str
    from_text: str
    to_text: str
    count: int
    examples: tuple[int, ...]
    basis: str = ""
    in_glossary: bool = False

    @property
    def message(self) -> str:
        times = "once" if self.count == 1 else f"{self.count} times"
        term = f" for {self.source_term}" if self.source_term else ""
        return f"reviewers changed {self.from_text} to {self.to_text} {times}{term}"


@dataclass(frozen=True)
class _Change:
    from_text: str
    to_text: str
    # A few words around the change on each side: a name is looked for there, so
    # a name elsewhere in the paragraph cannot claim the change.
    from_context: str = field(default="", compare=False)
    to_context: str = field(default="", compare=False)


@dataclass(frozen=True)
class _Term:
    source: str
    entry: GlossaryEntry | None  # None for a name found by capitalisation or a bare term


def _key(word: str) -> str:
    """Matching key of an Arabic word: normalised, punctuation and proclitics removed.

    ل + ال contracts to لل before a word starting with ل (ل + اللجنة → للجنة), so after
    an article a leading ل is dropped too: اللجنة, للجنة and لجنة share one key.
    """
    norm = normalize_ar(word).strip(_EDGE_PUNCT)
    for prefix in _PROCLITICS:
        if prefix and norm.startswith(prefix) and len(norm) - len(prefix) >= clitics.MIN_STEM:
            norm = norm[len(prefix):]
            break
    if norm.startswith("ل") and len(norm) - 1 >= clitics.MIN_STEM:
        norm = norm[1:]
    return norm


def _phrase_key(text: str) -> str:
    return " ".join(_key(w) for w in _WORD.findall(text))


def _changes(mt_text: str, final_text: str) -> list[_Change]:
    """Replaced word spans between the MT and the corrected text."""
    old, new = _WORD.findall(mt_text), _WORD.findall(final_text)
    matcher = difflib.SequenceMatcher(
        a=[_key(w) for w in old], b=[_key(w) for w in new], autojunk=False
    )
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or max(i2 - i1, j2 - j1) > MAX_SPAN_WORDS:
            continue
        before = " ".join(old[i1:i2]).strip(_EDGE_PUNCT + " ")
        after = " ".join(new[j1:j2]).strip(_EDGE_PUNCT + " ")
        if before and after and normalize_ar(before) != normalize_ar(after):
            changes.append(_Change(
                before, after,
                " ".join(old[max(0, i1 - CONTEXT_WORDS): i2 + CONTEXT_WORDS]),
                " ".join(new[max(0, j1 - CONTEXT_WORDS): j2 + CONTEXT_WORDS]),
            ))
    return changes


def _names(source: str) -> list[tuple[int, int, str]]:
    """Runs of two or more capitalised syllables (names, places, organisations).

    At a sentence start the first syllable is capitalised anyway, so a run of three
    or more there loses it ("Theo Ban Tổ" → "Ban Tổ"; "Ông Nguyễn Văn An" →
    "Nguyễn Văn An").  Returns ``(start, end, name)``.
    """
    names: list[tuple[int, int, str]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if run and _SENTENCE_START.search(source[: run[0].start()]) and len(run) >= 3:
            del run[0]
        if len(run) >= 2:
            names.append((run[0].start(), run[-1].end(), source[run[0].start(): run[-1].end()]))
        run.clear()

    for match in _SYLLABLE.finditer(source):
        gap = source[run[-1].end(): match.start()] if run else " "
        if match.group()[0].isupper() and gap.strip() == "":
            run.append(match)
        else:
            close()
            if match.group()[0].isupper():
                run.append(match)
    close()
    return names


def _nfc_fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _terms(source: str, glossary: Glossary | Sequence[str]) -> list[_Term]:
    """The glossary terms and capitalised names in a unit's Vietnamese source."""
    spans: list[tuple[int, int, _Term]] = []
    if isinstance(glossary, Glossary):
        spans = [
            (h.start, h.end, _Term(h.entry.source, h.entry)) for h in find_terms(source, glossary)
        ]
    else:
        text = unicodedata.normalize("NFC", source)
        for term in glossary:
            if not term.strip():
                continue
            words = unicodedata.normalize("NFC", term).split()
            pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
            for match in re.finditer(pattern, text, flags=re.IGNORECASE):
                spans.append((match.start(), match.end(), _Term(term, None)))
    for start, end, name in _names(source):
        if not any(start < e and s < end for s, e, _ in spans):
            spans.append((start, end, _Term(name, None)))
    spans.sort(key=lambda span: span[0])
    terms: list[_Term] = []
    for _, _, term in spans:
        if term not in terms:
            terms.append(term)
    return terms


def _credit(change: _Change, term: _Term) -> str:
    """How ``change`` can be credited to ``term`` (a basis name), or ``""``."""
    entry = term.entry
    if entry is not None:
        if contains_rendering(entry.renderings, change.to_text) or (
            entry.forbidden and contains_rendering(entry.forbidden, change.from_text)
        ):
            return "glossary"
    # Names are transliterated; organisations ("Ban Tổ chức") are translated, and
    # their lower-case syllables give them away.
    if entry is not None:
        is_name = entry.category in ("person", "place")
    else:
        is_name = all(w[0].isupper() for w in _SYLLABLE.findall(term.source))
    if is_name:
        # The name, located near the change, covers the changed words.
        for text, words in ((change.to_context, change.to_text),
                            (change.from_context, change.from_text)):
            match = locate(term.source, text)
            if (match is not None and match.score >= NAME_PLAUSIBILITY
                    and _phrase_key(words) in _phrase_key(match.text)):
                return "name"
    return ""


def _attribute(
    changes: list[_Change], terms: list[_Term]
) -> list[tuple[_Change, _Term | None, str]]:
    """Credit each change to a term; one leftover change and term are paired."""
    out: list[tuple[_Change, _Term | None, str]] = []
    used: set[int] = set()
    pending: list[_Change] = []
    for change in changes:
        for index, term in enumerate(terms):
            basis = _credit(change, term)
            if basis:
                out.append((change, term, basis))
                used.add(index)
                break
        else:
            pending.append(change)
    free = [t for i, t in enumerate(terms) if i not in used]
    if len(pending) == 1 and len(free) == 1:
        out.append((pending[0], free[0], "elimination"))
    else:
        out.extend((change, None, "") for change in pending)
    return out


def _fold_unattributed(groups: dict[tuple[str, str, str], dict]) -> None:
    """Count an uncredited change with the one term it was credited to elsewhere.

    The same words replaced the same way are the same decision; a unit where the
    term could not be pinned down (two changes, two terms) still counts for it.
    """
    for key in [k for k in groups if k[0] == ""]:
        owners = [k for k in groups if k[0] and k[1:] == key[1:]]
        if len(owners) != 1:
            continue
        loose, owner = groups.pop(key), groups[owners[0]]
        for ordinal in loose["examples"]:
            if ordinal not in owner["examples"]:
                owner["examples"].append(ordinal)
        for change, seen in loose["forms"].items():
            owner["forms"][change] = owner["forms"].get(change, 0) + seen
        owner["examples"].sort()


def suggest_terms(
    corrections: Iterable[Correction],
    glossary: Glossary | Sequence[str] = (),
    *,
    min_count: int = 1,
) -> list[TermSuggestion]:
    """Term replacements made by reviewers, most frequent first.

    ``corrections``: units with ``ordinal``, ``source_text``, ``mt_text`` and
    ``final_text`` (e.g. ``ReviewedUnit``; unchanged units are skipped).
    ``min_count``: leave out replacements seen fewer times.
    """
    groups: dict[tuple[str, str, str], dict] = {}
    for unit in corrections:
        if unit.mt_text.strip() == unit.final_text.strip():
            continue
        changes = _changes(unit.mt_text, unit.final_text)
        if not changes:
            continue
        for change, term, basis in _attribute(changes, _terms(unit.source_text, glossary)):
            source = term.source if term else ""
            key = (
                _nfc_fold(source), _phrase_key(change.from_text), _phrase_key(change.to_text)
            )
            group = groups.setdefault(key, {
                "source": source, "forms": {}, "examples": [], "basis": basis,
                "entry": term.entry if term else None,
            })
            group["forms"][change] = group["forms"].get(change, 0) + 1
            if unit.ordinal not in group["examples"]:
                group["examples"].append(unit.ordinal)
            # A stronger attribution seen later wins over elimination.
            if group["basis"] in ("", "elimination") and basis not in ("", "elimination"):
                group["basis"] = basis
    _fold_unattributed(groups)
    suggestions = []
    for group in groups.values():
        count = len(group["examples"])
        if count < min_count:
            continue
        entry: GlossaryEntry | None = group["entry"]
        # Show the most frequent spelling; on a tie the shortest (fewest clitics).
        change: _Change = max(
            group["forms"],
            key=lambda c: (group["forms"][c], -len(c.from_text) - len(c.to_text)),
        )
        suggestions.append(TermSuggestion(
            source_term=group["source"],
            from_text=change.from_text,
            to_text=change.to_text,
            count=count,
            examples=tuple(group["examples"][:MAX_EXAMPLES]),
            basis=group["basis"],
            in_glossary=bool(entry and contains_rendering(entry.renderings, change.to_text)),
        ))
    suggestions.sort(key=lambda s: (-s.count, s.source_term == "", s.source_term, s.from_text))
    return suggestions
