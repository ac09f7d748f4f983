"""QA report CSV/XLSX: every unit, its findings, effort, and no formula injection."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from reviewed_samples import sample_document

from workbench.export.report import UNIT_COLUMNS, export_csv, export_xlsx, neutralise
from workbench.model.reviewed_document import ReviewedDocument, ReviewedUnit


def _csv_rows(doc: ReviewedDocument) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_csv(doc).decode("utf-8-sig"))))


def test_csv_has_every_unit_in_order() -> None:
    rows = _csv_rows(sample_document())
    assert [r["unit"] for r in rows] == ["0", "1", "2", "3"]
    assert list(rows[0]) == list(UNIT_COLUMNS)
    assert rows[0]["noise"] == "yes"


def test_csv_shows_correction_effort_and_findings() -> None:
    rows = {r["unit"]: r for r in _csv_rows(sample_document())}
    untouched, corrected = rows["3"], rows["2"]
    assert untouched["changed"] == "no" and float(untouched["chrf_pp"]) == 100.0
    assert float(untouched["ter"]) == 0.0
    assert corrected["changed"] == "yes" and float(corrected["ter"]) > 0
    assert "2016" in corrected["machine_translation"] and "2017" in corrected["final_translation"]
    assert untouched["worst_severity"] == "major" and "Ban Tổ chức" in untouched["findings"]
    assert "[open]" in untouched["findings"] and "[fixed]" in corrected["findings"]
    assert rows["1"]["reviewer"] == "lan"


@pytest.mark.parametrize(
    "text", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]
)
def test_formula_cells_are_neutralised_in_csv(text: str) -> None:
    doc = ReviewedDocument("t", units=(ReviewedUnit(0, (0,), (0,), text, text, text, note=text),))
    row = _csv_rows(doc)[0]
    for column in ("source", "machine_translation", "final_translation", "note"):
        assert row[column] == "'" + text


@pytest.mark.parametrize("text", ["=1+1", "@cmd", "-مرحبا"])
def test_formula_cells_are_neutralised_in_xlsx(text: str) -> None:
    doc = ReviewedDocument(text, units=(ReviewedUnit(0, (0,), (0,), text, text, text),))
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx(doc)))
    units = book["Units"]
    header = [c.value for c in units[1]]
    cell = units.cell(row=2, column=header.index("final_translation") + 1)
    assert cell.value == "'" + text and cell.data_type == "s"
    assert book["Summary"]["B1"].value == "'" + text


@pytest.mark.parametrize("text", ["مرحبا", "Xin chào", "2017"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


def test_xlsx_sheets_and_summary() -> None:
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx(sample_document())))
    assert book.sheetnames == ["Units", "Findings", "Summary"]
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert findings[0][:3] == ("unit", "kind", "severity")
    assert {(r[0], r[1], r[6]) for r in findings[1:]} == {(2, "number", "fixed"), (3, "term", "open")}
    summary = dict(book["Summary"].iter_rows(values_only=True))
    assert summary["units"] == 3 and summary["approved"] == 1 and summary["corrected"] == 2
    assert summary["open findings"] == 1
    assert "chrF2++" in summary["signature"] and 0 < summary["post-edit chrF++"] < 100
    units = list(book["Units"].iter_rows(values_only=True))
    assert units[2][units[0].index("final_translation")] == sample_document().units[1].final_text
