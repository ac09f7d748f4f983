"""Numeric facts across Vietnamese and Arabic: same value written differently matches,
a changed figure, code or date does not."""

from __future__ import annotations

import pytest

from workbench.numbers import (
    compare_numbers,
    loose_number_words,
    extract_codes,
    extract_numbers,
    parse_number,
    roman_value,
)


@pytest.mark.parametrize(
    "raw, readings",
    [
        ("33.690", (33690.0, 33.69)),      # vi thousands; could be a decimal in an MT
        ("10,000", (10000.0, 10.0)),
        ("85,94", (85.94,)),
        ("7.5", (7.5,)),
        ("1.234.567,8", (1234567.8,)),
        ("1,234,567.8", (1234567.8,)),
        ("٣٣٬٦٩٠", (33690.0,)),
        ("٨٥٫٩٤", (85.94,)),
        ("۱۲", (12.0,)),
        ("1,2,3", None),                   # a list, not one number
    ],
)
def test_parse_number_readings(raw: str, readings) -> None:
    assert parse_number(raw) == readings


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("đạt 85,94%.", "vi", [("percent", 85.94, "85,94%")]),
        ("Dù hơn 10 phần trăm hộ dân", "vi", [("percent", 10.0, "10 phần trăm")]),
        ("dự án trị giá 2,8 tỷ đồng", "vi", [("number", 2.8e9, "2,8 tỷ")]),
        ("ba năm trước", "vi", [("number", 3.0, "ba")]),
        ("hai mươi lăm người", "vi", [("number", 25.0, "hai mươi lăm")]),
        ("hai mươi năm", "vi", [("number", 20.0, "hai mươi")]),   # twenty years, not 25
        ("lần thứ nhất", "vi", [("ordinal", 1.0, "thứ nhất")]),
        ("Hội nghị Trung ương 4 khóa XI", "vi", [("number", 4.0, "4"), ("ordinal", 11.0, "XI")]),
        ("vào thứ Bảy tuần trước", "vi", [("weekday", 7.0, "thứ Bảy")]),
        ("ngày 5/10/2018", "vi", [("date", 20181005.0, "5/10/2018")]),
        ("tháng 6 năm 2017", "vi", [("date", 20170600.0, "tháng 6 năm 2017")]),
        ("giai đoạn 2020-2025", "vi", [("year", 2020.0, "2020"), ("year", 2025.0, "2025")]),
        ("معدل الحضور ٨٥٫٩٤٪", "ar", [("percent", 85.94, "٨٥٫٩٤٪")]),
        ("أكثر من 10 بالمائة من سكان البلدية", "ar", [("percent", 10.0, "10 بالمائة")]),
        ("مشروع بقيمة 2.8 مليار دونغ", "ar", [("number", 2.8e9, "2.8 مليار")]),
        ("خمسة وعشرون شخصا", "ar", [("number", 25.0, "خمسة وعشرون")]),
        ("ثلاثة آلاف", "ar", [("number", 3000.0, "ثلاثة آلاف")]),
        ("منذ عامين", "ar", [("number", 2.0, "عامين")]),
        ("الدورة الحادية عشرة", "ar", [("ordinal", 11.0, "الحادية عشرة")]),
        ("الثانية عشرة", "ar", [("ordinal", 12.0, "الثانية عشرة")]),
        ("بعد 30 ثانية", "ar", [("number", 30.0, "30")]),       # seconds, not "second"
        ("المؤرخة 5 أكتوبر 2018", "ar", [("date", 20181005.0, "5 أكتوبر 2018")]),
        ("في 5 تشرين الأول 2018", "ar", [("date", 20181005.0, "5 تشرين الأول 2018")]),
        ("يوم السبت", "ar", [("weekday", 7.0, "السبت")]),
        ("مارس الحزب دوره", "ar", []),                           # "practised", not March
    ],
)
def test_extract_numbers(text: str, lang: str, expected) -> None:
    got = [(m.kind, m.value, m.text) for m in extract_numbers(text, lang)]
    assert got == expected
    for m in extract_numbers(text, lang):
        assert text[m.start:m.end] == m.text   # spans point into the original text


