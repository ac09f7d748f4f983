"""Language detection and the source/target language check, on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.reading.document import read_path, read_text
from workbench.errors import DocumentError
from workbench.reading.language import check_pair_languages, detect_language, document_language
from workbench.lang.normalize import strip_tones

NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-dev"

VI = (
    "Có sự quan ngại nhất định của một số Đại biểu Quốc hội liên quan tới việc đổi chức "
    "danh của họ sang MWP (Nghị sĩ của Nghị viện Wales). Vấn đề nổi cộm lên bởi những "
    "kế hoạch đổi tên quốc hội sang Nghị viện Wales."
)
AR = (
    "هناك استياء بين بعض أعضاء جمعية ويلز الوطنية بشأن اقتراح تغيير مسماهم الوظيفي "
    "إلى أعضاء برلمان ويلز. وقد نشأ ذلك بسبب وجود خطط لتغيير اسم الجمعية إلى برلمان ويلز."
)
EN = (
    "There is some dismay among Assembly Members about the suggestion that their title "
    "should change to MWPs (Member of the Welsh Parliament). It has arisen because of "
    "plans to change the name of the assembly to the Welsh Parliament."
)
FR = (
    "Les députés de l'Assemblée galloise craignent de passer pour des marionnettes après "
    "le projet de changement de nom du parlement, qui deviendrait le Parlement gallois."
)
RU = "Члены Ассамблеи Уэльса обеспокоены тем, что будут выглядеть как марионетки."
ZH = "威尔士议会议员担心在议会更名计划之后看起来像木偶。该法案草案还将包括其他修改。"


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
def test_every_ntrex_sentence_is_recognised(lang: str) -> None:
    lines = (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    wrong = [line for line in lines if detect_language(line)[0] != lang]
    assert len(lines) > 900
    assert wrong == []


def test_arabic_page_with_latin_and_vietnamese_chrome_is_arabic() -> None:
    page = paras(
        "Vietnam.vn - Nền tảng quảng bá Việt Nam",
        "No data",
        "Việt NamViệt Nam01/11/2024",
        AR,
        "وقد نشأ ذلك بسبب وجود خطط لتغيير اسم الجمعية.",
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
