"""Plain text of the corrected Arabic, one paragraph per unit, blank line between.

The paragraph structure of the page is kept: units come in page order and each is a
paragraph (a unit that joined several target paragraphs keeps its own inner blank
lines).  Page furniture (ads, captions) is dropped unless ``keep_noise`` is set.
"""

from __future__ import annotations

from workbench.reviewed import ReviewedDocument


def export_plaintext(
    doc: ReviewedDocument, *, keep_noise: bool = False, include_title: bool = False
) -> bytes:
    """The corrected Arabic text as UTF-8 bytes (no BOM, LF line ends)."""
    paragraphs: list[str] = []
    if include_title and doc.title.strip():
        paragraphs.append(doc.title.strip())
    for unit in doc.units:
        if unit.is_noise and not keep_noise:
            continue
        text = unit.final_text.replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            paragraphs.append(text)
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8") if paragraphs else b""
