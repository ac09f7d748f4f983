"""Vietnamese→Arabic name transliteration: house renderings, variants, plausibility."""

from __future__ import annotations

import pytest

from workbench.names.transliteration import (
    candidates,
    locate,
    parse_syllable,
    plausibility,
    strip_tone,
    transliterate,
)


@pytest.mark.parametrize(
    "vi, ar",
    [
        ("Tuyên Quang", "توين كوانغ"),
        ("Hà Giang", "ها جيانغ"),
        ("Nguyễn Hưng Vượng", "نجوين هونغ فونغ"),
        ("Trần Thị Bích Hạnh", "تران ثي بيتش هانه"),
        ("Phạm Thị Minh Xuân", "فام ثي مينه شوان"),
        ("Hoàng Quang Tuyên", "هوانغ كوانغ توين"),
        ("Lâm Bình", "لام بينه"),
        ("Bình An", "بينه آن"),
        ("Xuân Lập", "شوان لاب"),
        ("Sinh Long", "سينه لونغ"),
        ("Khuổi Tràng", "خوي ترانغ"),
        ("Nà Coóc", "نا كوك"),
        ("Kim Phú", "كيم فو"),
        ("Hàm Yên", "هام ين"),
        ("Vi Văn Mão", "في فان ماو"),
        ("Hồ Chí Minh", "هو تشي منه"),   # convention beats the rules
        ("Hà Nội", "هانوي"),             # written as one word by convention
        ("Thành phố Hồ Chí Minh", "مدينة هو تشي منه"),  # "city" translated, not transliterated
        ("Đắk Lắk", "داك لاك"),
    ],
)
def test_house_rendering(vi: str, ar: str) -> None:
    assert transliterate(vi) == ar


@pytest.mark.parametrize(
    "vi, variant",
    [
        ("Nguyễn", "نغوين"),
        ("Hồng", "هونج"),
        ("Phương", "فوونغ"),
        ("Tuyên Quang", "توين كوانج"),
        ("Hà Giang", "ها جيانج"),
        ("Lò Tiến Hưng", "لو تيان هونغ"),    # iê as يا, as the published page writes it
        ("Minh", "منه"),                       # short i unwritten
        ("Hồ Chí Minh", "هو تشي مينه"),        # the rules' spelling, after the convention
    ],
)
def test_candidates_include_usual_variants(vi: str, variant: str) -> None:
    assert variant in candidates(vi, limit=8)


def test_candidates_are_ranked_unique_and_limited() -> None:
    found = candidates("Nguyễn Hồng Phương", limit=5)
    assert len(found) == 5
    assert len(set(found)) == 5
    assert found[0] == transliterate("Nguyễn Hồng Phương")
    assert candidates("Nguyễn Hồng Phương", limit=0) == []
    assert transliterate("123 —") == ""


@pytest.mark.parametrize(
    "syllable, initial, medial, nucleus, final",
    [
        ("nguyên", "ng", True, "yê", "n"),
        ("quang", "qu", True, "a", "ng"),
        ("khuôi", "kh", False, "uô", "i"),
        ("phương", "ph", False, "ươ", "ng"),
        ("giang", "gi", False, "a", "ng"),
        ("gin", "gi-", False, "i", "n"),
        ("hoang", "h", True, "a", "ng"),
        ("yên", "", False, "yê", "n"),
        ("coc", "c", False, "o", "c"),
    ],
)
def test_parse_syllable(syllable: str, initial: str, medial: bool, nucleus: str, final: str) -> None:
    parsed = parse_syllable(syllable)
    assert parsed is not None
    assert (parsed.initial, parsed.medial, parsed.nucleus, parsed.final) == (initial, medial, nucleus, final)


@pytest.mark.parametrize("word", ["Nguyễn", "Tràng", "Khuổi", "Shan", "Ea", "Mnông"])
def test_parse_syllable_ignores_case_and_tone(word: str) -> None:
    assert parse_syllable(word) == parse_syllable(strip_tone(word))


@pytest.mark.parametrize("word", ["Shan", "Facebook", "Hléo", "xyz"])
def test_foreign_syllables_do_not_parse(word: str) -> None:
    assert parse_syllable(word) is None


def test_strip_tone_keeps_vowel_quality() -> None:
    assert strip_tone("Nguyễn Hồng Phương Đắk") == "nguyên hông phương đăk"


