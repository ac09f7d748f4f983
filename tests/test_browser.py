"""The main flow in a real browser: ``streamlit run app.py`` driven by Debian's chromium.

Log in as the demo user, open the demo document, see a finding highlighted, correct a
paragraph and save it, approve it, open its history and see the revision.  Screenshots
of every step go to ``test-artifacts/`` (gitignored) for a human to look at.

The analysis uses the real pipeline when it is installed; otherwise (or with
``WORKBENCH_BROWSER_FAKE=1``) the fast fake of ``tests/app_fakes.py``, plugged in
through ``WORKBENCH_ANALYSER``.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 60
DEMO_TIMEOUT_MS = 180_000  # first page opens the database and analyses the demo


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
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium")
    pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
    port = _free_port()
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(tmp_path_factory.mktemp("data")),
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
        yield url
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

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield pg
        browser.close()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"browser_{name}.png"))


def test_review_flow_in_a_real_browser(server, page) -> None:
    from playwright.sync_api import expect

    pg = page
    pg.goto(server)
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

    # Review: a flagged term is highlighted in the Arabic.
    pg.locator(".wb-side[dir=rtl] mark.wb-finding").first.wait_for(timeout=30_000)
    serious = pg.locator(".wb-side[dir=rtl] mark.wb-major, .wb-side[dir=rtl] mark.wb-critical")
    mark = serious.first if serious.count() else pg.locator(
        ".wb-side[dir=rtl] mark.wb-finding").first
    mark.scroll_into_view_if_needed()
    expect(mark).to_be_visible()
    assert mark.inner_text().strip()
    row = pg.locator("[class*='st-key-row_']").filter(has=mark).first
    _shot(pg, "3_highlighted_finding")

    # Correct the paragraph and save it.
    box = row.locator("textarea")
    corrected = box.input_value() + " (مراجعة)"
    box.fill(corrected)
    box.press("Control+Enter")  # commit the text to the server before clicking
    row.get_by_role("button", name="Save correction").click()
    expect(row.get_by_text("Saved as version 1")).to_be_visible(timeout=30_000)
    _shot(pg, "4_saved")

    # Approve it (the demo account is an editor).
    row.get_by_role("button", name="Approve").click()
    expect(row.get_by_text("Marked approved")).to_be_visible(timeout=30_000)
    expect(row.get_by_text("approved by demo").first).to_be_visible()
    _shot(pg, "5_approved")

    # History shows the revision with its text.
    row.get_by_text("More…").click()
    row.get_by_role("tab", name="History").click()
    expect(row.get_by_text("v1 · edit · demo")).to_be_visible(timeout=30_000)
    expect(row.locator(".wb-side", has_text="(مراجعة)").first).to_be_visible()
    row.scroll_into_view_if_needed()
    _shot(pg, "6_history")


def _metric(pg, label: str) -> int:
    metric = pg.locator("[data-testid='stMetric']").filter(has_text=label).first
    return int(metric.locator("[data-testid='stMetricValue']").inner_text().strip())


def test_review_loop_in_a_real_browser(server, page) -> None:
    """One-click fix, save, the finding closes and the open count drops; page furniture
    is folded away and not counted; Alt+Enter saves and moves on.  Prints the wall time
    of opening the document, going to the next open finding and saving."""
    from playwright.sync_api import expect

    pg = page
    timings: dict[str, float] = {}
    pg.get_by_text("Documents", exact=True).first.click()
    open_button = pg.get_by_role("button", name="Open", exact=True).first
    open_button.wait_for(timeout=30_000)
    start = time.perf_counter()
    open_button.click()
    pg.locator(".wb-side[dir=rtl] mark.wb-finding").first.wait_for(timeout=30_000)
    timings["open"] = time.perf_counter() - start

    # Page furniture: one collapsed group, not counted in progress.
    furniture = pg.get_by_text(re.compile(r"Page furniture \(\d+\)")).first
    furniture.scroll_into_view_if_needed()
    expect(furniture).to_be_visible()
    folded = int(re.search(r"\((\d+)\)", furniture.inner_text()).group(1))
    rows = pg.locator("[class*='st-key-row_']").count()
    links = _metric(pg, "Links")
    assert folded > 0 and rows <= links
    expect(pg.get_by_text(f"{folded} page furniture link(s) not counted")).to_be_visible()
    _shot(pg, "7_furniture_folded")

    # One-click fix: the fixed text goes into the box; saving closes the finding.
    fix = pg.locator("[class*='st-key-fix_'] button").first
    fix.wait_for(timeout=30_000)
    row = pg.locator("[class*='st-key-row_']").filter(has=fix).first
    key = re.search(r"st-key-row_\d+", row.get_attribute("class")).group()
    row = pg.locator(f".{key}")  # stays the same row when its fix button goes
    before = _metric(pg, "Open findings")
    wanted = fix.inner_text().split("→")[-1].strip()
    fix.click()
    expect(row.get_by_text("Fix put in the box")).to_be_visible(timeout=30_000)
    expect(row.locator("textarea")).to_have_value(re.compile(re.escape(wanted)), timeout=10_000)
    row.scroll_into_view_if_needed()
    _shot(pg, "8_fix_in_the_box")
    start = time.perf_counter()
    row.get_by_role("button", name="Save correction").click()
    expect(row.get_by_text(re.compile(r"Saved as version \d+\..*finding\(s\) fixed"))
           ).to_be_visible(timeout=30_000)
    timings["save (with re-check)"] = time.perf_counter() - start
    after = _metric(pg, "Open findings")
    assert after < before, (before, after)
    _shot(pg, "9_fixed_and_saved")

    # Next open finding.
    start = time.perf_counter()
    pg.get_by_role("button", name="Next open finding").click()
    pg.locator("[class*='st-key-row_']", has_text="➡️").first.wait_for(timeout=30_000)
    timings["next open finding"] = time.perf_counter() - start

    # Keyboard: Alt+Enter in a correction box saves and moves to the next open finding.
    target = pg.locator("[class*='st-key-row_']", has_text="➡️").first
    heading = target.locator("p").first.inner_text()
    box = target.locator("textarea")
    box.click()
    box.press("End")
    box.type(" ✓")
    box.press("Alt+Enter")
    expect(pg.get_by_text(re.compile(r"Saved as version \d+")).first).to_be_visible(timeout=30_000)
    focused = pg.locator("[class*='st-key-row_']", has_text="➡️").first
    expect(focused.locator("p").first).not_to_have_text(heading, timeout=30_000)
    _shot(pg, "10_keyboard_save_and_next")

    line = ", ".join(f"{k} {v:.2f} s" for k, v in timings.items())
    print(f"\nbrowser wall time: {line}")
    (ARTIFACTS / "browser_timings.txt").write_text(line + "\n", encoding="utf-8")
