"""Reading documents: bytes in, paragraphs out (CLI-CONTRACT "Input files").

Accepts UTF-8 (with or without BOM), UTF-16 with a BOM, CRLF/CR line ends, Word
``.docx`` and pasted HTML.  A blank line (whitespace only) separates paragraphs; a
text with no blank line at all has one paragraph per non-empty line.  Only the
caller opens files: these functions take bytes or text and a display name used in
error messages.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

from workbench.errors import DocumentError
from workbench.paragraph import Paragraph

MAX_BYTES = 50 * 1024 * 1024
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BLANK_LINE_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
_HTML_HINT = re.compile(r"<\s*(p|div|br|html|body|h[1-6]|li|span|article|section)\b", re.I)


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes of a text file, naming ``name`` in any error."""
    if not data or not data.strip():
        raise DocumentError(f"{name}: the file is empty; choose a file with text in it.")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{name}: broken UTF-16 text at byte {exc.start}.") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise DocumentError(
            f"{name}: this looks like a binary file, not text; "
            "save it as UTF-8 text (.txt), Word (.docx) or HTML."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: not UTF-8 text (invalid byte at position {exc.start}); "
            "save the file as UTF-8 or UTF-16 with a BOM."
        ) from exc


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs as the CLI contract says."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()
    if _BLANK_LINE.search(text):
        paras = _BLANK_LINE_RUN.split(text)
    else:
        paras = text.split("\n")
    return [p.strip() for p in paras if p.strip()]


class _HTMLText(HTMLParser):
    """Collect visible text; block elements end a paragraph; scripts are dropped."""

    _BLOCK = {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
        "article", "section", "header", "footer", "blockquote", "figcaption", "ul", "ol",
        "table", "nav", "aside", "main", "pre",
    }
    _SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Strip tags, keep paragraph breaks, drop scripts and styles."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def docx_to_text(data: bytes, name: str) -> str:
    """The paragraphs of a Word document, one blank line between them."""
    import docx  # python-docx; imported here so reading text never pays for it

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(
            f"{name}: not a valid Word (.docx) document ({exc}); "
            "open it in Word and save it again as .docx."
        ) from exc
    except Exception as exc:  # python-docx raises several unrelated types on junk
        raise DocumentError(f"{name}: cannot read this Word document: {exc}") from exc
    texts = [p.text.strip() for p in document.paragraphs]
    return "\n\n".join(t for t in texts if t)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:20000]))


def read_text(text: str, name: str = "<pasted text>") -> list[Paragraph]:
    """Paragraphs of a text that is already decoded (pasted text or HTML)."""
    if looks_like_html(text):
        text = html_to_text(text)
    paras = split_paragraphs(text)
    if not paras:
        raise DocumentError(f"{name}: there is no text in it.")
    return [Paragraph(i, t) for i, t in enumerate(paras)]


def read_document(data: bytes, name: str) -> list[Paragraph]:
    """Paragraphs of a file's bytes; ``name`` (a file name) picks the format."""
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"{name}: the file is {len(data) // (1024 * 1024)} MB; "
            f"the limit is {MAX_BYTES // (1024 * 1024)} MB. Split the document."
        )
    lower = name.lower()
    if lower.endswith(".docx") or (data[:2] == b"PK" and not lower.endswith((".txt", ".html", ".htm"))):
        text = docx_to_text(data, name)
        if not text.strip():
            raise DocumentError(f"{name}: the Word document has no text paragraphs.")
        return [Paragraph(i, t) for i, t in enumerate(split_paragraphs(text))]
    if data[:2] == b"PK":
        raise DocumentError(f"{name}: this is a zip archive, not a text file.")
    return read_text(decode_text(data, name), name)


def read_path(path: str) -> list[Paragraph]:
    """Read a file from disk (CLI edge); errors name the path."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot open the file ({exc.strerror}).") from exc
    return read_document(data, path)
