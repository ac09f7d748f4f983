"""Dashboard page: score distribution, findings by kind, post-edit effort, reviewer
activity — overall or for one document, from the service's dashboard figures."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from workbench.errors import WorkbenchError
from workbench_ui.html.highlight import fidelity_band
from workbench.service import User
from workbench_ui import resources
from workbench_ui.plain import plain


def render(user: User) -> None:
    st.header("Dashboard")
    svc = resources.service()
    try:
        docs = svc.list_documents(user)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    choices = [None, *(d.id for d in docs)]
    titles = {d.id: d.title for d in docs}
    doc_id = st.selectbox("Scope", choices, key="dash_doc",
                          format_func=lambda i: "All documents" if i is None else titles[i])
    try:
        dash = svc.dashboard(user, doc_id)
    except WorkbenchError as exc:
        st.error(plain(exc))
        return
    m = st.columns(5)
    m[0].metric("Documents", dash.documents)
    m[1].metric("Links", dash.links)
    m[2].metric("Approved", dash.status_counts.get("approved", 0))
    m[3].metric("Open findings", sum(dash.open_findings_by_kind.values()))
    effort = dash.post_edit
    m[4].metric("Post-edit TER", "—" if effort is None else f"{effort.ter:.1f}",
                help="TER of the machine translation against the current text over every "
                     "link but page noise: edits per 100 words (0 = untouched)")
    if effort is not None:
        st.caption(f"Post-edit chrF++ {effort.chrf:.1f} (100 = untouched), TER "
                   f"{effort.ter:.1f} (0 = untouched), the QA report's figures: "
                   f"{effort.metric_line}.", help=f"sacrebleu signature: {effort.signature}")
    left, right = st.columns(2)
    with left:
        st.subheader("Fidelity scores")
        bins = pd.DataFrame({
            "score": [f"{hi - 0.1:.1f}–{hi:.1f}" for hi in dash.score_bins],
            "links": list(dash.score_counts),
            "colour": [fidelity_band(hi - 0.05)[0] for hi in dash.score_bins]})
        st.altair_chart(alt.Chart(bins).mark_bar().encode(
            x=alt.X("score:N", sort=None, title="fidelity (two-sided links)"),
            y=alt.Y("links:Q"), color=alt.Color("colour:N", scale=None)),
            width="stretch")
    with right:
        st.subheader("Findings by kind")
        kinds = sorted(dash.findings_by_kind)
        findings = pd.DataFrame(
            [{"kind": k, "state": "open", "n": dash.open_findings_by_kind.get(k, 0)}
             for k in kinds]
            + [{"kind": k, "state": "closed",
                "n": dash.findings_by_kind[k] - dash.open_findings_by_kind.get(k, 0)}
               for k in kinds], columns=["kind", "state", "n"])
        if findings.empty:
            st.caption("No findings.")
        else:
            st.altair_chart(alt.Chart(findings).mark_bar().encode(
                y=alt.Y("kind:N", sort="-x"), x=alt.X("n:Q", title="findings"),
                color=alt.Color("state:N")), width="stretch")
    if len(dash.post_edit_by_document) > 1:
        st.subheader("Post-edit effort by document")
        st.dataframe(pd.DataFrame([{
            "document": d.title, "links": d.links, "corrected": d.corrected,
            "chrF++": d.effort.chrf, "TER": d.effort.ter,
        } for d in dash.post_edit_by_document]), hide_index=True, width="stretch",
            key="dash_effort")
    st.subheader("Review status")
    st.bar_chart(pd.DataFrame({"links": dash.status_counts}), horizontal=True)
    st.subheader("Reviewer activity")
    if not dash.activity:
        st.caption("Nobody has corrected, reviewed or dismissed anything yet.")
    else:
        st.dataframe(pd.DataFrame([{
            "user": a.user, "corrections": a.corrections, "refused saves": a.conflicts,
            "reviewed": a.reviewed, "approved": a.approved, "dismissed": a.dismissed,
            "last active": a.last_active.strftime("%Y-%m-%d %H:%M") if a.last_active else "",
        } for a in dash.activity]), hide_index=True, width="stretch")