def test_spans_survive_harakat() -> None:
    text = "بعد ثَلاثَة أيام"
    (mention,) = extract_numbers(text, "ar")
    assert mention.value == 3 and text[mention.start:mention.end] == "ثَلاثَة"


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Quy định số 18-QĐi/TU ngày 5/10/2018", ["18-QĐi/TU"]),
        ("Chỉ thị 05-CT/TW của Bộ Chính trị", ["05-CT/TW"]),
        ("Nghị định 100/2019/NĐ-CP", ["100/2019/NĐ-CP"]),
        ("اللائحة رقم 18-QDi/TU المؤرخة", ["18-QDi/TU"]),
        ("COVID-19 và G20", []),
        ("Việt NamViệt Nam01/11/2024", []),      # a page's name glued to a date
        ("Quyết định 1234/QĐ-UBND", ["1234/QĐ-UBND"]),
    ],
)
def test_extract_codes(text: str, codes: list[str]) -> None:
    assert [c.text for c in extract_codes(text)] == codes


@pytest.mark.parametrize(
    "vi, ar",
    [
        ("Năm 2023, có 33.690/39.204 đảng viên dự họp, đạt 85,94%.",
         "في عام 2023، حضر 33690/39204 وبلغ معدل الحضور 85.94%."),
        ("ngày 5/10/2018", "المؤرخة 5 أكتوبر 2018"),
        ("ngày 5/10/2018", "في 5 من شهر أكتوبر من عام 2018"),
        ("ngày 01/11/2024", "1 تشرين الثاني 2024"),
        ("ba năm", "ثلاث سنوات"),
        ("3 năm", "ثلاث سنوات"),
        ("Chi bộ 4", "الخلية الرابعة"),
        ("lần thứ nhất", "المرة الأولى"),
        ("khóa XI và XII", "الدورة الحادية عشرة والثانية عشرة"),
        ("khóa XVII", "الدورة السابعة عشرة"),
        ("chỉ 3/77 hộ có nhà vệ sinh", "كان 3 من أصل 77 من الأسر"),
        ("hơn 10,000 người", "أكثر من 10.000 شخص"),
        ("hơn 460.000 người dân", "أكثر من 460,000 شخص"),
        ("12 phần trăm dân số", "12 في المائة من السكان"),
        ("vào thứ Ba", "يوم الثلاثاء"),
        ("giai đoạn 2020-2025", "الفترة 2020-2025"),
        ("Quy định 18-QĐi/TU", "اللائحة 18-QĐi/TU"),
        ("sinh nhật lần thứ 72", "عيد ميلاده الثاني والسبعين"),
        ("trong những năm 1980", "في ثمانينيات القرن العشرين"),
        ("thời kỳ bao cấp năm 1976-86", "فترة الدعم الحكومي من 1976 وحتى 1986"),
        ("bắt đầu từ 06:00 giờ sáng", "ابتداءً من الساعة 6 صباحًا"),
        ("tỷ số 3&2 trong trận chung kết", "بنتيجة 3 مقابل 2 في المباراة النهائية"),
        # scale words either side: triệu/nghìn/tỷ = مليون/ألف/مليار, in digits or words
        ("trị giá 1,5 triệu đô la", "بقيمة 1.5 مليون دولار"),
        ("trị giá 1,5 triệu đô la", "بقيمة مليون ونصف دولار"),
        ("hơn 40.000 học sinh", "أكثر من 40 ألف تلميذ"),
        ("khoảng 2,3 tỷ USD", "حوالي 2.3 مليار دولار"),
        ("2 triệu người", "مليوني شخص"),
        ("250.000 đô la", "ربع مليون دولار"),
        # figures the Arabic states with the article, a dual or a fraction word
        ("thông qua 05 cuộc vận động", "هذه التجمعات الخمسة"),
        ("kỷ niệm 50 năm thành lập xã", "إحياء الذكرى الخمسين لتأسيس البلدية"),
        ("đã thua 2 ván đầu tiên", "بعد أن خسرا أول جولتين"),
        ("tỷ lệ tham gia là 50 phần trăm", "نسبة المشاركة أكثر من النصف"),
        ("trong 1/3 quãng đường cuối", "في الثلث الأخير من الطريق"),
        ("số ca mắc giảm gần như bằng 0", "انخفض عدد الإصابات إلى ما يقرب من الصفر"),
        # clock times in words: الخامسة والنصف is 5:30 or 17:30
        ("kết thúc vào khoảng 17:30", "اختتم حوالي الساعة الخامسة والنصف"),
        ("vào 20:00 tối nay", "في الساعة الثامنة مساء اليوم"),
        ("lúc 10:45 sáng", "في الساعة الحادية عشرة إلا ربع صباحًا"),
        # "năm ngoái" (last year) written out as the year
        ("vụ mùa năm ngoái có 66% hộ trồng lúa", "في موسم 2024 زرع 66 في المائة من الأسر الأرز"),
    ],
)
def test_same_facts_match(vi: str, ar: str) -> None:
    result = compare_numbers(vi, ar)
    assert result.ok, (result.missing, result.extra)
    assert result.matched


