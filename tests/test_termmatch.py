"""Term matching: Vietnamese whole words and diacritics, Arabic clitics and variants."""

from __future__ import annotations

import unicodedata

import pytest

from workbench.glossary.terms import load_glossary_csv
from workbench.glossary.matching import find_rendering, find_renderings, find_terms

GLOSSARY = load_glossary_csv("""source,target,category,match
Tỉnh ủy,لجنة الحزب الإقليمية,organization,
Ban Thường vụ Tỉnh ủy,اللجنة الدائمة للجنة الحزب الإقليمية,organization,
tỉnh,مقاطعة,admin_level,
bài,مقال,term,
Hà Giang,ها جيانغ,place,
Tuyên Quang,توين كوانغ,place,toneless
UBND,اللجنة الشعبية,organization,
Ủy ban MTTQ,لجنة جبهة الوطن,organization,
Bình An,بينه آن,place,
""".encode(), "t.csv")


def sources(text: str) -> list[tuple[str, str]]:
    return [(h.entry.source, h.text) for h in find_terms(text, GLOSSARY)]


@pytest.mark.parametrize("text,expected", [
    # longest first, non-overlapping
    ("Ban Thường vụ Tỉnh ủy họp tại tỉnh Hà Giang",
     [("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"), ("tỉnh", "tỉnh"), ("Hà Giang", "Hà Giang")]),
    ("Tỉnh ủy chỉ đạo các tỉnh", [("Tỉnh ủy", "Tỉnh ủy"), ("tỉnh", "tỉnh")]),
    # whole words, and a compound is not the term inside it: "bài học" is a lesson
    ("Bài 1: bài học kinh nghiệm", [("bài", "Bài")]),
    ("văn bản của tỉnh; xã hội", [("tỉnh", "tỉnh")]),
    ("bàix baì", []),
    # exact diacritics by default
    ("Hà Giáng và Ha Giang", []),
    # toneless where the glossary says so
    ("Tuyen Quang, Tuyên Quang", [("Tuyên Quang", "Tuyen Quang"), ("Tuyên Quang", "Tuyên Quang")]),
    # abbreviations case-sensitive, inside a longer term too
    ("ubnd và UBND", [("UBND", "UBND")]),
    ("Ủy ban MTTQ tỉnh", [("Ủy ban MTTQ", "Ủy ban MTTQ"), ("tỉnh", "tỉnh")]),
    ("ủy ban mttq", []),
    # names are proper nouns: the common words "bình an" (peaceful) are not the commune
    ("cuộc sống bình an ở xã Bình An", [("Bình An", "Bình An")]),
])
def test_vietnamese_matching(text, expected):
    assert sources(text) == expected


def test_nfd_text_gives_spans_in_the_original():
    text = unicodedata.normalize("NFD", "Họp Tỉnh ủy tại Hà Giang")
    hits = find_terms(text, GLOSSARY)
    assert [h.entry.source for h in hits] == ["Tỉnh ủy", "Hà Giang"]
    assert [text[h.start:h.end] for h in hits] == [h.text for h in hits]
    assert unicodedata.normalize("NFC", hits[0].text) == "Tỉnh ủy"


