"""The app's safe defaults, driven with AppTest: first run, demo mode, Account and
Users pages; and every page walked with hostile strings in every user field."""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

import app_fakes
from test_hostile import rendered
from workbench.config import DB_FILE
from workbench.service import open_service
from workbench.service.bootstrap import DEMO_USER
from workbench_ui import resources

STRONG = "ba con mèo đen nhảy qua rào"
HOSTILE = ("[bấm](https://evil.example) ![x](https://evil.example/t.png) "
           "<img src=x onerror=alert(1)> **đậm** :red[đỏ] www.evil.example")


def _app(tmp_path, monkeypatch, demo: bool) -> AppTest:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("WORKBENCH_DEMO", "1" if demo else "0")
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "RESCORER", app_fakes.score_links)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_a_normal_start_opens_on_the_first_run_page(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MIN_PASSWORD_LENGTH", "12")
    monkeypatch.setenv("WORKBENCH_COMMON_PASSWORDS", "")
    at = _app(tmp_path, monkeypatch, demo=False)
    assert "first run" in at.title[0].value
    assert resources.service().count_users() == 0  # no demo account
    at.text_input(key="first_admin_name").set_value("quantri")
    at.text_input(key="first_admin_password").set_value("password")
    at.text_input(key="first_admin_again").set_value("password")
    at.button(key="first_admin_create").click().run()
    assert any("too short" in e.value for e in at.error)
    at.text_input(key="first_admin_password").set_value(STRONG)
    at.text_input(key="first_admin_again").set_value(STRONG)
    at.button(key="first_admin_create").click().run()
    assert not at.exception and at.radio(key="nav").value == "Documents"
    assert "Users" in at.radio(key="nav").options


def test_demo_mode_says_so_on_the_login_page(tmp_path, monkeypatch):
    at = _app(tmp_path, monkeypatch, demo=True)
    assert any("Demo mode" in w.value for w in at.warning)
    assert any(DEMO_USER in i.value for i in at.info)


def test_account_page_changes_the_password(tmp_path, monkeypatch):
    at = _app(tmp_path, monkeypatch, demo=True)
    svc = resources.service()
    at.session_state["token"] = svc.authenticate("demo", "demo").token
    at.run()
    at.radio(key="nav").set_value("Account").run()
    at.text_input(key="current_password").set_value("demo")
    at.text_input(key="new_password").set_value("mật khẩu mới dài")
    at.text_input(key="new_password_again").set_value("mật khẩu mới dài")
    at.button(key="change_password").click().run()
    assert not at.exception
    assert svc.authenticate("demo", "mật khẩu mới dài").user.name == "demo"
    assert at.text_input(key="login_name")  # signed out: the login page


def test_a_click_after_sign_out_elsewhere_does_nothing(tmp_path, monkeypatch):
    at = _app(tmp_path, monkeypatch, demo=True)
    svc = resources.service()
    session = svc.authenticate("demo", "demo")
    at.session_state["token"] = session.token
    at.run()
    svc.logout(session.token)  # another tab signs out
    at.radio(key="nav").set_value("Glossary").run()
    assert not at.exception and at.text_input(key="login_name")


@pytest.fixture
def hostile_app(tmp_path, monkeypatch) -> AppTest:
    """Every user-typed field holds HOSTILE: title, user name, terms, note, suggestion,
    MQM note, dismissal reason, correction."""
    svc = open_service(f"sqlite:///{tmp_path / DB_FILE}", analyser=app_fakes.analyse,
                       rescorer=app_fakes.score_links, bcrypt_rounds=4)
    root = svc.create_user(None, "root", "root-pass", ["admin"])
    svc.create_user(root, HOSTILE, "evil-pass", ["translator", "editor",
                                                 "glossary_maintainer"])
    evil = svc.authenticate(HOSTILE.replace("  ", " ").strip(), "evil-pass").user
    from pathlib import Path

    demo = Path(__file__).resolve().parent.parent / "demo"
    doc = svc.import_document(evil, HOSTILE, (demo / "article.vi.txt").read_bytes(),
                              "a.vi.txt", (demo / "article.ar.txt").read_bytes(), "a.ar.txt")
    svc.save_correction(evil, doc.id, 0, HOSTILE, 0)
    svc.tag_mqm(evil, doc.id, 0, "accuracy/mistranslation", "major", HOSTILE)
    svc.add_term(root, "xã " + HOSTILE, "بلدية", note=HOSTILE)
    svc.suggest_term(evil, "huyện " + HOSTILE, "منطقة " + HOSTILE, note=HOSTILE)
    svc.store.dispose()
    at = _app(tmp_path, monkeypatch, demo=False)
    at.session_state["token"] = resources.service().authenticate("root", "root-pass").token
    at.run()
    return at


_BARE = [re.compile(p) for p in (r"(?<!\\)\]\(", r"(?<!\\)!(?<!\\)\[", r"(?<!\\)<img",
                                  r"https?(?<!\\):(?=//)", r"(?<!\\)\*\*đậm", r"www\.evil")]


def _markdown_bodies(at: AppTest) -> list[str]:
    bodies = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "title",
                 "header", "subheader"):
        bodies += [element.value for element in getattr(at, kind)]
    bodies += [e.label for e in at.expander]
    return bodies


def test_every_page_shows_hostile_strings_as_text(hostile_app):
    at = hostile_app
    for page in at.radio(key="nav").options:
        at.radio(key="nav").set_value(page).run()
        assert not at.exception, page
        for body in _markdown_bodies(at):
            for pattern in _BARE:
                assert not pattern.search(body), f"{page}: {pattern.pattern} in {body!r}"
        for element in at.get("html"):
            _assert_inert(element.proto.body)


def _assert_inert(html: str) -> None:
    """The app's own markup only (its <style> blocks included): nothing that loads or
    runs anything, no event handler."""
    for tag, attrs in rendered(html).tags:
        assert tag not in {"script", "img", "svg", "iframe", "a", "object", "embed",
                           "form", "input", "link", "meta", "base"}, f"<{tag}> in {html[:200]}"
        assert not any(name.startswith("on") for name in attrs), html[:200]
