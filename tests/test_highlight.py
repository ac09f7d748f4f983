"""Highlighting findings in paragraphs: exact spans, escaping, right-to-left Arabic."""

from __future__ import annotations

import re

import pytest

from workbench_ui.html.highlight import (
    FIDELITY_SCALE, Mark, escape_arabic, escape_mixed, fidelity_badge, fidelity_band, highlight_paragraphs,
    highlight_text,
)


def _marked(html_text: str) -> list[str]:
    """The visible text inside each <mark>, tags (e.g. <bdi>) removed."""
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", html_text)]


def _visible(html_text: str) -> str:
    import html
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@pytest.mark.parametrize("text,term", [
    ("Đồng chí Nguyễn Hưng Vượng, Trưởng Ban Dân vận Tỉnh ủy", "Nguyễn Hưng Vượng"),
    ("Ban Thường vụ Tỉnh ủy Tuyên Quang ban hành Đề án số 16", "Tỉnh ủy"),
    ("وقال الرفيق نجوين هونغ فونغ، رئيس لجنة التعبئة الجماهيرية", "نجوين هونغ فونغ"),
    ("في بلدية ين نجوين بمنطقة تشييم هوا", "منطقة"),
])
def test_the_span_of_a_finding_is_highlighted_exactly(text: str, term: str) -> None:
    start = text.index(term)
    rtl = any("\u0600" <= c <= "\u06ff" for c in text)
    out = highlight_text(text, [Mark(start, start + len(term), "major", "term", "wrong")], rtl)
    assert _marked(out) == [term]
    assert _visible(out) == text  # nothing lost or added around the mark


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
])
@pytest.mark.parametrize("rtl", [False, True])
def test_markup_in_a_paragraph_comes_out_as_text(payload: str, rtl: bool) -> None:
    text = f"Tin mới {payload} هنا"
    out = highlight_text(text, [Mark(0, 3, "minor", "<b>kind</b>", payload)], rtl)
    assert "<script" not in out and "<img" not in out and "<svg" not in out
    assert "<b>" not in out
    assert _visible(out) == text


def test_markup_in_paragraph_blocks_is_escaped() -> None:
    out = highlight_paragraphs([(3, "<script>alert(1)</script>")], {}, rtl=True)
    assert "<script" not in out
    assert "&lt;" in out and _visible(out) == "<script>alert(1)</script>"


@pytest.mark.parametrize("text,latin", [
    ("رقم المشروع 16-ĐA/TU صادر عن اللجنة", "16-ĐA/TU"),
    ("بلغ عدد الأعضاء 33690/39204 عضوا", "33690/39204"),
    ("قال Nguyễn Văn An إن النسبة 85.94%", "Nguyễn Văn An"),
])
def test_latin_runs_in_arabic_are_isolated_left_to_right(text: str, latin: str) -> None:
    out = highlight_paragraphs([(0, text)], {}, rtl=True)
    assert 'dir="rtl"' in out
    assert f'<bdi dir="ltr">{latin}</bdi>' in out


def test_vietnamese_is_left_to_right_without_isolation() -> None:
    out = highlight_paragraphs([(0, "Xã Yên Nguyên, huyện Chiêm Hóa")], {})
    assert 'dir="rtl"' not in out and "<bdi" not in out


def test_overlapping_marks_take_the_worst_severity_and_keep_the_text() -> None:
    text = "Chủ tịch Ủy ban nhân dân xã Hòa Phú"
    a = text.index("Ủy ban")
    b = text.index("xã")
    out = highlight_text(text, [Mark(a, len(text), "minor", "term", "x"),
                                Mark(b, b + 2, "critical", "admin_level", "y")])
    assert _visible(out) == text
    assert re.search(r'wb-critical[^>]*>xã</mark>', out)
    assert "".join(_marked(out)) == text[a:]


@pytest.mark.parametrize("marks", [[Mark(5, 500)], [Mark(10, 3)], [Mark(-4, 2)]])
def test_stale_spans_never_break_the_paragraph(marks: list[Mark]) -> None:
    text = "Sau gần 4 năm thực hiện"
    assert _visible(highlight_text(text, marks)) == text


def test_marks_go_to_their_own_paragraph() -> None:
    out = highlight_paragraphs([(4, "Tỉnh ủy"), (5, "Tỉnh ủy")], {5: [Mark(0, 7, "major")]})
    first, second = out.split("</p>")[:2]
    assert "<mark" not in first and "<mark" in second
    assert 'data-paragraph="5"' in second


@pytest.mark.parametrize("score,word", [(0.2, "poor"), (0.6, "doubtful"), (0.8, "fair"),
                                        (0.93, "good"), (1.0, "good")])
def test_fidelity_colour_scale(score: float, word: str) -> None:
    colour, got = fidelity_band(score)
    assert got == word
    assert colour in {c for _, c, _ in FIDELITY_SCALE}
    badge = fidelity_badge(score, "cosine <0.9>")
    assert f"{score:.2f}" in badge and "&lt;0.9&gt;" in badge


def test_escape_arabic_keeps_arabic_digits_unwrapped() -> None:
    out = escape_arabic("بنسبة ٨٥٫٩٤٪")
    assert "<bdi" not in out


@pytest.mark.parametrize("message,arabic", [
    ("xã Bình An is a commune: expected بلدية, found منطقة", ["بلدية", "منطقة"]),
    ("Bài cuối: expected الجزء الأخير, found <b>المقال الأخير</b>", ["الجزء الأخير", "المقال الأخير"]),
])
def test_arabic_runs_in_messages_are_isolated_and_escaped(message: str, arabic: list[str]) -> None:
    out = escape_mixed(message)
    assert re.findall(r'<bdi dir="rtl">(.*?)</bdi>', out) == arabic
    assert "<b>" not in out and _visible(out) == message
