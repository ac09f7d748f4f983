"""Post-edit effort: chrF++ and TER of the MT against the corrected Arabic."""

from __future__ import annotations

import pytest

from workbench.postedit.metrics import measure, measure_document


@pytest.mark.parametrize(
    "text",
    ["بدأ بناء الطريق بين البلديات عام 2017 بتمويل من ميزانية المقاطعة.", "وَيَرَى الْمَسْؤُولُونَ", ""],
)
def test_untouched_translation_costs_nothing(text: str) -> None:
    effort = measure(text, text)
    assert (effort.chrf, effort.ter, effort.changed) == (100.0, 0.0, False)


@pytest.mark.parametrize(
    "mt, final, ter",
    [
        # one word replaced among eleven tokens (the full stop counts): TER 1/11
        ("بدأ بناء الطريق بين البلديات عام 2016 بتمويل من ميزانية المقاطعة.",
         "بدأ بناء الطريق بين البلديات عام 2017 بتمويل من ميزانية المقاطعة.", 100 / 11),
        # a two-word term rewritten in a three-word sentence
        ("مجلس تنظيم الحزب", "اللجنة التنظيمية للحزب", 100.0),
    ],
)
def test_edits_cost_effort(mt: str, final: str, ter: float) -> None:
    effort = measure(mt, final)
    assert effort.changed and effort.chrf < 100
    assert effort.ter == pytest.approx(ter, abs=0.01)


def test_more_editing_costs_more() -> None:
    final = "ويخشى كثير من الناخبين أن يسبب تغيير اسم البلدية متاعب عند استخراج الوثائق."
    light = measure("ويخشى كثير من الناخبين أن يسبب تغيير اسم القرية متاعب عند استخراج الوثائق.",
                    final)
    heavy = measure("الناخبون خائفون من مشاكل الاسم الجديد.", final)
    assert light.chrf > heavy.chrf and light.ter < heavy.ter


def test_whitespace_only_changes_do_not_count() -> None:
    assert not measure("  مرحبا بكم \n", "مرحبا بكم").changed


def test_signature_makes_the_number_reproducible() -> None:
    signature = measure("مرحبا", "أهلا").signature
    assert signature.startswith("chrF2++|") and "nw:2" in signature and "TER|" in signature
    assert "version:" in signature


def test_document_effort_weighs_long_units_more() -> None:
    long_mt = "بدأ بناء الطريق بين البلديات عام 2017 بتمويل من ميزانية المقاطعة."
    pairs = [(long_mt, long_mt), ("مجلس تنظيم", "اللجنة التنظيمية")]
    doc = measure_document(pairs)
    mean_ter = (measure(*pairs[0]).ter + measure(*pairs[1]).ter) / 2
    assert doc.changed and doc.ter < mean_ter
    assert doc.signature == measure("a", "b").signature


def test_empty_document() -> None:
    assert measure_document([]).changed is False


def test_the_signature_reads_as_words() -> None:
    from workbench.postedit.metrics import describe_signature

    line = measure("مرحبا", "أهلا").metric_line
    assert line.startswith("chrF++ (6 character and 2 word n-grams, case kept) and TER ("
                           "lower-cased, tercom tokens, punctuation kept), 1 reference, "
                           "sacrebleu ")
    assert describe_signature("BLEU|nrefs:1") == "BLEU|nrefs:1"  # not ours: as it is
