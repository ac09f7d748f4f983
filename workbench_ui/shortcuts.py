"""Keyboard shortcuts of the review page (Streamlit has none of its own).

A small script, injected once through ``st.components.v1.html`` (a same-origin iframe),
listens on the page and clicks the buttons of the row being edited:

    Alt+S  save            Alt+Enter  save and go to the next open finding
    Alt+A  approve         Alt+N      next open finding
    Alt+M  copy the machine translation into the box

Alt, not Ctrl: Streamlit's own Ctrl+Enter in a text area commits the text and must not
also save.  The text area is blurred first, so Streamlit sends what was typed before the
button's click reaches the server.
"""

from __future__ import annotations

import streamlit.components.v1 as components

HELP = ("Keys: Alt+S save · Alt+Enter save and next · Alt+A approve · Alt+N next open "
        "finding · Alt+M machine translation into the box")

_LISTENER = """
(function () {
  const doc = document;
  if (window.__wbShortcuts) return;
  window.__wbShortcuts = true;
  const KEYS = {"s": "save_", "enter": "savenext_", "a": "approve_", "m": "copymt_"};
  function rowOf(el) {
    return el && el.closest ? el.closest("[class*='st-key-row_']") : null;
  }
  let lastRow = null;
  doc.addEventListener("focusin", (e) => { const r = rowOf(e.target); if (r) lastRow = r; });
  function click(scope, prefix) {
    const holder = scope.querySelector("[class*='st-key-" + prefix + "']");
    const button = holder && holder.querySelector("button");
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }
  doc.addEventListener("keydown", (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if (key === "n" || e.code === "KeyN") {
      e.preventDefault();
      click(doc, "next_open");
      return;
    }
    const prefix = KEYS[key] || (e.code === "KeyS" ? "save_" : e.code === "KeyA" ? "approve_"
                   : e.code === "KeyM" ? "copymt_" : null);
    if (!prefix) return;
    const row = rowOf(doc.activeElement) || lastRow
                || doc.querySelector("[class*='st-key-row_']");
    if (!row) return;
    e.preventDefault();
    const cls = Array.from(row.classList).find((c) => c.startsWith("st-key-row_"));
    const active = doc.activeElement;
    if (active && active.tagName === "TEXTAREA") active.blur();  // Streamlit sends the text
    // the row may be re-rendered by the rerun the blur starts: find it again
    setTimeout(() => click(doc.querySelector("." + cls) || row, prefix), 400);
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

    components.html(_SCRIPT.replace("LISTENER", json.dumps(_LISTENER)), height=0)
