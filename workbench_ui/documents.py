"""Documents page: create a review from a Vietnamese source and its Arabic MT (queued
as a background analysis, followed in :mod:`workbench_ui.jobs`), list documents with
their progress, open one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.errors import DuplicateDocument, WorkbenchError
from workbench.service import User
from workbench_ui import jobs, messages, resources
from workbench_ui.plain import plain


def open_document(doc_id: int) -> None:
    """Callback: show a document on the Review page, from its first row."""
    st.session_state["doc_id"] = doc_id
    st.session_state["nav"] = "Review"
    st.session_state["page_no"] = 1
    st.session_state.pop("focus", None)


#: Session keys of the create form: its outcome, a duplicate waiting for an answer, the
#: job just created, and the form's generation (a new one after each review created:
#: a file uploader is emptied only by giving it a new key).
MESSAGE, DUPLICATE, CREATED, GENERATION = ("create_message", "create_duplicate",
                                           "create_job", "new_form")
TEXT_KEYS = ("new_title", "new_vi_text", "new_ar_text", "new_vi_url", "new_ar_url")


def _file_key(side: str) -> str:
    generation = st.session_state.get(GENERATION, 0)
    return f"new_{side}_file" + (f"_{generation}" if generation else "")


def _input(side: str, label: str) -> tuple[bytes, str] | None:
    """The uploaded file of one side, else the pasted text, else None."""
    upload = st.session_state.get(_file_key(side))
    if upload is not None:
        return upload.getvalue(), upload.name
    pasted = st.session_state.get(f"new_{side}_text", "")
    if pasted.strip():
        return pasted.encode("utf-8"), f"{label} (pasted).txt"
    return None


def _create(user: User, again: bool = False) -> None:
    """Callback of Create review (``again``: of "Create a second review" after the
    same two files were found already imported)."""
    st.session_state.pop(DUPLICATE, None)
    urls = [st.session_state.get(f"new_{side}_url", "").strip() for side in ("vi", "ar")]
    title = st.session_state.get("new_title", "").strip()
    service = resources.service()
    try:
        if any(urls):
            if not all(urls):
                raise WorkbenchError("Give the addresses of both pages: the Vietnamese "
                                     "article and its Arabic translation.")
            with st.spinner("Fetching the two pages…"):
                job = service.submit_urls(user, title, *urls, if_new=not again)
        else:
            source, target = _input("vi", "source"), _input("ar", "translation")
            if source is None or target is None:
                raise WorkbenchError("Give both the Vietnamese source and the Arabic "
                                     "translation (upload a .txt/.docx/.html file or paste "
                                     "the text).")
            job = service.submit_document(user, title, *source, *target, article=True,
                                          if_new=not again)
    except DuplicateDocument as exc:
        st.session_state[DUPLICATE] = (str(exc), exc.doc_id)
        return
    except WorkbenchError as exc:
        st.session_state[MESSAGE] = ("error", str(exc))
        return
    st.session_state[CREATED] = job.id
    for key in TEXT_KEYS:  # the form is emptied for the next review
        st.session_state[key] = ""
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def _duplicate(user: User) -> None:
    """The same two files again: ask before making a second review of them."""
    message, doc_id = st.session_state[DUPLICATE]
    st.warning(f"{plain(message)} Create a second review of them anyway?")
    cols = st.columns([2, 2, 3])
    cols[0].button("Create a second review", key="create_again", on_click=_create,
                   args=(user, True))
    if doc_id is not None:
        cols[1].button("Open the existing one", key="open_duplicate", on_click=open_document,
                       args=(doc_id,))


def _created(user: User, job_id: int) -> None:
    """What became of a new review: queued, ready (immediate mode) or refused."""
    service = resources.service()
    try:
        job = service.job(user, job_id)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    for note in job.notes:  # what reading the files changed (encoding, HTML, …)
        st.info(f"Note: {plain(note)}")
    if job.state == "failed":
        st.error(f"“{plain(job.title)}” could not be analysed: {plain(job.error)}")
        return
    if job.doc_id is None:  # analysed in the background: the panel below follows it
        st.success(f"Queued “{plain(job.title)}”: it is being analysed in the background; "
                   "follow it below (you may leave this page).")
        return
    summary = next(d for d in service.list_documents(user) if d.id == job.doc_id)
    st.success(f"Created “{plain(summary.title)}”: {summary.links} paragraph links, "
               f"{summary.open_findings} findings to look at.")
    st.button("Open it", key="open_new", on_click=open_document, args=(summary.id,))


def _form(user: User) -> None:
    st.text_input("Title", key="new_title", placeholder="defaults to the source file name")
    left, right = st.columns(2)
    with left:
        st.file_uploader("Vietnamese source", type=["txt", "docx", "html", "htm"],
                         key=_file_key("vi"))
        st.text_area("…or paste the Vietnamese text", key="new_vi_text", height=150)
    with right:
        st.file_uploader("Arabic machine translation", type=["txt", "docx", "html", "htm"],
                         key=_file_key("ar"))
        st.text_area("…or paste the Arabic text", key="new_ar_text", height=150)
    left, right = st.columns(2)
    left.text_input("…or the address of the Vietnamese article", key="new_vi_url",
                    placeholder="https://…")
    right.text_input("…and of its Arabic page", key="new_ar_url", placeholder="https://…")
    st.button("Create review", key="create_review", type="primary", on_click=_create,
              args=(user,))
    messages.show(MESSAGE)
    if DUPLICATE in st.session_state:
        _duplicate(user)
    if CREATED in st.session_state:
        _created(user, st.session_state.pop(CREATED))


def render(user: User) -> None:
    st.header("Documents")
    with st.expander("New review", expanded=False):
        _form(user)
    jobs.render(user)
    try:
        docs = resources.service().list_documents(user)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    if not docs:
        st.info("No documents yet: create a review above.")
        return
    table = pd.DataFrame([{
        "id": d.id, "title": d.title, "links": d.links, "reviewed": d.reviewed,
        "approved": d.approved, "corrected": d.corrected, "open findings": d.open_findings,
        "progress": d.progress, "by": d.created_by,
        "created": d.created_at.strftime("%Y-%m-%d %H:%M"),
    } for d in docs])
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "progress": st.column_config.ProgressColumn("progress", min_value=0.0, max_value=1.0,
                                                    format="percent")})
    for d in docs:
        cols = st.columns([6, 1])
        cols[0].markdown(f"**{plain(d.title)}** — {d.reviewed}/{d.links} reviewed, "
                         f"{d.approved} approved, {d.open_findings} open findings")
        cols[1].button("Open", key=f"open_{d.id}", on_click=open_document, args=(d.id,))
