"""Page furniture: what news pages carry around an article (ads, source lines,
counters, menus, related-article boxes, bylines) is recognised, real news
paragraphs in Vietnamese and Arabic are not."""

from __future__ import annotations

import pytest

from workbench.reading.furniture import NOISE_PATTERNS, classify, classify_in, is_noise, noise_score


@pytest.mark.parametrize(
    "text, kind",
    [
        ("[إعلان 1]", "ad"),
        ("[ إعلان 12 ]", "ad"),
        ("[Quảng cáo]", "ad"),
        ("Advertisement", "ad"),
        ("المصدر: https://baotuyenquang.com.vn/nang-cao-chat-luong-sinh-hoat-chi-bo-201157.html", "source"),
        ("Nguồn: https://vnexpress.net/thoi-su", "source"),
        ("Source: Reuters", "source"),
        ("https://dantri.com.vn/xa-hoi/tin-123.htm", "url"),
        ("تعليق (0)", "counter"),
        ("Bình luận (12)", "counter"),
        ("No data", "placeholder"),
        ("No videos available", "placeholder"),
        ("لا توجد بيانات", "placeholder"),
        ("نفس الموضوع", "related"),
        ("نفس الفئة", "related"),
        ("Tin liên quan", "related"),
        ("Cùng chuyên mục", "related"),
        ("اقرأ أيضا:", "related"),
        (">> Bài 1: Chi bộ yếu vì sinh hoạt “nghèo nàn”", "related"),
        (">> الدرس الثاني: أنشطة جيدة، خلية حزبية قوية", "related"),
        ("Ảnh: Thanh Hà", "credit"),
        ("(Ảnh: TTXVN)", "credit"),
        ("Bài và ảnh: Nguyễn Văn Hùng", "credit"),
        ("تصوير: أحمد علي", "credit"),
        ("Tuyên Quang 01/11/2024", "byline"),
        ("THU PHƯƠNG", "byline"),
        ("img-0417.jpg", "placeholder"),
        ("anh-le-hoi.png)", "placeholder"),
        ("Bà con trong thôn thu hoạch lúa trên cánh đồng. (Ảnh: Minh Tâm)", "caption"),
        ("Các em học sinh nhận quà trong ngày khai giảng. Ảnh CTV", "caption"),
        ("محلي", "menu"),
        ("Thời sự", "menu"),
    ],
)
def test_furniture_is_recognised_with_its_kind(text: str, kind: str) -> None:
    verdict = classify(text)
    assert verdict.kind == kind
    assert verdict.is_noise and is_noise(text)


@pytest.mark.parametrize(
    "text",
    [
        # Vietnamese and Arabic news paragraphs (tests/corpus.py, the seed page)
        "Nhiều cử tri lo ngại việc đổi tên xã sẽ gây phiền hà khi làm giấy tờ.",
        "Năm 2024, thu nhập bình quân đầu người của huyện đạt 38 triệu đồng, tăng 4,5 triệu "
        "đồng so với năm trước.",
        "ويخشى كثير من الناخبين أن يسبب تغيير اسم البلدية متاعب عند استخراج الوثائق.",
        "وقال سكرتير لجنة الحزب في منطقة لام بينه نونغ فان ثانغ إن منظمة الحزب في المنطقة "
        "وجهت بمراجعة أوضاع جميع المعلمين المتعاقدين.",
        "على وجه الخصوص، تنفيذ اللائحة رقم 18-QDi/TU المؤرخة 5 أكتوبر 2018 للجنة الحزب الدائمة الإقليمية.",
        # a headline and a section heading of an article are content, not menus
        "Ba xã của huyện Yên Sơn hợp nhất thành xã Tân Trào từ ngày 1/7",
        "محتوى النشاط \"الصحيح\" و\"الدقيق\"",
        # a sentence that merely mentions a source or a photo is content
        "Theo nguồn tin của Reuters, cuộc họp sẽ diễn ra vào tuần tới tại Hà Nội.",
        "قال المصدر إن الاجتماع سيعقد الأسبوع المقبل في هانوي.",
    ],
)
def test_news_paragraphs_are_not_noise(text: str) -> None:
    assert noise_score(text) == 0.0
    assert not is_noise(text)


@pytest.mark.parametrize(
    "text, noisy",
    [
        # an ad marker followed by the source line: furniture as a whole
        ("[إعلان 2]\nالمصدر: https://baotuyenquang.com.vn/tin-201157.html", True),
        ("No data\nNo data", True),
        # a menu of one-word sections
        ("أخبار\nالنظام السياسي\nمحلي\nمنتج", True),
        # a box of related headlines: several short lines without sentence ends
        ("Điện gió Ninh Thuận\nTruyền thuyết đá voi Đắk Lắk\nBãi biển Nha Trang nhìn từ trên cao", True),
        # an ad marker glued to a real paragraph is not furniture: the text must be reviewed
        ("[إعلان 1]\nويخشى كثير من الناخبين أن يسبب تغيير اسم البلدية متاعب عند استخراج الوثائق.",
         False),
    ],
)
def test_multi_line_paragraphs(text: str, noisy: bool) -> None:
    assert is_noise(text) is noisy


def test_scores_are_graded_by_certainty() -> None:
    # an ad marker is certain, a one-word line may be a heading: the aligner weighs them
    assert noise_score("[إعلان 1]") > noise_score("محلي") > noise_score("ويرى المسؤولون أن القلق مفهوم.")


def test_patterns_are_data_with_known_kinds_and_strengths() -> None:
    kinds = {p.kind for p in NOISE_PATTERNS}
    assert {"ad", "source", "counter", "placeholder", "related", "credit"} <= kinds
    assert all(0.0 < p.strength <= 1.0 for p in NOISE_PATTERNS)


@pytest.mark.parametrize(
    "text, kind",
    [
        # a Vietnamese image alt left on an Arabic page, a dateline of the site: chrome
        ("Cánh đồng lúa chín vàng ở vùng cao", "foreign"),
        ("Báo Cao BằngBáo Cao Bằng12/05/2024", "foreign"),
    ],
)
def test_text_in_no_arabic_on_an_arabic_page_is_chrome(text: str, kind: str) -> None:
    assert classify_in(text, "ar").kind == kind
    assert classify_in(text, "ar").score == 1.0
    # the same line on the Vietnamese side is judged by its patterns only
    assert classify_in(text, "vi").kind != "foreign"


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد إلى بلدية نام كوونغ صباح اليوم وزار المدرسة.",
        "2024",
        "[إعلان 3]",
    ],
)
def test_arabic_or_figures_on_an_arabic_page_are_not_foreign(text: str) -> None:
    assert classify_in(text, "ar").kind != "foreign"
