"""Use cases of online machine translation: back-translation and a fresh MT of a link.

These are the only use cases that send a document's text to an outside service, so
they need the ``machine_translate`` right (translators and editors, see
:mod:`workbench.service.roles`).  The provider is built here from
:class:`MtSettings` (the UI passes what the reviewer chose; defaults come from
:func:`workbench.service.environment.mt_settings_from_env`); every failure reaches the
caller as a :class:`~workbench.errors.WorkbenchError` whose message says what happened
(offline, unreachable, timeout, refused) and that offline features keep working.

The networked client (:mod:`workbench.service.online_mt`, deep-translator and
sacrebleu) is imported on first use, not when the service is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.errors import NotFound, TranslationSettingsError
from workbench.service.base import find_document, joined
from workbench.service.users import UserCases
from workbench.service.views import User
from workbench.store import Store
from workbench.store import documents as document_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows

if TYPE_CHECKING:
    from workbench.service.online_mt import Translator

#: Languages a back-translation may go into, with the names users see.
BACK_TRANSLATION_LANGUAGES: dict[str, str] = {"vi": "Vietnamese", "en": "English"}
DEFAULT_MT_TIMEOUT = 10.0  # seconds; the same default as online_mt.DEFAULT_TIMEOUT


@dataclass(frozen=True)
class MtSettings:
    """Which translation service to ask: a key of :func:`mt_providers`, the server's
    address for providers that need one, its API key, and how long to wait."""

    provider: str = "google"
    url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never shown in logs
    timeout: float = DEFAULT_MT_TIMEOUT


@dataclass(frozen=True)
class MtProvider:
    """A translation service a user can choose: its key, its name, and whether it
    needs a server address (a self-hosted LibreTranslate)."""

    name: str
    label: str
    needs_url: bool


@dataclass(frozen=True)
class BackTranslation:
    """The Arabic ``text`` translated back into ``language``; ``round_trip`` is the
    chrF (0-100) against the Vietnamese source, only for a Vietnamese back-translation
    of a link that has a source."""

    text: str
    back: str
    language: str
    round_trip: float | None


def mt_providers() -> tuple[MtProvider, ...]:
    """The translation services on offer, the default (Google Translate) first."""
    from workbench.service.online_mt import PROVIDERS

    return tuple(MtProvider(name, p.label, p.needs_url) for name, p in PROVIDERS.items())


def _translator(settings: MtSettings) -> Translator:
    from workbench.service.online_mt import Translator

    try:
        return Translator(settings.provider, url=settings.url, api_key=settings.api_key,
                          timeout=settings.timeout)
    except ValueError as exc:
        raise TranslationSettingsError(f"machine translation settings: {exc}") from exc


class MachineTranslationCases:
    """Back-translation and fresh machine translation of one link, through the
    provider named in :class:`MtSettings`."""

    def __init__(self, store: Store, users: UserCases) -> None:
        self.store = store
        self.users = users

    def _link_texts(self, actor: User, doc_id: int, link_id: int) -> tuple[str, str]:
        """The Vietnamese source and the current Arabic of a current link, after
        checking that ``actor`` may send text to an outside service."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "machine_translate")
            link = link_rows.get(s, link_id)
            if link is None or link.doc_id != doc_id or link.ordinal is None:
                find_document(s, doc_id)
                raise NotFound(f"document {doc_id} has no current paragraph link {link_id} "
                               "(the alignment changed?): reload the document")
            source = joined(document_rows.texts(s, doc_id, "source", link.source_idx),
                            link.source_idx)
            latest = revision_rows.latest(s, link.id)
            current = latest.text if latest else joined(
                document_rows.texts(s, doc_id, "target", link.target_idx), link.target_idx)
        return source, current

    def back_translate(self, actor: User, doc_id: int, link_id: int, into: str = "vi",
                       settings: MtSettings | None = None,
                       text: str | None = None) -> BackTranslation:
        """The link's Arabic (or ``text``, e.g. a correction not saved yet) machine
        translated back into ``into`` ('vi' or 'en'), with the round-trip chrF against
        the Vietnamese source when going back into Vietnamese.

        Sends text to the provider of ``settings`` (default: Google Translate), so it
        needs the ``machine_translate`` right; a provider that is offline, unreachable
        or slow raises :class:`~workbench.errors.ServiceUnavailable`.
        """
        if into not in BACK_TRANSLATION_LANGUAGES:
            raise TranslationSettingsError(
                f"back-translation goes into {' or '.join(BACK_TRANSLATION_LANGUAGES)}, "
                f"not {into!r}")
        source, current = self._link_texts(actor, doc_id, link_id)
        text = current if text is None else text
        back = _translator(settings or MtSettings()).back_translate(text, target=into)
        trip = None
        if into == "vi" and source:
            from workbench.service.online_mt import round_trip_score

            trip = round_trip_score(source, back)
        return BackTranslation(text, back, into, trip)

    def fresh_translation(self, actor: User, doc_id: int, link_id: int,
                          settings: MtSettings | None = None) -> str:
        """A new machine translation of the link's Vietnamese source into Arabic, as a
        starting point for a correction (nothing is saved).  Same right and errors as
        :meth:`back_translate`."""
        source, _ = self._link_texts(actor, doc_id, link_id)
        return _translator(settings or MtSettings()).suggest(source)
