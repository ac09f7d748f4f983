"""The export registry: every format the CLI/UI offers produces bytes of its kind."""

from __future__ import annotations

import io
import zipfile

import pytest
from reviewed_samples import sample_document

from workbench.export import (
    EXPORTERS,
    FORMATS,
    GLOSSARY_FORMATS,
    export_document,
    export_glossary,
)
from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.model.reviewed_document import ReviewedDocument, ReviewedUnit, state_of_status

MAGIC = {
    "txt": None,
    "docx": b"PK",
    "xlsx": b"PK",
    "xliff": b"<?xml",
    "xliff2": b"<?xml",
    "tmx": b"<?xml",
    "csv": b"\xef\xbb\xbf",
}


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_exporter_returns_its_kind_of_bytes(fmt: str) -> None:
    data = export_document(sample_document(), fmt)
    assert isinstance(data, bytes) and data
    if MAGIC[fmt]:
        assert data.startswith(MAGIC[fmt])
    if fmt in ("docx", "xlsx"):
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_has_an_extension_and_mime_for_download(fmt: str) -> None:
    spec = FORMATS[fmt]
    assert spec.extension.startswith(".") and "/" in spec.mime and spec.label


def test_formats_and_exporters_agree() -> None:
    assert set(FORMATS) == set(EXPORTERS)


@pytest.mark.parametrize("fmt, marker", [("csv", "Ban Tổ chức".encode()), ("tbx", b"<martif")])
def test_glossary_exports_come_from_the_glossary_module(fmt: str, marker: bytes) -> None:
    glossary = Glossary([GlossaryEntry("Ban Tổ chức", "اللجنة التنظيمية", category="organization")])
    data = export_glossary(glossary, fmt)
    assert marker in data and "اللجنة التنظيمية".encode() in data
    assert GLOSSARY_FORMATS[fmt].extension == "." + fmt


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="docx"):
        export_document(sample_document(), "pdf")


def test_options_reach_the_exporter() -> None:
    doc = sample_document()
    without = export_document(doc, "txt").decode("utf-8")
    with_noise = export_document(doc, "txt", keep_noise=True).decode("utf-8")
    assert "[إعلان 1]" not in without and "[إعلان 1]" in with_noise


@pytest.mark.parametrize("state", ["approved", "done", ""])
def test_unit_state_must_be_known(state: str) -> None:
    with pytest.raises(ValueError, match="state"):
        ReviewedUnit(0, (0,), (0,), "Xin chào", "مرحبا", "مرحبا", state=state)


@pytest.mark.parametrize(
    "status, state", [("new", "machine"), ("reviewed", "reviewed"), ("approved", "final")]
)
def test_service_link_statuses_map_to_review_states(status: str, state: str) -> None:
    assert state_of_status(status) == state


def test_unknown_link_status_is_refused() -> None:
    with pytest.raises(ValueError, match="approved"):
        state_of_status("signed")


def test_empty_document_exports_without_error() -> None:
    doc = ReviewedDocument("Trống")
    for fmt in EXPORTERS:
        assert isinstance(export_document(doc, fmt), bytes)
