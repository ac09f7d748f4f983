"""The first start of the demo on an empty database says what it is doing and how long
it takes (the embedding model loads and embeds the demo article), with its progress,
instead of a bare spinner; later starts say nothing of it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

import app_fakes
from workbench_ui import resources

TIMEOUT = 60


def _app(tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.setenv("WORKBENCH_JOBS", "immediate")
    monkeypatch.setenv("WORKBENCH_DEMO", "1")
    monkeypatch.setattr(resources, "ANALYSER", app_fakes.analyse)
    monkeypatch.setattr(resources, "RESCORER", app_fakes.score_links)
    monkeypatch.setattr(resources, "SERVICE_OPTIONS", {"bcrypt_rounds": 4})
    return AppTest.from_file("../app.py", default_timeout=TIMEOUT)


def _texts(app: AppTest) -> list[str]:
    return [m.value for m in app.markdown]


def test_the_first_start_says_what_it_does_and_how_long(tmp_path, monkeypatch) -> None:
    app = _app(tmp_path, monkeypatch)
    app.run()
    assert not app.exception
    said = [t for t in _texts(app) if t.startswith("First start on an empty database")]
    assert said and "embedding model" in said[0] and "about 20 seconds" in said[0]
    assert app.text_input(key="login_name")  # then the login page, the demo ready
    service = resources.service()
    assert [d.title for d in service.list_documents(
        service.authenticate("demo", "demo").user)] == [
        "Demo: Vietnamese news article and its published Arabic page"]
    app.run()  # the next run (and any later start) has nothing to prepare
    assert not [t for t in _texts(app) if t.startswith("First start")]
