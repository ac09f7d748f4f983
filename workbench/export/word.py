"""Word (.docx) export of the corrected Arabic, right-to-left throughout.

python-docx has no paragraph-direction option, so ``w:bidi`` is added to every
paragraph's properties by hand (NOTES.md), and every run gets ``w:rtl`` plus a
complex-script font (``w:rFonts w:cs``) and size (``w:szCs``): Word shapes Arabic with
the *complex-script* font and size, not the Latin ones, so setting only ``font.name``
would leave the Arabic in the default face.  The document default language is Arabic
(``w:lang w:bidi``) so spell-checking and digit shaping follow Arabic rules.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from workbench.export.plaintext import corrected_texts
from workbench.model.reviewed_document import ReviewedDocument

# python-docx is imported in the functions that use it, not here: the CLI loads every
# exporter to list the formats, and only a Word export needs it.
if TYPE_CHECKING:
    import docx.document
    from docx.text.paragraph import Paragraph as DocxParagraph

DEFAULT_FONT = "Arial"
DEFAULT_SIZE_PT = 14
ARABIC_LANGUAGE_TAG = "ar-SA"

# Elements that come after w:bidi in CT_PPr's schema sequence: w:bidi must be
# inserted before the first of them for Word to accept the file.
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
# Elements after w:szCs in CT_RPr's sequence.
_AFTER_SZCS = (
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)


def _make_rtl(paragraph: DocxParagraph, font: str, size_pt: float | None) -> None:
    """Mark a paragraph right-to-left and give each run the Arabic font and size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in paragraph.runs:
        run.font.rtl = True
        run.font.name = font
        r_pr = run._r.get_or_add_rPr()
        fonts = r_pr.get_or_add_rFonts()
        fonts.set(qn("w:cs"), font)
        if size_pt is not None:
            run.font.size = Pt(size_pt)
            sz_cs = r_pr.find(qn("w:szCs"))
            if sz_cs is None:
                sz_cs = OxmlElement("w:szCs")
                r_pr.insert_element_before(sz_cs, *_AFTER_SZCS)
            sz_cs.set(qn("w:val"), str(int(round(size_pt * 2))))


def _set_default_language(document: docx.document.Document, font: str) -> None:
    """Arabic as the default (complex-script) language and font in docDefaults."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    r_pr = rpr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        rpr_default.append(r_pr)
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:cs"), font)
    # A theme font attribute wins over the explicit one in Word: drop it.
    fonts.attrib.pop(qn("w:cstheme"), None)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), ARABIC_LANGUAGE_TAG)
    lang.set(qn("w:bidi"), ARABIC_LANGUAGE_TAG)
    document.core_properties.language = ARABIC_LANGUAGE_TAG


def export_docx(
    doc: ReviewedDocument,
    *,
    keep_noise: bool = False,
    font: str = DEFAULT_FONT,
    size_pt: float = DEFAULT_SIZE_PT,
) -> bytes:
    """The corrected Arabic as a .docx: title as a heading, one RTL paragraph per unit."""
    import docx

    document = docx.Document()
    _set_default_language(document, font)
    document.core_properties.title = doc.title
    if doc.title.strip():
        _make_rtl(document.add_heading(doc.title.strip(), level=1), font, None)
    for text in corrected_texts(doc, keep_noise):
        # A unit that joined several page paragraphs keeps them as separate paragraphs.
        for part in (p.strip() for p in text.split("\n\n")):
            if part:
                _make_rtl(document.add_paragraph(part), font, size_pt)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
