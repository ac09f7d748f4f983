"""Language facts used to tell Vietnamese, Arabic and English apart: data only.

Kept apart from :mod:`workbench.reading.language` so a linguist can add a word without
reading the detector.  Every word is lower-case NFC.
"""

from __future__ import annotations

#: Letters only Vietnamese uses among the Latin-script languages a newsroom meets:
#: ă, đ, ơ, ư and the whole "Latin Extended Additional" block of stacked tone marks
#: (ạ ả ấ ầ ẩ ẫ ậ … ỹ).  French and Portuguese share à á â ê ô, so those prove nothing.
VI_SPECIFIC_LETTERS: frozenset[str] = frozenset(
    "ăđơưĂĐƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
)

#: Very frequent Vietnamese function words, with tones.
VI_FUNCTION_WORDS: frozenset[str] = frozenset({
    "của", "và", "là", "các", "những", "được", "trong", "cho", "với", "không",
    "người", "này", "có", "một", "đã", "sẽ", "để", "tại", "theo", "về", "từ",
    "khi", "đến", "cũng", "như", "nhiều", "năm", "việc", "đó", "thì", "ở", "chúng",
    "tôi", "họ", "mà", "nhưng", "hơn", "đang", "vào", "ra", "bị", "trên",
})

#: The same words typed without tones (chat, old systems, careless paste).  Only the
#: ones that are not ordinary words of English, French or Spanish.
VI_TONELESS_FUNCTION_WORDS: frozenset[str] = frozenset({
    "cua", "nhung", "duoc", "trong", "voi", "khong", "nguoi", "nay", "mot",
    "cac", "tai", "theo", "cung", "nhieu", "viec", "chung", "toi", "nhu", "dang",
    "vao", "tren", "khi", "den", "cho", "thi", "ve", "nam", "ngay", "thang", "nhat",
    "quoc", "viet", "nuoc", "hien", "phai", "lam", "bao", "gom", "nhan", "dong", "tinh",
    "huyen", "thanh", "duong", "truong", "chinh", "dai", "bieu", "sau", "truoc", "giua",
})

#: Very frequent English function words.
EN_FUNCTION_WORDS: frozenset[str] = frozenset({
    "the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was",
    "are", "it", "as", "by", "at", "from", "this", "be", "have", "has", "were",
    "an", "or", "which", "their", "they", "not", "but", "said", "will", "would",
})

#: Code point ranges of Arabic-script letters (letters only: no Arabic-Indic digits,
#: no ، ؛ ؟, no tashkeel), including Persian/Urdu additions and presentation forms.
ARABIC_LETTER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0620, 0x064A),
    (0x066E, 0x066F),
    (0x0671, 0x06D3),
    (0x06D5, 0x06D5),
    (0x06EE, 0x06EF),
    (0x06FA, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08C9),
    (0xFB50, 0xFDFB),
    (0xFE70, 0xFEFC),
)

#: Display names of the languages the detector returns, for messages.
LANGUAGE_NAMES: dict[str, str] = {
    "vi": "Vietnamese",
    "ar": "Arabic",
    "en": "English",
    "other": "another language",
}
