"""Bad input through the reader and the language check: outcome, message, seconds.

Run:  python bench/bench_bad_input.py  [--markdown]

Every input goes through :func:`workbench.reading.document.read_document_with_notes` and, if
read, through :func:`workbench.reading.language.check_pair_languages` against the demo
article's other side (Vietnamese source or Arabic target, by the input's role).  The
table shows whether it was accepted or refused, the message or the notes the user
sees, and the time taken.  The 20 MB rows also print the reader's speed against a
bare ``bytes.decode`` + ``split`` of the same bytes measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import io
import struct
import sys
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.reading.document import read_document_with_notes  # noqa: E402
from workbench.errors import DocumentError  # noqa: E402
from workbench.reading.language import check_pair_languages  # noqa: E402

from ntrex import ntrex_dir  # noqa: E402

DEMO = ROOT / "demo"

EN = (
    "There is some dismay among Assembly Members about the suggestion that their title "
    "should change to MWPs (Member of the Welsh Parliament).\n\n"
    "It has arisen because of plans to change the name of the assembly to the Welsh "
    "Parliament. Members across the political spectrum are concerned it could invite ridicule.\n\n"
    "The draft legislation will also include other changes to the way the assembly works, "
    "including rules on disqualification of members and the design of the committee system."
)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258", errors="replace")


def _misread(text: str, codepage: str) -> str:
    """UTF-8 read by a Windows program with the wrong code page, undefined bytes kept."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes([200, 30, 30]) * 16 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _repeat_to(text: str, size: int) -> bytes:
    data = text.encode("utf-8")
    return (data * (size // len(data) + 1))[:size].rsplit(b"\n", 1)[0]


def cases() -> list[tuple[str, str, str, bytes]]:
    """(label, file name, role, bytes) for every bad input of the brief, and two good ones."""
    vi_lines = (ntrex_dir() / "vi.txt").read_text(encoding="utf-8").splitlines()
    ar_lines = (ntrex_dir() / "ar.txt").read_text(encoding="utf-8").splitlines()
    vi_doc = "\n\n".join(vi_lines[:40])
    ar_doc = "\n\n".join(ar_lines[:40])
    demo_vi = (DEMO / "article.vi.txt").read_bytes()
    demo_ar = (DEMO / "article.ar.txt").read_bytes()
    executable = Path(sys.executable).resolve().read_bytes()[:200_000]
    long_para = ("Nâng cao chất lượng sinh hoạt chi bộ ở xã Bình An, huyện Lâm Bình. " * 800)[:50_000]
    return [
        ("demo Vietnamese article (baseline)", "article.vi.txt", "source", demo_vi),
        ("demo Arabic page (baseline)", "article.ar.txt", "target", demo_ar),
        ("empty file", "empty.txt", "source", b""),
        ("only spaces and blank lines", "blank.txt", "source", b"  \r\n\r\n\t \n"),
        ("only invisible characters", "invisible.txt", "source", "\u200b\u200c\u202e\n\u2066".encode()),
        ("PNG image", "photo.png", "source", _png()),
        ("PNG renamed .txt", "photo.txt", "source", _png()),
        ("JPEG image", "photo.jpg", "source", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(500)),
        ("PDF", "article.pdf", "source", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n"),
        ("Linux executable (python3)", "program", "source", executable),
        ("Windows executable", "setup.exe", "source", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(500)),
        ("old Word .doc", "article.doc", "source", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)),
        ("gzip archive", "article.txt.gz", "source", gzip.compress(vi_doc.encode())),
        ("random bytes", "noise.bin", "source", bytes((i * 7919 + 13) % 256 for i in range(4096))),
        (".docx that is a zip of a text file", "article.docx", "source",
         _zip({"article.txt": vi_doc.encode()})),
        (".docx that is an Excel workbook", "article.docx", "source",
         _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"})),
        (".docx that is really text", "article.docx", "source", vi_doc.encode()),
        ("real .docx (Vietnamese)", "article.docx", "source", _docx(vi_lines[:40])),
        ("Windows-1256 Arabic", "article.ar.txt", "target", demo_ar.decode().encode("cp1256", errors="replace")),
        ("Windows-1258 Vietnamese", "article.vi.txt", "source", _cp1258(vi_doc)),
        ("garbled: UTF-8 read as cp1252 (Arabic)", "article.ar.txt", "target",
         _misread(demo_ar.decode(), "cp1252").encode()),
        ("garbled: UTF-8 read as cp1256 (Vietnamese)", "article.vi.txt", "source",
         _misread(vi_doc, "cp1256").encode()),
        ("garbled with lost bytes (U+FFFD)", "article.vi.txt", "source",
         vi_doc.encode().decode("cp1252", errors="replace").encode()),
        ("Latin-1 French", "article.fr.txt", "source",
         "Les députés de l'Assemblée galloise craignent.".encode("latin-1")),
        ("UTF-16 with BOM (Arabic)", "article.ar.txt", "target", demo_ar.decode().encode("utf-16")),
        ("UTF-16-LE without BOM (Arabic)", "article.ar.txt", "target", ar_doc.encode("utf-16-le")),
        ("UTF-16-BE without BOM (Vietnamese)", "article.vi.txt", "source", vi_doc.encode("utf-16-be")),
        ("mixed CRLF / LF / CR line ends", "mixed.txt", "source",
         "\r\n\r\n".join(vi_lines[:10]).encode() + b"\n\n" + "\r\r".join(vi_lines[10:20]).encode()),
        ("HTML page with scripts", "page.html", "target",
         ("<html><head><script>alert(1)</script><style>p{}</style></head><body>"
          + "".join(f"<p onclick='x()'>{line}</p>" for line in ar_lines[:20])
          + "<script>document.cookie</script><img src=x onerror=alert(1)></body></html>").encode()),
        ("bidi overrides and zero-width chars", "bidi.txt", "source",
         "\n\n".join(f"\u202e{line}\u202c \u2067x\u2069\u200b\u200c" for line in vi_lines[:20]).encode()),
        ("one paragraph of 50,000 chars", "long.txt", "source", long_para.encode()),
        ("10,000 paragraphs", "many.txt", "source", "\n\n".join(vi_lines[i % 956] for i in range(10_000)).encode()),
        ("20 MB Vietnamese text", "big.vi.txt", "source", _repeat_to("\n\n".join(vi_lines), 20 * 1024 * 1024)),
        ("20 MB Arabic text", "big.ar.txt", "target", _repeat_to("\n\n".join(ar_lines), 20 * 1024 * 1024)),
        ("20 MB on one line (no paragraph breaks)", "oneline.txt", "source",
         _repeat_to(" ".join(vi_lines), 20 * 1024 * 1024).replace(b"\n", b" ")),
        ("60 MB text (over the limit)", "huge.txt", "source", _repeat_to(vi_doc, 60 * 1024 * 1024)),
        ("English source", "article.en.txt", "source", EN.encode()),
        ("Arabic as source (both Arabic)", "article.ar.txt", "source", demo_ar),
        ("Vietnamese as target (swapped)", "article.vi.txt", "target", demo_vi),
        ("English as target", "article.en.txt", "target", EN.encode()),
    ]


def run(markdown: bool) -> None:
    demo_vi = read_document_with_notes((DEMO / "article.vi.txt").read_bytes(), "article.vi.txt").paragraphs
    demo_ar = read_document_with_notes((DEMO / "article.ar.txt").read_bytes(), "article.ar.txt").paragraphs
    rows = []
    for label, name, role, data in cases():
        start = time.perf_counter()
        paragraphs = "-"
        try:
            reading = read_document_with_notes(data, name)
            paragraphs = str(len(reading.paragraphs))
            if role == "source":
                check_pair_languages(reading.paragraphs, demo_ar, name, "article.ar.txt")
            else:
                check_pair_languages(demo_vi, reading.paragraphs, "article.vi.txt", name)
            outcome = "accepted"
            message = " ".join(reading.notes) or f"({reading.encoding})"
        except DocumentError as exc:
            outcome = "refused" if paragraphs == "-" else "refused (language)"
            message = str(exc)
        seconds = time.perf_counter() - start
        rows.append((label, outcome, paragraphs, message, seconds))
    if markdown:
        print("| input | outcome | paragraphs | message / notes | seconds |")
        print("| --- | --- | ---: | --- | ---: |")
        for label, outcome, paras, message, seconds in rows:
            print(f"| {label} | {outcome} | {paras} | {message.replace('|', '/')} | {seconds:.3f} |")
    else:
        for label, outcome, paras, message, seconds in rows:
            short = message if len(message) <= 110 else message[:107] + "..."
            print(f"{label:42} {outcome:18} {paras:>6} {seconds:7.3f}s  {short}")
    _speed()


def _speed() -> None:
    """The reader against a bare decode-and-split of the same 20 MB, in the same run."""
    vi = (ntrex_dir() / "vi.txt").read_text(encoding="utf-8").splitlines()
    data = _repeat_to("\n\n".join(vi), 20 * 1024 * 1024)
    best_bare = best_reader = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        bare = [p.strip() for p in data.decode("utf-8").split("\n\n") if p.strip()]
        best_bare = min(best_bare, time.perf_counter() - start)
        start = time.perf_counter()
        read = read_document_with_notes(data, "big.txt").paragraphs
        best_reader = min(best_reader, time.perf_counter() - start)
    assert len(read) == len(bare)
    mb = len(data) / (1024 * 1024)
    print(
        f"\n20 MB UTF-8 ({len(read):,} paragraphs): reader {best_reader:.2f} s ({mb / best_reader:.0f} MB/s), "
        f"bare decode+split {best_bare:.2f} s; ratio {best_reader / best_bare:.1f}x"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    run(parser.parse_args().markdown)
