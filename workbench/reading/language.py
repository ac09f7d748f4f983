"""Which language a document is in: Vietnamese, Arabic, English or something else.

No model and no new dependency: the script of the letters decides Arabic against
Latin against the rest; among Latin texts, letters only Vietnamese uses (ă đ ơ ư ạ ế
…) and very frequent function words decide Vietnamese against English.  That is
enough to catch the mistakes that happen at upload time (the files swapped, the
English wire copy instead of the Vietnamese original, the Arabic file given twice)
and cheap enough to run on every import.  A document is judged by the majority of
its letters, so page chrome in another language ("No data", "Việt Nam 01/11/2024"
on an Arabic page) does not change the verdict.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from workbench.errors import DocumentError
from workbench.lang.markers import (
    ARABIC_LETTER_RANGES,
    EN_FUNCTION_WORDS,
    LANGUAGE_NAMES,
    VI_FUNCTION_WORDS,
    VI_SPECIFIC_LETTERS,
    VI_TONELESS_FUNCTION_WORDS,
)
from workbench.model.paragraph import Paragraph
from workbench.reading.unsafe_characters import display_name

#: Characters looked at, at most: long documents are sampled evenly.
SAMPLE_CHARS = 200_000
#: Below this many letters a text is too short to judge; confidence shrinks.
FULL_CONFIDENCE_LETTERS = 40
#: A document is refused only when the detector is at least this sure.
REFUSE_CONFIDENCE = 0.6

_ARABIC = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ARABIC_LETTER_RANGES) + "]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")


def _sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    if len(text) <= limit:
        return text
    pieces = 20
    step = len(text) // pieces
    size = limit // pieces
    return "\n".join(text[i * step: i * step + size] for i in range(pieces))


def _other_script(text: str) -> str:
    """Name of the commonest non-Latin, non-Arabic script ("CYRILLIC", "CJK", ...)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha() and not _LATIN.match(ch) and not _ARABIC.match(ch):
            counts[unicodedata.name(ch, "UNKNOWN").split()[0]] += 1
    return counts.most_common(1)[0][0].title() if counts else "Unknown"


def _latin_scores(text: str) -> dict[str, float]:
    """Share of Latin words that look Vietnamese, toneless Vietnamese, English."""
    words = [w for w in _WORD.findall(text.lower()) if _LATIN.match(w)]
    if not words:
        return {"vi": 0.0, "vi-toneless": 0.0, "en": 0.0}
    vi = sum(1 for w in words if w in VI_FUNCTION_WORDS or not VI_SPECIFIC_LETTERS.isdisjoint(w))
    toneless = sum(1 for w in words if w in VI_TONELESS_FUNCTION_WORDS)
    en = sum(1 for w in words if w in EN_FUNCTION_WORDS)
    n = len(words)
    return {"vi": vi / n, "vi-toneless": toneless / n, "en": en / n}


def detect_language(text: str) -> tuple[str, float]:
    """``('vi'|'ar'|'en'|'other', confidence in [0, 1])`` for a text.

    Confidence is low for short texts and for mixtures; ``('other', 0.0)`` means there
    is nothing to judge (no letters).
    """
    text = unicodedata.normalize("NFC", _sample(text))
    letters = len(_LETTER.findall(text))
    if not letters:
        return "other", 0.0
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    other = letters - arabic - latin
    size = min(1.0, letters / FULL_CONFIDENCE_LETTERS)
    if arabic >= latin and arabic >= other:
        return "ar", round(size * arabic / letters, 3)
    if other > latin:
        return "other", round(size * other / letters, 3)
    scores = _latin_scores(text)
    # Toned Vietnamese marks ~40-60 % of words, English function words ~30-45 %,
    # toneless Vietnamese function words ~20-35 %: scale to comparable ranges.
    weighted = {"vi": scores["vi"], "en": scores["en"] * 1.2, "vi-toneless": scores["vi-toneless"] * 1.5}
    best = max(weighted, key=weighted.__getitem__)
    total = sum(weighted.values())
    if weighted[best] < 0.08:
        return "other", round(size * latin / letters * 0.7, 3)
    margin = weighted[best] / total
    confidence = size * (latin / letters) * min(1.0, margin * 1.1)
    if best == "vi-toneless":
        return "vi", round(confidence * 0.85, 3)
    return best, round(confidence, 3)


def document_language(paragraphs: Sequence[Paragraph]) -> tuple[str, float]:
    """Language of a whole document, judged by the majority of its letters."""
    return detect_language("\n".join(p.text for p in paragraphs))


def _describe(language: str, paragraphs: Sequence[Paragraph]) -> str:
    if language == "other":
        script = _other_script(_sample("\n".join(p.text for p in paragraphs), 20_000))
        if script in ("Latin", "Unknown"):
            return "neither Vietnamese nor Arabic nor English"
        return f"another language (mostly {script} letters)"
    return LANGUAGE_NAMES[language]


def check_pair_languages(
    source_paragraphs: Sequence[Paragraph],
    target_paragraphs: Sequence[Paragraph],
    source_name: str,
    target_name: str,
) -> tuple[tuple[str, float], tuple[str, float]]:
    """Refuse a pair whose source is not Vietnamese or whose target is not Arabic.

    Raises :class:`DocumentError` naming the file and suggesting the likely mistake
    (files swapped, same file twice, English original).  Only confident verdicts
    refuse: a document too short or too mixed to judge is let through.  Returns the
    two ``(language, confidence)`` verdicts.
    """
    source_name, target_name = display_name(source_name), display_name(target_name)
    source = document_language(source_paragraphs)
    target = document_language(target_paragraphs)
    (src_lang, src_conf), (tgt_lang, tgt_conf) = source, target
    src_wrong = src_lang != "vi" and src_conf >= REFUSE_CONFIDENCE
    tgt_wrong = tgt_lang != "ar" and tgt_conf >= REFUSE_CONFIDENCE
    if src_wrong and src_lang == "ar" and tgt_lang == "vi":
        raise DocumentError(
            f"the source file {source_name} looks like Arabic and the target file {target_name} "
            "like Vietnamese: the files seem swapped. Give the Vietnamese original as the source "
            "and the Arabic translation as the target."
        )
    if src_wrong and src_lang == "ar":
        raise DocumentError(
            f"the source file {source_name} looks like Arabic, not Vietnamese; did you swap the "
            "files or choose the Arabic translation twice? The source must be the Vietnamese original."
        )
    if src_wrong:
        raise DocumentError(
            f"the source file {source_name} looks like {_describe(src_lang, source_paragraphs)}, "
            "not Vietnamese; the workbench reviews Arabic translations of Vietnamese articles: "
            "choose the Vietnamese original as the source."
        )
    if tgt_wrong and tgt_lang == "vi":
        raise DocumentError(
            f"the target file {target_name} looks like Vietnamese, not Arabic; did you choose the "
            "Vietnamese original twice? The target must be the Arabic translation."
        )
    if tgt_wrong:
        raise DocumentError(
            f"the target file {target_name} looks like {_describe(tgt_lang, target_paragraphs)}, "
            "not Arabic; choose the Arabic translation as the target."
        )
    return source, target
