"""Vietnamese (or other Latin-script) text left in the Arabic translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.checks.base import Check, LinkView, minor
from workbench.model.finding import Finding
from workbench.numbers import extract_codes

_LATIN = "A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
_RUN = re.compile(rf"[{_LATIN}][{_LATIN}0-9'’./:_-]*(?:[ \t]+(?:-[ \t]+)?[{_LATIN}0-9][{_LATIN}0-9'’./:_-]*)*")
#: Letters only Vietnamese uses among Latin scripts (with their tone-marked forms).
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")
_URL = re.compile(r"^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov|edu|info|io)(?:/\S*)?$",
                  re.IGNORECASE)


def _accepted_latin(view: LinkView) -> set[str]:
    """Latin renderings the glossary accepts (brands, codes) as lower-case strings."""
    return {r.casefold() for e in view.glossary for r in e.renderings if not re.search("[\u0600-\u06FF]", r)}


@minor
class UntranslatedCheck(Check):
    """Vietnamese or other Latin-script text left untranslated

    Vietnamese words (recognised by their letters) and runs of two or more Latin words
    in the Arabic, other than document codes, URLs, and Latin names/brands that the
    source writes the same way or the glossary accepts.  On a paragraph with no
    counterpart (site chrome) the finding is only informative.
    """

    name = kind = "untranslated"
    one_sided = True

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        text = view.target.text
        codes = [(c.start, c.end) for c in extract_codes(text)]
        source = view.source.text.casefold()
        accepted = None
        for m in _RUN.finditer(text):
            tokens = [t for t in re.finditer(r"\S+", m.group())
                      if t.group() != "-" and not _URL.search(t.group().strip(".,;:"))
                      and not any(a <= m.start() + t.start() < b for a, b in codes)]
            if not tokens:
                continue
            words = [t.group() for t in tokens]
            vietnamese = any(_VIETNAMESE.search(w) for w in words)
            if not vietnamese and len(words) < 2:
                continue  # a brand, an acronym, a unit
            run = m.group().strip(" .,;:-")
            if not vietnamese and (run.casefold() in source or 2 * sum(
                    w.casefold().strip(".,;:'’") in source for w in words) >= len(words)):
                continue  # a Latin name or title the source writes (mostly) the same way
            if accepted is None:
                accepted = _accepted_latin(view)
            if run.casefold() in accepted:
                continue
            start = m.start() + m.group().find(run)
            yield view.finding(
                self, term="", expected=(), found=run,
                severity=self.severity if view.link.source else "info",
                message=(f"Vietnamese left untranslated: {run}" if vietnamese
                         else f"Latin-script text left untranslated: {run}"),
                target_span=(start, start + len(run)))
