"""The Documents page's job panel: each analysis being prepared, with its stage,
percentage and ETA, updated live (a fragment that reruns itself while a job is
active), a Cancel button, and why a job failed."""

from __future__ import annotations

import streamlit as st

from workbench_ui.plain import plain

from workbench.errors import WorkbenchError
from workbench.service import JobView, User
from workbench_ui import resources

#: Seconds between two looks at running jobs.
REFRESH_S = 1.0
#: Finished jobs still shown (so a failure or a cancel is seen).
RECENT = 5


def _eta(job: JobView) -> str:
    if job.state == "queued":
        return "waiting for a worker"
    if job.eta_s is None:
        return "estimating…"
    seconds = int(round(job.eta_s))
    return f"about {seconds // 60} min {seconds % 60:02d} s left" if seconds >= 60 \
        else f"about {seconds} s left"


def _cancel(user: User, job_id: int) -> None:
    try:
        resources.service().cancel_job(user, job_id)
    except WorkbenchError as exc:
        st.session_state["job_message"] = str(exc)


def _open(doc_id: int) -> None:
    st.session_state["doc_id"] = doc_id
    st.session_state["nav"] = "Review"
    st.session_state["page_no"] = 1
    st.session_state.pop("focus", None)


def _show(user: User, job: JobView) -> None:
    title = f"**{plain(job.title)}**" + (
        f" ({plain(job.source_name)} + {plain(job.target_name)})" if job.source_name else "")
    if job.active:
        cols = st.columns([6, 1])
        with cols[0]:
            st.progress(min(max(job.percent, 0.0), 1.0),
                        text=f"{title} — {job.stage} {job.percent:.0%}, {_eta(job)}")
        cols[1].button("Cancel", key=f"cancel_job_{job.id}", on_click=_cancel,
                       args=(user, job.id))
    elif job.state == "failed":
        st.error(f"{title} failed: {plain(job.error)}")
    elif job.state == "cancelled":
        st.warning(f"{title} was cancelled; nothing was stored.")
    elif job.kind != "analyse":  # e.g. the re-check after a glossary change: its summary
        st.info(f"{plain(job.title)}: {plain(job.stage)}")
    elif job.doc_id is not None:
        cols = st.columns([6, 1])
        cols[0].success(f"{title} is ready.")
        cols[1].button("Open", key=f"open_job_{job.id}", on_click=_open, args=(job.doc_id,))


def _panel(user: User) -> None:
    try:
        jobs = resources.service().list_jobs(user, limit=20)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    active = [j for j in jobs if j.active]
    finished = [j for j in jobs if not j.active][:RECENT]
    was_active = set(st.session_state.get("active_jobs", ()))
    st.session_state["active_jobs"] = [j.id for j in active]
    if was_active - {j.id for j in active}:
        st.rerun(scope="app")  # a job ended: the document list changed
    if message := st.session_state.pop("job_message", None):
        st.error(message)
    if not jobs:
        return
    st.subheader("Analyses")
    for job in active + finished:
        _show(user, job)


def render(user: User) -> None:
    """The panel; it reruns on its own every :data:`REFRESH_S` while a job is active."""
    try:
        busy = any(j.active for j in resources.service().list_jobs(user, limit=20))
    except WorkbenchError:
        busy = False
    st.fragment(_panel, run_every=REFRESH_S if busy else None)(user)
