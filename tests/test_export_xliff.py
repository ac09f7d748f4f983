"""XLIFF 1.2/2.0: structure checked by a second reader, round trip, safe import."""

from __future__ import annotations

import pytest
from lxml import etree
from reviewed_samples import sample_document

from workbench.errors import DocumentError
from workbench.export.xliff import (
    NS_12,
    NS_20,
    apply_imported,
    export_xliff12,
    export_xliff20,
    import_xliff,
)

EXPORTERS = {"1.2": export_xliff12, "2.0": export_xliff20}


def _real_units(doc):
    return [u for u in doc.units if not u.is_noise]


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_round_trip_keeps_text_and_state(version: str) -> None:
    doc = sample_document()
    imported = import_xliff(EXPORTERS[version](doc), f"doc.{version}.xlf")
    assert sorted(imported) == [u.ordinal for u in _real_units(doc)]
    for unit in _real_units(doc):
        back = imported[unit.ordinal]
        assert back.target == unit.final_text  # harakat and inner blank lines intact
        assert back.source == unit.source_text
        assert back.state == unit.state


def test_xliff12_structure() -> None:
    root = etree.fromstring(export_xliff12(sample_document()))
    assert root.tag == f"{{{NS_12}}}xliff" and root.get("version") == "1.2"
    file_el = root.find(f"{{{NS_12}}}file")
    for attribute in ("original", "source-language", "target-language", "datatype"):
        assert file_el.get(attribute), attribute
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("vi", "ar")
    units = root.findall(f".//{{{NS_12}}}trans-unit")
    states = {u.get("id"): u.find(f"{{{NS_12}}}target").get("state") for u in units}
    assert states == {"1": "final", "2": "translated", "3": "needs-review-translation"}
    approved = {u.get("id"): u.get("approved") for u in units}
    assert approved == {"1": "yes", "2": "no", "3": "no"}
    # no stray XLIFF 1.1 namespace left behind by translate-toolkit
    assert "document:1.1" not in etree.tostring(root).decode()
    for unit in units:
        assert unit[0].tag == f"{{{NS_12}}}source"


def test_xliff20_structure() -> None:
    root = etree.fromstring(export_xliff20(sample_document()))
    assert root.tag == f"{{{NS_20}}}xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("vi", "ar")
    file_el = root.find(f"{{{NS_20}}}file")
    assert file_el.get("id")
    units = file_el.findall(f"{{{NS_20}}}unit")
    states = {u.get("id"): u.find(f"{{{NS_20}}}segment").get("state") for u in units}
    assert states == {"1": "final", "2": "reviewed", "3": "initial"}
    for unit in units:
        children = [etree.QName(c).localname for c in unit]
        # notes, when present, come first; segments only hold source and target
        assert children[-1] == "segment" and set(children) <= {"notes", "segment"}
        segment = unit.find(f"{{{NS_20}}}segment")
        assert [etree.QName(c).localname for c in segment] == ["source", "target"]
        # the schema allows only these attributes on <segment>
        assert set(segment.attrib) <= {"id", "canResegment", "state", "subState"}


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_reviewer_notes_and_findings_travel(version: str) -> None:
    imported = import_xliff(EXPORTERS[version](sample_document()), "doc.xlf")
    assert "تشكيل كامل للعنوان" in imported[1].notes
    assert any("Ban Tổ chức" in note and "open" in note for note in imported[3].notes)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_noise_only_on_request_and_marked_not_translatable(version: str) -> None:
    data = EXPORTERS[version](sample_document(), include_noise=True)
    assert 0 in import_xliff(data, "doc.xlf")
    assert b'translate="no"' in data


def test_corrections_made_in_a_cat_tool_come_back() -> None:
    data = export_xliff12(sample_document())
    edited = data.replace(
        "مجلس تنظيم لجنة الحزب".encode(), "اللجنة التنظيمية للجنة الحزب".encode()
    ).replace(b'state="needs-review-translation"', b'state="signed-off"')
    unit = import_xliff(edited, "edited.xlf")[3]
    assert unit.target.startswith("اللجنة التنظيمية") and unit.state == "final"


@pytest.mark.parametrize(
    "data",
    [
        b"<xliff version='1.2'><file><body><trans-unit id='1'>",
        b"\xff\xfe not xml",
        b"",
    ],
)
def test_malformed_xml_names_the_file(data: bytes) -> None:
    with pytest.raises(DocumentError, match="reviewed.xlf"):
        import_xliff(data, "reviewed.xlf")


def test_external_entities_are_never_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<xliff version="1.2" xmlns="{NS_12}"><file original="a" source-language="vi" '
        'target-language="ar" datatype="plaintext"><body><trans-unit id="1">'
        "<source>a</source><target>&x;</target></trans-unit></body></file></xliff>"
    ).encode()
    with pytest.raises(DocumentError, match="DTD"):
        import_xliff(data, "evil.xlf")


@pytest.mark.parametrize(
    "data, message",
    [
        (b'<xliff version="1.0"><file/></xliff>', "not an XLIFF 1.2 or 2.0"),
        (b"<tmx version='1.4'><body/></tmx>", "not an XLIFF 1.2 or 2.0"),
        (
            f'<xliff version="2.0" xmlns="{NS_20}" srcLang="vi"><file id="f"><unit id="u1">'
            "<segment><source>a</source></segment></unit></file></xliff>".encode(),
            "'u1' is not a workbench unit number",
        ),
    ],
)
def test_foreign_files_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        import_xliff(data, "other.xlf")


def test_applying_an_edited_file_updates_only_what_changed() -> None:
    doc = sample_document()
    edited = export_xliff20(doc).replace(
        "مجلس تنظيم لجنة الحزب".encode(), "اللجنة التنظيمية للجنة الحزب".encode()
    ).replace(b'state="initial"', b'state="reviewed"')
    updated, changed = apply_imported(doc, import_xliff(edited, "edited.xlf"), "edited.xlf")
    assert changed == (3,)
    assert updated.units[3].final_text.startswith("اللجنة التنظيمية")
    assert updated.units[3].state == "reviewed" and updated.units[3].mt_text == doc.units[3].mt_text
    assert updated.units[:3] == doc.units[:3]


def test_a_unit_without_target_keeps_its_correction() -> None:
    doc = sample_document()
    data = export_xliff12(doc)
    root = etree.fromstring(data)
    unit = root.find(f".//{{{NS_12}}}trans-unit[@id='1']")
    unit.remove(unit.find(f"{{{NS_12}}}target"))
    imported = import_xliff(etree.tostring(root), "partial.xlf")
    assert imported[1].target is None
    updated, _ = apply_imported(doc, imported)
    assert updated.units[1].final_text == doc.units[1].final_text


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda d: d.replace("Ban Tổ chức Tỉnh ủy".encode(), "Sở Y tế".encode()), "source of unit 3"),
        (lambda d: d.replace(b'id="3"', b'id="42"'), "unit 42 is not in document"),
    ],
)
def test_a_file_from_another_document_is_refused(edit, message: str) -> None:
    doc = sample_document()
    imported = import_xliff(edit(export_xliff12(doc)), "other.xlf")
    with pytest.raises(DocumentError, match=f"other.xlf: .*{message}"):
        apply_imported(doc, imported, "other.xlf")
