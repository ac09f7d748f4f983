"""Vietnamese common nouns that machine translation pivots through English and then
writes in Arabic letters instead of translating ("Cao nguyên đá" → "Stone Plateau" →
هضبة ... ستون; "xã" → "commune" → كومونة; "lều" → "tent" → تنت).

Each entry: the Vietnamese word, its English gloss(es), and Arabic words that translate
it (their presence means the word was translated).  Only words whose English gloss has
three or more consonants are listed: shorter ones look like too many Arabic words.
"""

from __future__ import annotations

#: Vietnamese word -> (English glosses, Arabic translations in Arabic script).
GLOSSES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "đá": (("stone",), ("حجر", "حجري", "حجرية", "الحجرية", "صخر", "صخري", "صخرية", "الصخرية")),
    "xã": (("commune",), ("بلدية", "البلدية")),
    "lều": (("tent",), ("خيمة", "الخيمة", "خيام")),
    "núi": (("mountain",), ("جبل", "الجبل", "جبال", "الجبال", "جبلي", "الجبلية")),
    "sông": (("river",), ("نهر", "النهر")),
    "chợ": (("market",), ("سوق", "السوق", "اسواق")),
    "làng": (("village",), ("قرية", "القرية")),
    "cầu": (("bridge",), ("جسر", "الجسر")),
    "đền": (("temple",), ("معبد", "المعبد")),
    "cao nguyên": (("plateau",), ("هضبة", "الهضبة")),
    "suối": (("stream",), ("جدول", "نبع", "الجدول")),
    "rừng": (("forest",), ("غابة", "الغابة", "غابات")),
    "hội": (("festival",), ("مهرجان", "المهرجان", "احتفال")),
    "ruộng": (("field",), ("حقل", "حقول", "الحقول")),
    "vịnh": (("bay",), ("خليج", "الخليج")),
    "thác": (("waterfall",), ("شلال", "الشلال", "شلالات")),
    "thôn": (("hamlet",), ("قرية", "القرية")),
}
