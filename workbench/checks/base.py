"""What every check shares: the check class, severity decorators, the link view.

A check looks at one link (the source and target paragraphs aligned together) or, for
document-level checks, at all links at once.  It yields :class:`Finding` values with
spans in the paragraphs' own texts.  Texts are normalised once per run and shared
through :class:`CheckContext`, so a thousand paragraphs with hundreds of terms stay fast.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from workbench.model.finding import Finding, Span
from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.checks import memo
from workbench.glossary.matching import (
    ArabicText,
    RenderingHit,
    TermHit,
    find_renderings,
    longest_first,
    nfc_with_offsets,
)

#: Joins the paragraphs of a many-to-one link into one text (spans map back).
JOINER = "\n"


def major(cls: type[Check]) -> type[Check]:
    """Mark a check's findings major by default (wrong term, name, level, number)."""
    cls.severity = "major"
    return cls


def minor(cls: type[Check]) -> type[Check]:
    """Mark a check's findings minor by default (style, consistency)."""
    cls.severity = "minor"
    return cls


@dataclass
class Side:
    """The joined text of one side of a link and the paragraph each part came from."""

    paragraphs: tuple[int, ...]
    text: str
    starts: list[int]

    @classmethod
    def of(cls, indices: Sequence[int], by_index: dict[int, Paragraph]) -> Side:
        parts, starts, pos = [], [], 0
        for i in indices:
            starts.append(pos)
            t = by_index[i].text
            parts.append(t)
            pos += len(t) + len(JOINER)
        return cls(tuple(indices), JOINER.join(parts), starts)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` in the paragraph's own text for a span of the joined text."""
        k = max(0, bisect.bisect_right(self.starts, start) - 1)
        base = self.starts[k]
        return Span(self.paragraphs[k], start - base, end - base)


# per glossary (weakly held: a reloaded glossary gets fresh parts), per entry id
_PARTS: weakref.WeakKeyDictionary[Glossary, dict[int, list[GlossaryEntry]]] = weakref.WeakKeyDictionary()


def parts(entry: GlossaryEntry, glossary: Glossary) -> list[GlossaryEntry]:
    """The shorter glossary terms a long term contains (Ban Tổ chức + Tỉnh ủy).

    Every run of the term's words is looked up (a term has few words), longest first,
    non-overlapping; no regex is compiled per entry.
    """
    cache = _PARTS.setdefault(glossary, {})
    key = id(entry)
    if key not in cache:
        words = entry.source.split()
        spans = []
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if (i, j) == (0, len(words)):
                    continue
                found = glossary.lookup(" ".join(words[i:j]))
                if found is not None and found is not entry:
                    spans.append((i, j, found))
        cache[key] = [e for _, _, e in longest_first(spans)]
    return cache[key]


@dataclass
class LinkView:
    """One link with its texts and lazily computed, cached matching aids."""

    link: Link
    source: Side
    target: Side
    glossary: Glossary

    @cached_property
    def terms(self) -> list[TermHit]:
        """Glossary terms of the source, longest first and non-overlapping."""
        return memo.terms(self.source.text, self.glossary)

    @cached_property
    def entries(self) -> list[GlossaryEntry]:
        """Glossary entries of the source, each once: the terms found and, after each,
        the shorter terms inside it (Hồ Chí Minh inside a campaign's name)."""
        out: dict[int, GlossaryEntry] = {}
        for hit in self.terms:
            out.setdefault(id(hit.entry), hit.entry)
            for p in parts(hit.entry, self.glossary):
                out.setdefault(id(p), p)
        return list(out.values())

    @cached_property
    def source_nfc(self) -> tuple[str, list[int]]:
        """The source in NFC and, per character and one past the end, its index in the
        source as written (for spans): computed once for every check that reads it."""
        vi, offsets = nfc_with_offsets(self.source.text)
        return vi, offsets + [len(self.source.text)]

    @cached_property
    def arabic(self) -> ArabicText:
        """The target in matching form (normalised once for every lookup)."""
        return ArabicText(self.target.text)

    @cached_property
    def accepted(self) -> list[RenderingHit]:
        """Accepted renderings of the source's glossary terms found in the target."""
        return [h for e in {id(t.entry): t.entry for t in self.terms}.values()
                for h in find_renderings(e.renderings, self.arabic)]

    def inside_accepted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a longer accepted rendering."""
        return any(a.start <= start and end <= a.end and (a.end - a.start) > (end - start)
                   for a in self.accepted)

    def finding(self, check: Check, *, term: str, expected: Iterable[str], found: str | None,
                message: str, source_span: tuple[int, int] | None = None,
                target_span: tuple[int, int] | None = None, severity: str | None = None,
                kind: str | None = None) -> Finding:
        """A finding on this link, spans given in the joined texts."""
        return Finding(
            kind=kind or check.kind,
            severity=severity or check.severity,
            source=self.link.source,
            target=self.link.target,
            term=term,
            expected=tuple(expected),
            found=found,
            message=message,
            source_spans=(self.source.span(*source_span),) if source_span else (),
            target_spans=(self.target.span(*target_span),) if target_span else (),
            check=check.name,
            confidence=check.confidence,
        )


@dataclass
class CheckContext:
    """Everything a run shares: paragraphs, links, glossary and the link views."""

    source: Sequence[Paragraph]
    target: Sequence[Paragraph]
    links: Sequence[Link]
    glossary: Glossary
    views: list[LinkView] = field(default_factory=list)

    def __post_init__(self) -> None:
        src = {p.index: p for p in self.source}
        tgt = {p.index: p for p in self.target}
        self.views = [
            LinkView(link, Side.of(link.source, src), Side.of(link.target, tgt), self.glossary)
            for link in self.links
        ]


class Check:
    """A QA check.  The first line of a subclass's docstring is its title for users.

    Subclasses set ``name``/``kind`` and implement :meth:`check_link` (called for every
    two-sided link) or, with ``scope = "document"``, :meth:`check_document`.
    """

    name: str = ""
    kind: str = ""
    severity: str = "major"
    scope: str = "link"           # "link" or "document"
    one_sided: bool = False       # also run on links with an empty source side
    confidence: float = 1.0       # how sure a finding is (lower for readings of meaning)

    @classmethod
    def title(cls) -> str:
        return (cls.__doc__ or cls.name).strip().splitlines()[0]

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        return iter(())

    def check_document(self, ctx: CheckContext) -> Iterator[Finding]:
        return iter(())


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regular-expression alternation of ``phrases``, longest first, any run of
    whitespace between their words."""
    return "|".join(r"\s+".join(map(re.escape, p.split()))
                    for p in sorted(phrases, key=len, reverse=True))
