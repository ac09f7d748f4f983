"""Characters that must not reach a page or a message unseen: controls, bidi overrides.

Text and file names both carry them: a C1 control from a mis-decoded file, a
right-to-left override that makes "report\u202etxt.exe" display as "reportexe.txt".
The readers remove them from text; :func:`display_name` makes them visible in names.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters other than tab and the line ends (LF, CR, VT, FF, NEL).
CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x20), 0x7F, *range(0x80, 0x85),
                     *range(0x86, 0xA0)]
)
CONTROL_RE = re.compile(f"[{re.escape(CONTROLS)}]")
#: Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE_IN_NAME = re.compile(
    f"[{re.escape(BIDI_CONTROLS + CONTROLS)}\n\r\x0b\x0c\x85\u2028\u2029\u200e\u200f\u061c\ufeff]")


def display_name(name: str) -> str:
    """A file name safe to show in a message: bidi and control characters made visible.

    "report\u202etxt.exe" would display as "reportexe.txt"; a newline in a name could
    forge a second line of CLI output.  Such characters are shown as ``\\u202e``.
    """
    return _UNSAFE_IN_NAME.sub(lambda m: f"\\u{ord(m.group()):04x}", name)


# Typed text keeps tab and LF; other controls, bidi controls, BOMs and lone
# surrogates go.  A one-line text (a name, a title, a term) loses its line ends too.
_UNSAFE_IN_TEXT = re.compile(
    f"[{re.escape(BIDI_CONTROLS + CONTROLS)}\x0b\x0c\x85\ufeff\ufffe\uffff\ud800-\udfff]")
_LINE_ENDS = re.compile("[\r\n\u2028\u2029]+")


def strip_unsafe(text: str, one_line: bool = False) -> tuple[str, int]:
    """``text`` without control characters, bidi overrides/isolates, BOMs and lone
    surrogates (CRLF becomes LF; with ``one_line`` every line end becomes a space),
    and how many characters were removed."""
    cleaned = text.replace("\r\n", "\n")
    if one_line:
        cleaned = _LINE_ENDS.sub(" ", cleaned)
    removed = len(_UNSAFE_IN_TEXT.findall(cleaned))
    if removed:
        cleaned = _UNSAFE_IN_TEXT.sub("", cleaned)
    return cleaned, removed
