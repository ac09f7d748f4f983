"""workbench.checks.fixes: the right rendering in place of the flagged words, with the
clitics of the flagged word kept."""

from __future__ import annotations

import pytest

from workbench.checks.fixes import fixed_text, known_forms, rewrite
from workbench.pipeline import shipped_glossary

KNOWN = known_forms(shipped_glossary())


@pytest.mark.parametrize("flagged, wanted, expected", [
    ("المقاطعة", "منطقة", "المنطقة"),
    ("والمقاطعة", "منطقة", "والمنطقة"),
    ("بالمقاطعة", "منطقة", "بالمنطقة"),
    ("وبالمقاطعة", "منطقة", "وبالمنطقة"),
    ("للمقاطعة", "منطقة", "للمنطقة"),
    ("وللمقاطعة", "منطقة", "وللمنطقة"),
    ("بمقاطعة", "منطقة", "بمنطقة"),
    ("مقاطعة", "منطقة", "منطقة"),
    ("مقاطعتها", "منطقة", "منطقتها"),
    ("المقاطعات", "منطقة", "المنطقات"),
    ("بلدية", "قرية", "قرية"),  # بلدية is a word: no ب to keep
    ("والبلدية", "قرية", "والقرية"),
    ("بالجمعية", "الجمعية الوطنية", "بالجمعية الوطنية"),
    ("للجمعية", "الجمعية الوطنية", "للجمعية الوطنية"),
    ("لجنة الحزب الإقليمية", "لجنة الحزب في المنطقة", "لجنة الحزب في المنطقة"),
    ("والرئيس", "لجنة الحزب", "ولجنة الحزب"),  # a construct takes no article
    ("5", "6", "6"),
])
def test_rewrite_keeps_the_clitics(flagged, wanted, expected):
    assert rewrite(flagged, wanted, KNOWN) == expected


def test_without_known_words_only_the_article_is_peeled():
    assert rewrite("والمقاطعة", "منطقة") == "والمنطقة"
    assert rewrite("بمقاطعة", "منطقة") == "منطقة"  # unsure: the right word alone


def test_fixed_text_replaces_only_the_flagged_words():
    text = "وطالب ناخبو بلدية ثونغ لام بالمقاطعة في مقاطعة توين كوانغ"
    start = text.index("بالمقاطعة")
    assert fixed_text(text, start, start + len("بالمقاطعة"), "منطقة", KNOWN) == (
        "وطالب ناخبو بلدية ثونغ لام بالمنطقة في مقاطعة توين كوانغ")
