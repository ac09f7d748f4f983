"""Reviewed documents built from real Vietnamese/Arabic news text, for export tests.

Sentences from NTREX-128 (CC BY-SA 4.0, see /work/shared/data/ntrex-dev/README.md)
and the demo article's wording; the machine translations are realistic MT errors.
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
        title="Quốc hội Wales đổi tên — برلمان ويلز",
        units=(
            ReviewedUnit(
                ordinal=0, source_indexes=(), target_indexes=(0,), source_text="",
                mt_text="[إعلان 1]", final_text="[إعلان 1]", is_noise=True,
            ),
            ReviewedUnit(
                ordinal=1, source_indexes=(0,), target_indexes=(1,),
                source_text="Vấn đề nổi cộm lên bởi những kế hoạch đổi tên quốc hội sang Nghị viện Wales.",
                mt_text="نشأت المشكلة من خطط تغيير اسم البرلمان إلى برلمان ويلز.",
                final_text="وَقَدْ نَشَأَ ذَلِكَ بِسَبَبِ وُجُودِ خُطَطٍ لِتَغْيِيرِ اسْمِ الْجَمْعِيَّةِ إِلَى بَرْلَمَانِ وِيلْز.",
                state="final", score=0.93, reviewer="lan", note="تشكيل كامل للعنوان",
            ),
            ReviewedUnit(
                ordinal=2, source_indexes=(1, 2), target_indexes=(2,),
                source_text=(
                    "Đạo luật Chính phủ Wales năm 2017 trao quyền cho quốc hội Wales được tự đổi tên."
                    "\n\nNgười dân Macedonia bỏ phiếu trong cuộc trưng cầu dân ý."
                ),
                mt_text="يمنح قانون حكومة ويلز لعام 2016 الجمعية سلطة تغيير اسمها.\n\nصوت شعب مقدونيا.",
                final_text=(
                    "يمنح قانون حكومة ويلز لعام 2017 جمعية ويلز سلطة تغيير اسمها."
                    "\n\nصوّت الشعب المقدوني في استفتاء."
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
