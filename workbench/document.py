"""Reading documents: bytes in, paragraphs out (CLI-CONTRACT "Input files").

Accepts UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, UTF-16 without a BOM
(recognised by its NUL bytes), Windows-1256 Arabic and Windows-1258 Vietnamese
(converted, with a note), CRLF/CR/Unicode line ends, Word ``.docx`` and HTML (scripts
and styles dropped).  A blank line (whitespace only) separates paragraphs; a text with
no blank line at all has one paragraph per non-empty line.

Everything else is refused with a :class:`DocumentError` that names the file, says
what is wrong and what to do: empty files, images, PDFs, executables, archives, zips
that are not Word documents, files over :data:`MAX_BYTES`.

What the reviewer sees is cleaned of characters that can only hurt: bidi embeddings,
overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a sentence display in
a misleading order, so they are removed; stray control characters and BOMs too.  ZWNJ
and ZWJ (U+200C/U+200D) change how Arabic letters join and LRM/RLM only nudge
punctuation, so they are kept (matching drops them, see :mod:`workbench.normalize`).
Text is put in Unicode NFC so a Vietnamese letter typed decomposed matches the
glossary.  Every such change is reported in :attr:`Reading.notes`.

Only the caller opens files: these functions take bytes or text and a display name
used in messages.  They either return a full reading or raise: nothing half-read.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from workbench.errors import DocumentError
from workbench.paragraph import Paragraph

#: Largest file read (the Streamlit upload limit too).  Reading 20 MB takes about a
#: second (bench/bench_bad_input.py); aligning that much takes far longer, which is
#: the pipeline's business, not the reader's.
MAX_BYTES = 50 * 1024 * 1024
#: A Word file whose parts would unpack to more than this is refused (zip bomb).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
#: A paragraph longer than this gets a note: its paragraph breaks were probably lost.
LONG_PARAGRAPH = 20_000
#: A document with more paragraphs than this gets a note: alignment will be slow.
MANY_PARAGRAPHS = 5_000

#: Leading bytes of formats people upload by mistake: (magic, what it is, what to do).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF document", "copy its text into a .txt file or export it as Word (.docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel file (.doc/.xls)",
     "open it in Word and save it as .docx"),
    (b"{\\rtf", "an RTF document", "open it in Word and save it as .docx or as UTF-8 text"),
    (b"\x89PNG", "a PNG image", "upload the article's text, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "upload the article's text, not a picture of it"),
    (b"GIF87a", "a GIF image", "upload the article's text, not a picture of it"),
    (b"GIF89a", "a GIF image", "upload the article's text, not a picture of it"),
    (b"II*\x00", "a TIFF image", "upload the article's text, not a picture of it"),
    (b"MM\x00*", "a TIFF image", "upload the article's text, not a picture of it"),
    (b"\x7fELF", "a program (ELF executable)", "choose the article's text file"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and choose the text file inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and choose the text file inside"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it and choose the text file inside"),
    (b"SQLite format 3\x00", "a database file", "choose the article's text file"),
    (b"OggS", "an audio file", "choose the article's text file"),
    (b"ID3\x03", "an MP3 audio file", "choose the article's text file"),
    (b"ID3\x04", "an MP3 audio file", "choose the article's text file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Characters removed from what is displayed, and why (module docstring).
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x20), 0x7F, *range(0x80, 0x85),
                     *range(0x86, 0xA0)]
)
# Regexes, not str.translate: translate with a table is ~40x slower on non-ASCII text.
_DELETE_RE = re.compile(f"[{re.escape(_BIDI_CONTROLS + _CONTROLS)}\ufeff]+")
_BIDI_RE = re.compile(f"[{_BIDI_CONTROLS}]")
_CONTROL_RE = re.compile(f"[{re.escape(_CONTROLS)}]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_UNSAFE_IN_NAME = re.compile(f"[{re.escape(_BIDI_CONTROLS + _CONTROLS)}\n\r\x0b\x0c\x85\u2028\u2029\u200e\u200f\u061c\ufeff]")
_SPECIAL_RE = re.compile(f"[{re.escape(_BIDI_CONTROLS + _CONTROLS)}\ufeff\ud800-\udfff]")
# Line and paragraph separators other than \n: VT, FF, NEL, LS -> line; PS -> paragraph.
_CR = re.compile("\r\n?")
_LINE_SEP = re.compile("[\x0b\x0c\x85\u2028]")


def _unify_line_ends(text: str) -> str:
    """CRLF, CR, VT, FF, NEL, LS -> \\n; PS (paragraph separator) -> a blank line."""
    if "\r" in text:
        text = _CR.sub("\n", text)  # "\r\r\n" is two line ends, not one
    if _LINE_SEP.search(text):
        text = _LINE_SEP.sub("\n", text)
    return text.replace("\u2029", "\n\n")


# A blank line holds only spaces and invisible format characters (ZWSP, LRM, ...).
_BLANK = r"(?:[^\S\n]|[\u200b-\u200f\u2060-\u2064\ufeff])*"
_BLANK_LINE = re.compile(rf"\n{_BLANK}\n")
_BLANK_LINE_RUN = re.compile(rf"\n(?:{_BLANK}\n)+")
_HTML_HINT = re.compile(r"<\s*(p|div|br|html|body|h[1-6]|li|span|article|section)\b", re.I)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
# A paragraph is kept only if it has something visible: not only spaces and
# invisible format characters.
_VISIBLE = re.compile(r"[^\s\u200b-\u200f\u2060-\u2064\ufeff]")


@dataclass(frozen=True)
class Reading:
    """A document read in full: its paragraphs, the encoding found, and what was changed.

    ``notes`` are one-line sentences for the user ("converted from Windows-1256 ..."):
    the UI shows them after an import, the CLI prints them on stderr.
    """

    paragraphs: tuple[Paragraph, ...]
    encoding: str
    notes: tuple[str, ...] = ()


class _Notes(list):
    """Notes collected while reading one document (a list with a helper)."""

    def add(self, note: str) -> None:
        if note not in self:
            self.append(note)


def display_name(name: str) -> str:
    """A file name safe to show in a message: bidi and control characters made visible.

    "report\u202etxt.exe" would display as "reportexe.txt"; a newline in a name could
    forge a second line of CLI output.  Such characters are shown as ``\\u202e``.
    """
    return _UNSAFE_IN_NAME.sub(lambda m: f"\\u{ord(m.group()):04x}", name)


# --------------------------------------------------------------------------- bytes


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _refuse_known_binary(data: bytes, name: str) -> None:
    for magic, what, todo in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(f"{name}: this is {what}, not text; {todo}.")
    if data[:2] == b"MZ" and b"\x00" in data[:64]:
        raise DocumentError(f"{name}: this is a Windows program, not text; choose the article's text file.")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text with no BOM, recognised by NUL bytes all on one side of each pair.

    Every space, digit and Latin letter in UTF-16 has a NUL high byte, so LE text has
    NULs at odd offsets only and BE text at even offsets only; binary files have them
    everywhere.
    """
    if len(data) % 2:
        return None
    sample = data[:8192]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for nuls, stray, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= max(2, half // 50) and stray <= nuls // 20:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            if len(_CONTROL_RE.findall(text[:20000])) <= len(text[:20000]) // 100:
                return text, codec
    return None


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _legacy_decode(data: bytes, notes: _Notes) -> tuple[str, str] | None:
    """Windows-1256 Arabic or Windows-1258 Vietnamese, if the bytes clearly are that."""
    text = data.decode("cp1256")  # every byte is defined in cp1256
    if _arabic_share(text) >= 0.6:
        notes.add("converted from Windows-1256 (Arabic) to Unicode; save the file as UTF-8 next time.")
        return text, "cp1256"
    from workbench.language import detect_language

    text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if "\ufffd" not in text:
        language, confidence = detect_language(text)
        if language == "vi" and confidence >= 0.5:
            notes.add("converted from Windows-1258 (Vietnamese) to Unicode; save the file as UTF-8 next time.")
            return text, "cp1258"
    return None


def _decode(data: bytes, name: str, notes: _Notes) -> tuple[str, str]:
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty; choose a file with text in it.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"{name}: the file says it is {codec.upper()} but byte {exc.start + len(bom)} "
                    "is broken; save it again as UTF-8."
                ) from exc
            return text, codec
    _refuse_known_binary(data, name)
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is not None:
            notes.add("read as UTF-16 without a byte-order mark; save the file as UTF-8 next time.")
            return found
        raise DocumentError(
            f"{name}: this looks like a binary file, not text (it contains NUL bytes); "
            "save the article as UTF-8 text (.txt), Word (.docx) or HTML."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        legacy = _legacy_decode(data, notes)
        if legacy is not None:
            return legacy
        raise DocumentError(
            f"{name}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at position {exc.start}, "
            f"line {_line_of(data, exc.start)}); save the file as UTF-8 or UTF-16 with a BOM."
        ) from exc


_CP1252_HIGH = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0)
                if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# Two or more characters that UTF-8 lead and continuation bytes become in cp1252/latin-1
