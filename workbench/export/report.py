"""QA report of every unit, as CSV or XLSX: scores, findings, corrections, effort.

One row per unit (noise included and marked, so the report accounts for the whole
page), with its fidelity score, review state, reviewer, the machine translation next
to the corrected text, the post-edit chrF++/TER (:mod:`workbench.postedit.metrics`) and its
findings with their status.  The XLSX adds a sheet with one row per finding and a
summary sheet with the document's post-edit figures and their sacrebleu signature.

Every text cell that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return) is prefixed with an apostrophe: the
texts come from web pages and reviewers, and must never execute in Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from workbench.model.finding import SEVERITIES
from workbench.spreadsheet_cells import neutralise
from workbench.postedit.metrics import measure, measure_document
from workbench.model.reviewed_document import ReviewedDocument, ReviewedFinding, ReviewedUnit

UNIT_COLUMNS = (
    "unit", "source_paragraphs", "target_paragraphs", "state", "noise", "score",
    "reviewer", "source", "machine_translation", "final_translation", "changed",
    "chrf_pp", "ter", "findings_count", "worst_severity", "findings", "note",
    "quality_override",
)
FINDING_COLUMNS = (
    "unit", "kind", "severity", "term", "expected", "found", "status", "message",
    "confidence",
)
ARABIC_COLUMNS = {"machine_translation", "final_translation", "expected", "found"}



def _describe(reviewed: ReviewedFinding) -> str:
    f = reviewed.finding
    expected = " / ".join(f.expected) or "—"
    found = f.found if f.found is not None else "—"
    return (
        f"{f.severity} {f.kind} «{f.term}»: expected {expected}; found {found} "
        f"[{reviewed.status}]"
        + (f" (confidence {f.confidence:.0%})" if f.confidence < 1.0 else "")
    )


def _worst(unit: ReviewedUnit) -> str:
    ranks = [SEVERITIES.index(r.finding.severity) for r in unit.findings
             if r.finding.severity in SEVERITIES]
    return SEVERITIES[max(ranks)] if ranks else ""


def _paragraphs(indexes: tuple[int, ...]) -> str:
    return " ".join(str(i) for i in indexes)


def unit_rows(doc: ReviewedDocument) -> Iterator[dict[str, object]]:
    """One report row per unit, keyed by ``UNIT_COLUMNS`` (values not yet neutralised)."""
    for k, unit in enumerate(doc.units):
        effort = measure(unit.mt_text, unit.final_text)
        yield {
            # the document's quality-gate overrides, once (on the first row)
            "quality_override": " | ".join(doc.overrides) if k == 0 else "",
            "unit": unit.ordinal,
            "source_paragraphs": _paragraphs(unit.source_indexes),
            "target_paragraphs": _paragraphs(unit.target_indexes),
            "state": unit.state,
            "noise": "yes" if unit.is_noise else "no",
            "score": round(float(unit.score), 4),
            "reviewer": unit.reviewer or "",
            "source": unit.source_text,
            "machine_translation": unit.mt_text,
            "final_translation": unit.final_text,
            "changed": "yes" if effort.changed else "no",
            "chrf_pp": effort.chrf,
            "ter": effort.ter,
            "findings_count": len(unit.findings),
            "worst_severity": _worst(unit),
            "findings": "\n".join(_describe(r) for r in unit.findings),
            "note": unit.note,
        }


def finding_rows(doc: ReviewedDocument) -> Iterator[dict[str, object]]:
    """One row per finding, keyed by ``FINDING_COLUMNS``."""
    for unit in doc.units:
        for reviewed in unit.findings:
            f = reviewed.finding
            yield {
                "unit": unit.ordinal,
                "kind": f.kind,
                "severity": f.severity,
                "term": f.term,
                "expected": " | ".join(f.expected),
                "found": f.found or "",
                "status": reviewed.status,
                "message": f.message,
                "confidence": round(float(f.confidence), 2),
            }


def export_csv(doc: ReviewedDocument) -> bytes:
    """The unit report as CSV, UTF-8 with a BOM so Excel shows Arabic and Vietnamese."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=UNIT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in unit_rows(doc):
        writer.writerow({key: neutralise(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def _fill(sheet, columns: tuple[str, ...], rows: Iterator[dict[str, object]]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rtl = Alignment(readingOrder=2, wrap_text=True, vertical="top")
    ltr = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([neutralise(row[c]) for c in columns])
        for column, cell in zip(columns, sheet[sheet.max_row]):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guessed
            cell.alignment = rtl if column in ARABIC_COLUMNS else ltr
    sheet.freeze_panes = "A2"


def export_xlsx(doc: ReviewedDocument) -> bytes:
    """The report as XLSX: sheets ``Units``, ``Findings`` and ``Summary``."""
    # openpyxl is imported here, not at the top: the CLI loads every exporter to list
    # the formats, and it is the slowest of them to import.
    from openpyxl import Workbook

    book = Workbook()
    units = book.active
    units.title = "Units"
    _fill(units, UNIT_COLUMNS, unit_rows(doc))
    _fill(book.create_sheet("Findings"), FINDING_COLUMNS, finding_rows(doc))
    summary = book.create_sheet("Summary")
    effort = measure_document(
        (u.mt_text, u.final_text) for u in doc.units if not u.is_noise
    )
    real = [u for u in doc.units if not u.is_noise]
    for key, value in (
        ("title", doc.title),
        ("languages", f"{doc.source_lang}-{doc.target_lang}"),
        ("units", len(real)),
        ("approved", sum(u.is_approved for u in real)),
        ("corrected", sum(u.is_corrected for u in real)),
        ("open findings", sum(r.status == "open" for u in real for r in u.findings)),
        ("post-edit chrF++", effort.chrf),
        ("post-edit TER", effort.ter),
        ("signature", effort.signature),
        *(("quality override", text) for text in doc.overrides),
    ):
        summary.append([key, neutralise(value)])
        cell = summary.cell(row=summary.max_row, column=2)
        if isinstance(cell.value, str):
            cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
