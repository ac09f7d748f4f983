"""Web pages as documents: fetch an article's address, keep the article of a page.

Fetching is a side effect, so it lives here and not in the core; the article itself
is found by :func:`workbench.reading.article.extract_article`.  A page that cannot be
fetched (offline, unknown host, HTTP error, too slow) raises a
:class:`~workbench.errors.DocumentError` that names the address and says what to do.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from workbench.errors import DocumentError

FETCH_TIMEOUT_S = 20
#: Larger responses are refused (a news page is well under 5 MB of HTML).
MAX_PAGE_BYTES = 10 * 1024 * 1024
USER_AGENT = "mt-review-workbench/1 (+article fetch for translation review)"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: A saved page whose article is read apart from its furniture (:func:`read_page`).
ARTICLE_SUFFIX = ".article.html"


def page_name(url: str) -> str:
    """A file name for the page of ``url`` (host and path, ``.html``)."""
    parts = urlsplit(url)
    slug = re.sub(r"[^\w.-]+", "-", f"{parts.netloc}{parts.path}".strip("/")).strip("-")
    return (slug[:120] or "page") + ".html"


def fetch(url: str, timeout: float = FETCH_TIMEOUT_S) -> bytes:
    """The bytes at ``url`` (http or https only)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DocumentError(f"{url}: not a web address; give one starting with https://")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise DocumentError(f"{url}: the server answered {exc.code} {exc.reason}; check the "
                            "address, or save the page in the browser and upload the "
                            ".html file") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DocumentError(f"{url}: cannot fetch the page ({reason}); this machine may be "
                            "offline or the site unreachable: save the page in the browser "
                            "and upload the .html file instead") from None
    if len(data) > MAX_PAGE_BYTES:
        raise DocumentError(f"{url}: the page is larger than {MAX_PAGE_BYTES // 2**20} MB; "
                            "save the article's text and upload it instead")
    return data


def article_file(data: bytes, name: str) -> tuple[bytes, str, str | None]:
    """A saved web page to be read as article and furniture (bytes, name ending in
    :data:`ARTICLE_SUFFIX`, note); other files, and pages where no article is found,
    come back as they are (note None)."""
    if not name.lower().endswith(HTML_SUFFIXES) or name.lower().endswith(ARTICLE_SUFFIX):
        return data, name, None
    from workbench.reading.article import extract_article
    from workbench.reading.document import decode_text

    if extract_article(decode_text(data, name)) is None:
        return data, name, None
    return (data, name.rsplit(".", 1)[0] + ARTICLE_SUFFIX,
            f"{name}: article found; menus, ads, related links and footer kept as page "
            "furniture (shown apart, not counted as work)")


def read_page(data: bytes, name: str, limits=None):
    """A saved page (:func:`article_file`) read as paragraphs in page order, those
    outside the article marked ``furniture`` (a :class:`~workbench.reading.document.Reading`)."""
    from dataclasses import replace

    from workbench.model.paragraph import Paragraph
    from workbench.reading.article import page_paragraphs
    from workbench.reading.document import decode_text, read_document_with_notes

    blocks = page_paragraphs(decode_text(data, name))
    if blocks is None:
        return read_document_with_notes(data, name, limits)
    text = "\n\n".join(" ".join(block.split()) for block, _ in blocks)
    plain = name[: -len(ARTICLE_SUFFIX)] + ".article.txt"
    reading = read_document_with_notes(text.encode("utf-8"), plain, limits)
    if len(reading.paragraphs) != len(blocks):  # the reader dropped a block: no marks
        return reading
    return replace(reading, paragraphs=tuple(
        Paragraph(p.index, p.text, furniture)
        for p, (_, furniture) in zip(reading.paragraphs, blocks)))
