"""QA checks on real Vietnamese/Arabic snippets: each check passes() a correct
translation (clitics, variants, number formats) and fails() a wrong one."""

from __future__ import annotations

import pytest

from workbench.checks import CHECKS, check_titles, run_checks
from workbench.checks.base import Check
from workbench.model.finding import Finding
from workbench.glossary.terms import load_glossary_csv
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph

GLOSSARY = load_glossary_csv("""source,target,variants,forbidden,category,note,gender,style,optional
tỉnh,مقاطعة,,الإقليمية|الإقليمي|محافظة|منطقة|بلدية,admin_level,Level 1 (province),
huyện,منطقة,,مقاطعة|بلدية,admin_level,Level 2 (rural district),
xã,بلدية,,قرية|منطقة|مقاطعة,admin_level,Level 3 (commune),
thôn,قرية,,بلدية|منطقة,admin_level,Level 4 (village),
thành phố,مدينة,,مقاطعة|منطقة,admin_level,Level 2 (city),
Tỉnh ủy,لجنة الحزب في المقاطعة,لجنة الحزب بالمقاطعة,لجنة الحزب الإقليمية,organization,,
HĐND,مجلس الشعب,,,organization,,,مجلس الشعب الإقليمي
Tổng Bí thư,الأمين العام,,,title,,
Phó Bí thư Thường trực,نائب السكرتير الدائم,نائب الأمين الدائم,,title,,
Ủy viên Ban Thường vụ Tỉnh ủy,عضو اللجنة الدائمة للجنة الحزب في المقاطعة,,,title,,
Phó Chủ tịch,نائب رئيس,نائب الرئيس,,title,,
UBND,اللجنة الشعبية,,,organization,,
Trưởng ban,رئيس لجنة,رئيس اللجنة,,title,,
đồng chí,الرفيق,الرفيقة|الرفاق,,title,,,,yes
Ban Tổ chức,لجنة التنظيم,اللجنة التنظيمية,مجلس تنظيم|اللجنة المنظمة,organization,,
Bài,الجزء,الحلقة,الدرس,term,,
nhiệm kỳ,الولاية,الدورة,الفصل الدراسي,term,,
chi bộ,خلية الحزب,الخلية الحزبية|خلايا الحزب,,organization,,
Nguyễn Hưng Vượng,نجوين هونغ فونغ,نجوين هونج فونج,,person,,m
Trần Thị Bích Hạnh,تران ثي بيتش هانه,,,person,,f
Hồ Chí Minh,هو تشي منه,هو تشي مينه,هوشي منه,person,,m
Bình An,بينه آن,,,place,,
Tuyên Quang,توين كوانغ,توين كوانج,,place,,
Na Hang,نا هانغ,نا هانج,,place,,
18-QĐi/TU,18-QĐi/TU,,18-QDi/TU,term,,
""".encode(), "test-glossary.csv")


def run(vi: str, ar: str, check: str | None = None) -> list[Finding]:
    return run_checks([Paragraph(0, vi)], [Paragraph(0, ar)], [Link((0,), (0,))], GLOSSARY,
                      [check] if check else None)


def passes(check: str, vi: str, ar: str) -> None:
    found = run(vi, ar, check)
    assert found == [], [f.message for f in found]


def fails(check: str, vi: str, ar: str) -> Finding:
    found = [f for f in run(vi, ar, check) if f.kind == check]
    assert found, f"{check} found nothing in {ar!r}"
    return found[0]


def test_registry_titles_and_severities():
    titles = check_titles()
    assert set(CHECKS) >= {"term", "forbidden", "admin_level", "name", "number",
                           "untranslated", "inconsistent", "gender"}
    assert all(titles[n] and not titles[n].endswith(".") for n in titles)
    assert CHECKS["term"].severity == "major" and CHECKS["untranslated"].severity == "minor"


# ---------------------------------------------------------------- term


@pytest.mark.parametrize("vi,ar", [
    ("Ban Tổ chức Tỉnh ủy ban hành hướng dẫn.", "أصدرت لجنة التنظيم التابعة للجنة الحزب في المقاطعة التعليمات."),
    ("Chỉ đạo của Tỉnh ủy.", "بتوجيه من لجنة الحزب بالمقاطعة."),            # variant
    ("Họp chi bộ.", "اجتماع للخلية الحزبية."),                               # clitic لل
    ("Các chi bộ họp.", "اجتمعت خلايا الحزب."),
])
def test_term_passes(vi, ar):
    passes("term", vi, ar)


