"""Administrative levels: a commune must not become a district, a district a province.

Machine translation renders the Vietnamese level words (tỉnh, huyện, xã, thôn ...)
with whatever Arabic word comes to hand, so "xã Bình An" (a commune) turns into
"منطقة بينه آن" (a district) and "tỉnh" into the adjective "الإقليمية" (regional).
The level words and their one house rendering each come from the glossary's
``admin_level`` category, never from this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from workbench.checks.base import Check, LinkView, major
from workbench.checks.glossary_terms import style_findings
from workbench.model.finding import Finding
from workbench.glossary.terms import GlossaryEntry
from workbench.lang.normalize import normalize_ar
from workbench.glossary.matching import closest, find_renderings
from workbench.checks.admin_level_words import (
    _INDIC,
    _NEAR_NAME,
    level_number,
    slip_severity,
    describe,
    bare,
    _Levels,
    levels_of,
    name_after,
    name_renderings,
)


@major
class AdminLevelCheck(Check):
    """Administrative level rendered as another level

    "xã Bình An" (commune) must read "بلدية بينه آن", not "منطقة بينه آن" (district);
    "tỉnh" (province) must not become the adjective "الإقليمية" or "محافظة".
    """

    name = kind = "admin_level"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        lv = levels_of(view)
        if lv.source_re is None:
            return
        src, at = view.source.text, view.arabic
        present: dict[str, tuple[int, int]] = {}
        named: dict[str, list[tuple[GlossaryEntry, int, int]]] = {}
        for m in lv.source_re.finditer(src):
            entry = lv.by_source.get(m.group(1).casefold())
            if entry is None:
                continue
            present.setdefault(entry.source, m.span())
            after = name_after(src, m.end())
            if after:
                named.setdefault(after[0], []).append((entry, m.start(), after[2]))
        for name, uses in named.items():
            yield from self._level_before_name(view, name, uses)
        yield from self._level_after_number(view, lv)
        yield from self._bare_level(view, lv, present)
        reported: list[tuple[int, int]] = []
        # a word another level of this paragraph accepts is that level's ("các tỉnh, thành
        # phố" = "المحافظات والمدن": محافظة is the province, not the city)
        others = {source: [r for o in present if o != source
                           for r in lv.by_source[o.casefold()].renderings + lv.by_source[o.casefold()].style]
                  for source in present}
        for source, sspan in present.items():
            entry = lv.by_source[source.casefold()]
            group: dict[str, list] = {}
            theirs = find_renderings(others[source], at) if others[source] else []
            for h in find_renderings(lv.stray.get(source, ()), at):
                if any(o.start <= h.start and h.end <= o.end for o in theirs):
                    continue
                if any(h.start < b and a < h.end for a, b in reported) or \
                        any(a.start <= h.start and h.end <= a.end for a in view.accepted):
                    continue  # reported already, or part of an accepted term (الولاية: a term of office)
                reported.append((h.start, h.end))
                group.setdefault(h.rendering, []).append(h)
            for hs in group.values():  # one finding per wording, however often repeated
                h = hs[0]
                times = f" ({len(hs)} times)" if len(hs) > 1 else ""
                f = view.finding(
                    self, term=entry.source, expected=entry.renderings, found=h.text,
                    message=f"{entry.source} is {describe(entry)}: expected {entry.target}, "
                            f"found {h.text}{times}",
                    source_span=sspan, target_span=(h.start, h.end))
                if len(hs) > 1:
                    f = replace(f, target_spans=tuple(view.target.span(x.start, x.end) for x in hs))
                yield f
        entries = [lv.by_source[source.casefold()] for source in present]
        yield from style_findings(self, view, entries, reported)

    def _bare_level(self, view: LinkView, lv: _Levels,
                    present: dict[str, tuple[int, int]]) -> Iterator[Finding]:
        """"trên địa bàn huyện" (in the district) must not read "في المقاطعة" (in the
        province): the province word with the article (the unit already named) in a
        paragraph whose source mentions only lower levels and names no place."""
        if not present:
            return
        at = view.arabic
        own = [lv.by_source[x.casefold()] for x in present]
        accepted = {normalize_ar(r).split()[0] for e in own for r in e.renderings + e.style}
        accepted |= {bare(a) for a in accepted}
        for m in re.finditer(r"(?<!\w)(?:و?(?:بال|لل|ال|فال))([^\W\d_]+)", at.original):
            word = normalize_ar(m.group(1))
            if len(word) < 3 or word in accepted:
                continue
            levels = lv.by_arabic.get(word, [])
            if not levels or any(x.source in present for x in levels):
                continue
            # only the province word: the lower level words double as common nouns
            # (المنطقة "the area", الحي "the neighbourhood") and say nothing alone
            if any(level_number(x) != 1 for x in levels) or \
                    any((level_number(e) or 1) <= 1 for e in own):
                continue
            # a unit of that level named by the source (Tuyên Quang province) may be meant
            if any(e.category == "place" for e in view.entries):
                continue
            expected = own[0]
            yield view.finding(
                self, term=expected.source, expected=expected.renderings, found=m.group(0),
                severity=slip_severity(expected, levels),
                message=f"{m.group(0)} is the word for {levels[0].source} ({describe(levels[0])}), "
                        f"which this paragraph does not mention; it speaks of "
                        f"{', '.join(present)}",
                source_span=present[expected.source], target_span=(m.start(), m.end()))
            return

    def _level_after_number(self, view: LinkView, lv: _Levels) -> Iterator[Finding]:
        """A count of units keeps their level: "51 phường" is "51 حيًا", not "51 جناحًا";
        "126 xã, phường" is "126 بلدية وحيًا", not "126 بلدية/منطقة"."""
        src, at = view.source.text, view.arabic
        counted: dict[str, tuple[list[GlossaryEntry], int, int]] = {}
        if lv.counted_re is None:
            return
        for m in lv.counted_re.finditer(src):
            entries = [lv.by_source.get(w.strip().casefold()) for w in re.split(r",|\bvà\b", m.group(2))]
            entries = [e for e in entries if e is not None]
            if entries:
                counted.setdefault(m.group(1), (entries, m.start(), m.end()))
        for number, (entries, s0, s1) in counted.items():
            allowed = {id(e) for e in entries}
            stray = {f for e in entries for f in lv.stray.get(e.source, ())}
            for m in re.finditer(rf"(?<![\d٠-٩]){number}(?![\d٠-٩])", at.original.translate(_INDIC)):
                after = at.original[m.end():m.end() + 40]
                words = re.findall(r"[^\W\d_](?:[^\W\d_]|[\u064b-\u0652])*", after)[:3]
                for w in words:
                    nw = normalize_ar(w)
                    levels = lv.levels_of_word(nw) or lv.levels_of_word(nw.rstrip("ا"))
                    bad_stray = any(normalize_ar(x).split()[0] in (nw, nw.rstrip("ا")) for x in stray)
                    if (levels and not any(id(x) in allowed for x in levels)) or bad_stray:
                        start = m.end() + after.index(w)
                        term = src[s0:s1]
                        yield view.finding(
                            self, term=term, expected=entries[0].renderings, found=w,
                            severity="major" if bad_stray else slip_severity(entries[0], levels),
                            message=f"{term}: expected "
                                    f"{' / '.join(dict.fromkeys(e.target for e in entries))}, found {w}",
                            source_span=(s0, s1), target_span=(start, start + len(w)))
                        break
                    if not levels:
                        break  # the count is of something else: "4 قرى تابعة لبلدية ..."

    def _level_before_name(self, view: LinkView, name: str,
                           uses: list[tuple[GlossaryEntry, int, int]]) -> Iterator[Finding]:
        """Each Arabic mention of ``name`` must follow a level word the source gives it.

        The source may give one name two levels (tỉnh Tuyên Quang, thành phố Tuyên
        Quang): either word is then right before it; a third level is not.
        """
        at = view.arabic
        lv = levels_of(view)
        allowed = {id(e) for e, _, _ in uses}
        renderings = name_renderings(view, name)
        occurrences = [(h.start, h.end) for h in find_renderings(renderings, at)]
        if not occurrences:
            near = closest(renderings, at, slack=0)
            if near is None or near.score < _NEAR_NAME:
                return
            occurrences = [(near.start, near.end)]
        entry, level_start, n_end = uses[0]
        term = view.source.text[level_start:n_end]
        for start, _end in occurrences:
            before = normalize_ar(at.original[max(0, start - 40):start]).split()
            if not before:
                continue
            # the name may carry its own clitic (ببينه آن): the level word is just before
            levels = lv.levels_of_word(before[-1])
            if len(before) >= 2:
                levels = levels + lv.levels_of_word(" ".join(before[-2:]))
            if not levels or any(id(x) in allowed for x in levels):
                continue
            found_start = at.original.rfind(" ", 0, max(0, start - 1)) + 1
            found = at.original[found_start:start].strip()
            yield view.finding(
                self, term=term, expected=entry.renderings, found=found,
                severity=slip_severity(entry, levels),
                message=f"{term} is {describe(entry)}: expected {entry.target}, found {found}",
                source_span=(level_start, n_end), target_span=(found_start, found_start + len(found)))
