"""Word-level difference between the machine translation and a correction, as HTML.

Reviewers and editors want to see at a glance what a colleague changed in the Arabic:
deleted words struck through in red, inserted words underlined in green.  Words (runs
of non-space characters) are the unit, so a changed clitic or hamza shows the whole
word, which is what an Arabic reader compares.  Every piece of text is html-escaped.

Pure core: no Streamlit, no database.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

from workbench_ui.html.highlight import escape_arabic

_TOKEN = re.compile(r"\s+|\S+")

#: Operations of a diff: unchanged text, text only in the old, text only in the new.
OPS = ("equal", "delete", "insert")


def tokens(text: str) -> list[str]:
    """Words and the whitespace between them, so joining gives the text back."""
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """``(op, text)`` pieces turning ``before`` into ``after`` word by word.

    Joining the ``equal`` and ``delete`` pieces gives ``before``; joining ``equal`` and
    ``insert`` gives ``after``.  Neighbouring pieces with the same op are merged.
    """
    a, b = tokens(before), tokens(after)
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return out


def changed_words(before: str, after: str) -> int:
    """How many words were deleted or inserted: a quick post-edit effort figure."""
    return sum(len(text.split()) for op, text in word_diff(before, after) if op != "equal")


def diff_html(before: str, after: str, rtl: bool = True) -> str:
    """The diff as escaped HTML: ``<del>`` for removed words, ``<ins>`` for added."""
    escape = escape_arabic if rtl else html.escape
    parts = []
    for op, text in word_diff(before, after):
        if op == "equal":
            parts.append(escape(text))
        elif op == "delete":
            parts.append('<del class="wb-del" style="background:#ffd6d6;color:#9b1c1c">'
                         f"{escape(text)}</del>")
        else:
            parts.append('<ins class="wb-ins" style="background:#d4f7d4;color:#14632b;'
                         f'text-decoration:underline">{escape(text)}</ins>')
    direction = ' dir="rtl" lang="ar" style="text-align:right;white-space:pre-wrap"' if rtl \
        else ' style="white-space:pre-wrap"'
    if before == after:
        return f'<div class="wb-diff"{direction}><em>(no change)</em></div>'
    return f'<div class="wb-diff"{direction}>{"".join(parts)}</div>'


def change_marker(before: str, after: str) -> str:
    """A short label of what changed: "no change", or "changed: 2 words out, 3 in"."""
    removed = added = 0
    for op, text in word_diff(before, after):
        if op == "delete":
            removed += len(text.split())
        elif op == "insert":
            added += len(text.split())
    if not (removed or added):
        return "no change" if before == after else "changed: spacing only"
    parts = ([f"{removed} word{'s' if removed != 1 else ''} out"] if removed else []) + \
        ([f"{added} word{'s' if added != 1 else ''} in"] if added else [])
    return "changed: " + ", ".join(parts)
