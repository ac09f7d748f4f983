"""Glossary loading: CSV and TBX, merge rules, and every error naming file and line."""

from __future__ import annotations

import unicodedata

import pytest

from workbench.errors import GlossaryFormatError
from workbench.glossary.terms import (
    Glossary,
    GlossaryEntry,
    dump_csv,
    dump_tbx,
    load_default_glossaries,
    load_glossary_csv,
    load_tbx,
)

HOUSE = """source,target,variants,forbidden,category,note
Ban Tổ chức Tỉnh ủy,اللجنة التنظيمية للجنة الحزب الإقليمية,,مجلس تنظيم,organization,
xã,بلدية,,منطقة,admin_level,commune
huyện,مقاطعة,,,admin_level,district
Bài 1,المقال الأول,,الدرس الأول|الدرس,term,series part
"""


def load(text: str, name: str = "house.csv") -> Glossary:
    return load_glossary_csv(text.encode("utf-8"), name)


def test_csv_fields_split_and_kept():
    g = load("note,target,source,forbidden,gender,variants\n"
             "female,نغوين ثي هوا,Nguyễn Thị Hoa,نجوين ثي هوا, female ,نغوين تي هوا|نغوين ثي هوا\n")
    e = g.lookup("nguyễn thị hoa")
    assert e is not None
    assert e.target == "نغوين ثي هوا"
    assert e.variants == ("نغوين تي هوا",)  # the preferred rendering is not repeated
    assert e.forbidden == ("نجوين ثي هوا",)
    assert e.gender == "female"
    assert (e.origin_file, e.line) == ("house.csv", 2)


def test_lookup_is_case_and_unicode_form_insensitive():
    import unicodedata
    g = load(HOUSE)
    assert g.lookup(unicodedata.normalize("NFD", "BAN TỔ CHỨC TỈNH ỦY")) is not None
    assert g.lookup("Ban Tổ chức") is None
    assert len(g.by_category("admin_level")) == 2


@pytest.mark.parametrize("text,line,words", [
    ("source,variants\nxã,بلدية\n", 1, "missing required column 'target'"),
    ("target\nبلدية\n", 1, "missing required column 'source'"),
    ("source,target\nxã,بلدية\nhuyện,\n", 3, "empty 'target' for 'huyện'"),
    ("source,target\nxã,بلدية\nthôn,قرية\nXã,منطقة\n", 4, "already defined on line 2"),
    ("source,target,match\nxã,بلدية,fuzzy\n", 2, "'match' is 'fuzzy'"),
    ("source,target,forbidden\nxã,بلدية,بلدية\n", 2, "both accepted and forbidden"),
    ("source,target\nxã,بلدية,extra\n", 2, "3 cells but the header has 2"),
    ("", 1, "empty file"),
])
def test_csv_errors_name_file_and_line(text, line, words):
    with pytest.raises(GlossaryFormatError) as err:
        load(text, "project.csv")
    assert f"project.csv:{line}:" in str(err.value)
    assert words in str(err.value)


def test_not_utf8_names_the_line():
    data = "source,target\nxã,بلدية\n".encode() + "thôn,x\n".encode("cp1258")
    with pytest.raises(GlossaryFormatError, match=r"cp\.csv:3: not UTF-8"):
        load_glossary_csv(data, "cp.csv")


def test_bom_and_crlf_and_same_target_duplicate_accepted():
    data = "\ufeffsource,target,variants\r\nxã,بلدية,\r\nXã,بلدية,البلدية\r\n".encode()
    g = load_glossary_csv(data, "bom.csv")
    assert len(g) == 1
    assert g.lookup("xã").renderings == ("بلدية", "البلدية")


def test_merge_later_glossary_replaces_whole_entry():
    house = load(HOUSE, "house.csv")
    project = load("source,target\nxã,قرية\n", "project.csv")
    merged = Glossary.merge(house, project)
    assert merged.lookup("xã").target == "قرية"
    assert merged.lookup("xã").forbidden == ()  # replaced whole, not mixed
    assert merged.lookup("huyện").origin_file == "house.csv"
    assert len(merged) == len(house)


def test_entry_is_frozen():
    e = load(HOUSE).lookup("xã")
    with pytest.raises(Exception):
        e.target = "منطقة"  # type: ignore[misc]
    with pytest.raises(TypeError):
        e.extra["gender"] = "female"  # type: ignore[index]


def test_csv_round_trip():
    g = load(HOUSE + "Nguyễn Thị Hoa,نغوين ثي هوا,,,person,\n")
    again = load_glossary_csv(dump_csv(g), "again.csv")
    assert [(e.source, e.renderings, e.forbidden, e.category, e.note) for e in again] == \
           [(e.source, e.renderings, e.forbidden, e.category, e.note) for e in g]


