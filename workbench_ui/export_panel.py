"""The review page's export panel: a download per format, and a reviewed XLIFF back in."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.service import Review, Service, User, document_formats, roles
from workbench_ui import messages, resources
from workbench_ui.review_actions import forget_form


def export_panel(user: User, review: Review) -> None:
    """A download button per format; each file is built by the service only when its
    button is pressed (``st.download_button`` runs the callable on the click)."""
    if not roles.allows(user.roles, "export"):
        st.caption(roles_refusal(user, "export"))
        return
    st.caption("Corrected texts as they are now; approved links are final.")
    svc, doc = resources.service(), review.document
    formats = document_formats()
    stem = "".join(c if c.isalnum() else "_" for c in doc.title)[:40] or "document"
    for col, fmt in zip(st.columns(len(formats)), formats):
        col.download_button(fmt.name.upper(), _exporter(svc, user, doc.id, fmt.name),
                            file_name=f"{stem}{fmt.extension}", mime=fmt.mime,
                            help=fmt.label, key=f"export_{fmt.name}")
    _xliff_upload(user, doc.id)


def _exporter(svc: Service, user: User, doc_id: int, fmt: str) -> Callable[[], bytes]:
    """The export of one format, made when the user asks (bound here: the download
    runs outside the script, so it must not look the service up again)."""
    return lambda: svc.export_document(user, doc_id, fmt)


def _xliff_upload(user: User, doc_id: int) -> None:
    """Bring a reviewed XLIFF (from a CAT tool) back: its targets become corrections."""
    if not roles.allows(user.roles, "correct"):
        return
    c1, c2 = st.columns([4, 1])
    c1.file_uploader("Reviewed XLIFF 1.2/2.0 exported from here (its corrections and "
                     "reviewed/final states come back)", type=["xlf", "xliff", "xml"],
                     key="xliff_upload")
    c2.button("Import XLIFF", key="xliff_import", on_click=_import_xliff, args=(user, doc_id))
    messages.show("xliff_message")


def _import_xliff(user: User, doc_id: int) -> None:
    upload = st.session_state.get("xliff_upload")
    if upload is None:
        st.session_state["xliff_message"] = ("error", "Choose the reviewed XLIFF file first.")
        return
    svc = resources.service()
    try:
        changed = svc.import_xliff(user, doc_id, upload.getvalue(), upload.name)
        rows = svc.get_review(user, doc_id).rows
    except WorkbenchError as exc:
        st.session_state["xliff_message"] = ("error", str(exc))
        return
    for ordinal in changed:
        forget_form(rows[ordinal].link_id)  # the boxes show the imported text
    if changed:
        links = ", ".join(str(o) for o in changed)
        text = f"{upload.name}: {len(changed)} link(s) updated ({links}); see their history."
    else:
        text = f"{upload.name}: nothing differs from the document, nothing imported."
    st.session_state["xliff_message"] = ("success", text)


def roles_refusal(user: User, action: str) -> str:
    return (f"Your roles ({', '.join(sorted(user.roles))}) do not allow you to "
            f"{roles.ACTION_TITLES.get(action, action)}.")
