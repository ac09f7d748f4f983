"""Arabic number facts as data: digits, number words, ordinals, months, weekdays.

Written in ordinary spelling; :mod:`workbench.numbers.arabic_text` folds them with
:func:`workbench.lang.normalize.normalize_ar` (alef and hamza forms, ة→ه, ى→ي) before use,
so a row here matches every common spelling of the word.
"""

from __future__ import annotations

#: Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…, Persian/Urdu) digits.
DIGITS: dict[str, str] = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}

#: Cardinals.  واحد (one) is left out, as "một" is in Vietnamese: too often an article.
UNITS: dict[str, int] = {
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8,
    "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
}
#: The first word of 11 and 12, which take عشر/عشرة after them.
TEEN_HEADS: dict[str, int] = {
    "أحد": 1, "إحدى": 1, "حادي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
}
TENS: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
HUNDREDS: dict[str, int] = {
    "مائة": 100, "مئة": 100, "مائتان": 200, "مائتين": 200, "مئتان": 200, "مئتين": 200,
    "ثلاثمائة": 300, "ثلاثمئة": 300, "أربعمائة": 400, "أربعمئة": 400,
    "خمسمائة": 500, "خمسمئة": 500, "ستمائة": 600, "ستمئة": 600, "سبعمائة": 700,
    "سبعمئة": 700, "ثمانمائة": 800, "ثمانمئة": 800, "تسعمائة": 900, "تسعمئة": 900,
}
#: Scale words, singular, dual and plural ("ألفين" is 2000 on its own).
SCALES: dict[str, float] = {
    "ألف": 1e3, "آلاف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9,
    "مليارات": 1e9, "بليون": 1e9, "تريليون": 1e12,
}
DUAL_SCALES: dict[str, float] = {
    "ألفين": 2e3, "ألفان": 2e3, "مليونين": 2e6, "مليونان": 2e6, "مليارين": 2e9,
    "ملياران": 2e9, "ألفي": 2e3, "مليوني": 2e6, "ملياري": 2e9,
}
#: Dual nouns say "two" without a number word: "عامين" = two years.
DUAL_NOUNS: frozenset[str] = frozenset({
    "عامين", "عامان", "سنتين", "سنتان", "يومين", "يومان", "شهرين", "شهران",
    "أسبوعين", "أسبوعان", "ساعتين", "ساعتان", "مرتين", "مرتان", "دقيقتين",
    "دولارين", "شخصين", "طفلين", "هدفين",
})
#: The feminine dual ending (سنتين, حفرتين, ساعتان): a noun in -تين/-تان says "two" too
#: often to list them all.  Words that merely end so are excepted.
DUAL_ENDINGS: tuple[str, ...] = ("تين", "تان")
NOT_DUALS: frozenset[str] = frozenset({
    "الأرجنتين", "أرجنتين", "لاتين", "بروتين", "روتين", "بستان", "فستان", "كتان",
    "الاثنين", "الإثنين", "اثنتين", "اثنتان",
})
#: The masculine dual ending (المستويين, الطرفان, محصولين): any noun in -ين/-ان may be a
#: dual, but so are sound plurals (المزارعين) and many words (إيران, رمضان), so such a
#: word only vouches for a missing 2 when no figure in digits is left unexplained, and
#: only when it is long enough to be a noun with an ending (5 letters without the article).
MASCULINE_DUAL_ENDINGS: tuple[str, ...] = ("ين", "ان")
#: Words of five letters or more that end so without being duals.
NOT_MASCULINE_DUALS: frozenset[str] = frozenset({
    "فلسطين", "الصين", "إيران", "لبنان", "اليابان", "عمان", "السودان", "الأردن", "أفغانستان",
    "إنسان", "رمضان", "برلمان", "ميدان", "إيمان", "إعلان", "بيان", "عنوان", "ديوان", "سلطان",
    "بستان", "فستان", "ميزان", "حيوان", "طيران", "بركان", "مهرجان", "إحسان", "عمران", "نيسان",
    "حزيران", "ملايين", "قوانين", "ميادين", "دواوين", "عناوين", "بساتين", "سلاطين", "موازين",
    "تمرين", "تكوين", "تخزين", "تعيين", "تحسين", "تموين", "تدوين", "تأمين", "تلوين", "تزيين",
    "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "عشرين", "اثنين",
})
#: Demonstratives that are dual ("these two"): "هذان النوعان" = "these two kinds".
DUAL_DEMONSTRATIVES: frozenset[str] = frozenset({"هذان", "هذين", "هاتان", "هاتين"})
#: "ونصف" after a noun adds a half: "يوم ونصف" = 1.5 days, "ساعتين ونصف" = 2.5 hours.
AND_A_HALF: frozenset[str] = frozenset({"ونصف", "والنصف"})
#: "All" words: a translation may say "all the children" for "100% trẻ em".  Only
#: information, never a figure of their own.
ALL_WORDS: frozenset[str] = frozenset({
    "جميع", "كل", "كافة", "الكل", "جميعهم", "جميعها", "كلهم", "كلها", "بالكامل",
})
#: Plurals of أول ("من أوائل" = "among the first"): they vouch for a first.
FIRSTS: frozenset[str] = frozenset({"أوائل"})
#: "الشهر الأول" is the first month (of the lunar year: tháng Giêng): month + ordinal.
MONTH_WORDS: frozenset[str] = frozenset({"الشهر", "شهر"})
#: Words that state a number without being counted ones: fractions (النصف = half =
#: 50 phần trăm, الثلث = 1/3) and zero (الصفر).  Value, then other readings.
FRACTION_WORDS: dict[str, tuple[float, ...]] = {
    "نصف": (0.5, 50.0), "ثلث": (1 / 3,), "ثلثي": (2 / 3,), "ثلثا": (2 / 3,),
    "ربع": (0.25, 25.0), "صفر": (0.0,),
}
#: Clock times in words: "الساعة الخامسة والنصف" = 5:30 (or 17:30).  The hour word,
#: then an ordinal, then what is added to (or, after إلا, taken from) the hour.
CLOCK_WORDS: frozenset[str] = frozenset({"الساعة", "ساعة", "بالساعة"})
CLOCK_FRACTIONS: dict[str, float] = {
    "والنصف": 0.5, "ونصف": 0.5, "والربع": 0.25, "وربع": 0.25, "والثلث": 1 / 3, "وثلث": 1 / 3,
}
CLOCK_BEFORE: frozenset[str] = frozenset({"إلا", "الا"})
PERCENT_WORDS: tuple[str, ...] = (
    "في المائة", "في المئة", "بالمائة", "بالمئة", "في المية", "بالمية",
)

