"""What the app takes from ``WORKBENCH_*`` environment variables, read in one place
so the UI never reads the environment itself.

* ``WORKBENCH_DB_URL`` / ``WORKBENCH_DATA_DIR``: where the database is
  (:func:`database_location`; the store applies the same rule);
* ``WORKBENCH_ANALYSER``: ``module:function`` of another analyser, e.g. a fast fake
  for an end-to-end test (:func:`plugged_analyser`);
* ``WORKBENCH_MT_PROVIDER``, ``WORKBENCH_MT_URL``, ``WORKBENCH_MT_API_KEY``: the
  machine translation service a desk presets (:func:`mt_settings_from_env`).

Temporary home: these move into ``workbench/config.py`` (``Settings.from_env()``).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping

from workbench.service.machine_translation import MtSettings

DEFAULT_MT_URL = "http://localhost:5000/"  # a LibreTranslate server on this machine


def database_location(env: Mapping[str, str] | None = None) -> str:
    """What identifies the database: ``WORKBENCH_DB_URL``, or the absolute data
    directory (``WORKBENCH_DATA_DIR``, default ``data``)."""
    env = os.environ if env is None else env
    return env.get("WORKBENCH_DB_URL") or os.path.abspath(env.get("WORKBENCH_DATA_DIR", "data"))


def plugged_analyser(env: Mapping[str, str] | None = None
                     ) -> tuple[Callable | None, Callable | None]:
    """The analyser named by ``WORKBENCH_ANALYSER`` (``module:function``, function
    default ``analyse``) and the module's ``score_links`` as the rescorer if it has one;
    (None, None) when the variable is not set."""
    env = os.environ if env is None else env
    spec = env.get("WORKBENCH_ANALYSER", "").strip()
    if not spec:
        return None, None
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr or "analyse"), getattr(module, "score_links", None)


def mt_settings_from_env(env: Mapping[str, str] | None = None) -> MtSettings:
    """The machine translation service preset for this desk: provider (default
    Google Translate), server URL (default a LibreTranslate on this machine) and key."""
    env = os.environ if env is None else env
    return MtSettings(provider=env.get("WORKBENCH_MT_PROVIDER", "google"),
                      url=env.get("WORKBENCH_MT_URL", DEFAULT_MT_URL),
                      api_key=env.get("WORKBENCH_MT_API_KEY", ""))