@pytest.mark.parametrize("rendering,text,found", [
    # proclitics: conjunction, preposition, article, contracted lam-article
    ("المقاطعة", "في المقاطعة والمقاطعة", ["المقاطعة", "والمقاطعة"]),
    ("منطقة", "بالمنطقة", ["بالمنطقة"]),
    ("اللجنة", "للجنة وللجنة", ["للجنة", "وللجنة"]),
    ("مقاطعة", "وبالمقاطعة فللمقاطعة كالمقاطعة", ["وبالمقاطعة", "فللمقاطعة", "كالمقاطعة"]),
    # suffixes: ta marbuta before a pronoun, sound plural, dual
    ("لجنة", "لجنتها ولجانها", ["لجنتها"]),
    ("مقاطعة", "مقاطعات مقاطعتين", ["مقاطعات", "مقاطعتين"]),
    # multiword with the clitic on the first word, nisba agreement on the last
    ("لجنة الحزب الإقليمية", "اجتماع للجنة الحزب الإقليمية", ["للجنة الحزب الإقليمية"]),
    ("اللجنة الشعبية", "واللجنة الشعبية للمقاطعة", ["واللجنة الشعبية"]),
    # spelling variants: hamza seats, ta marbuta/ha, alef maqsura, tashkeel, tatweel
    ("مسؤول", "المسئول", ["المسئول"]),
    ("هيئة", "هيأة", ["هيأة"]),
    ("الأرض", "والارض", ["والارض"]),
    ("مستشفى", "مستشفي", ["مستشفي"]),
    ("قرية", "قريه", ["قريه"]),
    ("اللجنة المنظمة", "اللجنةُ المُنَظِّمَة", ["اللجنةُ المُنَظِّمَة"]),
    ("بلدية", "بلـــدية", ["بلـــدية"]),
])
def test_arabic_rendering_found_through_clitics_and_variants(rendering, text, found):
    assert [h.text for h in find_rendering(rendering, text)] == found


@pytest.mark.parametrize("rendering,text", [
    ("آن", "الآن بان لان"),          # short name syllables take no clitics
    ("منطقة", "منطقي"),               # a different word
    ("الدرس", "المدرسة"),             # not inside a longer word
    ("بينه آن", "بينه تان"),
    ("لجنة الحزب", "لجنة الحرب"),
])
def test_arabic_rendering_not_found_in_other_words(rendering, text):
    assert find_rendering(rendering, text) == []


def test_arabic_span_is_in_the_original_text():
    text = "حضر الرفيقُ اجتماعَ للجنةِ الحزبِ الإقليميةِ أمس"
    [hit] = find_rendering("لجنة الحزب الإقليمية", text)
    assert text[hit.start:hit.end] == "للجنةِ الحزبِ الإقليميةِ"


def test_longest_rendering_wins():
    text = "اللجنة الدائمة للجنة الحزب الإقليمية"
    hits = find_renderings(["لجنة الحزب الإقليمية", "اللجنة الدائمة للجنة الحزب الإقليمية"], text)
    assert [h.text for h in hits] == [text]


def test_article_may_drop_after_a_preposition_before_a_name():
    text = "لجنة التنظيم التابعة للجنة الحزب في منطقة نا هانغ"
    assert find_rendering("لجنة الحزب في المنطقة", text)


@pytest.mark.parametrize("rendering,text,found", [
    # idafa before a genitive loses the article: نوعية الأنشطة → نوعية أنشطة خلايا الحزب
    ("نوعية الأنشطة", "تحسين نوعية أنشطة خلايا الحزب", "نوعية أنشطة"),
    # idafa or preposition: عضو الحزب = عضو في الحزب
    ("عضو الحزب", "كل عضو في الحزب", "عضو في الحزب"),
    ("أعضاء الحزب", "أقل من 7 أعضاء من الحزب", "أعضاء من الحزب"),
    # nisba of a ta-marbuta noun: القاعدة → لجان الحزب القاعدية
    ("لجنة الحزب القاعدة", "لجنة الحزب القاعدية", "لجنة الحزب القاعدية"),
])
def test_arabic_paraphrases_accepted(rendering, text, found):
    assert [h.text for h in find_rendering(rendering, text)] == [found]


def test_article_drop_needs_a_following_word():
    # at the end of a sentence "نوعية أنشطة" is not "the quality of activities"
    assert find_rendering("نوعية الأنشطة", "تحسنت نوعية أنشطة.") == []


def test_arabic_span_in_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "والمسؤول")  # hamza as a combining mark
    text = "قال " + decomposed + " أمس"
    [hit] = find_rendering("مسؤول", text)
    assert text[hit.start:hit.end] == decomposed
