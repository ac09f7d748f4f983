"""Bytes to text: encodings found, binary refused, mojibake repaired (news text of
tests/corpus.py).

End-to-end reading (notes, paragraphs) is in test_document.py; these test the
decisions of :mod:`workbench.reading.encoding` one by one.
"""

from __future__ import annotations

import corpus
import pytest

from workbench.reading.document import read_document
from workbench.reading.encoding import decode, refuse_known_binary, repair_mojibake
from workbench.errors import DocumentError

VI = "Xã Bình An, huyện Lâm Bình, tỉnh Tuyên Quang có 1.200 hộ dân."
AR = "بلدية بينه آن، مقاطعة لام بينه، ولاية توين كوانغ، تضم ١٢٠٠ أسرة."


def lines(lang: str) -> tuple[str, ...]:
    return corpus.VI if lang == "vi" else corpus.AR


def misread(text: str, codepage: str) -> str:
    """UTF-8 bytes shown by a Windows program using ``codepage`` (C1 for undefined bytes)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (VI.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + VI.encode("utf-8"), "utf-8"),
        (AR.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + AR.encode("utf-16-be"), "utf-16-be"),
        (AR.encode("utf-32"), "utf-32-le"),
        (AR.encode("utf-16-le"), "utf-16-le"),  # no BOM: NULs at odd offsets
        (VI.encode("utf-16-be"), "utf-16-be"),  # no BOM: NULs at even offsets
        (AR.replace("١٢٠٠", "1200").encode("cp1256"), "cp1256"),
    ],
)
def test_decode_finds_the_encoding(data: bytes, encoding: str) -> None:
    notes: list[str] = []
    text, found = decode(data, "bai.txt", notes)
    assert found == encoding
    assert text in (VI, AR, AR.replace("١٢٠٠", "1200"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1256"])
def test_guessed_encodings_leave_a_note(encoding: str) -> None:
    notes: list[str] = []
    decode(AR.replace("١٢٠٠", "1200").encode(encoding), "bai.txt", notes)
    assert len(notes) == 1 and "UTF-8" in notes[0]


def test_nuls_on_both_sides_are_binary_not_utf16() -> None:
    data = bytes([0, 1, 0, 0, 2, 0, 0, 0, 3, 0]) * 100
    with pytest.raises(DocumentError, match="binary"):
        decode(data, "bai.txt")


@pytest.mark.parametrize(
    "data, what",
    [
        (b"%PDF-1.4", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
        (b"Rar!\x1a\x07\x00", "RAR"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(DocumentError, match=what):
        refuse_known_binary(data, "bai.txt")


@pytest.mark.parametrize("text", ["MZ là viết tắt của Mặt trận Zô-mi.", "ID3 là mã số mới."])
def test_text_that_starts_like_a_magic_number_is_text(text: str) -> None:
    refuse_known_binary(text.encode(), "bai.txt")  # no NUL, no version byte: not a program
    assert decode(text.encode(), "bai.txt")[0] == text


@pytest.mark.parametrize("lang", ["vi", "ar"])
def test_real_text_is_never_repaired(lang: str) -> None:
    wrongly = [line for line in lines(lang) if repair_mojibake(line) is not None]
    assert wrongly == []


@pytest.mark.parametrize("lang", ["vi", "ar"])
@pytest.mark.parametrize("codepage", ["cp1252", "cp1256", "latin-1"])
def test_every_garbled_corpus_line_is_repaired(lang: str, codepage: str) -> None:
    sample = [line for line in lines(lang) if sum(ord(c) > 127 for c in line) >= 3]
    failed = []
    for line in sample:
        repaired = repair_mojibake(misread(line, codepage))
        if repaired is None or repaired[0] != line:
            failed.append(line)
    assert len(sample) == len(lines(lang)) >= 60  # every line has non-ASCII letters
    assert failed == []


def test_utf16_le_text_starting_with_nul_is_not_taken_for_broken_utf32() -> None:
    # FF FE 00 00 is the UTF-32-LE mark, and also UTF-16-LE whose first character is U+0000
    data = "\x00Hà Nội\n\nمرحبا".encode("utf-16")
    assert data.startswith(b"\xff\xfe\x00\x00")
    assert [p.text for p in read_document(data, "bai.txt")] == ["Hà Nội", "مرحبا"]


def test_utf8_with_stray_nuls_is_not_read_as_utf16() -> None:
    # the NUL pattern alone looks like UTF-16-BE; decoded that way it is CJK-looking noise
    with pytest.raises(DocumentError, match="bai.txt: this looks like a binary file"):
        read_document("000000\x000\x00000".encode("utf-8"), "bai.txt")