def test_term_fails_and_shows_what_is_there():
    # a missing house rendering may be a paraphrase: a minor point, not a wrong concept
    f = fails("term", "Bài cuối của loạt bài về chi bộ.", "المقال الأخير من السلسلة حول خلية الحزب.")
    assert (f.term, f.severity) == ("Bài", "minor")
    assert f.expected[0] == "الجزء"


def test_title_rendered_as_another_title_is_major():
    # a deputy secretary made "general secretary": a title the source does not have
    f = fails("term", "Phó Bí thư Thường trực Tỉnh ủy phát biểu.",
              "وتحدث نائب الأمين العام للجنة الحزب في المقاطعة.")
    assert (f.term, f.severity) == ("Phó Bí thư Thường trực", "major")
    assert "Tổng Bí thư" in f.message


def test_title_near_another_title_of_the_source_is_not_inflated():
    # the near match runs into the next title of the list, which the source has itself
    f = fails("term", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự.",
              "حضر عضو اللجنة الدائمة، نائب رئيس اللجنة الشعبية في المقاطعة.")
    assert f.severity == "minor"


def test_style_rendering_is_a_minor_style_point_once():
    vi = "Thường trực HĐND tỉnh và HĐND huyện họp."
    ar = "اجتمعت اللجنة الدائمة لمجلس الشعب الإقليمي ومجلس الشعب الإقليمي."
    found = [f for f in run(vi, ar, "forbidden") if f.term == "HĐND"]
    assert [(f.kind, f.severity) for f in found] == [("style", "minor")]
    assert len(found[0].target_spans) == 2


def test_optional_form_of_address_may_be_dropped():
    passes("term", "Đồng chí Nguyễn Hưng Vượng phát biểu.", "وتحدث نجوين هونغ فونغ.")


# ---------------------------------------------------------------- forbidden


@pytest.mark.parametrize("vi,ar,found", [
    (">> Bài 1: Chi bộ yếu", ">> الدرس الأول: ضعف خلايا الحزب", "الدرس"),
    ("theo hướng dẫn của Ban Tổ chức", "وفقًا لتعليمات مجلس تنظيم الحزب", "مجلس تنظيم"),
    ("từ đầu nhiệm kỳ", "منذ بداية الفصل الدراسي", "الفصل الدراسي"),
])
def test_forbidden_fails(vi, ar, found):
    f = fails("forbidden", vi, ar)
    assert f.found == found
    [span] = f.target_spans
    assert ar[span.start:span.end] == found


def test_forbidden_passes_on_accepted_rendering():
    passes("forbidden", ">> Bài 1: Chi bộ yếu", ">> الجزء الأول: ضعف خلايا الحزب")


# ---------------------------------------------------------------- admin_level


@pytest.mark.parametrize("vi,ar", [
    ("Đảng bộ xã Bình An.", "لجنة الحزب في بلدية بينه آن."),
    ("tại xã Bình An", "في ببلدية بينه آن"),
    ("Huyện Na Hang và thành phố Tuyên Quang", "منطقة نا هانغ ومدينة توين كوانغ"),
    ("Toàn tỉnh có 5 huyện.", "في المقاطعة بأكملها 5 مناطق."),
])
def test_admin_level_passes(vi, ar):
    passes("admin_level", vi, ar)


@pytest.mark.parametrize("vi,ar,found,expected", [
    ("Đảng bộ xã Bình An.", "لجنة الحزب في منطقة بينه آن.", "منطقة", "بلدية"),
    ("Huyện Na Hang", "مقاطعة نا هانج", "مقاطعة", "منطقة"),
    ("Ủy ban MTTQ tỉnh", "لجنة جبهة الوطن الإقليمية", "الإقليمية", "مقاطعة"),
    ("Toàn tỉnh", "المحافظة بأكملها", "المحافظة", "مقاطعة"),
])
def test_admin_level_fails(vi, ar, found, expected):
    f = fails("admin_level", vi, ar)
    assert f.found == found and f.expected[0] == expected
    assert "expected " + expected in f.message


