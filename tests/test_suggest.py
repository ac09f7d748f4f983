"""Glossary suggestions from reviewers' corrections."""

from __future__ import annotations

import pytest

from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.model.reviewed_document import ReviewedUnit
from workbench.glossary.suggestions import suggest_terms


def unit(ordinal: int, source: str, mt: str, final: str) -> ReviewedUnit:
    return ReviewedUnit(ordinal, (ordinal,), (ordinal,), source, mt, final, state="reviewed")


BAN_TO_CHUC = [
    unit(1, "Ban Tổ chức Tỉnh ủy hướng dẫn các chi bộ.",
         "مجلس تنظيم لجنة الحزب الإقليمية يوجه خلايا الحزب.",
         "اللجنة التنظيمية للجنة الحزب الإقليمية يوجه خلايا الحزب."),
    unit(2, "Theo Ban Tổ chức, hội nghị diễn ra tốt đẹp.",
         "وفقا لمجلس تنظيم، سار المؤتمر بشكل جيد.",
         "وفقا للجنة التنظيمية، سار المؤتمر بشكل جيد."),
    unit(5, "Đại diện Ban Tổ chức phát biểu khai mạc.",
         "وألقى ممثل مجلس تنظيم كلمة الافتتاح.",
         "وألقى ممثل اللجنة التنظيمية كلمة الافتتاح."),
]
NAME = unit(7, "Ông Nguyễn Văn An phát biểu tại hội nghị ở Hà Nội.",
            "وتحدث السيد نغوين فان آنه في المؤتمر في هانوي.",
            "وتحدث السيد نغوين فان آن في المؤتمر في هانوي.")


def test_repeated_replacement_is_counted_once_per_unit() -> None:
    [top, *_] = suggest_terms(BAN_TO_CHUC, ["Ban Tổ chức"])
    assert (top.source_term, top.from_text, top.to_text) == ("Ban Tổ chức", "مجلس تنظيم", "اللجنة التنظيمية")
    assert top.count == 3 and top.examples == (1, 2, 5)
    assert top.message == "reviewers changed مجلس تنظيم to اللجنة التنظيمية 3 times for Ban Tổ chức"


def test_proclitics_do_not_split_the_count() -> None:
    # لمجلس/للجنة (with the preposition) and مجلس/اللجنة are the same replacement
    suggestions = suggest_terms(BAN_TO_CHUC[:2], ["Ban Tổ chức"])
    assert [s.count for s in suggestions] == [2]


def test_glossary_rendering_credits_the_term() -> None:
    glossary = Glossary([GlossaryEntry(
        "Ban Tổ chức", "اللجنة التنظيمية", forbidden=("مجلس تنظيم",), category="organization",
    )])
    [top] = suggest_terms(BAN_TO_CHUC, glossary)
    assert top.basis == "glossary" and top.in_glossary and top.count == 3


def test_new_rendering_for_a_term_missing_from_the_glossary() -> None:
    [top] = suggest_terms(BAN_TO_CHUC, ["Ban Tổ chức"])
    assert not top.in_glossary and top.basis == "elimination"


def test_name_spelling_fix_is_credited_to_the_name() -> None:
    [suggestion] = suggest_terms([NAME])
    assert suggestion.source_term == "Nguyễn Văn An"  # not "Ông Nguyễn Văn An"
    assert (suggestion.from_text, suggestion.to_text, suggestion.basis) == ("آنه", "آن", "name")


@pytest.mark.parametrize(
    "mt, final",
    [
        # harakat added: no term changed
        ("وتحدث السيد نغوين فان آن في المؤتمر.", "وَتَحَدَّثَ السَّيِّدُ نغوين فان آن فِي المُؤْتَمَرِ."),
        # only a clitic fixed: لجنة → للجنة
        ("ممثل لجنة الحزب", "ممثل للجنة الحزب"),
        # nothing changed
        ("سار المؤتمر بشكل جيد.", "سار المؤتمر بشكل جيد."),
    ],
)
def test_no_suggestion_without_a_word_change(mt: str, final: str) -> None:
    assert suggest_terms([unit(0, "Ông Nguyễn Văn An phát biểu.", mt, final)]) == []


def test_min_count_filters_one_off_edits() -> None:
    suggestions = suggest_terms([*BAN_TO_CHUC, NAME], ["Ban Tổ chức"], min_count=2)
    assert [s.source_term for s in suggestions] == ["Ban Tổ chức"]


def test_unattributable_change_is_kept_without_a_term() -> None:
    # two changes, no term in the source: neither can be credited
    [first, second] = suggest_terms([unit(
        3, "hội nghị diễn ra tốt đẹp và kết thúc sớm.",
        "سار المؤتمر بشكل جيد وانتهى مبكرا.", "جرى الاجتماع بشكل جيد وانتهى باكرا.",
    )])
    assert first.source_term == second.source_term == ""
    assert {(first.from_text, first.to_text), (second.from_text, second.to_text)} == {
        ("سار المؤتمر", "جرى الاجتماع"), ("مبكرا", "باكرا"),
    }


def test_long_rewrites_are_not_term_suggestions() -> None:
    rewrite = unit(4, "Ban Tổ chức họp.",
                   "عقد مجلس تنظيم اجتماعا طويلا ومفصلا حول كل القضايا المطروحة أمس",
                   "اجتمعت اللجنة التنظيمية وناقشت بإسهاب جميع المسائل المعروضة عليها في اليوم السابق")
    assert suggest_terms([rewrite], ["Ban Tổ chức"]) == []


def test_uncredited_occurrence_counts_for_the_term_credited_elsewhere() -> None:
    # two changes and two terms: this unit alone cannot say which change is whose
    ambiguous = unit(9, "Ban Tổ chức làm việc với Sở Y tế hôm qua.",
                     "عمل مجلس تنظيم مع دائرة الصحة أمس.",
                     "عمل اللجنة التنظيمية مع مديرية الصحة أمس.")
    suggestions = suggest_terms([BAN_TO_CHUC[0], ambiguous], ["Ban Tổ chức", "Sở Y tế"])
    top = suggestions[0]
    assert (top.source_term, top.from_text, top.count, top.examples) == (
        "Ban Tổ chức", "مجلس تنظيم", 2, (1, 9)
    )
    [other] = suggestions[1:]
    assert (other.source_term, other.from_text, other.to_text) == ("", "دائرة", "مديرية")
