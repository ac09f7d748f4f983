"""Online machine translation on the Review page: settings, back-translation, fresh MT.

The provider is a setting (sidebar): Google Translate by default, or a self-hosted
LibreTranslate server for desks that keep text in-house.  Defaults come from the
environment (``WORKBENCH_MT_PROVIDER``, ``WORKBENCH_MT_URL``, ``WORKBENCH_MT_API_KEY``)
so a desk can preset them.  Every call is bounded by a timeout in
:mod:`workbench.service.online_mt`; when the service cannot be reached the reviewer gets a
clear warning and every offline feature keeps working.
"""

from __future__ import annotations

import os

import streamlit as st

from workbench.service.online_mt import PROVIDERS, Translator, round_trip_score
from workbench.errors import WorkbenchError
from workbench.service import ReviewRow

LANGUAGES = {"vi": "Vietnamese", "en": "English"}


def settings() -> None:
    """The sidebar form choosing the provider (kept in the session)."""
    with st.sidebar.expander("Machine translation service"):
        names = list(PROVIDERS)
        default = os.environ.get("WORKBENCH_MT_PROVIDER", "google")
        st.selectbox("Provider", names, key="mt_provider",
                     index=names.index(default) if default in names else 0,
                     format_func=lambda name: PROVIDERS[name].label)
        if PROVIDERS[st.session_state["mt_provider"]].needs_url:
            st.text_input("Server URL", key="mt_url",
                          value=os.environ.get("WORKBENCH_MT_URL", "http://localhost:5000/"))
            st.text_input("API key (if the server needs one)", key="mt_api_key", type="password",
                          value=os.environ.get("WORKBENCH_MT_API_KEY", ""))
        st.radio("Back-translate into", list(LANGUAGES), key="mt_back_language",
                 format_func=LANGUAGES.get, horizontal=True)


def translator() -> Translator:
    """A translator for the chosen provider; a bad setting is a WorkbenchError."""
    provider = st.session_state.get("mt_provider", os.environ.get("WORKBENCH_MT_PROVIDER", "google"))
    url = st.session_state.get("mt_url") or os.environ.get("WORKBENCH_MT_URL")
    key = st.session_state.get("mt_api_key") or os.environ.get("WORKBENCH_MT_API_KEY")
    try:
        return Translator(provider, url=url, api_key=key)
    except ValueError as exc:
        raise WorkbenchError(f"machine translation settings: {exc}") from exc


def _suggest(row: ReviewRow, text_key: str) -> None:
    """Put a fresh machine translation of the source into the correction box."""
    try:
        suggestion = translator().suggest(row.source_text)
    except WorkbenchError as exc:
        st.session_state[f"mt_error_{row.link_id}"] = str(exc)
        return
    st.session_state.pop(f"mt_error_{row.link_id}", None)
    st.session_state[text_key] = suggestion


def suggest_button(row: ReviewRow, text_key: str) -> None:
    """'Start from a fresh MT' for a linked paragraph; offline, a warning."""
    if not (row.source and row.target):
        return
    st.button("Start from a fresh machine translation", key=f"mt_suggest_{row.link_id}",
              on_click=_suggest, args=(row, text_key),
              help="Replaces the text in the box (not saved until you press Save) with a new "
                   "machine translation of the Vietnamese source.")
    error = st.session_state.get(f"mt_error_{row.link_id}")
    if error:
        st.warning(f"Fresh machine translation unavailable: {error}")


def back_translation(row: ReviewRow, text_key: str) -> None:
    """Back-translate the Arabic and show the round-trip chrF beside the fidelity score."""
    if not row.target:
        return
    language = st.session_state.get("mt_back_language", "vi")
    if st.button(f"Back-translate the Arabic into {LANGUAGES[language]}",
                 key=f"bt_{row.link_id}"):
        text = st.session_state.get(text_key, row.current_text)
        try:
            with st.spinner("Asking the translation service…"):
                back = translator().back_translate(text, target=language)
        except WorkbenchError as exc:
            st.session_state.pop(f"bt_result_{row.link_id}", None)
            st.warning(f"Back-translation unavailable (no round-trip score): {exc}")
            return
        # the round trip compares with the Vietnamese source, so only a Vietnamese back-translation has one
        trip = round_trip_score(row.source_text, back) if language == "vi" else None
        st.session_state[f"bt_result_{row.link_id}"] = (text, back, trip)
    result = st.session_state.get(f"bt_result_{row.link_id}")
    if result is None:
        return
    text, back, trip = result
    c1, c2 = st.columns(2)
    if row.source:
        c1.metric("Fidelity score", f"{row.score:.2f}", help="the aligner's calibrated score")
        if trip is not None:
            c2.metric("Round-trip chrF", f"{trip:.1f}",
                      help="chrF (0-100) of the back-translation against the Vietnamese source: "
                           "a rough signal, low when meaning was lost (or lost by the second MT)")
    st.caption("Back-translation (machine, for orientation only)"
               + ("" if text == st.session_state.get(text_key, text)
                  else ", of the text before your last edit") + ":")
    st.text(back)
