"""The words that name an event in Vietnamese and Arabic, and which Arabic fits which.

A Vietnamese news paragraph names its event with one noun: họp (a meeting), hội nghị (a
conference), đại hội (a congress), lễ hội (a festival), lễ khai mạc (a ceremony).
Machine translation sometimes swaps the kind: a festival becomes الاجتماع (the meeting).
:data:`VI_EVENTS` maps each Vietnamese event noun to the Arabic event nouns that may
render it; :data:`AR_EVENTS` lists the Arabic nouns the event check reads (written
as a reader expects them; the check compares their matching forms).  :data:`AR_LICENCES` lists Vietnamese words that make an Arabic noun right whatever
the event is called: "chào mừng"/"kỷ niệm" (to celebrate) is احتفالًا بـ, "làm việc
với" (a working session) is اجتماع عمل.

Only the nouns that name a distinct kind are read on the Arabic side; words that fit
any event (جلسة a sitting, لقاء an encounter, فعالية an event, دورة a session) are not.
"""

from __future__ import annotations

_MEETING = ("اجتماع", "مؤتمر", "جلسة", "لقاء")
_CONFERENCE = ("مؤتمر", "اجتماع", "ندوة", "منتدى", "جلسة", "لقاء")
_FESTIVAL = ("مهرجان", "احتفال", "حفل", "عيد")
_CEREMONY = ("حفل", "احتفال", "مراسم", "مراسيم", "مهرجان")

#: Vietnamese event noun (lower case) → the Arabic event stems that may render it.
VI_EVENTS: dict[str, tuple[str, ...]] = {
    "họp": _MEETING, "cuộc họp": _MEETING, "buổi họp": _MEETING, "phiên họp": _MEETING,
    "kỳ họp": _MEETING, "họp báo": ("مؤتمر", "اجتماع", "لقاء"),
    "sinh hoạt chi bộ": _MEETING, "giao ban": _MEETING, "buổi làm việc": _MEETING,
    "hội nghị": _CONFERENCE, "hội thảo": _CONFERENCE, "tọa đàm": _CONFERENCE,
    "toạ đàm": _CONFERENCE, "diễn đàn": _CONFERENCE,
    "đại hội": ("مؤتمر", "جمعية", "اجتماع", "جلسة"),
    "đại hội thể dục thể thao": ("مهرجان", "دورة", "ألعاب", "بطولة", "احتفال"),
    "lễ hội": _FESTIVAL, "liên hoan": _FESTIVAL, "ngày hội": _FESTIVAL, "hội diễn": _FESTIVAL,
    "festival": _FESTIVAL, "hội chợ": ("معرض", "سوق", "مهرجان"),
    "lễ khai mạc": _CEREMONY, "lễ bế mạc": _CEREMONY, "lễ kỷ niệm": _CEREMONY,
    "lễ khánh thành": _CEREMONY, "lễ khởi công": _CEREMONY, "lễ động thổ": _CEREMONY,
    "lễ trao": _CEREMONY, "lễ ra mắt": _CEREMONY, "lễ đón": _CEREMONY,
    "lễ công bố": _CEREMONY, "lễ phát động": _CEREMONY, "lễ tuyên dương": _CEREMONY,
    "lễ ký kết": _CEREMONY, "lễ khai giảng": _CEREMONY, "lễ tổng kết": _CEREMONY,
    "lễ thông xe": _CEREMONY, "lễ gắn biển": _CEREMONY, "lễ tưởng niệm": _CEREMONY,
    "lễ truy điệu": _CEREMONY, "lễ dâng hương": _CEREMONY, "lễ chào cờ": _CEREMONY,
    "lễ mít tinh": _CEREMONY, "mít tinh": _CEREMONY, "buổi lễ": _CEREMONY,
}

#: The Arabic event stems the check reads (a plural in ات and clitics are allowed).
AR_EVENTS: tuple[str, ...] = ("اجتماع", "مؤتمر", "مهرجان", "احتفال", "حفل", "حفلة")

#: Arabic stem → Vietnamese words that make it right in any paragraph that has them.
AR_LICENCES: dict[str, tuple[str, ...]] = {
    "احتفال": ("chào mừng", "kỷ niệm", "mừng", "ăn mừng", "đón", "lễ", "tết", "hội"),
    "حفل": ("lễ", "tiệc", "đêm", "chương trình", "buổi biểu diễn", "hòa nhạc", "đón"),
    "حفلة": ("lễ", "tiệc", "đêm", "chương trình", "buổi biểu diễn", "hòa nhạc", "đón"),
    "اجتماع": ("gặp", "gặp gỡ", "gặp mặt", "làm việc", "tiếp", "hội ý", "bàn", "thảo luận",
                "trao đổi", "đối thoại", "tiếp xúc", "họp"),
    "مؤتمر": ("trực tuyến", "truyền hình", "họp báo", "hội nghị", "đại hội"),
    "مهرجان": ("hội", "lễ", "liên hoan", "festival"),
}

#: Vietnamese heads of an event that carries a name (Lễ hội văn hóa X, Giải bóng đá Cúp Y):
#: the capitalised words after them, up to a locative or a verb, belong to its name.
NAMED_EVENT_HEADS_VI: tuple[str, ...] = (
    "lễ hội", "liên hoan", "ngày hội", "hội diễn", "hội thi", "hội thao", "hội chợ", "hội báo",
    "festival", "tuần lễ", "tuần văn hóa", "giải", "cúp", "đại hội thể dục thể thao",
)
#: Heads that are common words too (giải: a prize, to solve; tuần lễ: a week): read only
#: when capitalised, as the first word of a name is (Giải bóng đá Cúp ...).
CAPITALISED_HEADS_VI: frozenset[str] = frozenset({"giải", "cúp", "tuần lễ", "tuần văn hóa", "hội báo"})
#: Vietnamese words that end an event's name: a locative (tại Huế), a verb (diễn ra), a
#: date or an edition (lần thứ 8, năm 2024), a link word (của, do, với).
EVENT_NAME_ENDS_VI: tuple[str, ...] = (
    "tại", "ở", "trên", "thuộc", "của", "do", "với", "vào", "từ", "diễn ra", "được", "sẽ", "đã",
    "đang", "khai mạc", "bế mạc", "lần", "năm", "mùa", "và", "cùng", "cho", "là", "có",
)
#: Vietnamese locatives: a name after one of them (tại Huế, ở thị trấn Mộc Châu) is where things are.
LOCATIVES_VI: tuple[str, ...] = ("tại", "ở", "trên địa bàn", "về", "đến", "tới", "thuộc")
#: Vietnamese words that give an event's venue (diễn ra tại thị trấn Mộc Châu).
VENUE_VI: tuple[str, ...] = ("tại", "ở", "trên địa bàn")
#: Arabic locatives in matching form: a name after في or a glued بـ is read as a place.
LOCATIVES_AR: tuple[str, ...] = ("في",)
#: Arabic place words that may stand between the locative and the name (في منطقة فييت باك).
PLACE_WORDS_AR: tuple[str, ...] = ("مقاطعه", "منطقه", "مدينه", "بلديه", "قريه", "اقليم", "حي", "ولايه")
