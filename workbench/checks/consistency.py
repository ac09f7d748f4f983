"""Consistency of names across a document: one person, one spelling."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from workbench.checks.base import Check, CheckContext, LinkView, minor
from workbench.model.finding import Finding
from workbench.glossary.terms import GlossaryEntry
from workbench.lang.normalize import normalize_ar
from workbench.glossary.matching import find_renderings

#: Spellings of one sound that Arabic copy mixes (final -ng as غ or ج, ة/ه): two
#: renderings equal after this folding are the same spelling in two conventions.
_FOLD = str.maketrans({"ج": "غ", "ة": "ه", "ى": "ي"})


def fold(text: str) -> str:
    return normalize_ar(text).translate(_FOLD)


@minor
class InconsistentCheck(Check):
    """Name rendered in different ways within one document

    A person or place written two ways in one document (هوشي منه in one paragraph,
    هو تشي مينه in another) is reported where it differs from the house spelling; a
    house spelling in another convention (ج for غ) is reported as information.
    """

    name = kind = "inconsistent"
    scope = "document"

    def check_document(self, ctx: CheckContext) -> Iterator[Finding]:
        uses: dict[int, list[tuple[LinkView, object]]] = defaultdict(list)
        entries: dict[int, GlossaryEntry] = {}
        for view in ctx.views:
            if not view.link.source or not view.link.target:
                continue
            for e in view.entries:
                if e.category not in ("person", "place"):
                    continue
                entries[id(e)] = e
                for h in find_renderings(e.renderings + e.forbidden, view.arabic):
                    uses[id(e)].append((view, h))
        for key, found in uses.items():
            e = entries[key]
            forms = {normalize_ar(h.rendering) for _, h in found}
            several = len(forms) > 1
            for view, h in found:
                if h.rendering == e.target:
                    continue
                if several:
                    severity, why = self.severity, (
                        f"{e.source} is written {len(forms)} ways in this document "
                        f"({', '.join(sorted({x.rendering for _, x in found}))}); house spelling {e.target}")
                elif fold(h.rendering) == fold(e.target):
                    severity, why = "info", f"{e.source}: house spelling is {e.target}, found {h.text}"
                else:
                    continue
                yield view.finding(self, term=e.source, expected=(e.target,), found=h.text,
                                   message=why, severity=severity, target_span=(h.start, h.end))
