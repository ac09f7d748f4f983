"""Reading documents: the CLI contract's input rules and bad input."""

from __future__ import annotations

import gzip
import io
import unicodedata
import zipfile

import corpus
import docx
import pytest

from workbench.reading import document
from workbench.reading.document import (
    read_document,
    read_document_with_notes,
    read_path,
    read_text,
    read_text_with_notes,
    split_paragraphs,
)
from workbench.errors import DocumentError, WorkbenchError
from workbench.model.paragraph import Paragraph

# Two paragraphs of news in each language (tests/corpus.py, the party-cells story).
VI = "\n\n".join(corpus.STORIES["party_cells"][k][0] for k in (0, 1))
AR = "\n\n".join(corpus.STORIES["party_cells"][k][1] for k in (0, 1))
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 stores it: vowel letters precomposed, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    document_ = docx.Document()
    for text in paragraphs:
        document_.add_paragraph(text)
    if table:
        grid = document_.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    buf = io.BytesIO()
    document_.save(buf)
    return buf.getvalue()


def zip_bytes(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buf.getvalue()


def texts(paras: list[Paragraph] | tuple[Paragraph, ...]) -> list[str]:
    return [p.text for p in paras]


# ------------------------------------------------------------------ splitting


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hà Nội\n\nTuyên Quang", ["Hà Nội", "Tuyên Quang"]),
        ("dòng một\r\ndòng hai\r\n\r\nđoạn hai", ["dòng một\ndòng hai", "đoạn hai"]),
        ("một\nhai\nba", ["một", "hai", "ba"]),  # no blank line: one paragraph a line
        ("a\n \t \nb\n\n\n\nc", ["a", "b", "c"]),  # whitespace-only lines are blank
        ("x\ry\r\rz", ["x\ny", "z"]),  # old Mac line ends
        ("Hà Nội\r\nHuế\n\rĐà Nẵng\r\r\nCần Thơ", ["Hà Nội\nHuế", "Đà Nẵng", "Cần Thơ"]),  # mixed
        ("مرحبا\u2029بالعالم", ["مرحبا", "بالعالم"]),  # Unicode paragraph separator
        ("سطر\u2028سطر آخر", ["سطر", "سطر آخر"]),  # line separator, no blank line
        ("đoạn một\n\u200b\u200f\n\nđoạn hai", ["đoạn một", "đoạn hai"]),  # invisible-only line
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    "encoded",
    [
        "مرحبا\n\nبالعالم".encode("utf-8"),
        b"\xef\xbb\xbf" + "مرحبا\n\nبالعالم".encode("utf-8"),
        "مرحبا\r\n\r\nبالعالم".encode("utf-16"),  # UTF-16 with BOM
        b"\xfe\xff" + "مرحبا\n\nبالعالم".encode("utf-16-be"),
        "مرحبا\n\nبالعالم".encode("utf-32"),  # UTF-32 with BOM
    ],
)
def test_encodings_accepted(encoded: bytes) -> None:
    paras = read_document(encoded, "ar.txt")
    assert [p.text for p in paras] == ["مرحبا", "بالعالم"]
    assert [p.index for p in paras] == [0, 1]


@pytest.mark.parametrize("text", [VI, AR])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(text: str, codec: str) -> None:
    reading = read_document_with_notes(text.encode(codec), "bai.txt")
    assert texts(reading.paragraphs) == split_paragraphs(text)
    assert reading.encoding == codec
    assert any("UTF-16 without a byte-order mark" in note for note in reading.notes)


def test_windows_1256_arabic_is_converted_with_a_note() -> None:
    reading = read_document_with_notes(AR.encode("cp1256"), "tarjama.txt")
    assert texts(reading.paragraphs) == split_paragraphs(AR)
    assert reading.encoding == "cp1256"
    assert any("Windows-1256" in note and "UTF-8" in note for note in reading.notes)
    # the list API is unchanged: same paragraphs
    assert read_document(AR.encode("cp1256"), "tarjama.txt") == list(reading.paragraphs)


