"""Whether an XML file declares entities or a DTD, whatever its encoding.

TBX and XLIFF files with ``<!ENTITY ...>`` are refused (XXE, "billion laughs").  A
check on the raw bytes misses the declaration in UTF-16 or UTF-32 (``<\\0!\\0E\\0...``),
so the text is decoded first as an XML parser would (byte-order mark, else the
pattern of the first bytes, else the encoding the XML declaration names, else UTF-8)
and, belt and braces, also searched with its NUL bytes dropped.
"""

from __future__ import annotations

import codecs
import re

_ENTITY = re.compile(r"<!\s*ENTITY", re.I)
_DOCTYPE = re.compile(r"<!\s*DOCTYPE", re.I)
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_FIRST_BYTES = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
                (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"))


def xml_encoding(data: bytes) -> str:
    """The encoding an XML parser would read ``data`` in."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    for start, encoding in _FIRST_BYTES:
        if data.startswith(start):
            return encoding
    declared = _ENCODING.match(data[:200])
    if declared:
        try:
            return codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            pass
    return "utf-8"


def declares_entities(data: bytes) -> str | None:
    """``"ENTITY"`` if the file declares an entity, else ``"DOCTYPE"`` if it has a
    document type declaration, else None."""
    texts = (data.decode(xml_encoding(data), errors="replace"),
             data.replace(b"\x00", b"").decode("latin-1"))
    for kind, pattern in (("ENTITY", _ENTITY), ("DOCTYPE", _DOCTYPE)):
        if any(pattern.search(text) for text in texts):
            return kind
    return None
