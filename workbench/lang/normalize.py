"""Matching forms of Vietnamese and Arabic text.

These copies are for comparing only: the text a reviewer sees is never changed.
Vietnamese: NFC, case-folded.  Arabic: no tashkeel or tatweel, unified alef and hamza
forms, ة→ه and ى→ي, Arabic-Indic digits → ASCII.  Every Arabic map is one character
to at most one character (deletions aside) so spans can be mapped back; see
:func:`normalize_ar_with_offsets`.
"""

from __future__ import annotations

import unicodedata

# Tashkeel (harakat), superscript alef, Quranic marks, tatweel: removed.
_AR_DROP = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"} | set(
    chr(c) for c in range(0x06D6, 0x06EE)
)
# Zero-width and bidi control characters: removed for matching.
_INVISIBLE = {
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
}
_AR_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_PUNCT = {"٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?", "٪": "%"}


def normalize_vi(text: str) -> str:
    """Vietnamese matching form: NFC, lower-case, invisible characters removed."""
    text = "".join(ch for ch in text if ch not in _INVISIBLE)
    return unicodedata.normalize("NFC", text).lower()


def strip_tones(text: str) -> str:
    """Vietnamese without diacritics (đ→d), for glossaries that allow toneless typing."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")


def _ar_char(ch: str) -> str:
    if ch in _AR_DROP or ch in _INVISIBLE:
        return ""
    return _AR_MAP.get(ch) or _DIGITS.get(ch) or _PUNCT.get(ch) or ch


def normalize_ar_with_offsets(text: str) -> tuple[str, list[int]]:
    """Arabic matching form and, for each of its characters, the index in ``text``."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = _ar_char(ch).lower()
        for m in mapped:
            out.append(m)
            offsets.append(i)
    return "".join(out), offsets


def normalize_ar(text: str) -> str:
    """Arabic matching form (see module docstring)."""
    return normalize_ar_with_offsets(text)[0]
