"""The shipped glossaries on the bodies and terms of provincial news (glossaries/provincial_news.csv
and the Bí thư rows of party_state.csv): correct synonyms pass, wrong concepts are flagged.
Sentences written by the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.checks import run_checks
from workbench.glossary.terms import load_default_glossaries
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph

GLOSSARY = load_default_glossaries(Path(__file__).resolve().parents[1] / "glossaries")
SERIOUS = ("minor", "major", "critical")


def flags(vi: str, ar: str) -> list[tuple[str, str]]:
    """(kind, severity) of the term, forbidden and style findings of one linked pair."""
    found = run_checks([Paragraph(0, vi)], [Paragraph(0, ar)], [Link((0,), (0,))], GLOSSARY,
                       ["term", "forbidden"])
    return [(f.kind, f.severity) for f in found]


def wrong(vi: str, ar: str) -> list[tuple[str, str]]:
    """The findings that call a rendering wrong or missing (a style point is not one)."""
    return [f for f in flags(vi, ar) if f[0] != "style" and f[1] in SERIOUS]


@pytest.mark.parametrize("vi, ar", [
    ("Hội Nông dân xã tổ chức hội nghị.", "عقدت جمعية المزارعين في البلدية مؤتمرا."),
    ("Hội Nông dân xã tổ chức hội nghị.", "عقد اتحاد مزارعي البلدية مؤتمرا."),
    ("Hội Cựu chiến binh xã thăm hỏi các gia đình.", "زارت جمعية المحاربين القدامى في البلدية الأسر."),
    ("Hội Liên hiệp Phụ nữ tỉnh phát động phong trào.", "أطلق اتحاد النساء في المقاطعة حركة."),
    ("Đồn Biên phòng tuần tra khu vực biên giới.", "قامت محطة حرس الحدود بدوريات في المنطقة الحدودية."),
    ("Công an xã hỗ trợ người dân làm thủ tục.", "ساعد الأمن العام في البلدية السكان في الإجراءات."),
    ("Lực lượng dân quân tự vệ được huấn luyện.", "تم تدريب قوات الميليشيا والدفاع عن النفس."),
    ("Xã đạt chuẩn nông thôn mới năm nay.", "استوفت البلدية معايير الريف الجديد هذا العام."),
    ("Đoàn viên thanh niên tham gia dọn vệ sinh.", "شارك الشباب في حملة التنظيف."),
    ("Đoàn viên công đoàn nhận quà.", "تسلم أعضاء النقابة الهدايا."),
])
def test_correct_renderings_pass(vi: str, ar: str) -> None:
    assert wrong(vi, ar) == []


@pytest.mark.parametrize("vi, ar, severity", [
    # a Youth Union member made a trade unionist
    ("Đoàn viên thanh niên tham gia dọn vệ sinh.", "شارك أعضاء النقابات والشباب في حملة التنظيف.", "major"),
    # the provincial Youth Union secretary made its "general secretary"
    ("Bí thư Tỉnh Đoàn phát biểu.", "ألقى أمين عام اتحاد الشباب في المقاطعة كلمة.", "major"),
    ("Phó Bí thư Tỉnh Đoàn phát biểu.", "ألقى نائب أمين عام اتحاد الشباب في المقاطعة كلمة.", "major"),
    # emulation calqued as "imitation": minor
    ("Phong trào thi đua lan tỏa rộng khắp.", "انتشرت حركة المحاكاة على نطاق واسع.", "minor"),
])
def test_wrong_concepts_fail(vi: str, ar: str, severity: str) -> None:
    assert ("forbidden", severity) in flags(vi, ar)


def test_trade_union_reading_is_right_when_the_source_says_cong_doan() -> None:
    vi = "Đoàn viên công đoàn và đoàn viên thanh niên cùng tham gia."
    assert ("forbidden", "major") not in flags(vi, "شارك أعضاء النقابات وأعضاء الاتحاد معا.")


def test_cell_secretary_as_sikritir_is_a_style_point_not_an_error() -> None:
    found = flags("Bí thư chi bộ chủ trì cuộc họp.", "ترأس سكرتير خلية الحزب الاجتماع.")
    assert ("style", "minor") in found
    assert not [f for f in found if f[0] == "forbidden"]


def test_provincial_adjective_is_a_style_point() -> None:
    found = flags("Tỉnh Đoàn tổ chức chiến dịch.", "نظم اتحاد الشباب الإقليمي حملة.")
    assert found == [("style", "minor")]
