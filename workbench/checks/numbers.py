"""Numbers and document codes: every figure of the source, the same in the translation.

Uses :func:`workbench.numbers.compare_numbers`, which already treats 33.690 and 33690,
85,94% and 85.94%, dates and ordinals written either way as the same fact.  A code
(18-QĐi/TU) must be copied letter for letter: a changed code points to a different
document, so it is critical.
"""

from __future__ import annotations

from collections.abc import Iterator

import re

from workbench.lang import number_cues
from workbench.checks.base import Check, LinkView, major
from workbench.model.finding import Finding
from workbench.numbers import NumberMention, compare_numbers, said_as_all


def weak(m: NumberMention) -> bool:
    """Spelt-out numbers, ordinals and weekdays: translations rephrase them freely
    ("hai anh em" → "الأخوين", "đầu tiên" → "لأول مرة"), so they are weak evidence."""
    return m.from_words or m.kind in ("ordinal", "weekday")


def _pair(missing: list[NumberMention], extra: list[NumberMention]):
    """Pair a missing source figure with an extra target one of the same sort, in order.

    Only figures written in digits (or codes) are paired: pairing spelt-out numbers
    by position would invent changes.
    """
    free = [t for t in extra if not weak(t)]
    for m in missing:
        same = [] if weak(m) else [t for t in free if (t.kind == "code") == (m.kind == "code")]
        other = same[0] if same else None
        if other is not None:
            free.remove(other)
        yield m, other
    for t in extra:
        if weak(t) or t in free:
            yield None, t


_LABEL_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(map(re.escape, number_cues.LABEL_WORDS_VI))})\s*$", re.IGNORECASE)


def _label(text: str, start: int) -> str | None:
    """The label word right before a number ("số" in "Chi bộ số 4"), or None."""
    m = _LABEL_BEFORE.search(text[max(0, start - 12):start])
    return m.group().strip() if m else None


@major
class NumberCheck(Check):
    """Number, date or document code changed, missing or added

    A figure of the source that is not in the translation (or another figure in its
    place), and document codes that are not copied verbatim (18-QĐi/TU, not 18-QDi/TU).
    """

    name = kind = "number"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        cmp = compare_numbers(view.source.text, view.target.text)
        for src, tgt in cmp.matched:
            if said_as_all(tgt):  # "100% trẻ em" = "جميع الأطفال": right, but worth a look
                yield view.finding(
                    self, term=src.text, expected=(src.text,), found=tgt.text, severity="info",
                    message=f"{src.text} is written '{tgt.text}' (all) in the translation",
                    source_span=(src.start, src.end), target_span=(tgt.start, tgt.end))
                continue
            label = _label(view.source.text, src.start)
            if tgt.kind == "ordinal" and src.kind != "ordinal" and label:
                want = f"{number_cues.LABEL_WORD_AR} {src.text}"
                yield view.finding(
                    self, term=f"{label} {src.text}", expected=(want,), found=tgt.text, severity="minor",
                    message=f"{label} {src.text} is a number in a name, not an ordinal: "
                            f"expected {want}, found {tgt.text}",
                    source_span=(src.start, src.end), target_span=(tgt.start, tgt.end))
        # a figure inside a glossary term that is rendered as the glossary says (chi bộ
        # "4 tốt" = خلية الحزب الجيدة في الجوانب الأربعة) belongs to the term check
        rendered = {id(h.entry) for h in view.terms
                    if any(a.rendering in h.entry.renderings for a in view.accepted)}
        in_terms = [(h.start, h.end) for h in view.terms if id(h.entry) in rendered]
        in_accepted = [(a.start, a.end) for a in view.accepted]
        missing = [m for m in cmp.missing if not any(a <= m.start and m.end <= b for a, b in in_terms)]
        extra = [m for m in cmp.extra if not any(a <= m.start and m.end <= b for a, b in in_accepted)]
        # a figure copied verbatim but glued to a word ("Nam01/11/2024") is not missing
        glued = [m for m in missing if not weak(m) and any(m.text in t.text and m.text != t.text for t in extra)]
        missing = [m for m in missing if m not in glued]
        extra = [t for t in extra if not any(m.text in t.text for m in glued)]
        for src, tgt in _pair(missing, extra):
            code = (src or tgt).kind == "code"
            sspan = (src.start, src.end) if src else None
            tspan = (tgt.start, tgt.end) if tgt else None
            if src and tgt:
                what = "code" if code else "figure"
                msg = f"{what} {src.text} is written {tgt.text} in the translation"
                severity = "critical" if code else self.severity
            elif src:
                msg = f"{src.text} is not in the translation"
                severity = "critical" if code else ("info" if weak(src) else self.severity)
            else:
                msg = f"{tgt.text} in the translation is not in the source"
                severity = "major" if code else ("info" if weak(tgt) else "minor")
            yield view.finding(self, term=src.text if src else "", expected=(src.text,) if src else (),
                               found=tgt.text if tgt else None, message=msg, severity=severity,
                               source_span=sspan, target_span=tspan)