def test_admin_level_message_names_the_level():
    f = fails("admin_level", "xã Bình An", "منطقة بينه آن")
    assert f.message == "xã Bình An is a commune: expected بلدية, found منطقة"


# ---------------------------------------------------------------- name


@pytest.mark.parametrize("vi,ar", [
    ("Đồng chí Nguyễn Hưng Vượng dự họp.", "حضر الرفيق نجوين هونغ فونغ الاجتماع."),
    ("Đồng chí Nguyễn Hưng Vượng dự họp.", "وحضر الرفيق ونجوين هونج فونج."),   # variant, clitic
    ("xã Bình An", "وببينه آن"),
])
def test_name_passes(vi, ar):
    passes("name", vi, ar)


def test_name_misspelt_is_caught_with_the_span():
    ar = "حضر الرفيق نجوين هوانغ فونغ الاجتماع."
    f = fails("name", "Đồng chí Nguyễn Hưng Vượng dự họp.", ar)
    assert f.found == "نجوين هوانغ فونغ"
    assert ar[f.target_spans[0].start:f.target_spans[0].end] == "نجوين هوانغ فونغ"


def test_name_missing_is_caught():
    f = fails("name", "Đồng chí Nguyễn Hưng Vượng dự họp.", "حضر الرفيق الاجتماع.")
    assert f.found is None and "not in the translation" in f.message


def test_unlisted_name_gets_a_suggestion():
    f = fails("name", "Đồng chí Lò Văn Tám phát biểu.", "تحدث الرفيق لو فان كيم.")
    assert f.term == "Lò Văn Tám" and f.expected and f.expected[0].startswith("لو")


# ---------------------------------------------------------------- gender


def test_gender_feminine_comrade_passes():
    passes("gender", "Đồng chí Trần Thị Bích Hạnh cho biết", "قالت الرفيقة تران ثي بيتش هانه")


@pytest.mark.parametrize("vi,ar,expected", [
    ("Đồng chí Trần Thị Bích Hạnh cho biết", "قال الرفيق تران ثي بيتش هانه", "الرفيقة"),
    ("Đồng chí Lê Thị Mai phát biểu", "تحدث الرفيق لي ثي ماي", "الرفيقة"),    # Thị, not in glossary
    ("Đồng chí Nguyễn Hưng Vượng dự họp", "حضرت الرفيقة نجوين هونغ فونغ", "الرفيق"),
])
def test_gender_fails(vi, ar, expected):
    assert fails("gender", vi, ar).expected == (expected,)


# ---------------------------------------------------------------- number


@pytest.mark.parametrize("vi,ar", [
    ("33.690/39.204 đảng viên, đạt 85,94%", "33690/39204 عضوا، بنسبة 85.94%"),
    ("ngày 5/10/2018", "بتاريخ 5 أكتوبر 2018"),
    ("Quy định số 18-QĐi/TU", "اللائحة رقم 18-QĐi/TU"),
    ("diện tích 36,8 ha", "مساحة ٣٦٫٨ هكتار"),
])
def test_number_passes(vi, ar):
    passes("number", vi, ar)


def test_number_changed():
    f = fails("number", "Có 211 hộ dân.", "هناك 221 أسرة.")
    assert (f.expected, f.found, f.severity) == (("211",), "221", "major")


def test_code_not_verbatim_is_critical():
    f = fails("number", "Quy định số 18-QĐi/TU", "اللائحة رقم 18-QDi/TU")
    assert (f.found, f.severity) == ("18-QDi/TU", "critical")


def test_number_as_label_not_ordinal():
    f = fails("number", "Bí thư Chi bộ số 4", "أمينة الخلية الحزبية الرابعة")
    assert f.expected == ("رقم 4",)


# ---------------------------------------------------------------- untranslated


@pytest.mark.parametrize("vi,ar", [
    ("Quy định 18-QĐi/TU", "اللائحة 18-QĐi/TU"),                      # code
    ("Xem tại baotuyenquang.com.vn", "انظر baotuyenquang.com.vn"),    # URL
    ("dùng Facebook", "استخدام Facebook"),                            # brand
    ("Công ty Viettel Global", "شركة Viettel Global"),                 # as in the source
])
def test_untranslated_passes(vi, ar):
    passes("untranslated", vi, ar)


