"""What the fidelity penalties look for in a pair's texts: the source's names, numbers
explained for a reviewer, Vietnamese words left in the Arabic (moved out of
:mod:`workbench.align.fidelity`, which applies them)."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.lang import vi_numbers as lang_vi
from workbench.numbers import NumberComparison

_LATIN_WORD = re.compile(r"[A-Za-zÀ-ỹĐđ]+(?:['’][A-Za-z]+)?")
_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ") | {
    ch for ch in "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
}
_SENTENCE_OPENERS = set(".!?:;\"“”‘’'…-–—\n[")
_VI_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def explain_numbers(cmp: NumberComparison) -> str:
    """A reviewer's sentence: "numbers differ: 85,94% vs 58.94%", or "" when all match."""
    if cmp.ok:
        return ""
    parts = []
    missing, extra = list(cmp.missing), list(cmp.extra)
    if missing and extra:
        pairs = [f"{m.text} vs {e.text}" for m, e in zip(missing, extra)]
        parts.append("numbers differ: " + "; ".join(pairs))
        missing, extra = missing[len(pairs):], extra[len(pairs):]
    if missing:
        parts.append("missing in the translation: " + ", ".join(m.text for m in missing))
    if extra:
        parts.append("not in the source: " + ", ".join(m.text for m in extra))
    return "; ".join(parts)


def source_names(text: str) -> list[str]:
    """Names in a Vietnamese text: runs of capitalised words, trimmed of institution
    words and titles at either end ("Bí thư Tỉnh ủy", "Đảng" are translated, not
    transliterated), without the sentence-initial word.  Inside a run such words stay
    ("Nguyễn Văn Hùng"): a syllable may be a title word and a given name at once."""
    words = _VI_NAME_TOKEN.findall(text)
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) > 0.85 * len(words):
        return []  # a Title Case headline: capitals say nothing about names
    runs: list[list[str]] = []
    run: list[str] = []
    prev_end = 0
    for m in _VI_NAME_TOKEN.finditer(text):
        word = m.group()
        gap = text[prev_end:m.start()]
        before = text[:m.start()].rstrip()
        sentence_start = not before or before[-1] in _SENTENCE_OPENERS
        capital = word[:1].isupper() and not word.isupper()
        if capital and not (sentence_start and not run):
            if run and gap.strip() not in ("", "-"):
                runs.append(run)
                run = []
            run.append(word)
        else:
            if run:
                runs.append(run)
            run = []
        prev_end = m.end()
    if run:
        runs.append(run)
    names = []
    for words_ in (piece for run_ in runs for piece in _without_translated(run_)):
        while words_ and words_[0].lower() in lang_vi.NAME_STOPWORDS:
            words_ = words_[1:]
        while words_ and words_[-1].lower() in lang_vi.NAME_STOPWORDS:
            words_ = words_[:-1]
        name = " ".join(words_)
        if len(words_) == 1 and any(ch in _VI_LETTERS for ch in name) and not _after_cue(text, name):
            continue  # one capitalised Vietnamese syllable (Đức, Trò, Quỹ) is a word, not a name
        if len(name) >= 3:
            names.append(name)
    return list(dict.fromkeys(names))


def _without_translated(run: list[str]) -> list[list[str]]:
    """The run split around places Arabic translates (lang_vi.TRANSLATED_PLACES):
    "Tây Ban Nha" is إسبانيا, not a sound to look for."""
    pieces, current, i = [], [], 0
    while i < len(run):
        width = next((k for k in (4, 3, 2, 1) if i + k <= len(run) and " ".join(
            run[i:i + k]).lower() in lang_vi.TRANSLATED_PLACES), 0)
        if width:
            pieces.append(current)
            current, i = [], i + width
        else:
            current.append(run[i])
            i += 1
    pieces.append(current)
    return [p for p in pieces if p]


def _after_cue(text: str, name: str) -> bool:
    """Whether ``name`` follows a person or place cue somewhere ("ông Hùng", "xã Vĩnh")."""
    cues = "|".join(re.escape(c) for c in lang_vi.NAME_CUES)
    return re.search(rf"(?<!\w)(?:{cues})\s+{re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def untranslated_words(src_text: str, tgt_text: str) -> list[str]:
    """Latin-script words in the Arabic that are Vietnamese words of the source.

    Latin names, codes and brands are normal in Arabic news (MWPs, ITV, 18-QĐi/TU); a
    word counts only if it is in the source AND is plainly Vietnamese (a letter such
    as ư, ơ, đ, ạ) or lower-case (a common word, not a name).
    """
    src_words = {w.lower() for w in _LATIN_WORD.findall(src_text)}
    out = []
    for w in _LATIN_WORD.findall(tgt_text):
        if w.lower() not in src_words:
            continue
        if any(ch in _VI_LETTERS for ch in w) or (w.islower() and len(w) > 1):
            out.append(w)
    return out


@lru_cache(maxsize=8192)
def name_skeletons(src_text: str, tgt_text: str) -> tuple[tuple[str, float], ...]:
    """Each source name with how well its consonant skeleton is found in the
    translation, in [0, 1]; cached, so a scorer refitted with other thresholds does not
    search again."""
    from workbench.names.skeleton import best_match  # noqa: PLC0415

    return tuple((name, float(best_match(name, tgt_text))) for name in source_names(src_text))


@lru_cache(maxsize=8192)
def name_transliterated(name: str, tgt_text: str) -> float:
    """How well a transliteration of ``name`` is found in the translation, in [0, 1]
    (asked only for the names whose skeleton is not found: it is the slower search)."""
    from workbench.names.transliteration import locate  # noqa: PLC0415  (tables load on first use)

    match = locate(name, tgt_text)
    return float(match.score) if match else 0.0