def test_tbx_round_trip_keeps_arabic_variants_forbidden_and_extras():
    g = load("source,target,variants,forbidden,category,note,gender,match\n"
             "Nguyễn Thị Hoa,نُغوين ثي هوا,نغوين تي هوا,نجوين ثي هوا,person,đồng chí,female,toneless\n"
             + HOUSE.split("\n", 1)[1].replace("\n", ",,\n"))
    back = load_tbx(dump_tbx(g), "g.tbx")
    assert len(back) == len(g)
    for a in g:
        b = back.lookup(a.source)
        assert (b.target, b.variants, b.forbidden, b.category, b.note, b.match) == \
               (a.target, a.variants, a.forbidden, a.category, a.note, a.match)
        assert dict(b.extra) == dict(a.extra)
    assert back.lookup("Nguyễn Thị Hoa").target == "نُغوين ثي هوا"  # harakat intact


XXE = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<martif type="TBX"><text><body><termEntry>
<langSet xml:lang="vi"><tig><term>x&xxe;</term></tig></langSet>
<langSet xml:lang="ar"><tig><term>س</term></tig></langSet>
</termEntry></body></text></martif>""".encode()

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<martif type="TBX"><text><body/></text></martif>""".encode()


@pytest.mark.parametrize("data", [XXE, LAUGHS])
def test_tbx_entities_refused(data):
    with pytest.raises(GlossaryFormatError, match="evil.tbx: TBX declares XML entities") as err:
        load_tbx(data, "evil.tbx")
    assert "root:" not in str(err.value)


def test_tbx_malformed_names_line():
    with pytest.raises(GlossaryFormatError, match=r"bad\.tbx:3: malformed TBX"):
        load_tbx(b'<?xml version="1.0"?>\n<martif>\n<text></body></martif>', "bad.tbx")


def test_tbx_entry_without_arabic_is_an_error():
    data = dump_tbx(Glossary([GlossaryEntry("xã", "بلدية")])).replace(
        "بلدية".encode(), b"")
    with pytest.raises(GlossaryFormatError, match=r"empty\.tbx:\d+: empty 'target' for 'xã'"):
        load_tbx(data, "empty.tbx")


def test_default_glossaries_merge_in_name_order(tmp_path):
    (tmp_path / "10-house.csv").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "20-project.csv").write_text("source,target\nxã,قرية\n", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not a glossary", encoding="utf-8")
    g = load_default_glossaries(tmp_path)
    assert g.lookup("xã").target == "قرية"
    assert g.lookup("huyện").target == "مقاطعة"


def test_default_glossary_error_names_the_file(tmp_path):
    (tmp_path / "a.csv").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "b.csv").write_text("source,target\nthôn,\n", encoding="utf-8")
    with pytest.raises(GlossaryFormatError, match=r"b\.csv:2"):
        load_default_glossaries(tmp_path)


@pytest.mark.parametrize("column, cell", [
    ("target", '=HYPERLINK("http://evil.example","اللجنة")'),
    ("source", "@SUM(1+1)"),
    ("variants", "=1+1|منطقة"),
])
def test_formula_looking_term_cell_is_refused_with_file_and_line(column: str, cell: str) -> None:
    row = {"source": "huyện", "target": "منطقة", "variants": "", column: cell}
    data = ("source,target,variants\n" + "xã,بلدية,\n"
            + ",".join('"' + row[c].replace('"', '""') + '"' for c in ("source", "target", "variants"))
            + "\n").encode("utf-8")
    with pytest.raises(GlossaryFormatError) as info:
        load_glossary_csv(data, "nha.csv")
    assert "nha.csv:3" in str(info.value) and "formula" in str(info.value)


def test_exported_csv_cannot_run_formulas_and_reads_back_unchanged() -> None:
    data = ("source,target,note\n"
            "Ban Tổ chức,لجنة التنظيم,=cmd|' /C calc'!A0\n"
            "huyện,منطقة,-2 levels below the province\n").encode("utf-8")
    glossary = load_glossary_csv(data, "g.csv")
    dumped = dump_csv(glossary).decode("utf-8")
    assert "\n" + "Ban Tổ chức" in dumped and ",'=cmd" in dumped and ",'-2 levels" in dumped
    again = load_glossary_csv(dumped.encode("utf-8"), "g2.csv")
    assert [e.note for e in again] == ["=cmd|' /C calc'!A0", "-2 levels below the province"]
