"""The app's Streamlit settings that keep the Review page fast in the browser.

After every script run Streamlit can keep the server's GIL busy: its file watcher
walks every loaded module (torch, transformers...) and ``runner.postScriptGC`` runs a full
garbage collection.  With the model loaded that made a save settle in 0.85 s instead of
0.34 s in Chromium (README, "The Review page in Chromium").
"""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"


def _config() -> dict:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def test_the_file_watcher_is_off() -> None:
    assert _config()["server"]["fileWatcherType"] == "none"


def test_no_garbage_collection_after_every_run() -> None:
    assert _config()["runner"]["postScriptGC"] is False


def test_streamlit_knows_both_options() -> None:
    from streamlit import config

    for option in ("server.fileWatcherType", "runner.postScriptGC"):
        assert option in config._config_options_template, option
