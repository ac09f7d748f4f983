"""Back-translation: providers mocked with ``responses``; the network is never touched.

The guard below fails any test that opens a socket to anything but this machine; the
one test that needs a real socket talks to a hanging server on 127.0.0.1.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests
import responses

from workbench.service import online_mt as backtranslate
from workbench.service.online_mt import Translator, round_trip_score
from workbench.errors import ServiceUnavailable

GOOGLE_URL = "https://translate.google.com/m"
LIBRE = "http://mt.newsroom.example:5000/"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch):
    """Fail the test if anything tries to reach beyond this machine."""
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in LOOPBACK:
            attempts.append(address)
            raise OSError(f"test tried to open a network connection to {address!r}")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK:
            attempts.append(host)
            raise OSError(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    backtranslate.clear_cache()
    yield
    backtranslate.clear_cache()
    assert not attempts, f"real network access attempted: {attempts}"


def _google_page(text: str) -> str:
    return f'<html><body><div class="result-container">{text}</div></body></html>'


@pytest.mark.parametrize(
    "arabic, vietnamese",
    [
        ("ويخشى كثير من الناخبين أن يسبب تغيير اسم البلدية متاعب عند استخراج الوثائق.",
         "Nhiều cử tri lo rằng việc đổi tên xã sẽ gây rắc rối khi làm giấy tờ."),
        ("اللجنة التنظيمية للجنة الحزب الإقليمية", "Ban Tổ chức Tỉnh ủy"),
    ],
)
@responses.activate
def test_google_back_translation(arabic: str, vietnamese: str) -> None:
    responses.get(GOOGLE_URL, body=_google_page(vietnamese))
    assert Translator().back_translate(arabic) == vietnamese
    sent = responses.calls[0].request
    assert "sl=ar" in sent.url and "tl=vi" in sent.url


@responses.activate
def test_suggest_translates_the_source_into_arabic() -> None:
    responses.get(GOOGLE_URL, body=_google_page("مجلس تنظيم لجنة الحزب الإقليمية"))
    assert Translator().suggest("Ban Tổ chức Tỉnh ủy") == "مجلس تنظيم لجنة الحزب الإقليمية"
    assert "sl=vi" in responses.calls[0].request.url and "tl=ar" in responses.calls[0].request.url


@responses.activate
def test_results_are_cached_per_text_and_direction() -> None:
    responses.get(GOOGLE_URL, body=_google_page("Xin chào"))
    translator = Translator()
    assert translator.back_translate("مرحبا") == translator.back_translate("مرحبا")
    assert len(responses.calls) == 1
    translator.back_translate("مرحبا", target="en")
    assert len(responses.calls) == 2


@responses.activate
def test_paragraphs_are_translated_one_by_one() -> None:
    responses.get(GOOGLE_URL, body=_google_page("Đoạn"))
    assert Translator().back_translate("الفقرة الأولى\n\nالفقرة الثانية") == "Đoạn\n\nĐoạn"


@responses.activate
def test_every_call_carries_a_timeout() -> None:
    responses.get(GOOGLE_URL, body=_google_page("Xin chào"))
    Translator(timeout=3.5).back_translate("مرحبا")
    assert responses.calls[0].request.req_kwargs["timeout"] == 3.5


@responses.activate
def test_libre_with_custom_url() -> None:
    responses.post(LIBRE + "translate", json={"translatedText": "Xã Tân Trào"})
    translator = Translator("libre", url=LIBRE.rstrip("/"))  # trailing slash added
    assert translator.back_translate("بلدية تان تراو") == "Xã Tân Trào"
    assert responses.calls[0].request.url.startswith(LIBRE + "translate?")


def test_empty_text_needs_no_service() -> None:
    assert Translator().back_translate("  \n") == ""


@pytest.mark.parametrize("mock", [
    lambda: responses.get(GOOGLE_URL, body=requests.ConnectionError("Name or service not known")),
    lambda: responses.get(GOOGLE_URL, body=requests.exceptions.ConnectTimeout("connect timed out")),
])
@responses.activate
def test_offline_or_connect_timeout_says_the_rest_keeps_working(mock) -> None:
    mock()
    with pytest.raises(ServiceUnavailable, match="Google Translate") as info:
        Translator().back_translate("مرحبا")
    assert "every offline feature keeps working" in str(info.value)


@responses.activate
def test_a_server_that_never_answers_cannot_block_the_caller() -> None:
    def hang(request):
        time.sleep(1.5)
        return (200, {}, _google_page("quá muộn"))

    responses.add_callback(responses.GET, GOOGLE_URL, callback=hang)
    start = time.monotonic()
    with pytest.raises(ServiceUnavailable, match=r"did not answer within 0\.2 s"):
        Translator(timeout=0.2).back_translate("مرحبا")
    assert time.monotonic() - start < 1.0


@pytest.mark.parametrize(
    "status, message",
    [(429, "HTTP 429, too many requests"), (403, "HTTP 403"), (500, "HTTP 500"), (503, "HTTP 503")],
)
@responses.activate
def test_google_refusals(status: int, message: str) -> None:
    responses.get(GOOGLE_URL, status=status, body="<html>Error</html>")
    with pytest.raises(ServiceUnavailable, match=message):
        Translator().back_translate("مرحبا")


@pytest.mark.parametrize(
    "status, message", [(429, "HTTP 429"), (403, "check the API key"), (500, "HTTP 500")]
)
@responses.activate
def test_libre_refusals(status: int, message: str) -> None:
    responses.post(LIBRE + "translate", status=status, json={"error": "no"})
    with pytest.raises(ServiceUnavailable, match=message):
        Translator("libre", url=LIBRE).back_translate("مرحبا")


@pytest.mark.parametrize(
    "provider, mock",
    [
        ("google", lambda: responses.get(GOOGLE_URL, body="<html><p>captcha</p></html>")),
        ("libre", lambda: responses.post(LIBRE + "translate", body="<html>not json</html>")),
        ("libre", lambda: responses.post(LIBRE + "translate", json={"detail": "?"})),
        ("libre", lambda: responses.post(LIBRE + "translate", json={})),
    ],
)
@responses.activate
def test_malformed_answers(provider: str, mock) -> None:
    mock()
    with pytest.raises(ServiceUnavailable, match="malformed response"):
        Translator(provider, url=LIBRE).back_translate("مرحبا")


@responses.activate
def test_failures_are_not_cached() -> None:
    responses.get(GOOGLE_URL, status=429)
    translator = Translator()
    with pytest.raises(ServiceUnavailable):
        translator.back_translate("مرحبا")
    responses.replace(responses.GET, GOOGLE_URL, body=_google_page("Xin chào"))
    assert translator.back_translate("مرحبا") == "Xin chào"


def test_real_hanging_server_is_cut_off() -> None:
    """A LibreTranslate 'server' on this machine that accepts and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True)
    thread.start()
    try:
        start = time.monotonic()
        with pytest.raises(ServiceUnavailable, match="did not answer"):
            Translator("libre", url=f"http://127.0.0.1:{port}/", timeout=0.5).back_translate("مرحبا")
        assert time.monotonic() - start < 2.0
    finally:
        for connection in accepted:
            connection.close()
        server.close()


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"provider": "deepl"}, "unknown translation provider"),
        ({"provider": "libre"}, "needs the server's address"),
        ({"provider": "libre", "url": "localhost:5000"}, "needs the server's address"),
        ({"timeout": 0}, "timeout must be positive"),
    ],
)
def test_bad_configuration(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Translator(**kwargs)


def test_api_key_is_not_shown() -> None:
    assert "s3cret" not in repr(Translator("libre", url=LIBRE, api_key="s3cret"))


@pytest.mark.parametrize(
    "source, back, low, high",
    [
        ("Ban Tổ chức Tỉnh ủy hướng dẫn các chi bộ.", "Ban Tổ chức Tỉnh ủy hướng dẫn các chi bộ.", 100, 100),
        ("Ban Tổ chức Tỉnh ủy hướng dẫn các chi bộ.", "Ban tổ chức của tỉnh ủy chỉ đạo chi bộ.", 30, 80),
        ("Ban Tổ chức Tỉnh ủy hướng dẫn các chi bộ.", "Thời tiết hôm nay đẹp.", 0, 25),
    ],
)
def test_round_trip_score(source: str, back: str, low: float, high: float) -> None:
    assert low <= round_trip_score(source, back) <= high
