"""The demo document, its error list and the shipped glossaries are consistent."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from workbench.reading.document import read_path
from workbench.model.finding import SEVERITIES
from workbench.lang.normalize import normalize_ar
from workbench.names.transliteration import plausibility

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"
GLOSSARIES = ROOT / "glossaries"
SEED = ROOT.parent / "shared" / "seed" / "article.ar.txt"
GLOSSARY_FILES = sorted(GLOSSARIES.glob("*.csv"))
REQUIRED = {"source", "target", "variants", "forbidden", "category", "note", "origin"}
CATEGORIES = {"person", "place", "admin_level", "organization", "title", "term"}
KINDS = {
    "term", "forbidden", "name", "admin_level", "number", "untranslated",
    "inconsistent", "gender", "omission", "tense", "grammar",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def published() -> list[str]:
    return [p.text for p in read_path(str(DEMO / "article.ar.txt"))]


@pytest.fixture(scope="module")
def corrected() -> list[str]:
    return [p.text for p in read_path(str(DEMO / "article.ar.corrected.txt"))]


@pytest.fixture(scope="module")
def vietnamese() -> list[str]:
    return [p.text for p in read_path(str(DEMO / "article.vi.txt"))]


@pytest.fixture(scope="module")
def errors() -> list[dict[str, str]]:
    return _rows(DEMO / "errors.csv")


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not mounted")
def test_published_page_is_the_seed_byte_for_byte() -> None:
    assert (DEMO / "article.ar.txt").read_bytes() == SEED.read_bytes()


def test_documents_read_and_corrected_keeps_the_numbering(published, corrected, vietnamese) -> None:
    assert len(published) == 40
    assert len(corrected) == len(published)
    assert len(vietnamese) == 25
    # chrome and untouched paragraphs are identical, so paragraph numbers mean the same
    for index in (0, 2, 3, 6, 13, 24, 25, 30, 39):
        assert corrected[index] == published[index]


def test_vietnamese_has_no_web_chrome(vietnamese) -> None:
    text = "\n".join(vietnamese)
    for chrome in ("Vietnam.vn", "http", "[", "No data", "إعلان"):
        assert chrome not in text


def test_alignment_covers_both_files_in_order(published, vietnamese) -> None:
    rows = _rows_tsv(DEMO / "alignment.tsv")
    sources = [int(x) for r in rows for x in r["source"].split(",") if x]
    targets = [int(x) for r in rows for x in r["target"].split(",") if x]
    assert sources == list(range(len(vietnamese)))
    assert targets == list(range(len(published)))


def _rows_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize(
    "vi_number, ar_number",
    [
        ("33.690/39.204", "33690/39204"), ("85,94%", "85.94%"), ("104,55%", "104.55%"),
        ("89,21%", "89.21%"), ("96,22%", "96.22٪"), ("90,48%", "90.48%"), ("92,11%", "92.11٪"),
        ("36,8 ha", "36.8 هكتار"), ("211 hộ", "211 أسرة"), ("14/15", "14/15"), ("3/77", "3/77"),
        ("5/10/2018", "5 أكتوبر 2018"), ("05-CT/TW", "05-CT/TW"), ("18-QĐi/TU", "18-QDi/TU"),
    ],
)
def test_numbers_are_written_each_language_s_way(vietnamese, published, vi_number, ar_number) -> None:
    assert vi_number in "\n".join(vietnamese)
    assert ar_number in "\n".join(published)


def test_error_rows_point_at_real_text(errors, published, corrected, vietnamese) -> None:
    vi_text = "\n".join(vietnamese).lower()
    assert len(errors) >= 40
    for row in errors:
        index = int(row["paragraph"])
        assert row["kind"] in KINDS, row
        assert row["severity"] in SEVERITIES, row
        assert row["found"] in published[index], row
        if row["expected"]:
            assert row["expected"] in corrected[index], row
            if row["found"] not in row["expected"]:
                assert row["found"] not in corrected[index], row
        if row["term"] != "—":
            assert row["term"].lower() in vi_text, row


def test_every_changed_paragraph_is_explained(errors, published, corrected) -> None:
    explained = {int(r["paragraph"]) for r in errors if r["expected"]}
    changed = {i for i, (a, b) in enumerate(zip(published, corrected)) if a != b}
    assert changed == explained


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=lambda p: p.name)
def test_glossary_has_columns_and_targets(path: Path) -> None:
    rows = _rows(path)
    assert rows, path
    assert REQUIRED <= set(rows[0]), path
    sources = [r["source"] for r in rows]
    assert len(sources) == len(set(sources)), f"{path.name}: duplicate source"
    for row in rows:
        assert row["source"].strip() and row["target"].strip(), row
        assert row["origin"].strip(), row
        assert row["category"] in CATEGORIES, row
        accepted = [row["target"], *filter(None, row["variants"].split("|"))]
        for bad in filter(None, row["forbidden"].split("|")):
            # a forbidden rendering must not be part of an accepted one (or it could never pass)
            assert all(normalize_ar(bad) not in normalize_ar(ok) for ok in accepted), (row["source"], bad)


def test_each_admin_level_forbids_the_other_levels_words() -> None:
    rows = _rows(GLOSSARIES / "admin_levels.csv")
    by_source = {r["source"]: r for r in rows}
    for level in ("tỉnh", "huyện", "xã", "thôn"):
        assert by_source[level]["category"] == "admin_level"
    # the four main levels have four different words, each forbidden for the others' rows
    main = {lvl: by_source[lvl]["target"] for lvl in ("tỉnh", "huyện", "xã", "thôn")}
    assert len(set(main.values())) == 4
    assert main["xã"] in by_source["thôn"]["forbidden"].split("|")
    assert main["huyện"] in by_source["xã"]["forbidden"].split("|")
    assert main["huyện"] in by_source["tỉnh"]["forbidden"].split("|")
    assert main["xã"] in by_source["huyện"]["forbidden"].split("|")


def test_provinces_reflect_the_2025_reform() -> None:
    rows = _rows(GLOSSARIES / "provinces.csv")
    current = [r for r in rows if r["status"] == "current"]
    assert len(current) == 34
    assert sum(r["level"] == "centrally-run city" for r in current) == 6
    names = {r["source"] for r in current}
    assert {"Tuyên Quang", "Hà Nội", "Thành phố Hồ Chí Minh", "Huế"} <= names
    assert "Hà Giang" not in names            # merged into Tuyên Quang on 1 July 2025
    assert len(rows) == 34 + 29 + 1           # + the 29 merged-away provinces + Thừa Thiên Huế


def test_demo_people_and_places_are_in_the_article_and_spelled_plausibly(vietnamese) -> None:
    vi_text = "\n".join(vietnamese)
    for row in _rows(GLOSSARIES / "people_places_demo.csv"):
        assert row["source"] in vi_text, row["source"]
        assert plausibility(row["source"], row["target"]) >= 0.9, row
        for variant in filter(None, row["variants"].split("|")):
            assert plausibility(row["source"], variant) >= 0.85, (row["source"], variant)


def test_women_are_marked_for_the_gender_check() -> None:
    rows = _rows(GLOSSARIES / "people_places_demo.csv")
    women = {r["source"] for r in rows if r["gender"] == "f"}
    assert women == {r["source"] for r in rows if re.search(r"\bThị\b", r["source"])}
