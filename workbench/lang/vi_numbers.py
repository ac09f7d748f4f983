"""Vietnamese number facts as data: number words, ordinals, months, weekdays, Roman numerals.

Kept apart from the code that uses them (``workbench.numbers``) the way translate-toolkit
keeps its ``lang/`` tables: a linguist can correct a row without reading a parser.
Every word is lower-case NFC; callers fold case before looking up.
"""

from __future__ import annotations

#: Digits written as words.  "một" (one) is left out on purpose: it is mostly the
#: indefinite article ("một con cá mập" = "a shark") and would raise false alarms.
UNITS: dict[str, int] = {
    "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9,
}
#: Forms that are numbers only inside a compound ("hai mươi mốt", "ba mươi lăm",
#: "hai mươi tư"): alone they mean other things ("tư" = private, "lăm" rarely alone).
COMPOUND_UNITS: dict[str, int] = {
    "một": 1, "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5, "năm": 5, "linh": 0, "lẻ": 0,
}
TEN = "mười"          # 10, as the first word of 10-19
TENS = "mươi"         # ×10 after a unit: "hai mươi" = 20
HUNDRED = "trăm"
#: Scale words; "nghìn tỷ" multiplies (10^12).
SCALES: dict[str, float] = {
    "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
}
#: "năm" is both "five" and "year": it is five only before one of these counted nouns
#: ("năm người", "năm ngày") or inside a compound; "ba năm" is three years.
COUNTED_NOUNS: frozenset[str] = frozenset({
    "người", "ngày", "tháng", "năm", "tuần", "giờ", "phút", "giây", "lần", "tuổi",
    "con", "chiếc", "cái", "căn", "ngôi", "đảng", "chi", "xã", "huyện", "tỉnh", "nước",
    "quốc", "bước", "điểm", "nhiệm", "nội", "giải", "thành", "hộ", "gia", "thôn", "bản",
    "làng", "học", "em", "cháu", "đồng", "km", "mét", "tấn", "kg", "ha", "trường", "bệnh",
    "ca", "vụ", "đội", "đơn", "cơ", "công", "dự", "đề", "chương", "nhóm", "loại", "mục",
    "khóa", "kỳ", "đợt", "cuộc", "trận", "bàn", "ván", "phần", "tầng", "lớp", "cấp",
})
PERCENT_WORDS: tuple[str, ...] = ("phần trăm",)
#: Counted nouns that are only the first syllable of a compound: "năm học sinh" is five
#: pupils, but "năm học" alone is a school year and "năm thành lập" the founding year.
#: "năm" before one of these is five only if the compound's second syllable follows.
COUNTED_COMPOUNDS: dict[str, frozenset[str]] = {
    "học": frozenset({"sinh", "viên"}), "thành": frozenset({"viên", "phố"}),
    "công": frozenset({"nhân", "ty", "trình", "chức", "dân", "an"}),
    "gia": frozenset({"đình"}), "bệnh": frozenset({"nhân", "viện"}),
    "cơ": frozenset({"sở", "quan"}), "dự": frozenset({"án"}), "đề": frozenset({"tài", "án"}),
    "nhiệm": frozenset({"kỳ", "vụ"}), "nội": frozenset({"dung"}), "quốc": frozenset({"gia"}),
    "đơn": frozenset({"vị"}), "chi": frozenset({"bộ", "nhánh"}), "trường": frozenset({"học"}),
}
#: Prizes are ranked with capitalised ordinal words: "giải Nhì" = second prize.
PRIZE_CUES: frozenset[str] = frozenset({"giải"})
PRIZE_ORDINALS: dict[str, int] = {"nhất": 1, "nhì": 2, "ba": 3, "tư": 4}
#: "quý I/2025", "quý 3": a quarter of a year, then the year.
QUARTER_WORD = "quý"


#: "thứ hai" = second (ordinal); "thứ nhất"/"thứ nhì" only exist as ordinals.
ORDINAL_WORDS: dict[str, int] = {
    "nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}
ORDINAL_MARKER = "thứ"
#: "đầu tiên" (first) follows a noun: "cuộc gặp đầu tiên" = the first meeting.
FIRST_WORDS: tuple[str, ...] = ("đầu tiên",)

#: Words before "thứ Hai…thứ Bảy" that make it a weekday, not an ordinal.
WEEKDAY_CUES: frozenset[str] = frozenset({
    "vào", "hôm", "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "các", "mỗi", "từ", "đến",
    "tới", "hàng", "trước", "sau",
})
#: Weekday numbers follow the Vietnamese naming (thứ Hai = 2 … thứ Bảy = 7, Sunday 8),
#: and :mod:`workbench.lang.ar_numbers` uses the same numbers.
WEEKDAYS: dict[str, int] = {"chủ nhật": 8}

#: "tháng Giêng" and "tháng Chạp" are the traditional names of January and December.
MONTH_WORDS: dict[str, int] = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
    "chạp": 12,
}
MONTH_MARKER = "tháng"
DAY_MARKER = "ngày"
YEAR_MARKER = "năm"

