"""Page noise: paragraphs that a news page carries but a translation need not.

A web page copied into the workbench brings its furniture along: ad slots
(``[إعلان 1]``), comment counters (``تعليق (0)``), ``Source:``/``المصدر:`` lines,
bare URLs, menus of one-word sections, "related articles" headings and lists,
"No data" placeholders, bylines and photo credits.  Such a paragraph usually has no
counterpart on the other side, and aligning it to a real paragraph would hide an
omission from the reviewer.

This module only *estimates* how likely a paragraph is to be furniture
(:func:`noise_score`, 0..1); the aligner turns that into a cheaper "leave unlinked"
move and lets the similarity of the embeddings decide.  The patterns are data
(``NOISE_PATTERNS``): generic markers of news sites in Arabic, Vietnamese and
English, never strings of one particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NoisePattern:
    """A regular expression that marks one line as page furniture.

    ``strength`` is how sure a match makes us (1.0: certainly furniture, e.g. an ad
    marker; 0.5: often furniture, e.g. a one-word line that may also be a heading).
    """

    kind: str
    pattern: re.Pattern[str]
    strength: float


def _p(kind: str, regex: str, strength: float) -> NoisePattern:
    return NoisePattern(kind, re.compile(regex, re.IGNORECASE | re.UNICODE), strength)


# Order does not matter: the strongest matching pattern wins for a line.
NOISE_PATTERNS: tuple[NoisePattern, ...] = (
    # Ad slots: "[إعلان 1]", "[Quảng cáo]", "[Advertisement 2]", "Quảng cáo".
    _p("ad", r"^\[?\s*(إعلان|اعلان|quảng\s*cáo|ads?|advertisement|sponsored)\s*\d*\s*\]?$", 1.0),
    # Source / origin lines: "المصدر: https://…", "Nguồn: baochinhphu.vn", "Source: …".
    _p("source", r"^(المصدر|مصدر|nguồn|source|theo)\s*[:：]\s*\S.{0,200}$", 0.95),
    # A bare URL or domain on its own line.
    _p("url", r"^(https?://|www\.)\S+$", 1.0),
    # Comment counters and share/like widgets: "تعليق (0)", "Bình luận (3)", "Comments (12)".
    _p("counter", r"^(تعليق|تعليقات|bình\s*luận|comments?|chia\s*sẻ|share|مشاركة|أعجبني|like)\s*\(?\d*\)?$", 1.0),
    # Empty-widget placeholders.
    _p("placeholder", r"^(no\s+data|no\s+videos?\s+available|no\s+results?|không\s+có\s+dữ\s+liệu"
       r"|لا\s+توجد\s+بيانات|لا\s+توجد\s+مقاطع\s+فيديو)$", 1.0),
    # Headings of "related articles" boxes.
    _p("related", r"^(نفس\s+(الموضوع|الفئة|المؤلف|القسم)|مقالات\s+ذات\s+صلة|أخبار\s+ذات\s+صلة|اقرأ\s+أيضا|اقرأ\s+المزيد"
       r"|tin\s+liên\s+quan|bài\s+liên\s+quan|cùng\s+(chủ\s+đề|chuyên\s+mục|tác\s+giả)|xem\s+thêm|đọc\s+thêm"
       r"|tin\s+cùng\s+chuyên\s+mục|related(\s+(articles?|news|stories))?|read\s+more|see\s+also|more\s+from)\s*:?$", 1.0),
    # Photo credits and bylines: "Ảnh: …", "(Ảnh: TTXVN)", "Photo: …", "تصوير: …", "Bài và ảnh: …".
    _p("credit", r"^\(?\s*(ảnh|photo|image|الصورة|صورة|تصوير|video|clip|bài\s+và\s+ảnh|bài,\s*ảnh|tin,\s*ảnh"
       r"|tác\s+giả|by|بقلم)\s*[:：].{0,120}$", 0.9),
    # Desk and reporter credits of Vietnamese papers: "Nhóm PV Xây dựng Đảng", "PV Thu Hà",
    # "CTV Minh Anh", "Nhóm phóng viên Thời sự".
    _p("byline", r"^(nhóm\s+pv|nhóm\s+phóng\s+viên|pv|ctv|phóng\s+viên|btv|ban\s+biên\s+tập)\b.{0,50}$", 0.8),
        # A name/date byline: a short line ending in a dd/mm/yyyy date.
    _p("byline", r"^.{0,60}?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(\s+\d{1,2}:\d{2})?\s*$", 0.8),
    # Links to related articles or earlier parts of a series: ">> Bài 1: …", "» …".
    _p("related", r"^(>>|»|►|▶|→)\s*\S.{0,200}$", 0.9),
    # "Site name - slogan" banners: a short line containing a domain name.
    _p("site", r"^.{0,80}\b[\w-]+\.(vn|com|net|org|info)\b.{0,80}$", 0.7),
    # Image file names and broken image markup left in the text: "img-2915.jpg", "anh1.png)".
    _p("placeholder", r"^[\[(!]*[\w.\-/]*\.(jpe?g|png|gif|webp|bmp)\)?\]?$", 1.0),
    # A photo caption: a sentence ending in its credit ("... Ảnh: TTXVN", "... (Ảnh CSCC)",
    # "... (الصورة: ...)").  Often left out of a translation, sometimes translated.
    _p("caption", r"^.{10,400}[.\s(]\(?\s*(ảnh|photo|الصورة|صورة|تصوير)\s*[:：]?\s*[^.:()]{1,40}\)?\.?$", 0.5),
)

#: A line of at most this many words, with no sentence punctuation, looks like a
#: menu item or a list entry (but may also be a short heading).
MENU_MAX_WORDS = 2
MENU_STRENGTH = 0.6
#: Author names in capitals at the end of Vietnamese articles ("THU PHƯƠNG").
_CAPS_NAME = re.compile(r"^[^\W\d_][^\W\d_\s.\-]*(?:[\s.\-]+[^\W\d_]+){0,4}\.?$")
CAPS_NAME_STRENGTH = 0.6
_SENTENCE_END = re.compile(r"[.!?؟…:;،,؛\"”»)]\s*$")
#: A paragraph of several short lines without sentence ends: a menu or a list of
#: headlines ("related articles").
LIST_MIN_LINES = 3
LIST_STRENGTH = 0.7


def _is_caps_name(line: str) -> bool:
    """A Latin-script name written in capitals ("THU PHƯƠNG"), as bylines are."""
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) >= 3
        and all(ch.isupper() and ord(ch) < 0x2000 for ch in letters)
        and bool(_CAPS_NAME.match(line))
    )


@dataclass(frozen=True)
class NoiseVerdict:
    """How likely a paragraph is page furniture, and which kind it looks like."""

    score: float
    kind: str | None

    @property
    def is_noise(self) -> bool:
        return self.score >= 0.5


def classify_line(line: str) -> NoiseVerdict:
    """The strongest furniture pattern that matches one line (score 0 if none)."""
    line = line.strip().strip("\u200e\u200f\u202a\u202b\u202c")
    if not line:
        return NoiseVerdict(1.0, "blank")
    best = NoiseVerdict(0.0, None)
    for noise in NOISE_PATTERNS:
        if noise.strength > best.score and noise.pattern.match(line):
            best = NoiseVerdict(noise.strength, noise.kind)
    if best.score < CAPS_NAME_STRENGTH and _is_caps_name(line):
        best = NoiseVerdict(CAPS_NAME_STRENGTH, "byline")
    if best.score < MENU_STRENGTH and len(line.split()) <= MENU_MAX_WORDS and not _SENTENCE_END.search(line):
        best = NoiseVerdict(MENU_STRENGTH, "menu")
    return best


def classify(text: str) -> NoiseVerdict:
    """Verdict for a whole paragraph.

    A paragraph is furniture as far as its *least* furniture-like line is: an ad
    marker followed by a source line is certainly noise, an ad marker glued to a real
    sentence is not.  A block of several short unpunctuated lines (a menu, a list of
    related headlines) counts as a list.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return NoiseVerdict(1.0, "blank")
    verdicts = [classify_line(line) for line in lines]
    weakest = min(verdicts, key=lambda v: v.score)
    if weakest.score < LIST_STRENGTH and len(lines) >= LIST_MIN_LINES and all(
        len(line.split()) <= 16 and not re.search(r"[.!?؟]\s*$", line.strip()) for line in lines
    ):
        return NoiseVerdict(LIST_STRENGTH, "list")
    if weakest.score == 0.0:
        return weakest
    return NoiseVerdict(weakest.score, weakest.kind)


_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_WORD = re.compile(r"[^\W\d_]{2,}")


def classify_in(text: str, lang: str) -> NoiseVerdict:
    """Verdict for a paragraph of a document in language ``lang``.

    On an Arabic page a paragraph without a single Arabic letter but with Latin words
    (an untranslated Vietnamese image caption, a dateline "Báo XBáo X20/03/2025") is
    not a translation of anything: it is page chrome, whatever the source says.
    """
    verdict = classify(text)
    if lang == "ar" and verdict.score < 1.0 and not _ARABIC_LETTER.search(text) \
            and _LATIN_WORD.search(text):
        return NoiseVerdict(1.0, "foreign")
    return verdict


def noise_score(text: str) -> float:
    """Probability-like score (0..1) that a paragraph is page furniture."""
    return classify(text).score


def is_noise(text: str) -> bool:
    """True when the paragraph most likely has no counterpart (ad, menu, source...)."""
    return classify(text).is_noise
