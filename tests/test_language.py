"""Language detection and the source/target language check, on real text."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest

from workbench.reading.document import read_path, read_text
from workbench.errors import DocumentError
from workbench.reading.language import check_pair_languages, detect_language, document_language
from workbench.lang.normalize import strip_tones

# A paragraph of tests/corpus.py in both languages, and the same text in other languages
# (translations written for the tests).
VI = " ".join(corpus.VI[2:4])
AR = " ".join(corpus.AR[2:4])
EN = (
    "Voters of Thuong Lam commune asked for the 12 km road between the communes, which "
    "landslides cut every rainy season, to be upgraded soon. Under the plan, work will "
    "start in June next year with a total investment of 85 billion dong."
)
FR = (
    "Les électeurs de la commune de Thuong Lam demandent que la route de 12 km qui relie "
    "les communes, coupée par des glissements de terrain à chaque saison des pluies, soit "
    "rapidement refaite."
)
RU = "Избиратели коммуны Тхыонглам просят скорее отремонтировать дорогу длиной 12 км."
ZH = "上林乡的选民建议尽快改造这条长十二公里的乡间公路。该路段每逢雨季常发生山体滑坡。"


def paras(*texts: str):
    return read_text("\n\n".join(texts))


@pytest.mark.parametrize(
    "text, language",
    [
        (VI, "vi"),
        (AR, "ar"),
        (EN, "en"),
        (strip_tones(VI), "vi"),  # typed without tones: still Vietnamese
        (FR, "other"),
        (RU, "other"),
        (ZH, "other"),
        ("تحسين نوعية أنشطة خلايا الحزب", "ar"),
        ("Nâng cao chất lượng sinh hoạt chi bộ", "vi"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    found, confidence = detect_language(text)
    assert found == language
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "2024 - 01/11/2024 06:00", "!!! ??? ..."])
def test_nothing_to_judge(text: str) -> None:
    assert detect_language(text) == ("other", 0.0)


def test_short_text_is_less_certain_than_long() -> None:
    assert detect_language("Hà Nội")[1] < detect_language(VI)[1]
    assert detect_language(strip_tones(VI))[1] < detect_language(VI)[1]


@pytest.mark.parametrize("lang", ["vi", "ar"])
def test_every_corpus_sentence_is_recognised(lang: str) -> None:
    lines = corpus.VI if lang == "vi" else corpus.AR
    wrong = [line for line in lines if detect_language(line)[0] != lang]
    assert len(lines) >= 60
    assert wrong == []


def test_arabic_page_with_latin_and_vietnamese_chrome_is_arabic() -> None:
    page = paras(
        "Vietnam.vn - Nền tảng quảng bá Việt Nam",
        "No data",
        "Việt NamViệt Nam01/11/2024",
        AR,
        "ووفقا للخطة، سيبدأ تنفيذ المشروع في العام المقبل.",
        "Source: https://baotuyenquang.com.vn",
    )
    assert document_language(page)[0] == "ar"


def test_demo_article_pair_passes(demo_dir: Path) -> None:
    source = read_path(str(demo_dir / "article.vi.txt"))
    target = read_path(str(demo_dir / "article.ar.txt"))
    (src, src_conf), (tgt, tgt_conf) = check_pair_languages(source, target, "article.vi.txt", "article.ar.txt")
    assert (src, tgt) == ("vi", "ar")
    assert src_conf > 0.9 and tgt_conf > 0.9


@pytest.mark.parametrize(
    "source, target, words",
    [
        (AR, VI, ["nguon.txt", "dich.txt", "swapped"]),
        (AR, AR, ["source file nguon.txt looks like Arabic, not Vietnamese", "swap"]),
        (EN, AR, ["source file nguon.txt looks like English, not Vietnamese", "Vietnamese original"]),
        (RU, AR, ["nguon.txt", "Cyrillic", "not Vietnamese"]),
        (VI, VI, ["target file dich.txt looks like Vietnamese, not Arabic"]),
        (VI, EN, ["target file dich.txt looks like English, not Arabic"]),
        (VI, ZH, ["dich.txt", "Cjk", "not Arabic"]),
    ],
)
def test_wrong_languages_are_refused(source: str, target: str, words: list[str]) -> None:
    with pytest.raises(DocumentError) as info:
        check_pair_languages(paras(source, source), paras(target, target), "nguon.txt", "dich.txt")
    for word in words:
        assert word in str(info.value)


@pytest.mark.parametrize(
    "source, target",
    [
        (VI, AR),
        (strip_tones(VI), AR),
        ("Ảnh: TTXVN", AR),  # too short to judge: let through
        (VI, "٢٠٢٤/١١/٠١"),  # digits only: nothing to judge
    ],
)
def test_right_or_undecidable_languages_pass(source: str, target: str) -> None:
    check_pair_languages(paras(source), paras(target), "nguon.txt", "dich.txt")
