"""Back-translation and fresh machine translation through an online provider.

The one networked part of the core, kept at the edge: a ``Translator`` wraps a
deep-translator provider (Google Translate by default, or a LibreTranslate server at
a custom URL) and turns every way the service can fail into ``ServiceUnavailable``
with a message a reviewer can act on; the rest of the workbench never depends on it.

deep-translator calls ``requests.get/post`` with no timeout and offers no way to pass
one (NOTES.md), so a server that accepts and never answers would block forever.  Two
guards, because either alone is not enough:

* the ``requests`` that deep-translator's provider modules see is replaced by a shim
  that adds ``timeout=`` to every call, so a hung socket eventually gives up and its
  thread ends;
* each call runs in a daemon worker thread that the caller waits for at most
  ``timeout`` seconds, so a server that drips bytes slowly (which resets the socket
  timeout at every byte) still cannot hold the caller.

Results are cached by provider, URL, languages and a hash of the text: reviewers
re-open the same paragraph, and every request risks a 429.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import deep_translator.google
import deep_translator.libre
import requests
from deep_translator import GoogleTranslator, LibreTranslator
from deep_translator import exceptions as dt_errors
from sacrebleu.metrics import CHRF

from workbench.errors import ServiceUnavailable
from workbench.lrucache import LRUCache

DEFAULT_TIMEOUT = 10.0
CACHE_SIZE = 4096
# Google's mobile endpoint refuses texts of 5000 characters or more.
MAX_CHARS = 4500
# LibreTranslate servers without keys ignore the key, but deep-translator demands one.
LIBRE_PLACEHOLDER_KEY = "no-key"
UNAVAILABLE = "the back-translation is unavailable; every offline feature keeps working"


class _TimedRequests:
    """``requests`` as deep-translator sees it, with a timeout on every call.

    The timeout comes from the calling worker thread (``_call_state``), so
    concurrent translators with different timeouts do not interfere.  It also
    records the last HTTP status, which deep-translator's errors do not carry.
    """

    def __init__(self, real: ModuleType) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", getattr(_call_state, "timeout", DEFAULT_TIMEOUT))
        response = self._real.request(method, url, **kwargs)
        _call_state.status = response.status_code
        return response

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._request("POST", url, **kwargs)


_call_state = threading.local()
for _module in (deep_translator.google, deep_translator.libre):
    if not isinstance(_module.requests, _TimedRequests):
        _module.requests = _TimedRequests(requests)


@dataclass(frozen=True)
class Provider:
    """A translation service: the name users see and how to build its client."""

    label: str
    build: Callable[[str, str, str | None, str | None], Any]
    needs_url: bool = False


def _google(source: str, target: str, url: str | None, api_key: str | None) -> Any:
    return GoogleTranslator(source=source, target=target)


def _libre(source: str, target: str, url: str | None, api_key: str | None) -> Any:
    return LibreTranslator(
        source=source, target=target, custom_url=url,
        api_key=api_key or LIBRE_PLACEHOLDER_KEY, use_free_api=False,
    )


PROVIDERS: dict[str, Provider] = {
    "google": Provider("Google Translate", _google),
    "libre": Provider("LibreTranslate", _libre, needs_url=True),
}

_cache: LRUCache[str] = LRUCache(CACHE_SIZE)


def clear_cache() -> None:
    """Forget every cached translation (tests; or after changing a provider's setup)."""
    _cache.clear()


def round_trip_score(source_vi: str, back_vi: str) -> float:
    """chrF (0-100) of the back-translation against the original Vietnamese.

    A rough fidelity signal: a low score means the Arabic lost or changed meaning,
    or that the round trip through a second MT system did.  Not a verdict.
    """
    if not source_vi.strip() and not back_vi.strip():
        return 100.0
    return round(float(CHRF().sentence_score(back_vi.strip(), [source_vi.strip()]).score), 2)


def _chunks(text: str) -> list[str]:
    """Paragraphs, and sentences of over-long paragraphs, each under ``MAX_CHARS``."""
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        paragraph = paragraph.strip()
        while len(paragraph) > MAX_CHARS:
            cut = max(paragraph.rfind(mark, 0, MAX_CHARS) for mark in (". ", "? ", "! ", "; ", " "))
            cut = cut + 1 if cut > 0 else MAX_CHARS
            pieces.append(paragraph[:cut].strip())
            paragraph = paragraph[cut:].strip()
        pieces.append(paragraph)
    return pieces


class Translator:
    """Machine translation through an online provider, bounded by ``timeout`` seconds.

    ``provider`` is a key of ``PROVIDERS``; ``url`` is the LibreTranslate server
    (a trailing ``/`` is added if missing); ``api_key`` its key, if it needs one.
    Every failure of the service raises ``ServiceUnavailable``.
    """

    def __init__(
        self,
        provider: str = "google",
        url: str | None = None,
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        if provider not in PROVIDERS:
            raise ValueError(
                f"unknown translation provider {provider!r}; choose one of {', '.join(PROVIDERS)}"
            )
        spec = PROVIDERS[provider]
        if spec.needs_url:
            if not url or not url.startswith(("http://", "https://")):
                raise ValueError(
                    f"{spec.label} needs the server's address, e.g. http://localhost:5000/ "
                    f"(got {url!r})"
                )
            url = url if url.endswith("/") else url + "/"
        if timeout <= 0:
            raise ValueError(f"timeout must be positive seconds, got {timeout!r}")
        self.provider = provider
        self.url = url
        self.api_key = api_key
        self.timeout = float(timeout)
        self.label = f"{spec.label} at {url}" if url else spec.label

    def __repr__(self) -> str:  # never show the key
        return f"Translator(provider={self.provider!r}, url={self.url!r}, timeout={self.timeout})"

    def back_translate(self, ar_text: str, target: str = "vi") -> str:
        """The Arabic translated back into ``target`` ('vi' or 'en') for a reviewer."""
        if target not in ("vi", "en"):
            raise ValueError(f"back-translation goes into 'vi' or 'en', not {target!r}")
        return self.translate(ar_text, source="ar", target=target)

    def suggest(self, vi_text: str) -> str:
        """A fresh machine translation of the Vietnamese source into Arabic."""
        return self.translate(vi_text, source="vi", target="ar")

    round_trip_score = staticmethod(round_trip_score)

    def translate(self, text: str, source: str, target: str) -> str:
        """``text`` from ``source`` into ``target``, paragraph by paragraph, cached."""
        if not text.strip():
            return ""
        return "\n\n".join(
            self._translate_piece(piece, source, target) if piece else ""
            for piece in _chunks(text)
        )

    def _translate_piece(self, text: str, source: str, target: str) -> str:
        key = (self.provider, self.url or "", source, target,
               hashlib.sha256(text.encode("utf-8")).hexdigest())
        cached = _cache.get(key)
        if cached is not None:
            return cached
        result = self._call(text, source, target)
        _cache.put(key, result)
        return result

    def _call(self, text: str, source: str, target: str) -> str:
        """One provider call in a worker thread; the caller waits at most ``timeout``."""
        outcome: dict[str, Any] = {}

        def work() -> None:
            _call_state.timeout = self.timeout
            _call_state.status = None
            try:
                client = PROVIDERS[self.provider].build(source, target, self.url, self.api_key)
                outcome["text"] = client.translate(text)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller below
                outcome["error"] = exc
                outcome["status"] = _call_state.status

        worker = threading.Thread(target=work, name=f"translate-{self.provider}", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise ServiceUnavailable(
                f"{self.label} did not answer within {self.timeout:g} s: {UNAVAILABLE}. "
                "Try again later."
            )
        if "error" in outcome:
            raise self._explain(outcome["error"], outcome.get("status")) from outcome["error"]
        translated = outcome.get("text")
        if not isinstance(translated, str) or not translated.strip():
            raise ServiceUnavailable(
                f"{self.label} returned no translation (malformed response): {UNAVAILABLE}"
            )
        return translated.strip()

    def _explain(self, error: BaseException, status: int | None) -> ServiceUnavailable:
        """The service failure as a message that says what happened and what to do."""
        if isinstance(error, requests.Timeout):
            return ServiceUnavailable(
                f"{self.label} did not answer within {self.timeout:g} s: {UNAVAILABLE}. "
                "Try again later."
            )
        if isinstance(error, (requests.ConnectionError, ConnectionError)):
            return ServiceUnavailable(f"{self.label} cannot be reached (offline?): {UNAVAILABLE}")
        if isinstance(error, dt_errors.TooManyRequests) or status == 429:
            return ServiceUnavailable(
                f"{self.label} refused the request (HTTP 429, too many requests): "
                f"{UNAVAILABLE}. Wait a few minutes before asking again."
            )
        if isinstance(error, dt_errors.AuthorizationException) or status in (401, 403):
            return ServiceUnavailable(
                f"{self.label} refused the request (HTTP {status or 403}: access denied; "
                f"check the API key): {UNAVAILABLE}"
            )
        if isinstance(error, (dt_errors.RequestError, dt_errors.ServerException)) or (
            status is not None and status >= 400
        ):
            return ServiceUnavailable(
                f"{self.label} failed (HTTP {status if status is not None else 'error'}): "
                f"{UNAVAILABLE}. Try again later."
            )
        if isinstance(error, (dt_errors.LanguageNotSupportedException,
                              dt_errors.InvalidSourceOrTargetLanguage)):
            return ServiceUnavailable(f"{self.label} does not support this language pair: {error}")
        if isinstance(error, dt_errors.ApiKeyException):
            return ServiceUnavailable(f"{self.label} needs an API key: {UNAVAILABLE}")
        if isinstance(error, Exception):
            # TranslationNotFound, invalid JSON, HTML without the expected element,
            # a JSON object without "translatedText": all an unreadable answer.
            return ServiceUnavailable(
                f"{self.label} sent an answer that is not a translation "
                f"(malformed response: {type(error).__name__}): {UNAVAILABLE}"
            )
        raise error  # KeyboardInterrupt/SystemExit in the worker: not ours to hide
