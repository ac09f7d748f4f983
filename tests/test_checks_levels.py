"""Administrative levels and term matching on the shipped glossaries: counts of units,
the province word for a district, tanwin, residential quarters (texts written for
these tests)."""

from __future__ import annotations

import pytest

from workbench.checks import run_checks
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.pipeline import shipped_glossary
from workbench.glossary.matching import find_renderings


def run(vi: str, ar: str, check: str | None = None):
    return run_checks([Paragraph(0, vi)], [Paragraph(0, ar)], [Link((0,), (0,))], shipped_glossary(),
                      [check] if check else None)


def major_admin(vi: str, ar: str):
    return [f for f in run(vi, ar, "admin_level") if f.severity in ("major", "critical")]


@pytest.mark.parametrize("vi,ar", [
    ("Thị xã có 9 phường và 3 xã.", "تضم البلدة 9 أحياء و3 بلديات."),
    ("Thành phố có 14 phường.", "تضم المدينة 14 حيًا."),
    ("Huyện có 12 xã và 2 thị trấn.", "تضم المنطقة 12 بلدية وبلدتين."),
    ("Trên địa bàn huyện có 20 hợp tác xã.", "يوجد في المنطقة 20 تعاونية."),
    ("Các hợp tác xã trong tỉnh đều có lãi.", "حققت جميع التعاونيات في المقاطعة أرباحًا."),
    ("Người dân khối 3 đã sơ tán an toàn.", "تم إجلاء سكان الحي السكني 3 بأمان."),
])
def test_levels_kept_pass(vi, ar):
    assert major_admin(vi, ar) == []


@pytest.mark.parametrize("vi,ar,found", [
    ("Thành phố có 14 phường.", "تضم المدينة 14 جناحًا.", "جناحًا"),                     # tanwin
    ("Sau sáp nhập còn 40 xã, phường.", "بعد الدمج بقي 40 بلدية/منطقة.", "منطقة"),
    ("Ông sống ở khối 2 từ nhiều năm.", "يعيش منذ سنوات في المبنى رقم 2.", "المبنى"),
    ("Nhiều hợp tác xã trên địa bàn huyện làm ăn có lãi.",
     "حققت العديد من التعاونيات في المقاطعة أرباحًا.", "المقاطعة"),
])
def test_levels_changed_fail(vi, ar, found):
    found_words = [f.found for f in major_admin(vi, ar)]
    assert any(found in (w or "") for w in found_words), found_words


def test_the_same_words_are_reported_once():
    findings = run("Thành phố có 14 phường.", "تضم المدينة 14 جناحًا.", "admin_level")
    assert len(findings) == 1


def test_commune_written_town_is_a_minor_slip():
    [f] = run("Bà con xã Nà Khương đón Tết.", "احتفل سكان بلدة نا خوونغ بالعيد.", "admin_level")
    assert f.severity == "minor"


def test_province_adjective_is_a_style_point_not_an_error():
    findings = run("Chủ tịch UBND tỉnh phát biểu.", "تحدث رئيس اللجنة الشعبية الإقليمية.")
    assert findings and all((f.kind, f.severity) == ("style", "minor") for f in findings)


@pytest.mark.parametrize("rendering,text", [
    ("عضو الحزب", "أصبح عضوًا في الحزب منذ عشر سنوات"),
    ("جناح", "أضافوا جناحًا جديدًا"),
])
def test_tanwin_is_the_same_word(rendering, text):
    assert find_renderings([rendering], text)


def test_event_organising_committee_is_not_a_wrong_rendering():
    findings = run("Ban Tổ chức lễ hội trao giải cho các đội.", "قدمت اللجنة المنظمة للمهرجان الجوائز للفرق.")
    assert [f for f in findings if f.severity in ("major", "critical")] == []
