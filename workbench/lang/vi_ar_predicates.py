"""Vietnamese predicates that news states as facts, and the Arabic that renders them.

A machine translation that merges two clauses ("the cooperative was founded, she joined
it as a member" → "the cooperative was founded as a member") or drops one loses a
predicate: the Arabic sentence keeps the nouns but no word for the act.  Each entry maps
a Vietnamese verb (lower case, as written) to Arabic cores in the matching form of
:func:`workbench.lang.normalize.normalize_ar` (bare alef, ة written ه, ى written ي): a
core found inside any Arabic word of the sentence (انضمت, بانضمامنا, ينضم all contain
نضم) means the act is rendered.  Only acts with few, stable renderings are listed; each
was kept because human news translations (NTREX) render it in the same sentence.
"""

from __future__ import annotations

#: Vietnamese predicate → Arabic cores (matching form) whose presence renders it.
PREDICATES: dict[str, tuple[str, ...]] = {
    "tham gia": ("شارك", "شترك", "نضم", "لتحق", "نخرط", "ساهم", "اسهم", "حضر", "حضور"),
    "thành lập": ("اسس", "تاسيس", "تاسس", "وسس", "انشا", "انشي", "نشا", "نشي", "شكل", "تشكيل"),
    "khánh thành": ("افتتاح", "افتتح", "دشن", "تدشين"),
    "khởi công": ("بدء", "بدا", "شروع", "شرع", "اطلاق", "اطلق", "حجر", "انطلاق"),
    "ký kết": ("وقع", "توقيع", "ابرم", "ابرام"),
    "bổ nhiệm": ("عين", "تعيين"),
    "được bầu": ("انتخب", "انتخاب", "منتخب"),
    "từ chức": ("استقال", "استقاله"),
    "bắt giữ": ("اعتقل", "اعتقال", "قبض", "احتجز", "احتجاز", "ضبط", "توقيف", "اوقف"),
    "qua đời": ("توفي", "وفاه", "وفات", "رحل", "رحيل", "مات", "موت", "حتف"),
    "bị thương": ("اصيب", "اصاب", "مصاب", "جرح", "جريح", "جرحي"),
    "phê duyệt": ("وافق", "موافق", "اعتمد", "اعتماد", "اقر", "اقرار", "صدق", "مصادق"),
    "kết hôn": ("تزوج", "زواج", "زوج"),
    "ly hôn": ("طلاق", "طلق", "انفصل", "انفصال"),
    "tốt nghiệp": ("تخرج", "خريج"),
    "nghỉ hưu": ("تقاعد", "متقاعد"),
    "phá hủy": ("دمر", "تدمير", "هدم", "خرب", "حطم"),
    "sơ tán": ("اجلا", "اجلي", "اخلا", "اخلي", "نزوح", "نزح"),
    "giải cứu": ("انقذ", "انقاذ", "اغاث", "نجد"),
    "xuất khẩu": ("صدر", "تصدير", "صادر"),
    "nhập khẩu": ("استورد", "استيراد", "وارد"),
    "khai mạc": ("افتتاح", "افتتح", "انطلق", "انطلاق", "بدا", "بدء", "استهل"),
    "bế mạc": ("اختتام", "اختتم", "ختام", "اختت"),
    "trao tặng": ("منح", "قدم", "تقديم", "سلم", "تسليم", "اهدي", "اهدا"),
    "hỗ trợ": ("دعم", "ساعد", "مساعد", "ساند", "مساند", "عون", "اعان", "اعان"),
    "đầu tư": ("استثمر", "استثمار", "مستثمر", "تمويل", "مول"),
    "thu hoạch": ("حصاد", "حصد", "جني", "جنى", "قطف", "محصول", "محاصيل"),
    "sơ kết": ("مراجع", "استعراض", "استعرض", "تقييم", "قيم", "لخص", "تلخيص"),
    "tổng kết": ("مراجع", "استعراض", "استعرض", "تقييم", "قيم", "لخص", "تلخيص", "ختام", "اختتام"),
    "phát hiện": ("اكتشف", "اكتشاف", "رصد", "عثر", "عثور", "كشف", "وجد", "ضبط"),
}

#: Words after which an act is the name of a ceremony, not a predicate: lễ khai mạc (the
#: opening ceremony) is rendered الحفل as often as حفل الافتتاح.
CEREMONY_BEFORE: tuple[str, ...] = ("lễ",)
