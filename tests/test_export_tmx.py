"""TMX 1.4 of approved pairs: structure, content, re-read by translate-toolkit."""

from __future__ import annotations

import pytest
from lxml import etree
from reviewed_samples import sample_document
from translate.storage import tmx

from workbench.export.tmx import export_tmx
from workbench.model.reviewed_document import ReviewedDocument, ReviewedUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def data() -> bytes:
    return export_tmx(sample_document())


def test_tmx14_structure(data: bytes) -> None:
    root = etree.fromstring(data)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf",
                      "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    assert header.get("srclang") == "vi" and header.get("segtype") == "paragraph"
    for tu in root.find("body").findall("tu"):
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["vi", "ar"]
        assert all(tuv.find("seg") is not None for tuv in tu.findall("tuv"))


def test_only_approved_pairs(data: bytes) -> None:
    root = etree.fromstring(data)
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["1"]
    assert root.find(".//tu").get("changeid") == "lan"


def test_reread_by_translate_toolkit_with_harakat(data: bytes) -> None:
    units = tmx.tmxfile.parsestring(data, "vi", "ar").units
    doc = sample_document()
    assert [(u.source, u.target) for u in units] == [
        (doc.units[1].source_text, doc.units[1].final_text)
    ]


@pytest.mark.parametrize(
    "source, final, noise",
    [("", "[إعلان 1]", False), ("Quảng cáo", "", False), ("Ảnh: TTXVN", "صورة: وكالة", True)],
)
def test_one_sided_or_noise_units_stay_out(source: str, final: str, noise: bool) -> None:
    doc = ReviewedDocument("t", units=(
        ReviewedUnit(0, (0,), (0,), source, final, final, state="final", is_noise=noise),
    ))
    assert etree.fromstring(export_tmx(doc)).find(".//tu") is None
