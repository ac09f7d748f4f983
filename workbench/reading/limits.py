"""Caps on what a document may be, each refused before any real work starts.

A 584 KB Word file can unpack to 190 MB (3.9 million paragraphs, minutes of reading);
a 50 MB text of short lines is 3.4 million paragraphs to align.  :class:`ReadingLimits`
holds the caps (the service builds them from :class:`workbench.config.Settings`); the
checks here are cheap: the .docx parts are unpacked in chunks and counted *while*
unpacking (the sizes a zip declares can lie), paragraphs are counted before they are
cleaned, composed or aligned.  Each refusal names the file, the figure, the limit and
what to do.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from workbench.errors import DocumentError

_CHUNK = 1 << 20
_MB = 1024 * 1024


@dataclass(frozen=True)
class ReadingLimits:
    """``max_bytes``: a file's size; ``max_unpacked_bytes``: what a .docx unpacks to;
    ``max_paragraphs`` per file and ``max_paragraph_chars`` per paragraph (None: no
    cap, the reader's own use; the service always sets them)."""

    max_bytes: int
    max_unpacked_bytes: int
    max_paragraphs: int | None = None
    max_paragraph_chars: int | None = None


def check_unpacked(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str,
                   limits: ReadingLimits) -> None:
    """Unpack every part in chunks, counting bytes (and Word paragraphs ``<w:p>`` in
    word/document.xml); refuse as soon as a count passes its limit."""
    limit, max_paragraphs = limits.max_unpacked_bytes, limits.max_paragraphs
    unpacked = 0
    paragraphs = 0
    for info in infos:
        counting = max_paragraphs is not None and info.filename == "word/document.xml"
        tail = b""
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                unpacked += len(chunk)
                if unpacked > limit:
                    raise DocumentError(
                        f"{name}: this Word file unpacks to more than {limit // _MB} MB "
                        f"(the limit; it is {sum(i.compress_size for i in infos) / _MB:.1f} MB "
                        "packed, a zip bomb or a huge document); save the article as plain "
                        "text or split it.")
                if counting:
                    window = tail + chunk
                    paragraphs += window.count(b"<w:p>") + window.count(b"<w:p ")
                    paragraphs -= tail.count(b"<w:p>") + tail.count(b"<w:p ")
                    tail = chunk[-5:]
                    if paragraphs > max_paragraphs:
                        raise too_many_paragraphs(name, paragraphs, max_paragraphs, "over ")


def too_many_paragraphs(name: str, count: int, limit: int, over: str = "") -> DocumentError:
    return DocumentError(
        f"{name}: {over}{count:,} paragraphs, more than the {limit:,} a document may have; "
        "split it into smaller documents.")


def check_paragraphs(text: str, name: str, limits: ReadingLimits | None, split) -> None:
    """Refuse a text with too many or too long paragraphs, before it is cleaned or
    analysed.  ``split`` is the reader's paragraph splitter; it runs only when a cheap
    bound (line count, text length) says a cap may be passed."""
    if limits is None:
        return
    most, longest = limits.max_paragraphs, limits.max_paragraph_chars
    if most is None and longest is None:
        return
    suspicious = ((most is not None and text.count("\n") >= most)
                  or (longest is not None and len(text) > longest))
    if not suspicious:
        return
    paragraphs = split(text)
    if most is not None and len(paragraphs) > most:
        raise too_many_paragraphs(name, len(paragraphs), most)
    if longest is not None:
        for index, paragraph in enumerate(paragraphs):
            if len(paragraph) > longest:
                raise DocumentError(
                    f"{name}: paragraph {index} has {len(paragraph):,} characters, more than "
                    f"the {longest:,} a paragraph may have; its paragraph breaks were probably "
                    "lost: separate paragraphs with blank lines.")
