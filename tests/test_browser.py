"""The main flow in a real browser: ``streamlit run app.py`` driven by Debian's chromium.

Log in as the demo user, open the demo document, see a finding highlighted, correct a
paragraph twice, see what v2 changed in the history, approve it.  Then, on a
200-paragraph document: open links from the compact list, go to the next link and the
next open finding, fix a flagged term with its one-click fix and save (the finding
closes, the open count drops), and save and go on with Ctrl+Enter; the wall time of
each is printed (and written to ``browser_timings.txt``) next to a light page as the
baseline of the same run.  Screenshots of every step go to ``$WORKBENCH_ARTIFACTS``
(default ``test-artifacts/``, gitignored).

The demo is analysed by the real pipeline when it is installed; otherwise (or with
``WORKBENCH_BROWSER_FAKE=1``) by the fast fake of ``tests/app_fakes.py``, plugged in
through ``WORKBENCH_ANALYSER``.  The 200-paragraph document (``tests/corpus.py``, with
a province written as a district in every paragraph that names one) is imported by
the fake, in the test's process, into the server's database; saves are re-checked by
the server.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("WORKBENCH_ARTIFACTS") or ROOT / "test-artifacts")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 60
DEMO_TIMEOUT_MS = 180_000  # first page opens the database and analyses the demo
LONG_PARAGRAPHS = 200
TARGET_S = 0.5
# A rerun has ended: the app says its script is not running, no element is stale.
SETTLED = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app && app.getAttribute("data-test-script-state") === "notRunning"
    && !document.querySelector("[data-stale='true']");
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _real_pipeline_available() -> bool:
    if os.environ.get("WORKBENCH_BROWSER_FAKE") == "1":
        return False
    try:
        from workbench.checks import run_checks  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(address, data directory) of a running ``streamlit run app.py -- --demo``."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium")
    pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
    port = _free_port()
    data = tmp_path_factory.mktemp("data")
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(data),
               OMP_NUM_THREADS="2", PYTHONPATH=os.pathsep.join(
                   [str(ROOT), str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")]))
    env.pop("WORKBENCH_DB_URL", None)
    env.pop("WORKBENCH_DEMO", None)  # demo mode from the README's flag, as a user starts it
    if not _real_pipeline_available():
        env["WORKBENCH_ANALYSER"] = "app_fakes:analyse"
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--", "--demo"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start: see {log.name}")
            time.sleep(0.3)
        yield url, data
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield pg
        browser.close()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"browser_{name}.png"))


def _settle(pg, expected, timeout_ms: int = 30_000) -> None:
    """Wait for ``expected`` (a locator) and for the rerun to end."""
    expected.first.wait_for(timeout=timeout_ms)
    pg.wait_for_function(SETTLED, timeout=timeout_ms)


def _timed(pg, action, expected) -> float:
    start = time.perf_counter()
    action()
    _settle(pg, expected)
    return time.perf_counter() - start


def _login(pg, url: str) -> None:
    pg.goto(url)
    pg.get_by_role("button", name="Log in").wait_for(timeout=DEMO_TIMEOUT_MS)
    pg.get_by_label("User name").fill("demo")
    pg.get_by_role("textbox", name="Password").fill("demo")
    pg.get_by_role("button", name="Log in").click()
    pg.get_by_role("button", name="Open", exact=True).first.wait_for(timeout=30_000)


def _heading(pg, ordinal: int):
    return pg.locator(".st-key-editor strong", has_text=re.compile(rf"^Link {ordinal}$"))


def _metric(pg, label: str) -> int:
    metric = pg.locator("[data-testid='stMetric']").filter(has_text=label).first
    return int(metric.locator("[data-testid='stMetricValue']").inner_text().strip())


def test_review_flow_in_a_real_browser(server, page) -> None:
    from playwright.sync_api import expect

    url, _ = server
    pg = page
    pg.goto(url)
    pg.get_by_role("button", name="Log in").wait_for(timeout=DEMO_TIMEOUT_MS)
    expect(pg.get_by_text("Demo account: user demo")).to_be_visible()
    _shot(pg, "1_login")
    pg.get_by_label("User name").fill("demo")
    pg.get_by_role("textbox", name="Password").fill("demo")
    pg.get_by_role("button", name="Log in").click()

    # Documents: the demo document is listed; open it.
    open_button = pg.get_by_role("button", name="Open", exact=True).first
    open_button.wait_for(timeout=30_000)
    expect(pg.locator("strong", has_text="Demo:").first).to_be_visible()
    _shot(pg, "2_documents")
    open_button.click()
    _settle(pg, pg.locator(".st-key-editor textarea"))
    # Page furniture is folded into one group and left out of the progress.
    expect(pg.get_by_text(re.compile(r"page furniture link\(s\) not counted"))).to_be_visible()
    expect(pg.get_by_text(re.compile(r"^Page furniture \(\d+\)$"))).to_be_visible()

    # The next open finding: highlighted in the source or in the words around it.
    pg.get_by_role("button", name="Next ⚑").click()
    mark = pg.locator(".st-key-editor mark.wb-finding").first
    mark.wait_for(timeout=30_000)
    pg.wait_for_function(SETTLED)
    expect(mark).to_be_visible()
    assert mark.inner_text().strip()
    editor = pg.locator(".st-key-editor")
    _shot(pg, "3_highlighted_finding")

    # Correct the paragraph twice; the history shows what v2 changed in v1.
    box = editor.locator("textarea")
    first = box.input_value() + " (مراجعة)"
    for version, text in ((1, first), (2, first.replace("(مراجعة)", "(مراجعة ثانية)"))):
        pg.wait_for_function(SETTLED)  # the fragment's rerun after a save redraws the box
        box.fill(text)
        expect(box).to_have_value(text)
        editor.get_by_role("button", name="Save", exact=True).click()
        expect(editor.get_by_text(f"Saved as version {version}")).to_be_visible(timeout=30_000)
    _shot(pg, "4_saved")
    editor.get_by_text("More…").click()
    editor.get_by_role("tab", name="History").click()
    v2 = editor.locator("[class*='st-key-rev_']").filter(has_text="v2 · edit · demo").first
    expect(v2).to_be_visible(timeout=30_000)
    expect(v2.get_by_text("changed: 1 word out, 2 words in")).to_be_visible()
    expect(v2.locator("ins.wb-ins", has_text="ثانية")).to_be_visible()
    v2.scroll_into_view_if_needed()
    _shot(pg, "5_history_diff")

    # Approve it (the demo account is an editor).
    editor.get_by_role("button", name="Approve").click()
    expect(editor.get_by_text("Marked approved")).to_be_visible(timeout=30_000)
    expect(editor.get_by_text("approved by demo").first).to_be_visible()
    _shot(pg, "6_approved")


def _provinces_only(source, target, glossary=None, **options):
    """The fake analyser with the glossary's "tỉnh" alone: a province written as a
    district (المنطقة) is its only finding, with its one-click fix."""
    import app_fakes
    from workbench.pipeline import shipped_glossary

    return app_fakes.analyse(source, target, glossary=[
        e for e in (glossary or shipped_glossary()) if e.source == "tỉnh"], **options)


def _import_long_document(data: Path) -> int:
    """A 200-paragraph document in the server's database, imported by the fake analyser:
    paragraphs of ``tests/corpus.py`` (not those where a district is already منطقة), and
    every paragraph naming a province (tỉnh) writes its first المقاطعة as المنطقة."""
    import app_fakes
    from corpus import PAIRS
    from workbench.config import DB_FILE
    from workbench.service import app_settings, open_service

    pairs = [(v, a) for v, a in PAIRS if not ("tỉnh" in v.lower() and "منطقة" in a)]
    vi = [pairs[k % len(pairs)][0] for k in range(LONG_PARAGRAPHS)]
    ar = [pairs[k % len(pairs)][1] for k in range(LONG_PARAGRAPHS)]
    ar = [a.replace("المقاطعة", "المنطقة", 1) if "tỉnh" in v.lower() else a
          for v, a in zip(vi, ar)]
    service = open_service(f"sqlite:///{data / DB_FILE}", analyser=_provinces_only,
                           rescorer=app_fakes.score_links, settings=app_settings(True))
    try:
        demo = service.authenticate("demo", "demo").user
        doc = service.import_document(demo, "Tin tỉnh (200 đoạn)", "\n\n".join(vi).encode(),
                                      "tin.vi.txt", "\n\n".join(ar).encode(), "tin.ar.txt")
        assert doc.open_findings >= 20, doc  # the injected errors were found
        return doc.id
    finally:
        service.store.dispose()


def _report(timings: dict[str, list[float]]) -> str:
    lines = []
    for name, values in timings.items():
        median = statistics.median(values)
        verdict = "" if name.startswith(("baseline", "open the document")) else \
            (" ok" if median <= TARGET_S else " SLOW")
        lines.append(f"{name:38} {median:5.2f} s (median of {len(values)}){verdict}")
    return "\n".join(lines)


def test_focused_editor_on_200_paragraphs(server, page) -> None:
    """Open, next, save on 200 paragraphs, timed; a one-click fix closes its finding and
    the open count drops; furniture is not counted; Ctrl+Enter saves and moves on."""
    from playwright.sync_api import expect

    url, data = server
    pg = page
    _login(pg, url)  # also makes sure the server created the demo account
    doc_id = _import_long_document(data)
    timings: dict[str, list[float]] = {}

    def timed(name: str, action, expected) -> None:
        timings.setdefault(name, []).append(_timed(pg, action, expected))

    for _ in range(3):
        timed("baseline: a light page (Account)",
              lambda: pg.get_by_text("Account", exact=True).first.click(),
              pg.get_by_role("button", name="Change password"))
        pg.get_by_text("Documents", exact=True).first.click()
        opener = pg.locator(f"[class*='st-key-open_{doc_id}'] button")
        opener.wait_for(timeout=30_000)
        timed("open the document (whole page)", opener.click, _heading(pg, 0))
    expect(pg.locator("[data-testid='stMetric']").filter(has_text="Links").first
           ).to_contain_text(str(LONG_PARAGRAPHS))
    _shot(pg, "7_long_document")

    goto = pg.locator(".st-key-link_goto input")
    for ordinal in (199, 150, 60):  # any link, by its number
        goto.click()
        goto.fill(f"Link {ordinal} ")
        timed("go to a link (box)", lambda: goto.press("Enter"), _heading(pg, ordinal))
    listed = pg.locator(".st-key-link_list label")
    for ordinal in (70, 55, 64):  # the list shows links 50-74 around link 60
        item = listed.filter(has=pg.locator("strong", has_text=re.compile(rf"^{ordinal}$")))
        timed("open a link (list)", item.click, _heading(pg, ordinal))
    _shot(pg, "8_opened_from_the_list")
    for ordinal in (65, 66, 67):
        timed("next link", pg.get_by_role("button", name="▶").click, _heading(pg, ordinal))
    for _ in range(3):
        before = pg.locator(".st-key-editor strong").first.inner_text()
        timed("next open finding", pg.get_by_role("button", name="Next ⚑").click,
              pg.locator(".st-key-editor strong", has_text="Link").filter(
                  has_not_text=before))

    # A one-click fix, saved: the finding closes and the open count drops (three links,
    # each reached by "next open finding").
    editor = pg.locator(".st-key-editor")
    for turn in range(3):
        if turn:
            before_link = editor.locator("strong").first.inner_text()
            pg.get_by_role("button", name="Next ⚑").click()
            _settle(pg, editor.locator("strong", has_text="Link").filter(
                has_not_text=before_link))
        fix = editor.locator("[class*='st-key-fix_'] button", has_text="مقاطعة").first
        fix.wait_for(timeout=30_000)
        before = _metric(pg, "Open findings")
        wanted = fix.inner_text().split("→")[-1].strip(" \u2068\u2069\n")
        fix.click()
        expect(editor.locator("textarea")).to_have_value(re.compile(re.escape(wanted)),
                                                         timeout=30_000)
        pg.wait_for_function(SETTLED)
        if not turn:
            _shot(pg, "9_fix_in_the_box")
        timed("save (with re-check)",
              editor.get_by_role("button", name="Save", exact=True).click,
              editor.get_by_text(re.compile(r"Saved as version 1\..*finding\(s\) fixed")))
        assert _metric(pg, "Open findings") < before
        expect(editor.locator("[class*='st-key-fix_']")).to_have_count(0)
    _shot(pg, "10_fixed_and_saved")

    # Keyboard: Ctrl+Enter in the box saves and goes to the next open finding (Streamlit's
    # own "Ctrl+Enter to apply" is not offered there).
    heading = editor.locator("strong").first.inner_text()
    box = editor.locator("textarea")
    box.click()
    box.press("End")
    box.type(" ✓")
    expect(editor.get_by_text("Ctrl+Enter to apply")).not_to_be_visible()
    start = time.perf_counter()
    box.press("Control+Enter")
    _settle(pg, pg.get_by_text(re.compile(rf"^{heading}: Saved as version 2")))
    timings.setdefault("save and next (Ctrl+Enter)", []).append(time.perf_counter() - start)
    expect(editor.locator("strong").first).not_to_have_text(heading)
    assert not box.input_value().endswith(" ✓")  # the next link's own text
    _shot(pg, "11_keyboard_save_and_next")
    # The box shows its whole paragraph (no scrolling inside it).
    assert box.evaluate("t => t.scrollHeight <= t.clientHeight + 2")

    report = _report(timings)
    print(f"\nbrowser wall time, {LONG_PARAGRAPHS}-paragraph document "
          f"(target {TARGET_S} s):\n{report}")
    (ARTIFACTS / "browser_timings.txt").write_text(report + "\n", encoding="utf-8")
