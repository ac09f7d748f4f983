"""TMX 1.4 of the approved pairs, for translation memories.

Only units signed off as final go in: a memory filled with unreviewed machine output
would feed it back to the next translator as if it were human-approved.  Noise and
one-sided units (no source or no target) are left out.  Written by translate-toolkit's
``tmxfile``; each ``tu`` carries the unit ordinal as ``tuid`` and, when known, the
reviewer as ``changeid``.
"""

from __future__ import annotations

from lxml import etree
from translate.storage import tmx

from workbench.model.reviewed_document import ReviewedDocument


def export_tmx(doc: ReviewedDocument) -> bytes:
    """TMX 1.4 bytes with one ``tu`` per approved source/target pair."""
    store = tmx.tmxfile(sourcelanguage=doc.source_lang, targetlanguage=doc.target_lang)
    for unit in doc.units:
        source, target = unit.source_text.strip(), unit.final_text.strip()
        if not unit.is_approved or unit.is_noise or not source or not target:
            continue
        store.addtranslation(
            source, doc.source_lang, target, doc.target_lang,
            comment=unit.note.strip() or None,
        )
        tu = store.units[-1].xmlelement
        tu.set("tuid", str(unit.ordinal))
        if unit.reviewer:
            tu.set("changeid", unit.reviewer)
    root = store.document.getroot()
    # Units are paragraphs, not sentences: say so, so a TM tool does not re-segment.
    root.find("header").set("segtype", "paragraph")
    return etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
