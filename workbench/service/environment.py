"""What the UI takes from the configuration, so it never reads the environment itself.

Every value comes from :class:`workbench.config.Settings` (``Settings.from_env``), the
one place ``WORKBENCH_*`` variables are read; these functions only shape it for the
pages: the database's cache key, a plugged analyser, the preset online MT service.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import replace

from workbench.config import DEFAULT_MT_URL, Settings
from workbench.service.machine_translation import MtSettings


def app_settings(demo_flag: bool = False, env: Mapping[str, str] | None = None) -> Settings:
    """The app's settings: the environment's, in demo mode also when the app was
    started with ``--demo`` (``streamlit run app.py -- --demo``, the README's command)."""
    settings = Settings.from_env(env)
    return replace(settings, demo=True) if demo_flag and not settings.demo else settings


def database_location(env: Mapping[str, str] | None = None) -> str:
    """What identifies the configured database, without opening it (the UI's cache key
    for one service per database): :meth:`Settings.database_key`."""
    return Settings.from_env(env).database_key()


def plugged_analyser(env: Mapping[str, str] | None = None
                     ) -> tuple[Callable | None, Callable | None]:
    """The analyser named by ``WORKBENCH_ANALYSER`` (``module:function``, function
    default ``analyse``) and the module's ``score_links`` as the rescorer if it has one;
    (None, None) when the variable is not set."""
    spec = Settings.from_env(env).analyser
    if not spec:
        return None, None
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr or "analyse"), getattr(module, "score_links", None)


def mt_settings_from_env(env: Mapping[str, str] | None = None) -> MtSettings:
    """The machine translation service preset for this desk: provider (default
    Google Translate), server URL (default a LibreTranslate on this machine) and key."""
    settings = Settings.from_env(env)
    return MtSettings(provider=settings.mt_provider, url=settings.mt_url or DEFAULT_MT_URL,
                      api_key=settings.mt_api_key)
