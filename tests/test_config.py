"""Settings: every WORKBENCH_* variable read in one place, and the database rule."""

from __future__ import annotations

from pathlib import Path

from workbench.config import DB_FILE, Settings


def test_defaults_without_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings.from_env({})
    assert (settings.mt_provider, settings.as_password, settings.analyser) == ("google", None, "")
    assert settings.database_key() == f"sqlite:///{tmp_path / 'data' / DB_FILE}"
    assert not (tmp_path / "data").exists()  # the key creates nothing
    assert settings.database_url() == settings.database_key()
    assert (tmp_path / "data").is_dir()


def test_every_variable_is_read():
    settings = Settings.from_env({
        "WORKBENCH_DB_URL": " postgresql+psycopg://postgres@db:5432/wb ",
        "WORKBENCH_DATA_DIR": "/srv/dữ liệu", "WORKBENCH_MT_PROVIDER": "libre",
        "WORKBENCH_MT_URL": "http://mt:5000/", "WORKBENCH_MT_API_KEY": "k",
        "WORKBENCH_ANALYSER": "fast:analyse", "WORKBENCH_AS_PASSWORD": "pw",
        "WORKBENCH_PASSWORD": "new-pw",
    })
    assert settings == Settings(
        "postgresql+psycopg://postgres@db:5432/wb", Path("/srv/dữ liệu"), "libre",
        "http://mt:5000/", "k", "fast:analyse", "pw", "new-pw")
    assert settings.database_url() == "postgresql+psycopg://postgres@db:5432/wb"