def test_windows_1258_vietnamese_is_converted_with_a_note() -> None:
    reading = read_document_with_notes(to_cp1258(VI), "bai.txt")
    assert texts(reading.paragraphs) == split_paragraphs(VI)  # tones recomposed (NFC)
    assert any("Windows-1258" in note for note in reading.notes)


def test_utf8_file_has_no_notes() -> None:
    reading = read_document_with_notes(VI.encode(), "bai.txt")
    assert reading.encoding == "utf-8"
    assert reading.notes == ()


def test_decomposed_vietnamese_is_composed() -> None:
    nfd = unicodedata.normalize("NFD", "Xã Bình An, huyện Lâm Bình")
    reading = read_document_with_notes(nfd.encode(), "bai.txt")
    assert reading.paragraphs[0].text == "Xã Bình An, huyện Lâm Bình"
    assert any("NFC" in note for note in reading.notes)


# ------------------------------------------------------------------ bad input


def _exe() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        ("\u200b\u200c\n\u202e".encode(), "no visible text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x7fELF\x02\x01\x01" + bytes(64), "program"),
        (_exe(), "Windows program"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), ".doc"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF"),
        (gzip.compress("Hà Nội".encode()), "gzip"),
        (bytes(range(256)) * 8, "binary"),
        ("Hà Nội\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11".encode(), "control characters"),
        ("tiếng Việt".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "UTF-8"),
        ("Les députés de l'Assemblée galloise".encode("latin-1"), "UTF-8"),
        (b"\xff\xfe" + "Hà Nội".encode("utf-16-le")[:-1], "UTF-16"),  # truncated UTF-16
    ],
)
def test_bad_input_names_file(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_document(data, "bai-bao.txt")
    assert "bai-bao.txt" in str(info.value)
    assert message in str(info.value)
    assert isinstance(info.value, WorkbenchError)


def test_bad_utf8_message_gives_line() -> None:
    data = "Hà Nội\nHuế\n".encode() + "Đà Nẵng é".encode("latin-1", errors="replace")
    with pytest.raises(DocumentError, match=r"line 3"):
        read_document(data, "bai.txt")


def test_too_large_is_refused_with_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_BYTES", 1024 * 1024)
    with pytest.raises(DocumentError, match=r"bai\.txt.*1 MB.*split"):
        read_document(("Hà Nội. " * 200_000).encode(), "bai.txt")


def test_few_stray_controls_are_removed_with_a_note() -> None:
    reading = read_document_with_notes("Hà Nội\x07 và\x1b Huế".encode(), "bai.txt")
    assert reading.paragraphs[0].text == "Hà Nội và Huế"
    assert any("control" in note for note in reading.notes)


# ------------------------------------------------------------------ invisible and bidi


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("Giá \u202e000,01\u202c đồng", "Giá 000,01 đồng"),  # RLO spoofing a number
        ("اسم \u2067Nguyễn Văn An\u2069 هنا", "اسم Nguyễn Văn An هنا"),  # isolates
        ("\u202bنص\u202c", "نص"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # ZWNJ joins/splits letters: kept
        ("لا\u200dم", "لا\u200dم"),  # ZWJ kept
        ("Hà\ufeffNội", "HàNội"),  # stray BOM inside text removed
    ],
)
def test_bidi_controls_removed_zero_width_joiners_kept(raw: str, shown: str) -> None:
    reading = read_document_with_notes(raw.encode(), "bai.txt")
    assert reading.paragraphs[0].text == shown


def test_bidi_removal_is_reported() -> None:
    reading = read_text_with_notes("Giá \u202e000,01\u202c đồng")
    assert any("bidi" in note for note in reading.notes)


# ------------------------------------------------------------------ Word


def test_docx_paragraphs() -> None:
    paras = read_document(
        docx_bytes("Nâng cao chất lượng sinh hoạt chi bộ", "", "Xã Bình An, huyện Lâm Bình"),
        "bai.docx",
    )
    assert texts(paras) == ["Nâng cao chất lượng sinh hoạt chi bộ", "Xã Bình An, huyện Lâm Bình"]


