"""Vietnamese→Arabic transliteration rules as data, read by :mod:`workbench.names.transliteration`.

A Vietnamese syllable is split into initial consonant, medial /w/, vowel nucleus and
final (tones are dropped first; vowel quality marks â ă ê ô ơ ư and đ are kept).  Each
part maps to a list of Arabic spellings, **most usual first**: the first choice of every
part makes the preferred rendering, the others are spellings met in Arabic news copy
(Vietnam News Agency and Vietnam.vn machine translation, Arab press, Arabic Wikipedia
titles).  The ranks are our judgement from that usage, not a published standard.

A linguist can change a row here without reading the code.
"""

from __future__ import annotations

#: Initial consonants, longest first where prefixes overlap.  "" = vowel-initial.
#: Arabic has no /v/, /p/ or /z/-as-in-Northern-"d": ف, ب and د/ز stand in.
INITIALS: dict[str, tuple[str, ...]] = {
    "ngh": ("نغ", "نج", "ن"),
    "ng": ("نغ", "نج", "ن"),
    "nh": ("نه", "ني", "ن"),
    "ph": ("ف",),
    "th": ("ث", "ت"),
    "tr": ("تر", "تش"),
    "kh": ("خ", "ك"),
    "gh": ("غ", "ج"),
    "gi": ("جي", "ج", "زي", "ز"),   # Giang → جيانغ, Giáp → جياب
    "qu": ("ك",),                   # the /w/ of qu- is the medial, below
    "ch": ("تش", "ش"),               # Chí → تشي (هو تشي منه)
    "b": ("ب",),
    "c": ("ك",),
    "k": ("ك",),
    "d": ("د", "ز", "ي"),
    "đ": ("د",),
    "g": ("غ", "ج"),
    "h": ("ه",),
    "l": ("ل",),
    "m": ("م",),
    "n": ("ن",),
    "p": ("ب",),
    "r": ("ر", "ز"),
    "s": ("س", "ش"),
    "t": ("ت",),
    "v": ("ف", "ڤ"),
    "x": ("ش", "س"),                 # Xuân → شوان
}

#: "gi" before a rime that has no vowel of its own ("gìn", "gì"): the i is the vowel.
GI_BEFORE_CONSONANT: tuple[str, ...] = ("ج", "ز")

#: The medial /w/ (o before a ă e; u before y ê â ơ, and after q-): Hoàng → هوانغ,
#: Tuyên → توين, Xuân → شوان, Quang → كوانغ.
MEDIAL: tuple[str, ...] = ("و",)

#: Vowel nuclei (after the medial).  Short vowels may go unwritten in Arabic ("منه" for
#: Minh) only where ALLOW_EMPTY says so.
NUCLEI: dict[str, tuple[str, ...]] = {
    "iê": ("ي", "يا", "يي"),        # Tiến → تيان / تين, Hiệp → هييب, Kiên → كين
    "yê": ("ي", "يي", "يا"),        # Tuyên → توين, Yên → ين
    "ia": ("يا", "ي"),              # Nghĩa → نغيا
    "ya": ("يا", "ي"),
    "uô": ("و", "وو", "وا"),        # Khuổi → خوي
    "ua": ("وا", "و"),
    "ươ": ("و", "وو", "وا"),        # Phương → فونغ / فوونغ, Cường → كونغ
    "ưa": ("وا", "و"),
    "oo": ("و",),                   # Coóc → كوك
    "a": ("ا",),
    "ă": ("ا",),
    "â": ("ا",),
    "e": ("ي", "ا"),
    "ê": ("ي",),
    "i": ("ي",),
    "y": ("ي",),
    "o": ("و",),
    "ô": ("و",),
    "ơ": ("و",),
    "u": ("و",),
    "ư": ("و",),
}

#: Nuclei that Arabic copy often leaves unwritten before these finals: Minh → منه.
ALLOW_EMPTY: dict[str, frozenset[str]] = {
    "i": frozenset({"nh", "n"}),
}

#: Finals.  Off-glides (i y o u) are written as the matching long-vowel letter.
FINALS: dict[str, tuple[str, ...]] = {
    "ng": ("نغ", "نج", "ن"),       # house style writes نغ; the page mixes in نج
    "nh": ("نه", "ن", "نغ"),        # Minh → مينه, Hạnh → هانه
    "ch": ("تش", "ك", "ش"),         # Bích → بيتش
    "c": ("ك",),
    "m": ("م",),
    "n": ("ن",),
    "p": ("ب",),
    "t": ("ت",),
    "i": ("ي",),
    "y": ("ي",),
    "o": ("و",),
    "u": ("و",),
    "": ("",),
}

#: How a vowel-initial syllable starts in Arabic, by its first Vietnamese letter: the
#: Arabic word needs an alef seat unless it starts with a glide (Yên → ين).
#: "An" → آن, "Uông" → اونغ, "Ích" → ايتش.
VOWEL_INITIAL: dict[str, tuple[str, ...]] = {
    "a": ("آ", "ا"), "ă": ("آ", "ا"), "â": ("آ", "ا"),
    "e": ("اي", "ي"), "ê": ("اي", "ي"), "i": ("اي", "ي"),
    "o": ("او", "و"), "ô": ("او", "و"), "ơ": ("او", "و"), "u": ("او", "و"), "ư": ("او", "و"),
    "y": ("ي", "اي"),
}

#: Letter by letter, for syllables that are not Vietnamese ("Shan" in "chè Shan tuyết").
LETTERS: dict[str, str] = {
    "a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "ي", "f": "ف", "g": "غ", "h": "ه",
    "i": "ي", "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "p": "ب",
    "q": "ك", "r": "ر", "s": "س", "t": "ت", "u": "و", "v": "ف", "w": "و", "x": "كس",
    "y": "ي", "z": "ز",
}
#: Digraphs of foreign syllables, tried before LETTERS.
FOREIGN_DIGRAPHS: dict[str, str] = {"sh": "ش", "ch": "تش", "th": "ث", "ph": "ف", "kh": "خ"}

#: Conventional renderings that the rules would not produce, keyed by the lower-case,
#: toned Vietnamese (one to five syllables).  First entry preferred.
CONVENTIONAL: dict[str, tuple[str, ...]] = {
    "nguyễn": ("نجوين", "نغوين"),                     # Arab press usage
    "hồ chí minh": ("هو تشي منه", "هوشي منه", "هو شي منه"),  # Arabic Wikipedia: هو تشي منه
    "thành phố hồ chí minh": ("مدينة هو تشي منه", "هو تشي منه"),  # Ho Chi Minh City
    "hà nội": ("هانوي",),                             # Arabic Wikipedia: هانوي
    "việt nam": ("فيتنام",),                          # Arabic Wikipedia: فيتنام
    "sài gòn": ("سايغون", "سايجون"),                  # Arabic Wikipedia: سايغون
    "điện biên phủ": ("ديان بيان فو",),               # Arab press (the 1954 battle)
    "điện biên": ("ديان بيان", "دين بين"),
}

#: Letters treated as the same sound class when scoring (not when rendering): the page
#: writes the ng-final as ج or غ, v as ف or ڤ.
FOLD: dict[str, str] = {"ج": "غ", "ڤ": "ف", "پ": "ب", "گ": "غ", "ة": "ه"}

#: Near-misses that cost half an edit: letters Arabic copy swaps for one Vietnamese sound.
NEAR: frozenset[frozenset[str]] = frozenset({
    frozenset("ثت"), frozenset("شس"), frozenset("دز"), frozenset("كق"), frozenset("كخ"),
    frozenset("هح"),
})
