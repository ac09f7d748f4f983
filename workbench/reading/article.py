"""The article of a web page: trafilatura keeps the title and the body text and drops
the menus, ads, sidebars and footer around it.

Pure: it takes the page's HTML and returns text (paragraphs separated by a blank
line, as the readers of :mod:`workbench.reading.document` split them); fetching a
page is the service's business (:mod:`workbench.service.pages`).
"""

from __future__ import annotations

#: Below this many characters the "article" is more likely a cookie banner than the
#: story: the page is then read whole, as any HTML file.
MIN_ARTICLE_CHARS = 40


def extract_article(html: str) -> str | None:
    """The article text of ``html``, one paragraph per block, or None when the page
    has no recognisable article."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               deduplicate=False)
    if not text or len(text.strip()) < MIN_ARTICLE_CHARS:
        return None
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
