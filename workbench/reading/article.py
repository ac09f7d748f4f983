"""The article of a web page: trafilatura finds the title and the body text; the
menus, ads, sidebars, related links and footer around it are kept too, in page order,
marked as page furniture (:func:`page_paragraphs`), so the review shows them as such
(not as work, never silently gone).

Pure: it takes the page's HTML and returns text; fetching a page is the service's
business (:mod:`workbench.service.pages`).
"""

from __future__ import annotations

from difflib import SequenceMatcher

#: Below this many characters the "article" is more likely a cookie banner than the
#: story: the page is then read whole, as any HTML file.
MIN_ARTICLE_CHARS = 40


def extract_article(html: str) -> str | None:
    """The article text of ``html``, one paragraph per block, or None when the page
    has no recognisable article."""
    return _article(html)[1]


def _article(html: str) -> tuple[str, str | None]:
    """The page's headline (or "") and its article text (see :func:`extract_article`)."""
    import trafilatura

    found = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                        deduplicate=False, with_metadata=True)
    text = getattr(found, "text", None) or ""
    title = getattr(found, "title", None) or ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        return title, None
    return title, "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _key(text: str) -> str:
    """A block as both readings write it (trafilatura marks list items with "- ")."""
    text = text.strip()
    if text[:2] in ("- ", "* ", "• "):
        text = text[2:]
    return " ".join(text.split()).casefold()


def page_paragraphs(html: str) -> list[tuple[str, bool]] | None:
    """Every paragraph of the page in order, each with ``True`` when it is page
    furniture (outside the article trafilatura keeps); None when the page has no
    recognisable article.  The headline before the article is article too.  Article
    text that the page's own blocks do not give alone (trafilatura joined or reworded
    them) is kept as the article has it, and the blocks it came from are not repeated
    as furniture."""
    from workbench.reading.document import html_to_text, split_paragraphs

    title, article = _article(html)
    if article is None:
        return None
    kept = article.split("\n\n")
    page = split_paragraphs(html_to_text(html))
    page_keys, kept_keys = [_key(p) for p in page], [_key(k) for k in kept]
    out: list[tuple[str, bool]] = []
    matcher = SequenceMatcher(None, page_keys, kept_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [(page[i], False) for i in range(i1, i2)]
            continue
        inside = " ".join(kept_keys[j1:j2])
        out += [(page[i], True) for i in range(i1, i2)
                if not (page_keys[i] and page_keys[i] in inside)]
        out += [(kept[j], False) for j in range(j1, j2)]
    return _headline(out, _key(title))


def _headline(paragraphs: list[tuple[str, bool]], title: str) -> list[tuple[str, bool]]:
    """The last furniture paragraph before the article that reads as the page's
    headline is article text."""
    first = next((k for k, (_, furniture) in enumerate(paragraphs) if not furniture), 0)
    for k in range(first - 1, -1, -1):
        if title and _key(paragraphs[k][0]) == title:
            paragraphs[k] = (paragraphs[k][0], False)
            break
    return paragraphs
