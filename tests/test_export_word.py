"""Word export: opens in python-docx, every paragraph right-to-left with an Arabic font."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from reviewed_samples import sample_document

from workbench.export.word import export_docx


@pytest.fixture(scope="module")
def document() -> docx.document.Document:
    return docx.Document(io.BytesIO(export_docx(sample_document())))


def test_title_is_a_heading(document) -> None:
    first = document.paragraphs[0]
    assert first.style.name.startswith("Heading")
    assert first.text == "Đường liên xã Thượng Lâm — طريق ثونغ لام"


def test_every_paragraph_is_rtl_with_arabic_runs(document) -> None:
    for paragraph in document.paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        for run in paragraph.runs:
            assert run.font.rtl is True
            assert run._r.rPr.rFonts.get(qn("w:cs")) == "Arial"


def test_body_runs_have_complex_script_size(document) -> None:
    body = document.paragraphs[1]
    assert body.runs[0]._r.rPr.find(qn("w:szCs")).get(qn("w:val")) == "28"


def test_text_with_harakat_round_trips(document) -> None:
    texts = [p.text for p in document.paragraphs[1:]]
    assert texts[0] == sample_document().units[1].final_text
    assert "وساهم سكّان البلدية بجهدهم في بناء الطريق." in texts  # merged unit split back


def test_default_language_and_font_are_arabic(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(".//" + qn("w:lang"))
    assert lang.get(qn("w:bidi")).startswith("ar") and lang.get(qn("w:val")).startswith("ar")
    fonts = defaults.find(".//" + qn("w:rFonts"))
    # a theme attribute would override the explicit complex-script font in Word
    assert fonts.get(qn("w:cs")) == "Arial" and fonts.get(qn("w:cstheme")) is None
    assert document.core_properties.language.startswith("ar")


def test_noise_left_out_by_default(document) -> None:
    assert all("إعلان" not in p.text for p in document.paragraphs)


@pytest.mark.parametrize("font", ["Traditional Arabic", "Noto Naskh Arabic"])
def test_font_is_configurable(font: str) -> None:
    document = docx.Document(io.BytesIO(export_docx(sample_document(), font=font)))
    run = document.paragraphs[1].runs[0]
    assert run._r.rPr.rFonts.get(qn("w:cs")) == font