#: Ordinals, masculine and feminine, with and without the article (stripped by the
#: parser).  أول is "first" as in "أول مرة".
ORDINALS: dict[str, int] = {
    "أول": 1, "أولى": 1, "ثاني": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3, "رابع": 4,
    "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7,
    "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10, "عاشرة": 10,
    "حادي": 1, "حادية": 1, "ثان": 2,
}
#: Decades: "ثمانينيات القرن العشرين" = the 1980s (Vietnamese "những năm 1980").
DECADES: dict[str, int] = {
    "عشرينيات": 20, "ثلاثينيات": 30, "أربعينيات": 40, "خمسينيات": 50, "ستينيات": 60,
    "سبعينيات": 70, "ثمانينيات": 80, "تسعينيات": 90,
}
CENTURY_WORD = "القرن"
#: Ordinal 11-19: "الحادي عشر", "الحادية عشرة", "السابع عشر".
ORDINAL_TEEN_TAILS: frozenset[str] = frozenset({"عشر", "عشرة"})

#: Weekdays, numbered as Vietnamese names them (الاثنين = thứ Hai = 2; Sunday = 8).
WEEKDAYS: dict[str, int] = {
    "الاثنين": 2, "الإثنين": 2, "الثلاثاء": 3, "الأربعاء": 4, "الخميس": 5,
    "الجمعة": 6, "السبت": 7, "الأحد": 8,
}

#: Month names: Egyptian/Gulf (يناير…), Levantine/Iraqi (كانون الثاني…), Maghrebi.
MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8,
    "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
    "كانون الأول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
}
#: Month names that are also common words (مارس = "practised", آب = "returned",
#: جوان = the name Joan):
#: months only next to a number or after one of MONTH_CUES.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"مارس", "آب", "ماي", "أوت", "جوان"})
MONTH_CUES: frozenset[str] = frozenset({
    "شهر", "في", "منذ", "حتى", "من", "خلال", "بداية", "نهاية", "أواخر", "أوائل",
    "مطلع", "منتصف", "أواسط",
})
#: One-letter prefixes (and, with, for, so, as) that may stick to a number word.
CLITICS: tuple[str, ...] = ("و", "ب", "ل", "ف", "ك")

#: Consonant classes for comparing a Latin-script name with its Arabic spelling by
#: ear: letters Arabic uses interchangeably for one Latin sound share a class (ج and غ
#: both render g; ت and د render t/d in loanwords).  Vowels and ا و ي ى ة ع ء are dropped.
ARABIC_CONSONANT_CLASS: dict[str, str] = {
    "ب": "b", "پ": "b", "ف": "f", "ڤ": "f", "ت": "t", "ط": "t", "د": "t", "ض": "t",
    "ث": "t", "ذ": "t", "ظ": "t", "ك": "k", "ق": "k", "غ": "k", "خ": "k", "ج": "k",
    "گ": "k", "س": "s", "ص": "s", "ز": "s", "ش": "s", "ل": "l", "ر": "r", "م": "m",
    "ن": "n", "ه": "h", "ح": "h",
}
#: Latin letters and digraphs (longest first) to the same classes; "" drops.
LATIN_CONSONANT_CLASS: dict[str, str] = {
    "sch": "s", "tch": "s",
    "sh": "s", "ch": "s", "th": "t", "ph": "f", "gh": "k", "kh": "k", "ck": "k",
    "qu": "k", "ng": "nk", "nh": "n", "tr": "tr", "dh": "t",
    "b": "b", "p": "b", "f": "f", "v": "f", "w": "", "t": "t", "d": "t", "đ": "t",
    "k": "k", "c": "k", "q": "k", "g": "k", "j": "k", "x": "ks", "s": "s", "z": "s",
    "l": "l", "r": "r", "m": "m", "n": "n", "h": "h", "y": "",
}
