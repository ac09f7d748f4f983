"""HTML of a paragraph with findings highlighted at their exact character spans.

The review screen shows stored findings where they are, in the Vietnamese source and
in the Arabic machine translation.  Everything a document or a finding holds is
untrusted text (a pasted web page may contain ``<script>``), so every character that
reaches the HTML goes through :func:`html.escape`; only the tags built here are markup.

Arabic is shown right-to-left.  A Latin run inside Arabic (a code like ``ĐH-16``, a
Vietnamese name left untranslated, ``33690/39204``) is wrapped in
``<bdi dir="ltr">`` so the bidi algorithm cannot reorder its pieces.

Pure core: no Streamlit, no database.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.service import SEVERITIES

# The fidelity colour scale: upper bound (exclusive), colour, word.  A calibrated
# fidelity below 0.5 means "probably not a translation of this source".
FIDELITY_SCALE: tuple[tuple[float, str, str], ...] = (
    (0.5, "#d73027", "poor"),
    (0.7, "#fc8d59", "doubtful"),
    (0.85, "#d9b600", "fair"),
    (float("inf"), "#1a9850", "good"),
)
# Background of a highlighted span per finding severity.
SEVERITY_COLOURS: dict[str, str] = {
    "info": "#d6eaf8",
    "minor": "#fff3b0",
    "major": "#ffc9a3",
    "critical": "#ff9b9b",
}

# A run of Latin script (with digits and the punctuation that lives inside codes,
# numbers and names); spaces are allowed inside so "Nguyễn Văn A" stays one run.
_LATIN = r"0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
_LATIN_RUN = re.compile(rf"[{_LATIN}](?:[{_LATIN}.,:/%+\-_@'’ ]*[{_LATIN}%])?")
# A run of Arabic script (spaces inside), isolated right-to-left inside Latin text.
_ARABIC = r"\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
_ARABIC_RUN = re.compile(rf"[{_ARABIC}](?:[{_ARABIC} ]*[{_ARABIC}])?")


@dataclass(frozen=True)
class Mark:
    """A span to highlight in one paragraph: ``[start, end)`` characters of its text,
    with the finding's severity (colour), kind and message (tooltip)."""

    start: int
    end: int
    severity: str = "minor"
    kind: str = ""
    message: str = ""


def fidelity_band(score: float) -> tuple[str, str]:
    """(colour, word) of a fidelity score on :data:`FIDELITY_SCALE`."""
    for bound, colour, word in FIDELITY_SCALE:
        if score < bound:
            return colour, word
    return FIDELITY_SCALE[-1][1], FIDELITY_SCALE[-1][2]


def fidelity_badge(score: float, title: str = "") -> str:
    """A coloured badge with the score as a number (colour alone is not enough)."""
    colour, word = fidelity_band(score)
    tip = f' title="{html.escape(title)}"' if title else ""
    return (f'<span class="wb-score" style="background:{colour};color:#fff;'
            f'padding:1px 6px;border-radius:4px;font-weight:600"{tip}>'
            f"{score:.2f} · {html.escape(word)}</span>")


def _escape_isolating(text: str, run: re.Pattern[str], direction: str) -> str:
    """Escape ``text``, wrapping each match of ``run`` in ``<bdi dir=direction>``."""
    out: list[str] = []
    pos = 0
    for m in run.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append(f'<bdi dir="{direction}">{html.escape(m.group())}</bdi>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def escape_arabic(text: str) -> str:
    """Escape Arabic text, isolating each Latin run as left-to-right."""
    return _escape_isolating(text, _LATIN_RUN, "ltr")


def escape_mixed(text: str) -> str:
    """Escape left-to-right text (a message, a note), isolating each Arabic run as
    right-to-left so "expected بلدية, found منطقة" keeps its order."""
    return _escape_isolating(text, _ARABIC_RUN, "rtl")


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 1


def _valid(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Marks clipped to the text; empty or inverted spans dropped (a stale span after
    an edit must not break the page)."""
    out = []
    for m in marks:
        start, end = max(0, m.start), min(length, m.end)
        if start < end:
            out.append(Mark(start, end, m.severity, m.kind, m.message))
    return out


def highlight_text(text: str, marks: Sequence[Mark], rtl: bool = False) -> str:
    """Inline HTML of ``text`` with every mark wrapped in ``<mark>`` at its exact span.

    Overlapping marks are cut at every boundary; each piece takes the colour of the
    most severe mark covering it and lists all their messages in its tooltip.
    """
    escape = escape_arabic if rtl else html.escape
    marks = _valid(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            out.append(escape(piece))
            continue
        worst = max(covering, key=lambda m: _rank(m.severity))
        title = " | ".join(dict.fromkeys(
            f"{m.severity} {m.kind}: {m.message}".strip() for m in covering))
        colour = SEVERITY_COLOURS.get(worst.severity, SEVERITY_COLOURS["minor"])
        out.append(
            f'<mark class="wb-finding wb-{html.escape(worst.severity)}" '
            f'data-kind="{html.escape(worst.kind)}" title="{html.escape(title)}" '
            f'style="background:{colour};padding:0 1px;border-radius:2px">'
            f"{escape(piece)}</mark>")
    return "".join(out)


def highlight_paragraphs(paragraphs: Sequence[tuple[int, str]],
                         marks: dict[int, Sequence[Mark]], rtl: bool = False) -> str:
    """A block of HTML for one side of a link: one ``<p>`` per paragraph (numbered as
    in the file), marks looked up by paragraph number."""
    direction = ' dir="rtl" lang="ar" style="text-align:right;unicode-bidi:isolate"' if rtl \
        else ' lang="vi"'
    parts = []
    for index, text in paragraphs:
        body = highlight_text(text, marks.get(index, ()), rtl=rtl)
        # dir="auto": an Arabic paragraph reads right-to-left, a Latin-only one (site
        # chrome, an untranslated line) left-to-right, decided by its first letter.
        auto = ' dir="auto"' if rtl else ""
        parts.append(f'<p class="wb-para" data-paragraph="{int(index)}"{auto} '
                     f'style="margin:0 0 .5em 0;white-space:pre-wrap;text-align:start">'
                     f"{body}</p>")
    if not parts:
        parts.append('<p class="wb-empty" style="color:#888"><em>(no paragraph)</em></p>')
    return f'<div class="wb-side"{direction}>{"".join(parts)}</div>'


def components_table(components: Iterable[tuple[str, float, str]]) -> str:
    """An escaped HTML table of a score's components (name, value, explanation)."""
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{value:.2f}</td>"
        f"<td>{html.escape(explanation)}</td></tr>"
        for name, value, explanation in components)
    return ('<table class="wb-components"><tr><th>component</th><th>value</th>'
            f"<th>why</th></tr>{rows}</table>")


def snippet(text: str, mark: Mark, words: int = 6, rtl: bool = True) -> str:
    """The words around one mark, highlighted, with "…" where the text goes on: where a
    finding is in a paragraph without showing the whole paragraph again."""
    start, end = max(0, mark.start), min(len(text), mark.end)
    if start >= end:
        return ""
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    left = " ".join(before[-(words + 1):])
    right = " ".join(after[:words + 1])
    cut = left + text[start:end] + right
    body = highlight_text(cut, [Mark(len(left), len(left) + end - start, mark.severity,
                                     mark.kind, mark.message)], rtl=rtl)
    head = "… " if len(before) > words + 1 else ""
    tail = " …" if len(after) > words + 1 else ""
    direction = ' dir="rtl" lang="ar"' if rtl else ' lang="vi"'
    return f'<span class="wb-snippet"{direction}>{head}{body}{tail}</span>'
