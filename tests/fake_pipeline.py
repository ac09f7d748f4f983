"""A fast stand-in for :func:`workbench.pipeline.analyse` in service tests.

Links paragraph k to paragraph k (left-over paragraphs one-sided), scores by length
ratio, and reports a ``number`` finding when a number of the source is missing from
the target: enough behaviour for storage tests, no model loaded.
"""

from __future__ import annotations

import re

from workbench.model.finding import Finding, Span
from workbench.model.link import Link, ScoreComponent
from workbench.pipeline import Analysis

SIGNATURE = "fake:length-ratio|test"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def fake_score(source, target, link: Link) -> Link:
    src = " ".join(source[i].text for i in link.source)
    tgt = " ".join(target[i].text for i in link.target)
    if not src or not tgt:
        return Link(link.source, link.target, 0.0, (), SIGNATURE)
    ratio = min(len(src), len(tgt)) / max(len(src), len(tgt))
    return Link(link.source, link.target, round(ratio, 4),
                (ScoreComponent("length", ratio, "length ratio of the two sides"),), SIGNATURE)


def _findings(source, target, links) -> list[Finding]:
    out = []
    for link in links:
        if not link.source or not link.target:
            continue
        tgt = " ".join(target[i].text for i in link.target)
        for i in link.source:
            for m in _NUMBER.finditer(source[i].text):
                if m.group() not in tgt:
                    out.append(Finding(
                        "number", "major", link.source, link.target, m.group(), (m.group(),),
                        None, f"{m.group()} of the source is missing from the translation",
                        (Span(i, m.start(), m.end()),), (), "fake_number"))
    return out


def fake_analyse(source, target, glossary=None, backend=None, progress=None, links=None):
    if progress:
        progress(0.5, "fake aligning")
    if links is None:
        n = min(len(source), len(target))
        pairs = [((k,), (k,)) for k in range(n)]
        pairs += [((k,), ()) for k in range(n, len(source))]
        pairs += [((), (k,)) for k in range(n, len(target))]
        links = [fake_score(source, target, Link(a, b)) for a, b in pairs]
    if progress:
        progress(1.0, "done")
    return Analysis(tuple(links), tuple(_findings(source, target, links)), SIGNATURE)
