"""Plain-text export of the corrected Arabic."""

from __future__ import annotations

import pytest
from reviewed_samples import sample_document

from workbench.export.plaintext import export_plaintext
from workbench.model.reviewed_document import ReviewedDocument, ReviewedUnit


def test_corrected_text_in_page_order_with_blank_lines() -> None:
    text = export_plaintext(sample_document()).decode("utf-8")
    paragraphs = text.strip("\n").split("\n\n")
    assert paragraphs[0].startswith("طَالَبَ نَاخِبُو")  # harakat kept
    # the merged unit keeps its two page paragraphs
    assert paragraphs[1].startswith("بدأ بناء الطريق الرابط بين بلديات ثونغ لام عام 2017")
    assert paragraphs[2] == "وساهم سكّان البلدية بجهدهم في بناء الطريق."
    assert len(paragraphs) == 4


def test_machine_text_is_not_exported_where_corrected() -> None:
    text = export_plaintext(sample_document()).decode("utf-8")
    assert "عام 2016" not in text


@pytest.mark.parametrize("keep", [True, False])
def test_noise_dropped_or_kept(keep: bool) -> None:
    text = export_plaintext(sample_document(), keep_noise=keep).decode("utf-8")
    assert ("[إعلان 1]" in text) is keep


@pytest.mark.parametrize("final", ["سطر أول\r\nسطر ثان", "  نص مع مسافات  \n"])
def test_line_ends_normalised_and_whitespace_trimmed(final: str) -> None:
    doc = ReviewedDocument("t", units=(ReviewedUnit(0, (0,), (0,), "x", final, final),))
    data = export_plaintext(doc)
    assert b"\r" not in data and data.endswith(b"\n") and not data.startswith(b" ")


def test_title_on_request() -> None:
    text = export_plaintext(sample_document(), include_title=True).decode("utf-8")
    assert text.startswith("Đường liên xã Thượng Lâm")
