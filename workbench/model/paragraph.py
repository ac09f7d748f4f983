"""Paragraphs: the unit of reading, alignment and review."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document, numbered from 0 in file order (noise included).

    ``text`` is exactly what the reviewer sees; matching uses normalised copies made
    by :mod:`workbench.lang.normalize`, never a changed ``text``.  ``furniture``: the
    reader knows it is page furniture (outside a web page's article).
    """

    index: int
    text: str
    furniture: bool = False
