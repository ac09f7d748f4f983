"""Names: a person or place rendered differently from the glossary, or not at all;
and "đồng chí" with a woman's name, which Arabic writes الرفيقة, not الرفيق."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from workbench.lang import ar_clitics as clitics
from workbench.lang import name_cues
from workbench.names import transliteration as translit
from workbench.checks.base import Check, LinkView, major, minor
from workbench.checks.glossary_terms import source_span
from workbench.model.finding import Finding
from workbench.lang.normalize import normalize_ar
from workbench.glossary.matching import closest, contains_rendering, find_renderings

#: A stretch this close to a glossary rendering is that name misspelt, not another word.
NEAR_NAME = 0.6
#: When the name is also written correctly in the paragraph, a stretch must be this
#: close to count as a misspelt second mention.
NEAR_MISSPELT = 0.75
#: Below this translit plausibility, an unlisted name's rendering is reported.
IMPLAUSIBLE = 0.72
#: Unlisted one-syllable names (a given name alone: "đồng chí Hiệp") are not judged.
MIN_UNLISTED_SYLLABLES = 2
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class NameMention:
    """A name in the source found by the word before it (đồng chí ·Lò Tiến Hưng·)."""

    cue: str
    name: str
    start: int
    end: int


def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alt})(?!\w)", re.IGNORECASE)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n]\s*|>>\s*)$")


_PERSON_RE = _cue_re(name_cues.PERSON_CUES)
_PLACE_RE = _cue_re(name_cues.PLACE_CUES)
_COMRADE_RE = _cue_re(name_cues.COMRADE_VI)


def mentions(text: str, pattern: re.Pattern[str]) -> list[NameMention]:
    """Capitalised syllable runs (1-4) right after a cue word."""
    found = []
    for m in pattern.finditer(text):
        if m.group(1)[0].isupper() and not _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
            continue  # "Anh Quốc" (England) is a name, not the cue "anh" + a name
        pos, words, start = m.end(), [], None
        for w in _WORD.finditer(text, pos):
            gap = text[pos:w.start()]
            if gap.strip() or not w.group()[0].isupper() or len(words) == 4:
                break
            if start is None:
                start = w.start()
            words.append(w.group())
            pos = w.end()
        if words and " ".join(words) not in name_cues.NOT_NAMES and words[0] not in name_cues.NOT_NAMES:
            found.append(NameMention(m.group(1), " ".join(words), start, pos))
    return found


def _strip_clitic(text: str) -> str:
    """An Arabic stretch without the proclitic glued to its first word."""
    for p in clitics.STRIPPABLE:
        if text.startswith(p) and len(text.split()[0]) - len(p) >= 3:
            return text[len(p):]
    return text


def is_vietnamese_name(name: str) -> bool:
    """Every syllable parses as Vietnamese (foreign names get no Vietnamese transliteration)."""
    return all(translit.parse_syllable(s) is not None for s in name.split())


_CONVENTION = str.maketrans({"ج": "غ", "ة": "ه", "ى": "ي", "ث": "ت", "ڤ": "ف", "پ": "ب", "گ": "غ"})


def spelling_variant(a: str, b: str, vietnamese: bool) -> bool:
    """Whether two Arabic spellings are the same name in another convention.

    Final -ng as غ or ج (and similar letter conventions) always; for foreign names also
    the long-vowel letters, which Arabic copy adds or drops freely (ليكرز/لاكيرز).
    A Vietnamese name's vowel letters carry its syllables (هونغ Hưng ≠ هوانغ Hoàng), so
    there they must match.
    """
    fa = normalize_ar(a).translate(_CONVENTION).replace(" ", "")
    fb = normalize_ar(b).translate(_CONVENTION).replace(" ", "")
    fa, fb = re.sub(r"(.)\1+", r"\1", fa), re.sub(r"(.)\1+", r"\1", fb)
    if fa == fb:
        return True
    if vietnamese:
        return False
    strip = lambda t: t[:1] + re.sub("[اوي]", "", t[1:])  # noqa: E731
    return strip(fa) == strip(fb)


_NISBA = ("يين", "يون", "يات", "يه", "ي")


def derived(text: str, rendering: str) -> bool:
    """Whether ``text`` is the adjective of a place name (بوليفيا → البوليفيين, بوليفي)."""
    t = normalize_ar(text)
    t = t[2:] if t.startswith("ال") else t
    stem = normalize_ar(rendering).rstrip("اه").rstrip("ي")
    return len(stem) >= 3 and any(t == stem + s for s in _NISBA)


def _covered(view: LinkView, start: int, end: int) -> bool:
    return any(h.start < end and start < h.end for h in view.terms)


@major
class NameCheck(Check):
    """Name rendered differently from the glossary, or missing

    A person or place of the glossary whose accepted rendering is not in the
    translation: reported with the nearest stretch (a misspelling such as
    نجوين هوانغ فونغ) or as missing.  Names the glossary does not list (found after
    đồng chí, ông, bà, xã, huyện, thôn ...) are reported when their rendering does not
    fit the name, with a transliteration to add to the glossary.
    """

    name = kind = "name"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        for e in view.entries:
            if e.category not in ("person", "place"):
                continue
            if e.forbidden and contains_rendering(e.forbidden, at):
                continue  # the forbidden check reports it
            correct = [(h.start, h.end) for h in find_renderings(e.renderings, at)]
            # as many correct mentions as the source has: a look-alike word elsewhere
            # (نشأت beside والناتو) is another word, not a misspelt mention
            said = sum(h.entry is e for h in view.terms) or 1
            near = None if len(correct) >= said else closest(
                e.renderings, at, slack=0 if correct else 1, exclude=correct)
            # with a correct mention elsewhere, only a near-identical stretch is this
            # name misspelt (another mention); without one, a looser match is
            threshold = NEAR_MISSPELT if correct or " " not in e.target else NEAR_NAME
            vietnamese = is_vietnamese_name(e.source)
            if near is not None and any(spelling_variant(form, r, vietnamese) or derived(form, r)
                                        for form in {near.text, _strip_clitic(near.text)}
                                        for r in e.renderings):
                continue  # the same name in another spelling convention, or its adjective
            if near is not None and near.score >= threshold:
                yield view.finding(
                    self, term=e.source, expected=e.renderings, found=near.text,
                    message=f"{e.source} is written {e.target} in the glossary; "
                            f"the translation has {near.text}",
                    source_span=source_span(view, e), target_span=(near.start, near.end))
            elif not correct:
                yield view.finding(
                    self, term=e.source, expected=e.renderings, found=None,
                    message=f"{e.source} ({e.target}) is not in the translation",
                    source_span=source_span(view, e))
        yield from self._unlisted(view)

    def _unlisted(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        seen = set()
        for m in mentions(view.source.text, _PERSON_RE) + mentions(view.source.text, _PLACE_RE):
            if m.name in seen or _covered(view, m.start, m.end) or not is_vietnamese_name(m.name) \
                    or len(m.name.split()) < MIN_UNLISTED_SYLLABLES:
                continue
            seen.add(m.name)
            if view.glossary.lookup(m.name) is not None:
                continue
            options = translit.candidates(m.name, limit=4)
            if not options or contains_rendering(options, at):
                continue
            near = closest(options, at)
            if near is None or near.score < NEAR_NAME:
                continue  # nothing like it: left out on purpose, or a foreign reading
            if translit.plausibility(m.name, near.text) >= IMPLAUSIBLE:
                continue
            yield view.finding(
                self, term=m.name, expected=(options[0],), found=near.text, severity="minor",
                message=f"{m.name} (not in the glossary): {near.text} does not fit the name; "
                        f"suggested rendering {options[0]} (add it to the glossary)",
                source_span=(m.start, m.end), target_span=(near.start, near.end))


def _comrade_before(at_original: str, start: int) -> tuple[str, int, int] | None:
    """The Arabic 'comrade' word just before a name occurrence, with its span."""
    window_start = max(0, start - 30)
    chunk = at_original[window_start:start]
    words = list(re.finditer(r"\S+", chunk))
    for w in reversed(words[-2:]):
        form = normalize_ar(w.group()).strip("،,.:")
        for p in ("و", ""):
            core = form[len(p):] if p and form.startswith(p) else form
            if core in [normalize_ar(x) for x in name_cues.COMRADE_AR_MASCULINE + name_cues.COMRADE_AR_FEMININE]:
                return core, window_start + w.start(), window_start + w.end()
    return None


@minor
class GenderCheck(Check):
    """"Đồng chí" with a woman's name must be الرفيقة

    A woman's name (middle name Thị, or gender=female in the glossary) after
    "đồng chí" takes the feminine الرفيقة; a man's (gender=male) the masculine الرفيق.
    """

    name = kind = "gender"

    def check_link(self, view: LinkView) -> Iterator[Finding]:
        at = view.arabic
        fem = {normalize_ar(x) for x in name_cues.COMRADE_AR_FEMININE}
        for m in mentions(view.source.text, _COMRADE_RE):
            entry = view.glossary.lookup(m.name)
            syllables = m.name.split()
            if entry is not None and entry.gender:
                gender = entry.gender
            elif any(s in name_cues.FEMALE_MIDDLE_NAMES for s in syllables[1:-1]):
                gender = "female"
            else:
                continue
            renderings = entry.renderings if entry else tuple(translit.candidates(m.name, 4))
            spots = [(h.start, h.end) for h in find_renderings(renderings, at)]
            if not spots:
                near = closest(renderings, at)
                if near is None or near.score < NEAR_NAME:
                    continue
                spots = [(near.start, near.end)]
            for start, _ in spots:
                comrade = _comrade_before(at.original, start)
                if comrade is None:
                    continue
                form, cs, ce = comrade
                if (form in fem) == (gender == "female"):
                    break
                want = name_cues.COMRADE_AR_FEMININE[0] if gender == "female" else name_cues.COMRADE_AR_MASCULINE[0]
                yield view.finding(
                    self, term=f"{m.cue} {m.name}", expected=(want,), found=at.original[cs:ce],
                    message=f"{m.name} is a {'woman' if gender == 'female' else 'man'}: "
                            f"expected {want}, found {at.original[cs:ce]}",
                    source_span=(m.start, m.end), target_span=(cs, ce))
                break