@pytest.mark.parametrize(
    "vi, ar",
    [
        ("Nguyễn Hồng Phương", "نجوين هونغ فونغ"),
        ("Nguyễn Hồng Phương", "نغوين هونج فوونغ"),     # ج/غ and و/وو variants
        ("Nguyễn Hưng Vượng", "نجوين هونغ فونغ"),
        ("Tuyên Quang", "توين كوانج"),
        ("Hà Giang", "ها جيانج"),
        ("Hồ Chí Minh", "هوشي منه"),
        ("Hồ Chí Minh", "هو تشي مينه"),
        ("Hà Nội", "ها نوي"),
        ("Hà Nội", "هانوى"),                            # alef maqsura
        ("Bình An", "بينه أن"),                          # hamza on the alef
        ("Nguyễn Hồng Phương", "نُجوين هونغ فونغ"),      # harakat
        ("Mã Ngọc Hiệp", "ما نغوك هييب"),
        ("Phạm Kiên Cường", "فام كين كونج"),
        ("Võ Nguyên Giáp", "فو نجوين جياب"),
        ("Phạm Văn Đồng", "فام فان دونغ"),
    ],
)
def test_usual_renderings_are_plausible(vi: str, ar: str) -> None:
    assert plausibility(vi, ar) >= 0.9


@pytest.mark.parametrize(
    "vi, ar",
    [
        ("Nguyễn Hưng Vượng", "فام ثي مينه شوان"),       # another person
        ("Phạm Thị Minh Xuân", "تران ثي بيتش هانه"),     # another woman with Thị
        ("Na Hang", "هام ين"),                            # another district
        ("Tuyên Quang", "كوانغ توين"),                    # syllables swapped
        ("Trần Thị Bích Hạnh", "تران ثي هانه بيتش"),      # last two swapped
        ("Hoàng Quang Tuyên", "هوانغ كوانغ"),             # a syllable missing
    ],
)
def test_wrong_renderings_are_not_plausible(vi: str, ar: str) -> None:
    assert plausibility(vi, ar) <= 0.7


def test_one_wrong_syllable_costs_noticeably() -> None:
    right = plausibility("Nguyễn Hồng Phương", "نجوين هونغ فونغ")
    wrong = plausibility("Nguyễn Hồng Phương", "نجوين هوانغ فونغ")   # Hoàng, not Hồng
    assert right - wrong >= 0.08
    assert wrong > plausibility("Nguyễn Hồng Phương", "فام ثي مينه شوان")


def test_kim_is_not_kien() -> None:
    assert plausibility("Phạm Kiên Cường", "فام كين كونج") > plausibility("Phạm Kiên Cường", "فام كيم كونج")


def test_plausibility_bounds() -> None:
    assert plausibility("", "نجوين") == 0.0
    assert plausibility("Nguyễn", "") == 0.0
    assert plausibility("Nguyễn", "2024") == 0.0
    assert 0.0 <= plausibility("Nguyễn Hưng Vượng", "الرفيق نجوين هونغ فونغ") < 1.0


@pytest.mark.parametrize(
    "vi, paragraph, expected",
    [
        ("Nguyễn Hưng Vượng",
         "حضر الرفيق نجوين هونغ فونغ، رئيس لجنة التعبئة الجماهيرية للجنة الحزب الإقليمية",
         "نجوين هونغ فونغ"),
        ("Na Hang", "رئيس مجلس الشعب بمنطقة نا هانج: إن مشروع", "نا هانج"),
        ("Phạm Kiên Cường", "قال الرفيق وفام كين كونج، نائب رئيس", "فام كين كونج"),  # without و
        ("Tuyên Quang", "يعد مشروع الطريق السريع توين كوانج - ها جيانج أحد", "توين كوانج"),
        ("Thành phố Hồ Chí Minh", "زار الوفد مدينة هو تشي منه أمس", "مدينة هو تشي منه"),
    ],
)
def test_locate_finds_the_name_in_a_paragraph(vi: str, paragraph: str, expected: str) -> None:
    match = locate(vi, paragraph)
    assert match is not None
    assert match.text == expected
    assert paragraph[match.start : match.end] == expected
    assert match.score >= 0.9


def test_locate_without_the_name_scores_low() -> None:
    match = locate("Hoàng Quang Tuyên", "حضرت الرفيقة فام ثي مينه شوان اجتماع خلية الحزب")
    assert match is None or match.score < 0.6
