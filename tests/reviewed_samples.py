"""Reviewed documents of Vietnamese/Arabic news text, for export tests.

The sentences were written for the tests (like tests/corpus.py); the machine
translations carry realistic MT errors (a wrong year, a rendering the glossary forbids).
"""

from __future__ import annotations

from workbench.model.finding import Finding
from workbench.model.reviewed_document import ReviewedDocument, ReviewedFinding, ReviewedUnit

TERM_FINDING = Finding(
    kind="term", severity="major", source=(3,), target=(4,), term="Ban Tổ chức",
    expected=("اللجنة التنظيمية",), found="مجلس تنظيم",
    message="Ban Tổ chức: expected اللجنة التنظيمية, found مجلس تنظيم",
)
NUMBER_FINDING = Finding(
    kind="number", severity="critical", source=(2,), target=(3,), term="2017",
    expected=("2017",), found="2016", message="2017 in the source, 2016 in the translation",
)


def sample_document() -> ReviewedDocument:
    """A short page: title, ad, an approved unit with harakat, a merged unit, MT left as is."""
    return ReviewedDocument(
        title="Đường liên xã Thượng Lâm — طريق ثونغ لام",
        units=(
            ReviewedUnit(
                ordinal=0, source_indexes=(), target_indexes=(0,), source_text="",
                mt_text="[إعلان 1]", final_text="[إعلان 1]", is_noise=True,
            ),
            ReviewedUnit(
                ordinal=1, source_indexes=(0,), target_indexes=(1,),
                source_text="Cử tri vùng cao kiến nghị sớm nâng cấp tuyến đường liên xã.",
                mt_text="اقترح ناخبو المرتفعات ترقية الطريق بين البلديات قريبا.",
                final_text="طَالَبَ نَاخِبُو الْمُرْتَفَعَاتِ بِالْإِسْرَاعِ فِي تَحْسِينِ الطَّرِيقِ الرَّابِطِ بَيْنَ الْبَلَدِيَّاتِ.",
                state="final", score=0.93, reviewer="lan", note="تشكيل كامل للعنوان",
            ),
            ReviewedUnit(
                ordinal=2, source_indexes=(1, 2), target_indexes=(2,),
                source_text=(
                    "Đường liên xã Thượng Lâm được khởi công năm 2017 bằng vốn ngân sách tỉnh."
                    "\n\nNgười dân trong xã góp công làm đường."
                ),
                mt_text=(
                    "بدأ بناء طريق ثونغ لام بين البلديات عام 2016 بتمويل ميزانية المقاطعة."
                    "\n\nالناس في البلدية يساهمون."
                ),
                final_text=(
                    "بدأ بناء الطريق الرابط بين بلديات ثونغ لام عام 2017 بتمويل من ميزانية المقاطعة."
                    "\n\nوساهم سكّان البلدية بجهدهم في بناء الطريق."
                ),
                state="reviewed", score=0.71, reviewer="minh",
                findings=(ReviewedFinding(NUMBER_FINDING, "fixed"),),
            ),
            ReviewedUnit(
                ordinal=3, source_indexes=(3,), target_indexes=(3,),
                source_text="Ban Tổ chức Tỉnh ủy hướng dẫn các chi bộ.",
                mt_text="مجلس تنظيم لجنة الحزب الإقليمية يوجه خلايا الحزب.",
                final_text="مجلس تنظيم لجنة الحزب الإقليمية يوجه خلايا الحزب.",
                state="machine", score=0.55,
                findings=(ReviewedFinding(TERM_FINDING, "open"),),
            ),
        ),
    )