@pytest.mark.parametrize("ar,found", [
    ("حضر الرفيق اجتماع chi bộ thôn", "chi bộ thôn"),
    ("No data", "No data"),
])
def test_untranslated_fails(ar, found):
    assert fails("untranslated", "Chi bộ thôn họp.", ar).found == found


# ---------------------------------------------------------------- inconsistent


def test_inconsistent_across_paragraphs():
    src = [Paragraph(0, "Tư tưởng Hồ Chí Minh."), Paragraph(1, "Chủ tịch Hồ Chí Minh.")]
    tgt = [Paragraph(0, "فكر هو تشي منه."), Paragraph(1, "الرئيس هو تشي مينه.")]
    links = [Link((0,), (0,)), Link((1,), (1,))]
    found = run_checks(src, tgt, links, GLOSSARY, ["inconsistent"])
    assert [(f.target, f.found) for f in found] == [((1,), "هو تشي مينه")]


def test_house_spelling_in_another_convention_is_information():
    f = fails("inconsistent", "huyện Na Hang", "منطقة نا هانج")
    assert (f.severity, f.expected) == ("info", ("نا هانغ",))


def test_consistent_document_passes():
    passes("inconsistent", "huyện Na Hang, Na Hang", "منطقة نا هانغ، ونا هانغ")


# ---------------------------------------------------------------- run_checks


class _Broken(Check):
    """Always crashes"""

    name = kind = "broken"

    def check_link(self, view):
        raise RuntimeError("boom")


def test_crashing_check_is_reported_not_swallowed(monkeypatch):
    monkeypatch.setitem(CHECKS, "broken", _Broken)
    found = run("xã Bình An", "بلدية بينه آن", "broken")
    assert [(f.kind, f.term, f.source, f.target) for f in found] == [("check_error", "broken", (0,), (0,))]
    assert "boom" in found[0].message and "source paragraph(s) [0]" in found[0].message


def test_unknown_check_named():
    with pytest.raises(ValueError, match="unknown check"):
        run("x", "y", "spelling")


def test_one_sided_links_only_for_untranslated():
    found = run_checks([], [Paragraph(0, "No videos available")], [Link((), (0,))], GLOSSARY)
    assert [(f.kind, f.severity) for f in found] == [("untranslated", "info")]


def test_multi_paragraph_link_spans_point_into_each_paragraph():
    src = [Paragraph(0, "Đảng bộ xã Bình An."), Paragraph(1, "Huyện Na Hang.")]
    tgt = [Paragraph(3, "لجنة الحزب في بلدية بينه آن. مقاطعة نا هانغ.")]
    found = run_checks(src, tgt, [Link((0, 1), (3,))], GLOSSARY, ["admin_level"])
    [f] = found
    assert f.source == (0, 1) and f.target == (3,)
    assert f.source_spans[0].paragraph == 1
    assert src[1].text[f.source_spans[0].start:f.source_spans[0].end] == "Huyện Na Hang"


def test_figure_glued_to_a_word_is_not_missing():
    # page chrome often glues a date to the site name: the date is still there
    passes("number", "Thứ Sáu, 01/11/2024", "Việt Nam01/11/2024 الجمعة")


def test_dateline_linked_to_the_sites_dateline_is_information_only():
    # a Vietnamese dateline aligned with the Arabic page's dateline: chrome, not article text
    src = [Paragraph(0, "Thứ Sáu, 01/11/2024 06:00")]
    tgt = [Paragraph(0, "Việt NamViệt Nam01/11/2024")]
    found = run_checks(src, tgt, [Link((0,), (0,))], GLOSSARY, ["number"])
    assert found and {f.severity for f in found} == {"info"}
    # the same figures in article text are a real finding
    src = [Paragraph(0, "Hội nghị bắt đầu lúc 06:00 ngày 01/11/2024 tại Tuyên Quang.")]
    tgt = [Paragraph(0, "بدأ المؤتمر في 01/11/2024 في توين كوانغ.")]
    found = run_checks(src, tgt, [Link((0,), (0,))], GLOSSARY, ["number"])
    assert any(f.severity != "info" and "06:00" in f.message for f in found)
