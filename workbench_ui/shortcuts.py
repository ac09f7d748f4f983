"""Keyboard shortcuts of the review page (Streamlit has none of its own).

A small script, injected once through ``st.iframe`` (a same-origin iframe of our HTML),
listens on the page and clicks the buttons of the focused editor:

    Ctrl+Enter, Alt+Enter  save and go to the next open finding (a CAT tool's "confirm")
    Alt+S  save            Alt+A  approve           Alt+R  mark reviewed
    Alt+M  the machine translation into the box     Alt+N  next open finding
    Alt+↓ / Alt+↑  next / previous link

Ctrl+Enter is taken before Streamlit sees it: in the correction box Streamlit's own
Ctrl+Enter would only "apply" the text, and its hint saying so is hidden, so the key
means one thing, save.  The box is blurred first (it commits its text without a rerun,
``on_change="ignore"``), then the button is clicked: one rerun carries both.
"""

from __future__ import annotations

import streamlit as st

HELP = ("Keys: Ctrl+Enter or Alt+Enter save and next · Alt+S save · Alt+A approve · "
        "Alt+R reviewed · Alt+M machine translation into the box · Alt+N next open "
        "finding · Alt+↓/↑ next/previous link")

_LISTENER = """
(function () {
  const doc = document;
  if (window.__wbShortcuts) return;
  window.__wbShortcuts = true;
  const IN_EDITOR = {"s": "save_", "enter": "savenext_", "a": "approve_", "r": "reviewed_",
                     "m": "copymt_"};
  const CODES = {"KeyS": "s", "KeyA": "a", "KeyR": "r", "KeyM": "m", "KeyN": "n"};
  const ON_PAGE = {"n": "next_open", "arrowdown": "next_link", "arrowup": "prev_link"};
  function click(prefix) {
    const scope = doc.querySelector(".st-key-editor") || doc;
    const holder = scope.querySelector("[class*='st-key-" + prefix + "']")
                   || doc.querySelector("[class*='st-key-" + prefix + "']");
    const button = holder && holder.querySelector("button");
    if (!button || button.disabled) return false;
    const active = doc.activeElement;
    // The box commits its text on blur without a rerun; the click's rerun carries it.
    if (active && active.tagName === "TEXTAREA") active.blur();
    setTimeout(() => button.click(), 0);
    return true;
  }
  window.addEventListener("keydown", (e) => {
    const key = CODES[e.code] || e.key.toLowerCase();
    let prefix = null;
    if (e.ctrlKey && !e.altKey && !e.metaKey && key === "enter") {
      const box = doc.activeElement;
      if (!(box && box.tagName === "TEXTAREA" && box.closest(".st-key-editor"))) return;
      prefix = "savenext_";
    } else if (e.altKey && !e.ctrlKey && !e.metaKey) {
      prefix = IN_EDITOR[key] || ON_PAGE[key] || null;
    }
    if (!prefix) return;
    e.preventDefault();
    e.stopImmediatePropagation();  // Streamlit's own Ctrl+Enter must not run as well
    click(prefix);
  }, true);
})();
"""

# The listener runs in the page itself (a script element added to the parent document),
# not in the component's iframe: Streamlit may re-create the iframe on a rerun, and the
# timers of a removed iframe never fire.
_SCRIPT = """
<script>
(function () {
  const doc = window.parent.document;
  if (window.parent.__wbShortcuts) return;
  const el = doc.createElement("script");
  el.textContent = LISTENER;
  doc.head.appendChild(el);
})();
</script>
"""


def install() -> None:
    """Put the shortcut listener on the page (idempotent: it installs itself once)."""
    import json

    st.iframe(_SCRIPT.replace("LISTENER", json.dumps(_LISTENER)), height=1)
