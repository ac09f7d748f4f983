"""Text hygiene on the way in: what a user types or uploads is cleaned before it is stored.

Control characters break exports (XML forbids them) and bidi overrides make a text
display in a misleading order ("report\u202etxt.exe"); neither has a use in a title,
a user name, a glossary term, a note or a correction.  They are removed, and the
service says so (:func:`removal_note`).  File text is cleaned by the reader
(:mod:`workbench.reading.document`) with the same rule.
"""

from __future__ import annotations

from workbench.reading.unsafe_characters import strip_unsafe


def removal_note(what: str, removed: int) -> str:
    return (f"{what}: removed {removed} invisible control or bidi override character(s), "
            "which could break exports or show the text in a misleading order")


def clean_text(text: str, what: str = "the text") -> tuple[str, str | None]:
    """A multi-line text (a correction, a note) cleaned, and a note if anything went."""
    cleaned, _, note = clean_text_counted(text, what)
    return cleaned, note


def clean_text_counted(text: str, what: str = "the text") -> tuple[str, int, str | None]:
    """:func:`clean_text` with how many characters were removed."""
    cleaned, removed = strip_unsafe(text)
    return cleaned, removed, (removal_note(what, removed) if removed else None)


def clean_name(text: str, what: str = "the name") -> str:
    """A one-line text (a user name, a title, a term) cleaned and stripped."""
    return strip_unsafe(text, one_line=True)[0].strip()
