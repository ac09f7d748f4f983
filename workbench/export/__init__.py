"""Exports of a reviewed document, one registry for the CLI and the UI.

``EXPORTERS`` maps a format name to a function ``(ReviewedDocument, **options) ->
bytes``; ``FORMATS`` gives each its file extension, MIME type and a label, which is
what ``st.download_button`` and ``python -m workbench export --format`` need.
Exporters return bytes and never write files: the caller decides where they go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.export.plaintext import export_plaintext
from workbench.export.report import export_csv, export_xlsx
from workbench.export.tmx import export_tmx
from workbench.export.word import export_docx
from workbench.export.xml_safe import safe_document
from workbench.export.xliff import (
    ImportedUnit,
    apply_imported,
    export_xliff12,
    export_xliff20,
    import_xliff,
)
from workbench.glossary.terms import dump_csv, dump_tbx
from workbench.model.reviewed_document import (
    FINDING_STATUSES,
    STATES,
    ReviewedDocument,
    ReviewedFinding,
    ReviewedUnit,
)

Exporter = Callable[..., bytes]


@dataclass(frozen=True)
class Format:
    """How an export is offered for download."""

    extension: str
    mime: str
    label: str
    #: holds approved links only (empty while nothing is approved)
    approved_only: bool = False


EXPORTERS: dict[str, Exporter] = {
    "txt": export_plaintext,
    "docx": export_docx,
    "xliff": export_xliff12,
    "xliff2": export_xliff20,
    "tmx": export_tmx,
    "csv": export_csv,
    "xlsx": export_xlsx,
}

FORMATS: dict[str, Format] = {
    "txt": Format(".txt", "text/plain; charset=utf-8", "Corrected Arabic, plain text"),
    "docx": Format(
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Corrected Arabic, Word (right-to-left)",
    ),
    "xliff": Format(".xlf", "application/x-xliff+xml", "XLIFF 1.2 for CAT tools"),
    "xliff2": Format(".xlf", "application/xliff+xml", "XLIFF 2.0 for CAT tools"),
    "tmx": Format(".tmx", "application/x-tmx+xml", "TMX 1.4 of approved pairs",
                  approved_only=True),
    "csv": Format(".csv", "text/csv; charset=utf-8", "QA report, CSV"),
    "xlsx": Format(
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "QA report, Excel",
    ),
}

# Glossary exports (CSV/TBX) take a Glossary, not a document: the glossary module owns
# them, and they are offered here with their own registry so that ``FORMATS`` keeps
# exactly the keys of ``EXPORTERS``.
GLOSSARY_EXPORTERS: dict[str, Exporter] = {"csv": dump_csv, "tbx": dump_tbx}
GLOSSARY_FORMATS: dict[str, Format] = {
    "csv": Format(".csv", "text/csv; charset=utf-8", "Glossary, CSV"),
    "tbx": Format(".tbx", "application/x-tbx+xml", "Glossary, TBX"),
}


def export_glossary(glossary: object, fmt: str) -> bytes:
    """Export a ``workbench.glossary.terms.Glossary`` as ``csv`` or ``tbx`` bytes."""
    try:
        exporter = GLOSSARY_EXPORTERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown glossary format {fmt!r}; choose one of {', '.join(GLOSSARY_EXPORTERS)}"
        ) from None
    from workbench.glossary.terms import Glossary

    if isinstance(glossary, Glossary):  # stored terms may hold characters XML forbids
        glossary = Glossary([safe_document(e) for e in glossary.entries], glossary.name)
    return exporter(glossary)


def export_document(doc: ReviewedDocument, fmt: str, **options: object) -> bytes:
    """Export ``doc`` in format ``fmt`` (a key of ``EXPORTERS``) as bytes.

    Options go to the exporter (e.g. ``keep_noise=True`` for txt/docx,
    ``include_noise=True`` for XLIFF).  An unknown format raises ``ValueError``
    listing the known ones.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}"
        ) from None
    return exporter(safe_document(doc), **options)


__all__ = [
    "EXPORTERS", "FORMATS", "FINDING_STATUSES", "Format", "GLOSSARY_EXPORTERS",
    "GLOSSARY_FORMATS", "ImportedUnit", "ReviewedDocument", "ReviewedFinding",
    "ReviewedUnit", "STATES", "apply_imported", "export_document", "export_glossary",
    "import_xliff",
]
