"""Online machine translation as a use case (workbench/service/machine_translation.py):
who may send text out, what is sent, and how a failing provider is reported.

The provider is never reached: ``Translator``'s two calls are replaced by recorders.
"""

from __future__ import annotations

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    admin, clock, db_url, doc, make_user, pg_database, service, sqlite_template,
)

from workbench.errors import (
    NotFound, PermissionDenied, ServiceUnavailable, TranslationSettingsError,
)
from workbench.service import MtSettings, mt_settings_from_env
from workbench.service import online_mt
from workbench.service.roles import EDITOR, GLOSSARY_MAINTAINER, TRANSLATOR

BACK_VI = "Luật Chính phủ xứ Wales năm 2017 trao cho Quốc hội quyền đổi tên."
FRESH_AR = "يمنح قانون حكومة ويلز لعام 2017 الجمعية سلطة تغيير اسمها."


@pytest.fixture
def sent(monkeypatch) -> list[tuple]:
    """What reached the provider: (call, provider, url, text, language)."""
    calls: list[tuple] = []

    def back_translate(self, text, target="vi"):
        calls.append(("back", self.provider, self.url, text, target))
        return BACK_VI

    def suggest(self, text):
        calls.append(("fresh", self.provider, self.url, text, "ar"))
        return FRESH_AR

    monkeypatch.setattr(online_mt.Translator, "back_translate", back_translate)
    monkeypatch.setattr(online_mt.Translator, "suggest", suggest)
    return calls


@pytest.mark.parametrize("role", [TRANSLATOR, EDITOR])
def test_translators_and_editors_may_back_translate(service, admin, doc, sent, role):
    user = make_user(service, admin, "lan", role)
    row = service.get_review(user, doc.id).rows[2]
    result = service.back_translate(user, doc.id, row.link_id, into="vi")
    assert sent == [("back", "google", None, row.current_text, "vi")]
    assert (result.text, result.back, result.language) == (row.current_text, BACK_VI, "vi")
    assert result.round_trip == online_mt.round_trip_score(row.source_text, BACK_VI)


def test_a_glossary_maintainer_may_not_send_text_out(service, admin, doc, sent):
    thu = make_user(service, admin, "thu", GLOSSARY_MAINTAINER)
    link_id = service.get_review(thu, doc.id).rows[2].link_id
    with pytest.raises(PermissionDenied, match="send text to the online machine translation"):
        service.back_translate(thu, doc.id, link_id)
    with pytest.raises(PermissionDenied, match="translator, editor"):
        service.fresh_translation(thu, doc.id, link_id)
    assert sent == []  # refused before anything left the machine


def test_back_translation_of_unsaved_text_into_english_has_no_round_trip(
        service, admin, doc, sent):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    row = service.get_review(lan, doc.id).rows[1]
    result = service.back_translate(lan, doc.id, row.link_id, into="en", text="نص لم يحفظ")
    assert sent == [("back", "google", None, "نص لم يحفظ", "en")]
    assert (result.text, result.round_trip) == ("نص لم يحفظ", None)


def test_back_translation_reads_the_saved_correction(service, admin, doc, sent):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    service.save_correction(lan, doc.id, 4, "نص مصحح", base_version=0)
    link_id = service.get_review(lan, doc.id).rows[4].link_id
    assert service.back_translate(lan, doc.id, link_id).text == "نص مصحح"


def test_fresh_translation_sends_the_source_to_the_chosen_server(service, admin, doc, sent):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    row = service.get_review(lan, doc.id).rows[3]
    libre = MtSettings("libre", url="http://127.0.0.1:5999", api_key="k")
    assert service.fresh_translation(lan, doc.id, row.link_id, libre) == FRESH_AR
    assert sent == [("fresh", "libre", "http://127.0.0.1:5999/", row.source_text, "ar")]
    # a suggestion only: nothing is saved
    assert service.get_review(lan, doc.id).rows[3].version == 0


@pytest.mark.parametrize("settings, into, message", [
    (MtSettings("libre", url=None), "vi", "needs the server's address"),
    (MtSettings("deepl"), "vi", "unknown translation provider 'deepl'"),
    (MtSettings(), "fr", "goes into vi or en, not 'fr'"),
])
def test_unusable_settings_are_explained(service, admin, doc, sent, settings, into, message):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    link_id = service.get_review(lan, doc.id).rows[0].link_id
    with pytest.raises(TranslationSettingsError, match=message):
        service.back_translate(lan, doc.id, link_id, into=into, settings=settings)
    assert sent == []


def test_an_unreachable_provider_is_a_workbench_error(service, admin, doc, monkeypatch):
    def offline(self, text, target="vi"):
        raise ServiceUnavailable(f"{self.label} cannot be reached (offline?)")

    monkeypatch.setattr(online_mt.Translator, "back_translate", offline)
    lan = make_user(service, admin, "lan", TRANSLATOR)
    link_id = service.get_review(lan, doc.id).rows[0].link_id
    with pytest.raises(ServiceUnavailable, match="Google Translate cannot be reached"):
        service.back_translate(lan, doc.id, link_id)


def test_a_replaced_link_is_not_translated(service, admin, doc, sent):
    lan = make_user(service, admin, "lan", TRANSLATOR)
    old = service.get_review(lan, doc.id).rows[0].link_id
    service.merge_links(lan, doc.id, [0, 1])
    with pytest.raises(NotFound, match="reload the document"):
        service.fresh_translation(lan, doc.id, old)
    assert sent == []


def test_the_desk_presets_the_provider_in_the_environment():
    preset = mt_settings_from_env({"WORKBENCH_MT_PROVIDER": "libre",
                                   "WORKBENCH_MT_URL": "http://mt.desk:5000/",
                                   "WORKBENCH_MT_API_KEY": "secret"})
    assert (preset.provider, preset.url, preset.api_key) == (
        "libre", "http://mt.desk:5000/", "secret")
    assert "secret" not in repr(preset)
    assert mt_settings_from_env({}).provider == "google"
