"""Words around personal and place names, in Vietnamese and Arabic, as data.

The name check finds names the glossary does not list by the words that introduce
them ("đồng chí Hiệp", "xã Sinh Long"); the gender check needs the middle name that
marks a woman (Thị) and the Arabic masculine/feminine forms of "comrade".
"""

from __future__ import annotations

#: Vietnamese words after which a capitalised syllable run is a person's name.
PERSON_CUES: tuple[str, ...] = (
    "đồng chí", "ông", "bà", "anh", "chị", "em", "cháu", "cụ", "chú", "cô", "bác",
    "Thượng tướng", "Đại tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá",
    "Trung tá", "Thiếu tá", "Bí thư", "Chủ tịch", "Thủ tướng", "Bộ trưởng", "Giám đốc",
    "Trưởng ban", "Phó Chủ tịch", "Phó Bí thư", "Trưởng thôn", "Tổng Bí thư", "nhà báo",
    "bác sĩ", "tiến sĩ", "giáo sư", "thầy", "nghệ nhân", "đảng viên",
)
#: Vietnamese words after which a capitalised syllable run is a Vietnamese place name.
#: Province and city words are left out: Vietnamese news also names Chinese provinces
#: with them (tỉnh Vân Nam = Yunnan), whose Arabic follows Chinese, not Vietnamese.
PLACE_CUES: tuple[str, ...] = (
    "xã", "huyện", "thôn", "bản", "xóm", "ấp", "làng", "phường", "quận",
    "thị trấn", "thị xã",
)
#: Capitalised words that start a sentence or a title, not a name.
NOT_NAMES: frozenset[str] = frozenset({
    "Đảng", "Nhà", "Nước", "Nhà nước", "Chính phủ", "Quốc hội", "Trung ương", "Tỉnh", "Huyện",
    "Xã", "Thôn", "Ủy", "Ban", "Hội", "Đoàn", "Chi", "Bộ", "Sở", "Phòng", "Mặt", "Trận",
})
#: The middle name that marks a Vietnamese woman's name (Nguyễn Thị Hoa).
FEMALE_MIDDLE_NAMES: tuple[str, ...] = ("Thị",)
#: Vietnamese "comrade" (the form of address that Arabic inflects for gender).
COMRADE_VI: tuple[str, ...] = ("đồng chí",)
#: Arabic "comrade": masculine and feminine, in matching form (ة written ه).
COMRADE_AR_MASCULINE: tuple[str, ...] = ("الرفيق", "رفيق")
COMRADE_AR_FEMININE: tuple[str, ...] = ("الرفيقة", "رفيقة")
#: Labels that introduce a credit (photo, text, video): the words after them are a name
#: as written, never a form of address ("Ảnh: Anh Việt" is the photographer Anh Việt).
CREDIT_LABELS_VI: tuple[str, ...] = (
    "Ảnh", "Ảnh và bài", "Bài và ảnh", "Bài, ảnh", "Bài - ảnh", "Video", "Clip", "Đồ họa",
    "Tác giả", "Nguồn ảnh",
)
#: Arabic forms of address that a Vietnamese form of address (anh, chị, ông, bà) becomes.
HONORIFICS_AR: tuple[str, ...] = ("السيد", "السيدة", "الآنسة", "الأخ", "الأخت", "السيد/")
#: Abbreviated titles before a person's name (People's/Meritorious Artist, doctor ...).
PERSON_TITLES_ABBR: tuple[str, ...] = ("NSND", "NSƯT", "NNND", "NNƯT", "TS", "ThS", "PGS", "GS", "BS")
