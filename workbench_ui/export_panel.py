"""The review page's export panel: a download per format, and a reviewed XLIFF back in."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from workbench_ui.plain import plain

from workbench.errors import WorkbenchError
from workbench.service import ReasonRequired, Review, Service, User, document_formats, roles
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
    final, reason, blocked = _final_export(svc, user, doc.id)
    formats = document_formats()
    stem = "".join(c if c.isalnum() else "_" for c in doc.title)[:40] or "document"
    empty = [f for f in formats if f.approved_only and not doc.approved]
    for col, fmt in zip(st.columns(len(formats)), formats):
        report = fmt.label.startswith("QA report")
        label = f"QA report ({fmt.name.upper()})" if report else fmt.name.upper()
        col.download_button(label, _exporter(svc, user, doc.id, fmt.name, final and not report,
                                             reason),
                            file_name=f"{stem}{fmt.extension}", mime=fmt.mime,
                            help=fmt.when_nothing_approved if fmt in empty else fmt.label,
                            key=f"export_{fmt.name}",
                            disabled=(blocked and not report) or fmt in empty)
    for fmt in empty:  # said, instead of an empty file downloaded without a word
        st.caption(fmt.when_nothing_approved)
    _xliff_upload(user, doc.id)


def _final_export(svc: Service, user: User, doc_id: int) -> tuple[bool, str, bool]:
    """(final export?, the reason given, whether the files are held back for a reason)."""
    final = st.checkbox("Final delivery", key="export_final",
                        help="the files go out as final: with critical findings open, "
                        "say why (the reason is shown in the QA report)")
    if not final:
        return False, "", False
    try:
        critical = svc.open_critical(user, doc_id)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return True, "", True
    if not critical:
        return True, "", False
    reason = st.text_input(f"{critical} critical finding(s) are open: why deliver anyway?",
                           key="export_reason")
    if not reason.strip():
        st.warning("Give the reason before the final files can be downloaded.")
    return True, reason, not reason.strip()


def _exporter(svc: Service, user: User, doc_id: int, fmt: str, final: bool = False,
              reason: str = "") -> Callable[[], bytes]:
    """The export of one format, made when the user asks (bound here: the download
    runs outside the script, so it must not look the service up again)."""
    return lambda: svc.export_document(user, doc_id, fmt, final=final, reason=reason or None)


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


def approve_panel(user: User, review: Review) -> None:
    """Approve the whole document (editors); with critical findings open, ask why."""
    if not roles.allows(user.roles, "approve"):
        return
    doc = review.document
    messages.show("approve_doc_message")
    if doc.links and doc.approved == doc.links:
        return
    c1, c2 = st.columns([1, 3])
    c1.button("Approve document", key="approve_doc", on_click=_approve_document,
              args=(user, doc.id))
    if st.session_state.get("approve_doc_reason_needed"):
        c2.text_input(st.session_state["approve_doc_reason_needed"], key="approve_doc_reason",
                      placeholder="why it is approved with critical findings open")


def _approve_document(user: User, doc_id: int) -> None:
    reason = st.session_state.get("approve_doc_reason", "")
    try:
        summary = resources.service().approve_document(user, doc_id, reason=reason or None)
    except ReasonRequired as exc:
        st.session_state["approve_doc_reason_needed"] = (
            f"{exc.open_critical} critical finding(s) are open: give the reason, then "
            "approve again")
        st.session_state["approve_doc_message"] = ("error", str(exc))
        return
    except WorkbenchError as exc:
        st.session_state["approve_doc_message"] = ("error", str(exc))
        return
    st.session_state.pop("approve_doc_reason_needed", None)
    st.session_state["approve_doc_message"] = (
        "success", f"Document approved: {summary.approved} link(s)"
        + (" (the reason is in the QA report)." if reason else "."))