def test_docx_tables_are_read_in_order() -> None:
    data = docx_bytes("Trước bảng", table=[["Huyện", "Dân số"], ["Lâm Bình", "31.000"]])
    paras = read_document(data, "bai.docx")
    assert texts(paras) == ["Trước bảng", "Huyện", "Dân số", "Lâm Bình", "31.000"]


@pytest.mark.parametrize(
    "files, message",
    [
        ({"hello.txt": "not a word document"}, "zip archive of other files (hello.txt)"),
        ({"xl/workbook.xml": "<workbook/>"}, "Excel"),
        ({"ppt/presentation.xml": "<p/>"}, "PowerPoint"),
        ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}, "OpenDocument"),
        ({"word/document.xml": "<not-word", "[Content_Types].xml": "<x"}, "cannot read this Word"),
    ],
)
def test_docx_that_is_not_word(files: dict[str, str], message: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_document(zip_bytes(files), "fake.docx")
    assert "fake.docx" in str(info.value)
    assert message in str(info.value)


def test_docx_name_on_text_file() -> None:
    with pytest.raises(DocumentError, match=r"bai\.docx.*not one"):
        read_document(VI.encode(), "bai.docx")


def test_damaged_zip() -> None:
    with pytest.raises(DocumentError, match=r"bai\.docx.*damaged"):
        read_document(docx_bytes("Hà Nội")[:200], "bai.docx")


def test_docx_that_would_unpack_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(DocumentError, match=r"unpack"):
        read_document(docx_bytes("Hà Nội " * 500), "bai.docx")


# ------------------------------------------------------------------ HTML


def test_html_strips_tags_and_scripts_keeps_paragraphs() -> None:
    html = (
        "<html><head><title>t</title></head><body><p>Đoạn <b>một</b></p>"
        "<script>alert('x')</script><div>Đoạn&nbsp;hai</div></body></html>"
    )
    assert [p.text for p in read_text(html)] == ["Đoạn một", "Đoạn hai"]


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<head><title>x</title><body><p>مرحبا</p></body>", ["مرحبا"]),  # <head> never closed
        ("<p>Một</p><style>p{color:red}</style><p>Hai</p>", ["Một", "Hai"]),
        ("<p onclick=\"alert(1)\">Một<img src=x onerror=alert(1)></p>", ["Một"]),
        ("<p>Một</p><iframe src=\"https://evil\">fallback</iframe><svg><text>x</text></svg>", ["Một"]),
        ("<p>Một</p><!-- <p>bí mật</p> --><p>Hai</p>", ["Một", "Hai"]),
        ("<p>A &lt;script&gt; B</p>", ["A <script> B"]),  # escaped markup is text
    ],
)
def test_html_hostile_markup_is_dropped(html: str, expected: list[str]) -> None:
    assert texts(read_document(html.encode(), "page.html")) == expected


@pytest.mark.parametrize(
    "prose",
    [
        "Bài viết nói về thẻ <p> trong HTML.\n\nĐoạn hai.",
        "Ai đó gửi <img src=x onerror=alert(1)> vào bình luận.\n\nĐoạn hai.",
    ],
)
def test_text_file_quoting_markup_stays_text(prose: str) -> None:
    """A .txt is prose: markup inside it is shown literally (the UI escapes it)."""
    assert texts(read_document(prose.encode(), "bai.txt")) == split_paragraphs(prose)


# ------------------------------------------------------------------ size


def test_long_paragraph_accepted_with_note() -> None:
    para = ("Nâng cao chất lượng sinh hoạt chi bộ ở xã Bình An. " * 1000)[:50_000]
    reading = read_document_with_notes(("Tiêu đề\n\n" + para).encode(), "bai.txt")
    assert len(reading.paragraphs) == 2
    assert reading.paragraphs[1].text == para.strip()
    size = f"{len(para.strip()):,}"
    assert any("paragraph 1" in note and size in note for note in reading.notes)


