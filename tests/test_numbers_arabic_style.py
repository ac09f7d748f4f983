"""Numbers as Arabic writes them: the number check passes() correct renderings that
carry no digit of their own (a dual noun for 2, "يوم ونصف" for 1.5, "الربع الأول من عام
2025" for quý I/2025, a Gregorian/Levantine month pair) and fails() the wrong ones.

Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from workbench.checks import run_checks
from workbench.glossary.terms import load_glossary_csv
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.numbers import compare_numbers, extract_numbers

GLOSSARY = load_glossary_csv(b"source,target\n", "empty.csv")
SERIOUS = ("minor", "major", "critical")


def run(vi: str, ar: str) -> list[Finding]:
    return run_checks([Paragraph(0, vi)], [Paragraph(0, ar)], [Link((0,), (0,))], GLOSSARY,
                      ["number"])


def passes(vi: str, ar: str) -> None:
    found = run(vi, ar)
    assert found == [], [(f.severity, f.message) for f in found]


def fails(vi: str, ar: str) -> Finding:
    found = [f for f in run(vi, ar) if f.severity in SERIOUS]
    assert found, f"number found nothing wrong in {ar!r}"
    return found[0]


# Each pair: a correct rendering (passes), then the same sentence with the figure wrong.
CASES = [
    # quarter + year
    ("Doanh thu quý I/2025 tăng mạnh.",
     "ارتفعت الإيرادات بقوة في الربع الأول من عام 2025.",
     "ارتفعت الإيرادات بقوة في الربع الأول من عام 2024."),
    ("Kế hoạch quý 3/2024 đã xong.",
     "اكتمل مخطط الربع الثالث من عام 2024.",
     "اكتمل مخطط الربع الثالث من عام 2023."),
    ("Trong quý II, sản lượng giảm.",
     "انخفض الإنتاج خلال الربع الثاني.",
     "انخفض الإنتاج خلال الربع 4."),
    # one and a half, half
    ("Hội chợ kéo dài 1,5 ngày.",
     "يستمر المعرض يوما ونصف.",
     "يستمر المعرض 5 أيام."),
    ("Cuộc họp kéo dài 2,5 giờ.",
     "استمر الاجتماع ساعتين ونصف.",
     "استمر الاجتماع 3 ساعات."),
    # a dual noun carries the number 2
    ("Chương trình có 2 cấp đào tạo.",
     "يضم البرنامج المستويين من التدريب.",
     "يضم البرنامج 3 مستويات من التدريب."),
    ("Mỗi năm nông dân trồng 2 vụ ngô.",
     "يزرع الفلاحون محصولين من الذرة كل عام.",
     "يزرع الفلاحون 4 محاصيل من الذرة كل عام."),
    ("Hợp đồng được 2 bên ký kết hôm qua.",
     "وقع الطرفان العقد أمس.",
     "وقعت 3 أطراف العقد أمس."),
    ("Đây là hai mẫu xe mới của hãng.",
     "هذان طرازان جديدان من سيارات الشركة.",
     "هذه 3 طرازات جديدة من سيارات الشركة."),
    # a Gregorian/Levantine month pair is one month
    ("Lễ hội khai mạc ngày 14/3/2025.",
     "افتتح المهرجان في 14 مارس/آذار 2025.",
     "افتتح المهرجان في 14 أبريل/نيسان 2025."),
    ("Cuộc thi diễn ra vào tháng 1.",
     "تقام المسابقة في يناير/كانون الثاني.",
     "تقام المسابقة في فبراير/شباط."),
    ("Đoàn khách đến ngày 9/8.",
     "وصل الوفد يوم 9 أغسطس (آب).",
     "وصل الوفد يوم 9 سبتمبر (أيلول)."),
    # lunar first month
    ("Hội làng mở vào tháng Giêng.",
     "يقام مهرجان القرية في الشهر الأول.",
     "يقام مهرجان القرية في الشهر الثالث."),
]


@pytest.mark.parametrize("vi, good, bad", CASES)
def test_arabic_rendering_passes(vi: str, good: str, bad: str) -> None:
    passes(vi, good)


@pytest.mark.parametrize("vi, good, bad", CASES)
def test_wrong_figure_fails(vi: str, good: str, bad: str) -> None:
    fails(vi, bad)


@pytest.mark.parametrize("ar", [
    "تم تطعيم جميع الأطفال في البلدية.",
    "تم تطعيم كل الأطفال في البلدية.",
])
def test_all_for_a_hundred_percent_is_information(ar: str) -> None:
    found = run("100% trẻ em trong xã đã được tiêm chủng.", ar)
    assert [f.severity for f in found] == ["info"], [f.message for f in found]


def test_a_hundred_percent_changed_still_fails() -> None:
    assert fails("100% trẻ em trong xã đã được tiêm chủng.",
                 "تم تطعيم 90% من الأطفال في البلدية.").severity == "major"


@pytest.mark.parametrize("ar", [
    "زار الوفد المزرعة. [إعلان 2]",
    "زار الوفد المزرعة.[إعلان 1]",
])
def test_advert_marker_is_page_chrome(ar: str) -> None:
    passes("Đoàn đã thăm trang trại.", ar)


@pytest.mark.parametrize("vi, ar", [
    ("Bảy Hẻm là một khu chợ cũ.", "باي هيم سوق قديم."),
    ("Ba Vì có nhiều rừng thông.", "في با في غابات صنوبر كثيرة."),
    ("Năm Căn nằm ở phía nam.", "تقع نام كان في الجنوب."),
    ("Người dân gọi ông là ông Bảy.", "يسميه السكان السيد باي."),
    ("Năm học mới bắt đầu.", "بدأ العام الدراسي الجديد."),
    ("Gia đình chuẩn bị cho năm học mới.", "تستعد العائلة للعام الدراسي الجديد."),
    ("Tết Nguyên đán sắp đến.", "يقترب عيد رأس السنة القمرية."),
    ("Em đạt giải Nhì cuộc thi.", "فازت بالجائزة الثانية في المسابقة."),
])
def test_number_words_in_names_and_idioms_are_no_numbers(vi: str, ar: str) -> None:
    passes(vi, ar)


@pytest.mark.parametrize("vi, wrong", [
    ("Có năm học sinh vắng mặt.", "تغيب ثلاثة طلاب."),
    ("Em đạt giải Nhì cuộc thi.", "فازت بالجائزة الثالثة في المسابقة."),
])
def test_number_words_that_are_numbers_still_count(vi: str, wrong: str) -> None:
    cmp = compare_numbers(vi, wrong)
    assert cmp.missing and cmp.extra


def test_quarter_is_not_a_document_code() -> None:
    kinds = [(m.kind, m.value) for m in extract_numbers("quý I/2025", "vi")]
    assert kinds == [("ordinal", 1.0), ("year", 2025.0)]


def test_month_pair_is_one_date() -> None:
    found = extract_numbers("في 22 يوليو/تموز 2024", "ar")
    assert [(m.kind, m.parts) for m in found] == [("date", (22, 7, 2024))]


@pytest.mark.parametrize("ar, expected", [
    ("استمرت الرحلة 3 أيام ونصف", [("number", 3.5)]),
    ("بلغت التكلفة مليون ونصف دولار", [("number", 1.5e6)]),
    ("حضر 5 أشخاص ونصف الأعضاء", [("number", 5.0)]),        # and half of the members
    ("انتظرنا ثلاثة أيام ونصف", [("number", 3.5)]),
    ("وصل القطار الساعة الخامسة والنصف", [("time", 5.5)]),
    ("كانون الثاني/يناير 2020", [("date", 20200100.0)]),
])
def test_halves_and_month_pairs(ar: str, expected) -> None:
    assert [(m.kind, m.value) for m in extract_numbers(ar, "ar")] == expected


@pytest.mark.parametrize("vi, expected", [
    ("Hai người đã đến sớm.", [("number", 2.0)]),             # a sentence, not a name
    ("Vào Chủ nhật, đoàn đã về.", [("weekday", 8.0)]),         # capitalised, no name
    ("Hôm Thứ Bảy, trời mưa to.", [("weekday", 7.0)]),
    ("Năm học sinh được khen thưởng.", [("number", 5.0)]),    # five pupils
    ("Kết quả quý 3/2024 và quý IV", [("ordinal", 3.0), ("year", 2024.0), ("ordinal", 4.0)]),
])
def test_vietnamese_number_words_kept(vi: str, expected) -> None:
    assert [(m.kind, m.value) for m in extract_numbers(vi, "vi")] == expected


def test_a_dual_does_not_hide_a_changed_figure() -> None:
    """With a figure in digits left unexplained, a noun in -ين is no 2: the change is
    reported as a change (major), not as an added figure."""
    f = fails("Có 2 đội và 15 cầu thủ.", "هناك 3 فرق و15 من اللاعبين.")
    assert f.severity == "major"
