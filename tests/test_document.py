"""Reading documents: the CLI contract's input rules and bad input."""

from __future__ import annotations

import io

import docx
import pytest

from workbench.document import read_document, read_text, split_paragraphs
from workbench.errors import DocumentError, WorkbenchError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hà Nội\n\nTuyên Quang", ["Hà Nội", "Tuyên Quang"]),
        ("dòng một\r\ndòng hai\r\n\r\nđoạn hai", ["dòng một\ndòng hai", "đoạn hai"]),
        ("một\nhai\nba", ["một", "hai", "ba"]),  # no blank line: one paragraph a line
        ("a\n \t \nb\n\n\n\nc", ["a", "b", "c"]),  # whitespace-only lines are blank
        ("x\ry\r\rz", ["x\ny", "z"]),  # old Mac line ends
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


@pytest.mark.parametrize(
    "encoded",
    [
        "مرحبا\n\nبالعالم".encode("utf-8"),
        b"\xef\xbb\xbf" + "مرحبا\n\nبالعالم".encode("utf-8"),
        "مرحبا\r\n\r\nبالعالم".encode("utf-16"),  # UTF-16 with BOM
        "مرحبا\n\nبالعالم".encode("utf-16-be").join([b"\xfe\xff", b""]),
    ],
)
def test_encodings_accepted(encoded: bytes) -> None:
    paras = read_document(encoded, "ar.txt")
    assert [p.text for p in paras] == ["مرحبا", "بالعالم"]
    assert [p.index for p in paras] == [0, 1]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("tiếng Việt".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "UTF-8"),
        ("مرحبا".encode("cp1256"), "UTF-8"),
    ],
)
def test_bad_input_names_file(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_document(data, "bai-bao.txt")
    assert "bai-bao.txt" in str(info.value)
    assert message in str(info.value)
    assert isinstance(info.value, WorkbenchError)


def test_docx_paragraphs() -> None:
    document = docx.Document()
    document.add_paragraph("Nâng cao chất lượng sinh hoạt chi bộ")
    document.add_paragraph("")
    document.add_paragraph("Xã Bình An, huyện Lâm Bình")
    buf = io.BytesIO()
    document.save(buf)
    paras = read_document(buf.getvalue(), "bai.docx")
    assert [p.text for p in paras] == [
        "Nâng cao chất lượng sinh hoạt chi bộ",
        "Xã Bình An, huyện Lâm Bình",
    ]


def test_docx_that_is_not_word() -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    with pytest.raises(DocumentError) as info:
        read_document(buf.getvalue(), "fake.docx")
    assert "fake.docx" in str(info.value)


def test_html_strips_tags_and_scripts_keeps_paragraphs() -> None:
    html = (
        "<html><head><title>t</title></head><body><p>Đoạn <b>một</b></p>"
        "<script>alert('x')</script><div>Đoạn&nbsp;hai</div></body></html>"
    )
    assert [p.text for p in read_text(html)] == ["Đoạn một", "Đoạn hai"]
