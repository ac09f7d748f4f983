"""Plain text of the corrected Arabic, one paragraph per unit, blank line between.

The paragraph structure of the page is kept: units come in page order and each is a
paragraph (a unit that joined several target paragraphs keeps its own inner blank
lines).  Page furniture (ads, captions) is dropped unless ``keep_noise`` is set.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.model.reviewed_document import ReviewedDocument


def corrected_texts(doc: ReviewedDocument, keep_noise: bool = False) -> Iterator[str]:
    """Each unit's corrected Arabic in page order, LF line ends, stripped; page
    furniture skipped unless ``keep_noise``.  The text and Word exports both use it."""
    for unit in doc.units:
        if unit.is_noise and not keep_noise:
            continue
        yield unit.final_text.replace("\r\n", "\n").replace("\r", "\n").strip()


def export_plaintext(
    doc: ReviewedDocument, *, keep_noise: bool = False, include_title: bool = False
) -> bytes:
    """The corrected Arabic text as UTF-8 bytes (no BOM, LF line ends)."""
    paragraphs: list[str] = []
    if include_title and doc.title.strip():
        paragraphs.append(doc.title.strip())
    paragraphs.extend(text for text in corrected_texts(doc, keep_noise) if text)
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8") if paragraphs else b""
