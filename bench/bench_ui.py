"""Server time per interaction of the review page on a 200-paragraph document.

Builds a 200-paragraph Vietnamese/Arabic document from ntrex-dev (one sentence pair
per paragraph), imports it once (fast fake analyser by default, ``--real`` for the
embedding pipeline), then times ``AppTest.run()`` for each interaction: open the
document, filter by severity, sort worst first, go to a link by its number, open one
from the list, the next link, the next open finding, open a link's details, save a correction (re-checked by
the real checks), mark reviewed; then, at the service, a save with its re-check, and the
re-check alone of a new text (saved unchecked first).  AppTest reruns the whole script; in the browser these interactions rerun only
the review page's fragment, whose own time (``workbench_ui.review.desk``) is printed
beside.  Prints the median milliseconds of each against the 300 ms target, and
against the Documents page (a light page) measured in the same run as a baseline.

    python bench/bench_ui.py [--paragraphs 200] [--repeat 5] [--real]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300.0
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("WORKBENCH_DEMO", "1")  # the demo account and article (demo/demo)

from ntrex import ntrex_dir  # noqa: E402


def _document(n: int) -> tuple[bytes, bytes]:
    data = ntrex_dir()
    vi = (data / "vi.txt").read_text(encoding="utf-8").splitlines()[:n]
    ar = (data / "ar.txt").read_text(encoding="utf-8").splitlines()[:n]
    return "\n\n".join(vi).encode("utf-8"), "\n\n".join(ar).encode("utf-8")


def _timed(at, step) -> float:
    step()
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise SystemExit(f"the app raised: {at.exception[0].value}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--real", action="store_true", help="use the real analysis pipeline")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="bench-ui-")
    os.environ["WORKBENCH_DATA_DIR"] = data_dir
    os.environ.pop("WORKBENCH_DB_URL", None)

    from streamlit.testing.v1 import AppTest

    import app_fakes
    from workbench.service.recheck import pipeline_check
    from workbench_ui import resources

    if not args.real:
        resources.ANALYSER, resources.RESCORER = app_fakes.analyse, app_fakes.score_links
    # saves are re-checked by the real checks even when the import is faked
    resources.SERVICE_OPTIONS = {"bcrypt_rounds": 4, "checker": pipeline_check}

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    start = time.perf_counter()
    at.run()
    svc = resources.service()
    demo = svc.authenticate("demo", "demo")
    print(f"first start (migrate, demo import): {time.perf_counter() - start:.1f} s")
    vi, ar = _document(args.paragraphs)
    start = time.perf_counter()
    doc = svc.import_document(demo.user, f"ntrex {args.paragraphs}", vi, "ntrex.vi.txt",
                              ar, "ntrex.ar.txt")
    print(f"import of {doc.links} links ({'real' if args.real else 'fake'} analyser): "
          f"{time.perf_counter() - start:.1f} s, {doc.open_findings} findings")
    review = svc.get_review(demo.user, doc.id)
    at.session_state["token"] = demo.token
    at.run()

    times: dict[str, list[float]] = {}
    desk_ms: dict[str, list[float]] = {}
    from workbench_ui import review as review_page

    plain_desk = review_page.desk
    last_desk: list[float] = []

    def timed_desk(*a, **k):
        start = time.perf_counter()
        try:
            return plain_desk(*a, **k)
        finally:
            last_desk.append((time.perf_counter() - start) * 1000)

    review_page.desk = timed_desk

    def measure(name, step):
        last_desk.clear()
        times.setdefault(name, []).append(_timed(at, step))
        if last_desk:
            desk_ms.setdefault(name, []).append(sum(last_desk))

    work = [r for r in review.rows if not r.furniture]
    for k in range(args.repeat):
        measure("documents page (baseline)",
                lambda: at.radio(key="nav").set_value("Documents"))
        at.session_state["doc_id"] = doc.id
        measure("open the document (Review)",
                lambda: at.radio(key="nav").set_value("Review"))
        measure("filter by severity", lambda: at.multiselect(key="f_sev").set_value(["major"]))
        measure("clear the filter", lambda: at.multiselect(key="f_sev").set_value([]))
        measure("sort worst first", lambda: at.radio(key="sort").set_value("worst score first"))
        measure("document order", lambda: at.radio(key="sort").set_value("document order"))
        row, near = work[150 - k], work[(150 - k) // 25 * 25 + 20]  # on the same page
        measure("go to a link (box)", lambda: at.selectbox(key="link_goto").set_value(
            row.link_id))
        measure("open a link (list)", lambda: at.radio(key="link_pick").set_value(near.link_id))
        measure("next link", lambda: at.button(key="next_link").click())
        measure("next open finding", lambda: at.button(key="next_open").click())
        measure("go to a link (box), again", lambda: at.selectbox(key="link_goto").set_value(
            row.link_id))
        measure("open its details (history, diff)",
                lambda: at.toggle(key=f"more_{row.link_id}").set_value(True))
        measure("save a correction", lambda: (
            at.text_area(key=f"text_{row.link_id}").input(row.mt_text + f" ({k})"),
            at.button(key=f"save_{row.link_id}").click()))
        measure("mark reviewed", lambda: at.button(key=f"reviewed_{row.link_id}").click())
        at.toggle(key=f"more_{row.link_id}").set_value(False)

    # The re-check alone (server side, no page): a correction of one paragraph is saved
    # unchecked, then re-checked with every check (the document-level ones over all 200
    # paragraphs) and re-scored: its new Arabic embedded, as after a save.
    rechecker = svc.revisions.rechecker
    for k in range(args.repeat):
        row = svc.get_review(demo.user, doc.id).rows[50 + k]
        start = time.perf_counter()
        saved = svc.save_correction(demo.user, doc.id, row.ordinal, row.current_text + " .",
                                    base_version=row.version)
        times.setdefault("save + re-check one paragraph (service)", []).append(
            (time.perf_counter() - start) * 1000)
        svc.revisions.rechecker = None
        try:
            saved = svc.save_correction(demo.user, doc.id, row.ordinal,
                                        row.current_text + f" {k + 2}", base_version=saved.version)
        finally:
            svc.revisions.rechecker = rechecker
        start = time.perf_counter()
        rechecker.recheck(doc.id, row.link_id, saved.version)
        times.setdefault("re-check one paragraph (service)", []).append(
            (time.perf_counter() - start) * 1000)

    baseline = statistics.median(times["documents page (baseline)"])
    print(f"\nserver time per interaction, {doc.links} links, median of {args.repeat} "
          f"(target {TARGET_MS:.0f} ms; 'fragment': the review page's fragment alone):")
    print(f"{'interaction':40} {'ms':>8} {'x baseline':>11} {'fragment':>9} {'target':>8}")
    for name, values in times.items():
        ms = statistics.median(values)
        verdict = "ok" if ms <= TARGET_MS else "SLOW"
        part = f"{statistics.median(desk_ms[name]):9.0f}" if name in desk_ms else f"{'—':>9}"
        print(f"{name:40} {ms:8.0f} {ms / baseline:11.2f} {part} {verdict:>8}")


if __name__ == "__main__":
    main()