# (Ã¡, Ø±, á»‡) or in cp1256 (ط±, ظ…): the only texts worth trying to repair.


def _chars(codepage: str, low: int, high: int) -> str:
    """The characters bytes low..high become when read as ``codepage`` (C1 if undefined)."""
    out = []
    for byte in range(low, high + 1):
        try:
            out.append(bytes([byte]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# A UTF-8 lead byte then a continuation byte, as a cp1252 or cp1256 reader shows them
# (Ã¡, Ø±, á»‡; ط±, ظ…): texts with a few of these are worth trying to repair.
_LATIN_MOJIBAKE = f"[{re.escape(_chars('cp1252', 0xC2, 0xF4))}][{re.escape(_chars('cp1252', 0x80, 0xBF))}\ufffd]"
_LATIN_MOJIBAKE_RE = re.compile(_LATIN_MOJIBAKE)
_MOJIBAKE_HINT = re.compile(
    _LATIN_MOJIBAKE + f"|[{re.escape(_chars('cp1256', 0xC2, 0xF4))}][{re.escape(_chars('cp1256', 0x80, 0xBF))}]"
)


def _latin1_or_cp1252(text: str) -> bytes | None:
    """Bytes that a cp1252/latin-1 reader turned into ``text`` (C1 bytes pass through)."""
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            out.append(code)
        elif ch in _CP1252_HIGH:
            out.append(_CP1252_HIGH[ch])
        else:
            return None
    return bytes(out)


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """UTF-8 text that was once decoded with the wrong code page and saved again.

    "Ù…Ø±Ø­Ø¨Ø§" is مرحبا read as Windows-1252; "ظ…ط±ط­ط¨ط§" the same read as
    Windows-1256.  Returns the repaired text and the code page, or None.  Real
    Vietnamese or Arabic almost never survives the round trip (its bytes are not valid
    UTF-8), so a text that does is repaired.
    """
    if len(_MOJIBAKE_HINT.findall(text[:100_000])) < 3:
        return None
    for codec in ("cp1252", "cp1256"):
        if codec == "cp1252":
            data = _latin1_or_cp1252(text)
        else:
            try:
                data = text.encode("cp1256")
            except UnicodeEncodeError:
                data = None
        if data is None:
            continue
        try:
            fixed = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if fixed != text and sum(ord(c) > 127 for c in fixed) >= 3:
            return fixed, codec
    return None


def _refuse_garbled(text: str, name: str) -> None:
    """Refuse text garbled beyond repair (mojibake with lost bytes, "Ä�áº¡i")."""
    sample = text[:100_000]
    garbled = _LATIN_MOJIBAKE_RE.findall(sample)
    if len(garbled) >= 10 and len(garbled) >= len(sample) // 50:
        shown = ", ".join(dict.fromkeys(garbled[:6]))
        raise DocumentError(
            f"{name}: the text is garbled ({shown} ...): it was saved after being read with the "
            "wrong encoding and cannot be repaired; open the original file and save it as UTF-8."
        )


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes of a text file, naming ``name`` in any error (see module docstring)."""
    return _decode(data, display_name(name), _Notes())[0]


# ---------------------------------------------------------------------------- text


def clean_text(text: str, name: str, notes: list[str] | None = None) -> str:
    """What the reviewer may see: no bidi controls, control bytes, stray BOMs.

    Refuses text that is mostly control characters (a binary file decoded by luck).
    """
    notes = notes if notes is not None else _Notes()
    text = _unify_line_ends(text)
    if not _SPECIAL_RE.search(text):
        return text  # the usual file: one scan, nothing to do
    controls = len(_CONTROL_RE.findall(text))
    if controls:
        if controls > max(8, len(text) // 100):
            raise DocumentError(
                f"{name}: {controls} control characters in {len(text)}: this looks like a binary "
                "file, not text; save the article as UTF-8 text (.txt), Word (.docx) or HTML."
            )
        _add(notes, f"removed {controls} invisible control character(s).")
    bidi = len(_BIDI_RE.findall(text))
    if bidi:
        _add(notes, f"removed {bidi} bidi override/isolate character(s) (U+202A-U+202E, "
                    "U+2066-U+2069), which can make text display in a misleading order.")
    if _SURROGATE_RE.search(text):
        text = _SURROGATE_RE.sub("\ufffd", text)
        _add(notes, "replaced broken UTF-16 halves (lone surrogates) by \ufffd.")
    return _DELETE_RE.sub("", text)


def _compose(paragraphs: list[str], notes: list[str]) -> list[str]:
    """NFC, paragraph by paragraph: only the few paragraphs that need it pay for it."""
    out = []
    for text in paragraphs:
        composed = _nfc(text)
        if composed is not text:
            _add(notes, "put accents in composed form (Unicode NFC).")
        out.append(composed)
    return out


def _nfc(text: str, chunk: int = 8192) -> str:
    """NFC of ``text``; the very same object when it already is NFC.

    Long texts go in pieces that start at a space, and only pieces that need it are
    normalised (``is_normalized`` on a whole long text that is *almost* NFC costs
    seconds).  A space is a starter that composes with nothing, so no composition or
    reordering crosses it: the pieces' NFC joined is the text's NFC."""
    if len(text) <= chunk:
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    pieces = []
    changed = False
    start = 0
    while start < len(text):
        end = text.find(" ", start + chunk)
        end = len(text) if end == -1 else end
        piece = text[start:end]
        if not unicodedata.is_normalized("NFC", piece):
            piece = unicodedata.normalize("NFC", piece)
            changed = True
        pieces.append(piece)
        start = end
    return "".join(pieces) if changed else text


def _add(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs as the CLI contract says."""
    text = _unify_line_ends(text).lstrip("\ufeff").strip()
    if _BLANK_LINE.search(text):
        paras = _BLANK_LINE_RUN.split(text)
    else:
        paras = text.split("\n")
    return [p.strip() for p in paras if _VISIBLE.search(p)]


# ---------------------------------------------------------------------------- HTML


class _HTMLText(HTMLParser):
    """Collect visible text; block elements end a paragraph; scripts are dropped."""

    _BLOCK = {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
        "article", "section", "header", "footer", "blockquote", "figcaption", "ul", "ol",
        "table", "nav", "aside", "main", "pre", "dd", "dt", "td", "th", "hr", "figure",
    }
    _SKIP = {"script", "style", "noscript", "template", "head", "title", "svg", "math",
             "iframe", "object", "embed", "canvas", "select", "button"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self._skip.clear()  # an unclosed <head> must not swallow the page
        elif tag in self._SKIP:
            self._skip.append(tag)
        elif tag in self._BLOCK:
            self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self._BLOCK:
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
        elif tag in self._BLOCK:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str, name: str = "<html>") -> str:
    """Strip tags, keep paragraph breaks, drop scripts, styles and embedded objects."""
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # html.parser is lenient, but asserts on some garbage
        raise DocumentError(f"{name}: cannot read this HTML ({exc}); save the page as text.") from exc
    text = "".join(parser.out)
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def looks_like_html(text: str) -> bool:
    """Whether pasted text is HTML markup (a block tag in its first 20,000 characters)."""
    return bool(_HTML_HINT.search(text[:20000]))


def _is_html(text: str, name: str) -> bool:
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return True
    if lower.endswith(".txt"):
        # a .txt is HTML only if it is a saved page, not prose that quotes a tag
        return text.lstrip("\ufeff \t\r\n").startswith("<") and looks_like_html(text)
    return looks_like_html(text)


# ---------------------------------------------------------------------------- Word


def _check_word_zip(data: bytes, name: str) -> None:
    """Refuse zips that are not Word documents, with a message saying what they are."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(
            f"{name}: a damaged Word/zip file ({exc}); open it in Word and save it again as .docx."
        ) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if any(n.startswith("xl/") for n in names):
            what = "an Excel workbook"
        elif any(n.startswith("ppt/") for n in names):
            what = "a PowerPoint presentation"
        elif "content.xml" in names:
            what = "an OpenDocument (LibreOffice) file"
        elif "META-INF/container.xml" in names:
            what = "an e-book (EPUB)"
        else:
            shown = ", ".join(sorted(names)[:3]) or "nothing"
            what = f"a zip archive of other files ({shown})"
        raise DocumentError(
            f"{name}: this is {what}, not a Word document; save the article as Word (.docx) "
            "or UTF-8 text (.txt)."
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNZIPPED_BYTES:
        raise DocumentError(
            f"{name}: this Word file would unpack to {unpacked // (1024 * 1024)} MB "
            f"(limit {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB); save the article as plain text."
        )


def docx_to_text(data: bytes, name: str) -> str:
    """The paragraphs of a Word document (tables included, in order), a blank line apart."""
    import docx  # python-docx; imported here so reading text never pays for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    _check_word_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        texts: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                texts.append(WordParagraph(child, document).text)
            elif tag == "tbl":
                seen: dict[int, object] = {}  # values keep the elements alive, so ids stay unique
                for row in Table(child, document).rows:
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # merged cells repeat
                            seen[id(cell._tc)] = cell._tc
                            texts.extend(p.text for p in cell.paragraphs)
    except DocumentError:
        raise
    except Exception as exc:  # python-docx/lxml raise several unrelated types on junk
        raise DocumentError(
            f"{name}: cannot read this Word document ({type(exc).__name__}: {exc}); "
            "open it in Word and save it again as .docx."
        ) from exc
    return "\n\n".join(t.strip() for t in texts if t.strip())


# ------------------------------------------------------------------------- reading


def _finish(text: str, name: str, encoding: str, notes: _Notes) -> Reading:
    repaired = repair_mojibake(text)
    if repaired is not None:
        text = repaired[0]
        notes.add(
            f"repaired garbled text (UTF-8 that had been read as {repaired[1]} and saved again, "
            "like \"Ã¡\" for \"á\"); check it, and save files as UTF-8."
        )
    else:
        _refuse_garbled(text, name)
    text = clean_text(text, name, notes)
    paras = _compose(split_paragraphs(text), notes)
    if not paras:
        raise DocumentError(f"{name}: there is no visible text in it; choose the article's text file.")
    lengths = [len(p) for p in paras]
    longest = lengths.index(max(lengths))
    if lengths[longest] > LONG_PARAGRAPH:
        notes.add(
            f"paragraph {longest} has {len(paras[longest]):,} characters; if it should be "
            "several paragraphs, separate them with blank lines."
        )
    if len(paras) > MANY_PARAGRAPHS:
        notes.add(f"{len(paras):,} paragraphs: aligning a document this long takes a while.")
    return Reading(tuple(Paragraph(i, t) for i, t in enumerate(paras)), encoding, tuple(notes))


def read_text_with_notes(text: str, name: str = "<pasted text>") -> Reading:
    """Paragraphs of a text that is already decoded (pasted text or HTML), with notes."""
    notes = _Notes()
    name = display_name(name)
    if not text.strip():
        raise DocumentError(f"{name}: there is no text in it; paste or choose the article's text.")
    if _is_html(text, name):
        text = html_to_text(text, name)
        notes.add("read as HTML: tags, scripts and styles removed.")
    return _finish(text, name, "text", notes)


def read_text(text: str, name: str = "<pasted text>") -> list[Paragraph]:
    """Paragraphs of a text that is already decoded (pasted text or HTML)."""
    return list(read_text_with_notes(text, name).paragraphs)


def read_document_with_notes(data: bytes, name: str) -> Reading:
    """Read a file's bytes in full; ``name`` (a file name) picks the format.

    Returns the paragraphs with the encoding found and notes on what was converted
    or removed; raises :class:`DocumentError` for anything it cannot read.
    """
    name = display_name(name)
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"{name}: the file is over {MAX_BYTES // (1024 * 1024)} MB, the limit; "
            "split the document into smaller files."
        )
    lower = name.lower()
    if data[:2] == b"PK" or lower.endswith(".docx"):
        if data[:2] != b"PK":
            _refuse_known_binary(data, name)
            raise DocumentError(
                f"{name}: the name says Word (.docx) but the file is not one; "
                "open it in Word and save it as .docx, or rename it if it is plain text."
            )
        text = docx_to_text(data, name)
        if not text.strip():
            raise DocumentError(f"{name}: the Word document has no text paragraphs.")
        return _finish(text, name, "docx", _Notes())
    notes = _Notes()
    text, encoding = _decode(data, name, notes)
    if not text.strip():
        raise DocumentError(f"{name}: the file is empty; choose a file with text in it.")
    if _is_html(text, name):
        text = html_to_text(text, name)
        notes.add("read as HTML: tags, scripts and styles removed.")
    return _finish(text, name, encoding, notes)


def read_document(data: bytes, name: str) -> list[Paragraph]:
    """Paragraphs of a file's bytes; ``name`` (a file name) picks the format."""
    return list(read_document_with_notes(data, name).paragraphs)


def read_path_with_notes(path: str) -> Reading:
    """Read a file from disk (CLI edge); errors name the path."""
    label = display_name(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise DocumentError(
                f"{label}: the file is {size / (1024 * 1024):.0f} MB, over the "
                f"{MAX_BYTES // (1024 * 1024)} MB limit; split the document into smaller files."
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentError(f"{label}: cannot open the file ({exc.strerror or exc}).") from exc
    return read_document_with_notes(data, path)


def read_path(path: str) -> list[Paragraph]:
    """Read a file from disk (CLI edge); errors name the path."""
    return list(read_path_with_notes(path).paragraphs)
