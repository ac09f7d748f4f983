"""Files as use cases (workbench/service/files.py): a document exported in one format,
the glossary downloaded as CSV/TBX, an uploaded glossary imported, the shipped terms."""

from __future__ import annotations

import io
import zipfile

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    admin, clock, db_url, doc, make_user, pg_database, service, sqlite_template,
)

from workbench.errors import GlossaryFormatError, PermissionDenied, WorkbenchError
from workbench.export import export_document
from workbench.glossary.terms import load_glossary
from workbench.service import document_formats, glossary_formats
from workbench.service.roles import EDITOR, GLOSSARY_MAINTAINER, TRANSLATOR

TERMS_CSV = ("source,target,variants,forbidden,category,note\n"
             "Quốc hội xứ Wales,الجمعية الوطنية لويلز,,برلمان ويلز,organization,\n"
             "Tuyên Quang,توين كوانغ,توين كوانج,,place,tỉnh\n").encode("utf-8")


def _content(data: bytes) -> dict[str, bytes] | bytes:
    """A file's content; for Office files (zip) each part but the creation time, since
    the zip and docProps/core.xml carry the second the file was made."""
    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("fmt", [f.name for f in document_formats()])
def test_an_export_is_the_exporter_on_the_reviewed_document(service, admin, doc, fmt):
    """The UI's download and the CLI's export are the same bytes."""
    minh = make_user(service, admin, "minh", EDITOR)
    service.save_correction(minh, doc.id, 2, "نص مصحح للتصدير", base_version=0)
    expected = export_document(service.reviewed_document(minh, doc.id), fmt)
    assert _content(service.export_document(minh, doc.id, fmt)) == _content(expected)


def test_a_translator_may_not_export_and_an_unknown_format_is_named(service, admin, doc):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    with pytest.raises(PermissionDenied, match="export documents"):
        service.export_document(lan, doc.id, "txt")
    with pytest.raises(WorkbenchError, match="unknown export format 'pdf'"):
        service.export_document(admin, doc.id, "pdf")


def test_formats_offer_extension_and_mime():
    assert [(f.name, f.extension) for f in glossary_formats()] == [
        ("csv", ".csv"), ("tbx", ".tbx")]
    assert {"txt", "docx", "xliff", "tmx", "csv", "xlsx"} <= {f.name for f in document_formats()}


def test_an_uploaded_glossary_is_imported_then_updated(service, admin):
    thu = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    assert service.import_glossary_file(thu, "desk.csv", TERMS_CSV) == (2, 0)
    again = TERMS_CSV.replace("توين كوانج".encode(), b"")  # the variant dropped
    assert service.import_glossary_file(thu, "desk.csv", again) == (0, 2)
    terms = {t.source: t for t in service.list_terms(thu, status="approved")}
    assert terms["Quốc hội xứ Wales"].forbidden == ("برلمان ويلز",)
    assert (terms["Tuyên Quang"].category, terms["Tuyên Quang"].variants) == ("place", ())


def test_a_translator_may_not_import_even_a_broken_file(service, admin):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    with pytest.raises(PermissionDenied, match="edit the glossary"):
        service.import_glossary_file(lan, "x.csv", b"\xff\xfe not a glossary")


def test_a_broken_glossary_upload_names_the_file(service, admin):
    thu = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    windows = "source,target\nTuyên Quang,توين كوانغ\n".encode("cp1258", errors="replace")
    with pytest.raises(GlossaryFormatError, match="hỏng.csv:2: not UTF-8"):
        service.import_glossary_file(thu, "hỏng.csv", windows)
    assert service.list_terms(thu) == []


@pytest.mark.parametrize("fmt", ["csv", "tbx"])
def test_the_workbench_glossary_downloads_the_stored_terms(service, admin, fmt):
    thu = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    service.import_glossary_file(thu, "desk.csv", TERMS_CSV)
    lan = make_user(service, admin, "lan", TRANSLATOR)  # everyone may download
    back = load_glossary(service.glossary_file(lan, fmt, "workbench"), f"g.{fmt}")
    assert [(e.source, e.target, e.forbidden) for e in back] == [
        ("Quốc hội xứ Wales", "الجمعية الوطنية لويلز", ("برلمان ويلز",)),
        ("Tuyên Quang", "توين كوانغ", ())]


def test_everything_the_checks_use_has_the_stored_term_on_top(service, admin):
    thu = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    shipped = {t.source: t for t in service.shipped_terms(thu)}
    assert shipped["Tỉnh ủy"].target == "لجنة الحزب في المقاطعة"
    assert shipped["Tỉnh ủy"].file.startswith("party_state.csv:")
    service.add_term(thu, "Tỉnh ủy", "لجنة الحزب للمقاطعة", category="organization")
    everything = load_glossary(service.glossary_file(thu, "csv", "all"), "all.csv")
    assert everything.lookup("Tỉnh ủy").target == "لجنة الحزب للمقاطعة"  # stored wins
    assert len(everything) == len(shipped)
    with pytest.raises(WorkbenchError, match="unknown glossary 'shipped'"):
        service.glossary_file(thu, "csv", "shipped")
    with pytest.raises(WorkbenchError, match="unknown glossary format 'xlsx'"):
        service.glossary_file(thu, "xlsx")
