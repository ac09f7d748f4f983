"""Online machine translation on the Review page: settings, back-translation, fresh MT.

The provider is a setting (sidebar): Google Translate by default, or a self-hosted
LibreTranslate server for desks that keep text in-house.  A desk presets the defaults
in the environment (read by :func:`workbench.service.mt_settings_from_env`).  The
service makes the call (:meth:`Service.back_translate`, :meth:`Service.fresh_translation`),
checks the user may send text out, and bounds it by a timeout; when the provider cannot
be reached the reviewer gets a clear warning and every offline feature keeps working.
"""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import (
    BACK_TRANSLATION_LANGUAGES as LANGUAGES, MtSettings, ReviewRow, User, mt_providers,
    mt_settings_from_env,
)
from workbench_ui import resources
from workbench_ui.plain import plain


def settings() -> None:
    """The sidebar form choosing the provider (kept in the session)."""
    preset = mt_settings_from_env()
    providers = {p.name: p for p in mt_providers()}
    with st.sidebar.expander("Machine translation service"):
        names = list(providers)
        st.selectbox("Provider", names, key="mt_provider",
                     index=names.index(preset.provider) if preset.provider in names else 0,
                     format_func=lambda name: providers[name].label)
        if providers[st.session_state["mt_provider"]].needs_url:
            st.text_input("Server URL", key="mt_url", value=preset.url)
            st.text_input("API key (if the server needs one)", key="mt_api_key", type="password",
                          value=preset.api_key)
        st.radio("Back-translate into", list(LANGUAGES), key="mt_back_language",
                 format_func=LANGUAGES.get, horizontal=True)


def chosen_settings() -> MtSettings:
    """The provider chosen in the sidebar, the desk's preset where nothing was chosen."""
    preset = mt_settings_from_env()
    return MtSettings(provider=st.session_state.get("mt_provider", preset.provider),
                      url=st.session_state.get("mt_url") or preset.url,
                      api_key=st.session_state.get("mt_api_key") or preset.api_key)


def _suggest(user: User, doc_id: int, row: ReviewRow, text_key: str) -> None:
    """Put a fresh machine translation of the source into the correction box."""
    try:
        suggestion = resources.service().fresh_translation(user, doc_id, row.link_id,
                                                           chosen_settings())
    except WorkbenchError as exc:
        st.session_state[f"mt_error_{row.link_id}"] = str(exc)
        return
    st.session_state.pop(f"mt_error_{row.link_id}", None)
    st.session_state[text_key] = suggestion


def suggest_button(user: User, doc_id: int, row: ReviewRow, text_key: str) -> None:
    """'Start from a fresh MT' for a linked paragraph; offline, a warning."""
    if not (row.source and row.target):
        return
    st.button("Start from a fresh machine translation", key=f"mt_suggest_{row.link_id}",
              on_click=_suggest, args=(user, doc_id, row, text_key),
              help="Replaces the text in the box (not saved until you press Save) with a new "
                   "machine translation of the Vietnamese source.")
    error = st.session_state.get(f"mt_error_{row.link_id}")
    if error:
        st.warning(f"Fresh machine translation unavailable: {plain(error)}")


def back_translation(user: User, doc_id: int, row: ReviewRow, text_key: str) -> None:
    """Back-translate the Arabic and show the round-trip chrF beside the fidelity score."""
    if not row.target:
        return
    language = st.session_state.get("mt_back_language", "vi")
    if st.button(f"Back-translate the Arabic into {LANGUAGES[language]}",
                 key=f"bt_{row.link_id}"):
        try:
            with st.spinner("Asking the translation service…"):
                result = resources.service().back_translate(
                    user, doc_id, row.link_id, into=language, settings=chosen_settings(),
                    text=st.session_state.get(text_key, row.current_text))
        except WorkbenchError as exc:
            st.session_state.pop(f"bt_result_{row.link_id}", None)
            st.warning(f"Back-translation unavailable (no round-trip score): {plain(exc)}")
            return
        st.session_state[f"bt_result_{row.link_id}"] = result
    result = st.session_state.get(f"bt_result_{row.link_id}")
    if result is None:
        return
    c1, c2 = st.columns(2)
    if row.source:
        c1.metric("Fidelity score", f"{row.score:.2f}", help="the aligner's calibrated score")
        if result.round_trip is not None:
            c2.metric("Round-trip chrF", f"{result.round_trip:.1f}",
                      help="chrF (0-100) of the back-translation against the Vietnamese source: "
                           "a rough signal, low when meaning was lost (or lost by the second MT)")
    st.caption("Back-translation (machine, for orientation only)"
               + ("" if result.text == st.session_state.get(text_key, result.text)
                  else ", of the text before your last edit") + ":")
    st.text(result.back)
