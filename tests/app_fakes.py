"""A fast stand-in for the analysis pipeline, for app tests and the UI benchmark.

It links paragraphs by position (extra paragraphs stay one-sided), scores a link by
how close the two lengths are, and reports a ``forbidden`` finding wherever a
glossary term occurs in the source and one of its forbidden renderings in the
target, with exact spans on both sides, like the real checks.  Deterministic and
about a millisecond per document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.model.finding import Finding, Span
from workbench.model.link import Link, ScoreComponent
from workbench.model.paragraph import Paragraph
from workbench.pipeline import Analysis

SIGNATURE = "fake|length-ratio|v1"


def _score(a: str, b: str) -> float:
    ratio = min(len(a), len(b)) / max(len(a), len(b), 1)
    return round(0.3 + 0.7 * ratio, 4)


def score_links(source: Sequence[Paragraph], target: Sequence[Paragraph],
                links: Sequence[Link]) -> list[Link]:
    src = {p.index: p.text for p in source}
    tgt = {p.index: p.text for p in target}
    out = []
    for link in links:
        a = "\n\n".join(src[i] for i in link.source)
        b = "\n\n".join(tgt[i] for i in link.target)
        score = _score(a, b) if link.source and link.target else 0.0
        out.append(Link(link.source, link.target, score,
                        (ScoreComponent("length", score, "ratio of the two lengths"),),
                        SIGNATURE))
    return out


def _find(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def analyse(source: Sequence[Paragraph], target: Sequence[Paragraph], glossary=None,
            progress=None, links: Sequence[Link] | None = None, **_: object) -> Analysis:
    report = progress or (lambda f, m: None)
    report(0.1, "Linking paragraphs by position (fake analyser)…")
    if links is None:
        n = min(len(source), len(target))
        raw = [Link((i,), (i,)) for i in range(n)]
        raw += [Link((i,), ()) for i in range(n, len(source))]
        raw += [Link((), (i,)) for i in range(n, len(target))]
        links = score_links(source, target, raw)
    if glossary is None:  # what the real pipeline falls back to
        from workbench.pipeline import shipped_glossary

        glossary = shipped_glossary()
    src = {p.index: p.text for p in source}
    tgt = {p.index: p.text for p in target}
    findings = []
    for link in links:
        for entry in glossary or ():
            s_spans = [Span(i, a, b) for i in link.source for a, b in _find(src[i], entry.source)]
            if not s_spans:
                continue
            for bad in entry.forbidden:
                t_spans = [Span(i, a, b) for i in link.target for a, b in _find(tgt[i], bad)]
                if t_spans:
                    findings.append(Finding(
                        "forbidden", "major", link.source, link.target, entry.source,
                        (entry.target, *entry.variants), bad,
                        f"{entry.source}: expected {entry.target}, found {bad}",
                        tuple(s_spans[:1]), tuple(t_spans[:1]), "fake_forbidden"))
                    break
    report(1.0, "Done")
    return Analysis(tuple(links), tuple(findings), SIGNATURE)