#: Words before a Roman numeral that make it a number (congress, term, century, plenum).
ROMAN_CUES: frozenset[str] = frozenset({
    "khóa", "khoá", "hội", "thế", "kỷ", "kỳ", "lần", "đại", "thứ", "hội nghị", "chương",
    "phần", "quân", "khu", "mục",
})
ROMAN_VALUES: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

#: Capitalised words that are translated, not transliterated (institutions, titles,
#: countries, place types): trimmed from either end of a run of capitalised words
#: (``workbench.align.fidelity.source_names``), kept inside one ("Nguyễn Văn Hùng").
#: Lower-case, one syllable each; given-name syllables that would be trimmed from a
#: name's end too often (Văn, Hà, Lan, Đức...) are deliberately absent.
NAME_STOPWORDS: frozenset[str] = frozenset("""
đảng  hội ban bộ tỉnh ủy uỷ  phố  phủ nhà nước  ương ông bà  chị
anh em cô chú bác đại thành quốc trung hoa nam chính tổng thủ tướng chủ tịch liên hợp  kỳ  pháp nhật hàn triều tiên
bắc đông tây  nga ý úc   ấn độ   châu âu á phi thế giới
bí thư phó nhiệm giám đốc sở huyện xã thôn làng bản phường quận thị trấn ấp tổ khu
mặt trận tổ  ngân hàng công ty tập đoàn học trường bệnh viện hội đồng tòa toà án
tối cao quân đội nhân dân cộng sản   xã chủ nghĩa ngoại giao kinh tế lao
động bảo thủ dân giải cúp vô địch sân vận ủy viên thường vụ  phòng cục tổng cục
chi đoàn thanh niên phụ nữ nông dân cựu chiến binh hiệp hội liên đoàn tạp chí báo đài
truyền hình tờ tuần trận đội tuyển nghị sĩ đại biểu nghị viện thượng viện hạ viện tổng
thống thủ hiến thị trưởng bộ trưởng thứ trưởng giáo sư tiến sĩ thạc sĩ bác sĩ đồng chí
đ/c ngày tháng năm thứ chủ nhật các những một theo trong khi sau tại người này đó cuộc
vụ việc và của với cho từ đến về là có không được đã sẽ đang nhưng nếu vì do hay
hai ba tư năm sáu bảy tám chín mười nhất nhì hồi giáo kitô thiên chúa phật thánh
lạp thổ nhĩ hy   ba    thụy điển sĩ điển mạch ai cập iran
cơn bão áp thấp động đất sóng thần thảm họa cực quản lý cơ quan ủy ban ủy hội chương
trình lễ hiệp định luật hiến pháp nghị quyết quyết định chỉ thị quy định kế hoạch đề án
dự án chiến lược chương trình cách mạng kháng chiến độc lập đổi mới
""".split())

#: Years said relative to now ("năm ngoái" = last year): a translation may write the
#: year out (2016), which is the same fact, not an added figure.
RELATIVE_YEARS: tuple[str, ...] = (
    "năm ngoái", "năm nay", "năm trước", "năm tới", "năm sau", "năm qua", "năm ngoải",
)

#: Words before a one-syllable name that make it a name ("ông Hùng", "xã Vĩnh"): alone,
#: one capitalised Vietnamese syllable is usually a translated word (Đức = Germany,
#: "Trò chơi Vương quyền" = Game of Thrones).
NAME_CUES: tuple[str, ...] = (
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "đồng chí", "đ/c",
    "xã", "huyện", "thôn", "bản", "xóm", "làng", "phường", "quận", "tỉnh", "sông", "núi",
)

#: Places Vietnamese names by their Sino-Vietnamese reading, which Arabic translates
#: rather than transliterates (Tây Ban Nha = إسبانيا, Thái Bình Dương = المحيط الهادئ):
#: a capitalised run that is one of these is not a name to look for by sound.
TRANSLATED_PLACES: frozenset[str] = frozenset({
    "tây ban nha", "bồ đào nha", "hy lạp", "thổ nhĩ kỳ", "thụy điển", "thụy sĩ", "đan mạch",
    "na uy", "phần lan", "hà lan", "ba lan", "bỉ", "áo", "ý", "đức", "pháp", "nga", "anh",
    "anh quốc", "mỹ", "hoa kỳ", "úc", "ấn độ", "nhật bản", "hàn quốc", "triều tiên",
    "bắc triều tiên", "nam triều tiên", "trung quốc", "đài loan", "hồng kông", "ai cập",
    "nam phi", "tân tây lan", "thái bình dương", "đại tây dương", "ấn độ dương",
    "bắc cực", "nam cực", "châu âu", "châu á", "châu phi", "châu mỹ", "châu úc",
    "trung đông", "bắc mỹ", "nam mỹ", "liên hợp quốc", "nhà trắng", "quốc hội", "chính phủ",
    "nhà nước", "thượng viện", "hạ viện", "tòa án tối cao", "liên minh châu âu",
    "ả rập", "ả rập xê út", "vatican", "tòa thánh", "hồi giáo", "tây nam", "đông nam",
    "tây bắc", "đông bắc", "trung mỹ", "đông âu", "tây âu", "bắc âu", "nam âu",
})