def test_ten_thousand_paragraphs() -> None:
    text = "\n\n".join(f"Đoạn số {i} về huyện Lâm Bình." for i in range(10_000))
    reading = read_document_with_notes(text.encode(), "dai.txt")
    assert len(reading.paragraphs) == 10_000
    assert reading.paragraphs[9_999] == Paragraph(9_999, "Đoạn số 9999 về huyện Lâm Bình.")
    assert any("10,000 paragraphs" in note for note in reading.notes)


# ------------------------------------------------------------------ files on disk


def test_read_path_names_missing_file(tmp_path) -> None:
    missing = tmp_path / "khong-co.txt"
    with pytest.raises(DocumentError, match="khong-co.txt.*cannot open"):
        read_path(str(missing))


def test_read_path_directory(tmp_path) -> None:
    with pytest.raises(DocumentError, match="cannot open"):
        read_path(str(tmp_path))


def test_read_path_reads_file(tmp_path) -> None:
    path = tmp_path / "bai.txt"
    path.write_bytes(VI.encode("utf-16"))
    assert texts(read_path(str(path))) == split_paragraphs(VI)


# ------------------------------------------------------------------ garbled (mojibake)


def windows_misread(text: str, codepage: str) -> str:
    """UTF-8 bytes read by a Windows program with the wrong code page (undefined bytes
    pass through as C1 characters, as Windows does)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize("text", [VI, AR])
@pytest.mark.parametrize("codepage", ["cp1252", "cp1256", "latin-1"])
def test_mojibake_is_repaired_with_a_note(text: str, codepage: str) -> None:
    garbled = windows_misread(text, codepage)
    assert garbled != text
    reading = read_document_with_notes(garbled.encode("utf-8"), "bai.txt")
    assert texts(reading.paragraphs) == split_paragraphs(text)
    assert any("garbled" in note for note in reading.notes)


def test_mojibake_with_lost_bytes_is_refused() -> None:
    lost = VI.encode("utf-8").decode("cp1252", errors="replace")  # undefined bytes became U+FFFD
    with pytest.raises(DocumentError, match=r"bai\.txt.*garbled.*save it as UTF-8"):
        read_document(lost.encode("utf-8"), "bai.txt")


@pytest.mark.parametrize(
    "text",
    [
        "Người dân nói “cà” và “Hà”: giá 5 ±2 đồng, nhiệt độ 30°C.",
        "نظر الطرفان في مطر الشتاء وطرق الظهر.",  # ط/ظ before ر/س/ش: real Arabic
        "Les députés de l'Assemblée: Ã  bientôt.",
    ],
)
def test_real_text_is_not_repaired(text: str) -> None:
    reading = read_document_with_notes(text.encode(), "bai.txt")
    assert reading.paragraphs[0].text == text
    assert not any("garbled" in note for note in reading.notes)


# ------------------------------------------------------------------ hostile Word files


def docx_with_doctype(doctype: str, replace: str) -> bytes:
    """A real .docx whose document.xml gets a DOCTYPE and an entity reference."""
    original = zipfile.ZipFile(io.BytesIO(docx_bytes("Hà Nội")))
    xml = original.read("word/document.xml").decode().split("?>", 1)[1].replace("Hà Nội", replace)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in original.namelist():
            data = original.read(name)
            if name == "word/document.xml":
                data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype + xml).encode()
            archive.writestr(name, data)
    return buf.getvalue()


def test_docx_entity_bomb_is_refused() -> None:
    levels = ['<!ENTITY a0 "hahahahaha">'] + [
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10)
    ]
    data = docx_with_doctype(f"<!DOCTYPE w [{''.join(levels)}]>\n", "&a9;")
    with pytest.raises(DocumentError, match=r"bomb\.docx.*cannot read this Word"):
        read_document(data, "bomb.docx")


def test_docx_external_entity_is_not_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu: 12345")
    data = docx_with_doctype(f'<!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>\n', "Hà Nội &x;")
    try:
        paragraphs = read_document(data, "xxe.docx")
    except DocumentError:
        return  # refusing is fine too
    assert not any("mật khẩu" in p.text for p in paragraphs)
