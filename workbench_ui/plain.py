"""User-supplied strings shown as text, never as Markdown.

``st.markdown``, ``st.caption``, ``st.error`` and widget labels render Markdown: a
document title ``[click](https://evil.example)`` would become a link and
``![x](https://evil.example/track.png)`` an image loaded from another host.  Every
string that came from a user (titles, file names, glossary terms, suggestions, notes,
user names, and the service's messages, which quote them) goes through :func:`plain`,
which backslash-escapes every character that opens a Markdown construct (CommonMark
shows an escaped punctuation character as itself): no link or image (``[``, ``!``),
emphasis (``*``, ``_``, ``~``), code, HTML (``<``), heading, table, maths (``$``),
colour directive or emoji code (a colon before a letter) or autolink (``https://``
needs its colon bare, ``www.`` its dot, an e-mail address its ``@``) can form.  Parentheses, dots and the like stay as they
are, so messages read the same in the page source.  HTML built by the app escapes
with :func:`html.escape` instead (:mod:`workbench_ui.html`).
"""

from __future__ import annotations

import re

# A colon only where it could open something: "https://", ":red[", ":smile:".
_OPENERS = re.compile(r"([\\`*_\[\]<>!$~|#@]|:(?=[/\w]))")
_WWW = re.compile(r"(?i)\b(www)\.")


def plain(text: object) -> str:
    """``text`` escaped so that Markdown shows it exactly as typed."""
    return _WWW.sub(r"\1\\.", _OPENERS.sub(r"\\\1", str(text)))