@pytest.mark.parametrize(
    "vi, ar",
    [
        ("ở cả hai bên", "من كلا الجانبين"),                 # "both", not a count
        ("bà Joan Nguyễn cũng được nhận", "وحصلت جوان نغوين أيضا"),      # a name, not June
        ("một con trâu đã phá hàng rào", "حطم جاموس السياج"),   # an article, not "one"
        ("Kế hoạch năm nay", "خطة هذا العام"),               # "năm" = year, not five
        ("đi được nửa đường", "قطع نصف الطريق"),              # loose words: no figure alone
        ("tại Argentina", "في الأرجنتين"),                   # not a dual
    ],
)
def test_no_false_facts(vi: str, ar: str) -> None:
    assert extract_numbers(vi, "vi") == [] and extract_numbers(ar, "ar") == []


@pytest.mark.parametrize(
    "vi, ar, missing, extra",
    [
        ("đạt 85,94%", "بلغ 58.94%", ["85,94%"], ["58.94%"]),
        ("Quy định 18-QĐi/TU", "اللائحة 18-QDi/TU", ["18-QĐi/TU"], ["18-QDi/TU"]),
        ("ngày 5/10/2018", "المؤرخة 5 نوفمبر 2018", ["5/10/2018"], ["5 نوفمبر 2018"]),
        ("trị giá tới 1,5 triệu đô la", "تساوي 1.5 دولار", ["1,5 triệu"], ["1.5"]),
        ("vào thứ Ba tại Hà Nội", "يوم الخميس في هانوي", ["thứ Ba"], ["الخميس"]),
        ("giai đoạn 2020-2025", "الفترة 2020-2030", ["2025"], ["2030"]),
        ("ba năm", "خمس سنوات", ["ba"], ["خمس"]),
        ("khóa XI", "الدورة الثانية عشرة", ["XI"], ["الثانية عشرة"]),
        ("có 832 người", "", ["832"], []),
        ("hơn 40,000 học sinh", "أكثر من 400 ألف تلميذ", ["40,000"], ["400 ألف"]),
        ("thông qua 05 cuộc vận động", "هذه التجمعات الستة", ["05"], []),   # الستة is 6
        ("trong cuộc bầu cử năm 2015", "في انتخابات 2016", ["2015"], ["2016"]),
        ("có 3 người", "كان هناك شخصان والأرجنتين", ["3"], []),        # a dual is 2, not 3
        ("vào khoảng 17:30", "حوالي الساعة السادسة والنصف", ["17:30"], ["السادسة والنصف"]),
        ("năm ngoái", "في عام 2016 و2012", [], ["2012"]),   # one relative year, one year
    ],
)
def test_changed_facts_are_reported(vi: str, ar: str, missing, extra) -> None:
    result = compare_numbers(vi, ar)
    assert [m.text for m in result.missing] == missing
    assert [m.text for m in result.extra] == extra


@pytest.mark.parametrize("raw, value", [("XI", 11), ("XVII", 17), ("IV", 4), ("XL", 40), ("IIII", None), ("VX", None)])
def test_roman_value(raw: str, value) -> None:
    assert roman_value(raw) == value


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'vi' or 'ar'"):
        extract_numbers("3", "fr")


@pytest.mark.parametrize(
    "ar, values",
    [
        ("التجمعات الخمسة", [5.0]),
        ("بعد أن خسرا حفرتين", [2.0]),
        ("في الثلث الأخير", [1 / 3]),
        ("أكثر من النصف", [0.5]),
        ("في باكستان والأرجنتين", []),
    ],
)
def test_loose_number_words(ar: str, values) -> None:
    assert [m.value for m in loose_number_words(ar)] == pytest.approx(values)
