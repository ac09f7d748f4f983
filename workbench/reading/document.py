"""Reading documents: bytes in, paragraphs out (CLI-CONTRACT "Input files").

Accepts every text encoding :mod:`workbench.reading.encoding` recognises (UTF-8, UTF-16/32,
Windows-1256/1258, repaired mojibake), CRLF/CR/Unicode line ends, Word ``.docx``
(tables included) and HTML (scripts, styles and embedded objects dropped).  A blank
line (whitespace only) separates paragraphs; a text with no blank line at all has one
paragraph per non-empty line.

Everything else is refused with a :class:`DocumentError` that names the file, says
what is wrong and what to do: empty files, images, PDFs, executables, archives, zips
that are not Word documents, files over :data:`MAX_BYTES`.

What the reviewer sees is cleaned of characters that can only hurt: bidi embeddings,
overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a sentence display in
a misleading order, so they are removed; stray control characters and BOMs too.  ZWNJ
and ZWJ (U+200C/U+200D) change how Arabic letters join and LRM/RLM only nudge
punctuation, so they are kept (matching drops them, see :mod:`workbench.lang.normalize`).
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

from workbench.reading.encoding import decode, refuse_garbled, refuse_known_binary, repair_mojibake
from workbench.reading.limits import ReadingLimits, check_paragraphs, check_unpacked
from workbench.reading.unsafe_characters import BIDI_CONTROLS as _BIDI_CONTROLS
from workbench.reading.unsafe_characters import CONTROL_RE, CONTROLS, display_name
from workbench.errors import DocumentError
from workbench.model.paragraph import Paragraph

#: Largest file, and what a .docx may unpack to (zip bombs), when no ReadingLimits are
#: given (the service's come from Settings; the other caps are in :mod:`.limits`).
MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
#: A paragraph longer than this gets a note: its paragraph breaks were probably lost.
LONG_PARAGRAPH = 20_000
#: A document with more paragraphs than this gets a note: alignment will be slow.
MANY_PARAGRAPHS = 5_000

# Characters removed from what is displayed, and why (module docstring).
# Regexes, not str.translate: translate with a table is ~40x slower on non-ASCII text.
_DELETE_RE = re.compile(f"[{re.escape(_BIDI_CONTROLS + CONTROLS)}\ufeff]+")
_BIDI_RE = re.compile(f"[{_BIDI_CONTROLS}]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SPECIAL_RE = re.compile(f"[{re.escape(_BIDI_CONTROLS + CONTROLS)}\ufeff\ud800-\udfff]")
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


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes of a text file, naming ``name`` in any error (see :mod:`workbench.reading.encoding`)."""
    return decode(data, display_name(name))[0]


# ---------------------------------------------------------------------------- text


def clean_text(text: str, name: str, notes: list[str] | None = None) -> str:
    """What the reviewer may see: no bidi controls, control bytes, stray BOMs.

    Refuses text that is mostly control characters (a binary file decoded by luck).
    """
    notes = notes if notes is not None else []
    text = _unify_line_ends(text)
    if not _SPECIAL_RE.search(text):
        return text  # the usual file: one scan, nothing to do
    controls = len(CONTROL_RE.findall(text))
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


def _limits(limits: ReadingLimits | None) -> ReadingLimits:
    return limits or ReadingLimits(MAX_BYTES, MAX_UNZIPPED_BYTES)


def _check_word_zip(data: bytes, name: str, limits: ReadingLimits) -> None:
    """Refuse zips that are not Word documents, or that unpack past the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if "word/document.xml" in {info.filename for info in infos}:
                check_unpacked(archive, infos, name, limits)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
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


def docx_to_text(data: bytes, name: str, limits: ReadingLimits | None = None) -> str:
    """The paragraphs of a Word document (tables included, in order), a blank line apart."""
    import docx  # python-docx; imported here so reading text never pays for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    _check_word_zip(data, name, _limits(limits))
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


def _finish(text: str, name: str, encoding: str, notes: list, limits=None) -> Reading:
    check_paragraphs(text, name, limits, split_paragraphs)  # before any real work
    repaired = repair_mojibake(text)
    if repaired is not None:
        text = repaired[0]
        _add(notes, 
            f"repaired garbled text (UTF-8 that had been read as {repaired[1]} and saved again, "
            "like \"Ã¡\" for \"á\"); check it, and save files as UTF-8."
        )
    else:
        refuse_garbled(text, name)
    text = clean_text(text, name, notes)
    paras = _compose(split_paragraphs(text), notes)
    if not paras:
        raise DocumentError(f"{name}: there is no visible text in it; choose the article's text file.")
    lengths = [len(p) for p in paras]
    longest = lengths.index(max(lengths))
    if lengths[longest] > LONG_PARAGRAPH:
        _add(notes, 
            f"paragraph {longest} has {len(paras[longest]):,} characters; if it should be "
            "several paragraphs, separate them with blank lines."
        )
    if len(paras) > MANY_PARAGRAPHS:
        _add(notes, f"{len(paras):,} paragraphs: aligning a document this long takes a while.")
    return Reading(tuple(Paragraph(i, t) for i, t in enumerate(paras)), encoding, tuple(notes))


def read_text_with_notes(text: str, name: str = "<pasted text>") -> Reading:
    """Paragraphs of a text that is already decoded (pasted text or HTML), with notes."""
    notes = []
    name = display_name(name)
    if not text.strip():
        raise DocumentError(f"{name}: there is no text in it; paste or choose the article's text.")
    if _is_html(text, name):
        text = html_to_text(text, name)
        _add(notes, "read as HTML: tags, scripts and styles removed.")
    return _finish(text, name, "text", notes)


def read_text(text: str, name: str = "<pasted text>") -> list[Paragraph]:
    """Paragraphs of a text that is already decoded (pasted text or HTML)."""
    return list(read_text_with_notes(text, name).paragraphs)


def read_document_with_notes(data: bytes, name: str, limits=None) -> Reading:
    """Read a file's bytes in full; ``name`` (a file name) picks the format.

    Returns the paragraphs with the encoding found and notes on what was converted
    or removed (``limits``: :class:`.limits.ReadingLimits`); raises :class:`DocumentError` for anything it cannot read.
    """
    name, limits = display_name(name), _limits(limits)
    if len(data) > limits.max_bytes:
        raise DocumentError(
            f"{name}: the file is over {limits.max_bytes // (1024 * 1024)} MB, the limit; "
            "split the document into smaller files."
        )
    lower = name.lower()
    if data[:2] == b"PK" or lower.endswith(".docx"):
        if data[:2] != b"PK":
            refuse_known_binary(data, name)
            raise DocumentError(
                f"{name}: the name says Word (.docx) but the file is not one; "
                "open it in Word and save it as .docx, or rename it if it is plain text."
            )
        text = docx_to_text(data, name, limits)
        if not text.strip():
            raise DocumentError(f"{name}: the Word document has no text paragraphs.")
        return _finish(text, name, "docx", [], limits)
    notes = []
    text, encoding = decode(data, name, notes)
    if not text.strip():
        raise DocumentError(f"{name}: the file is empty; choose a file with text in it.")
    if _is_html(text, name):
        text = html_to_text(text, name)
        _add(notes, "read as HTML: tags, scripts and styles removed.")
    return _finish(text, name, encoding, notes, limits)


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
