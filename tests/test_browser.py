"""The dashboard in a real browser (issue #4): headless Debian Chromium driven by Playwright.

Starts `streamlit run app.py` on a free port of 127.0.0.1 over a workspace
seeded with the demo corpus, then: the overview shows the numbers; a known
contradiction of the demo corpus (docs/demo-corpus.md: the corps commanders'
meeting on 22 vs 30 June 2020) opens with both sources' quotes; an uploaded
file appears as a source, its markup shown as text. Screenshots of the
overview, matrix and fact view go to the folder the test prints
($RASHOMON_TEST_OUTPUT, else pytest's temporary folder).

Never runs `playwright install`: it uses /usr/bin/chromium (.ci/run installs it).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from claims.nlp import load_nlp
from workspace import ingest, pipeline
from workspace.store import Workspace

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT_S = 60
STEP_TIMEOUT_MS = 30_000
UPLOAD_TEXT = (
    "Shelling hits border villages\n\n"
    "At least 12 villagers were killed when artillery shells struck the village of Varna on 3 March 2021, "
    "local officials said. <script>window.__rashomon_pwned = 1</script> Around 300 families fled.\n"
)

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the dev extra)")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, proc: subprocess.Popen, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{proc.stdout.read() if proc.stdout else ''}")
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=2).text.strip() == "ok":
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not serve {url} within {timeout} s")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser-ws") / "rashomon.db"
    with Workspace(path) as ws:
        _results, errors = ingest.ingest_paths(ws, [ROOT / "demo"])
        assert not errors
        pipeline.refresh(ws, nlp=load_nlp())
    return path


@contextmanager
def serving(workspace: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free local port over `workspace`; its address while it runs."""
    port = free_port()
    env = os.environ | {"RASHOMON_WORKSPACE": str(workspace), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[str]:
    with serving(workspace) as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    named = os.environ.get("RASHOMON_TEST_OUTPUT")
    folder = Path(named) / "browser" if named else tmp_path_factory.mktemp("browser-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@contextmanager
def browser_tab() -> Iterator[object]:
    """A headless Debian chromium tab at 1440 px; fails afterwards if the page raised a JavaScript error."""
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1440, "height": 1400})
        tab.set_default_timeout(STEP_TIMEOUT_MS)
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        yield tab
        browser.close()
        assert not errors, f"JavaScript errors in the page: {errors}"


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    with browser_tab() as tab:
        yield tab


def settle(page) -> None:  # noqa: ANN001 - a Playwright Page
    """Wait until the script run is over and every element has drawn."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0")
    page.wait_for_timeout(400)  # charts draw after their element mounts


def open_tab(page, name: str) -> None:  # noqa: ANN001
    page.get_by_role("tab", name=name, exact=True).click()
    page.wait_for_timeout(200)
    settle(page)


def metric(page, label: str) -> str:  # noqa: ANN001
    box = page.locator('[data-testid="stMetric"]', has_text=label)
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_overview_contradiction_and_upload(page, server: str, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(server)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    page.wait_for_selector(".rashomon-heatmap td[title]")  # the heatmap, a cell of two sources with a fact in common
    settle(page)
    assert metric(page, "Sources") == "4"
    assert int(metric(page, "Contested facts")) >= 1
    page.screenshot(path=shots / "overview.png")

    open_tab(page, "Matrix")
    page.wait_for_selector('[data-testid="stDataFrame"]')
    settle(page)
    page.screenshot(path=shots / "matrix.png")
    grid = page.locator('[data-testid="stDataFrame"]').bounding_box()
    assert grid is not None
    page.mouse.click(grid["x"] + 16, grid["y"] + 35 + 17)  # the first row's selection box
    page.get_by_text("What each source says").wait_for()  # a clicked row opens its fact
    settle(page)

    # The known contradiction: the Ledger dates the corps commanders' meeting 22 June, Halden 30 June.
    open_tab(page, "Overview")
    card = page.locator('[class*="st-key-overview-card-"]', has_text="22 Jun 2020")
    card.get_by_role("button", name="Open this fact").click()
    page.get_by_text("What each source says").wait_for()
    settle(page)
    marks = page.locator("mark").all_inner_texts()
    assert any("June 22, 2020" in m for m in marks) and any("June 30, 2020" in m for m in marks), marks
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "The New Delhi Morning Ledger" in body and "Halden Institute" in body
    assert "8 days apart" in body
    page.screenshot(path=shots / "fact.png")

    upload = tmp_path / "varna_report.txt"
    upload.write_text(UPLOAD_TEXT, encoding="utf-8")
    open_tab(page, "Add sources")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    page.get_by_text("varna_report.txt").first.wait_for()
    page.get_by_label("Side").fill("Kestria")
    page.get_by_role("button", name="Add and analyse").click()
    page.locator('[data-testid="stAlertContentSuccess"]', has_text="varna_report.txt").wait_for(timeout=60_000)
    settle(page)
    page.screenshot(path=shots / "added.png")

    open_tab(page, "Overview")
    assert metric(page, "Sources") == "5"
    assert "varna_report.txt" in page.locator('[data-testid="stMain"]').inner_text()

    open_tab(page, "Source")
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="varna_report.txt").click()
    settle(page)
    # the chosen source's text draws after the rerun the selection starts: wait for it, not for a fixed time
    page.locator('[data-testid="stMain"]').get_by_text("window.__rashomon_pwned", exact=False).first.wait_for(
        timeout=STEP_TIMEOUT_MS
    )
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "<script>window.__rashomon_pwned = 1</script>" in text  # shown as text ...
    assert page.evaluate("window.__rashomon_pwned === undefined")  # ... never run
    page.screenshot(path=shots / "source.png")


def matrix_row(page, n: int) -> tuple[str, dict]:  # noqa: ANN001
    """The fact of the table's n-th row (from 0), read from the grid's accessible table, and the grid's box."""
    grid = page.locator('[data-testid="stDataFrame"]')
    row = grid.locator('[role="row"]').nth(n + 1)  # row 0 is the header
    topic = row.locator('[role="gridcell"]').first.inner_text().strip()
    box = grid.bounding_box()
    assert box is not None and topic
    return topic, box


@pytest.mark.parametrize(("row", "x"), [(2, 700), (4, 150)])  # a source's cell; the Fact cell
def test_a_click_on_a_matrix_row_opens_its_fact(page, server: str, row: int, x: int) -> None:  # noqa: ANN001
    """Issue #10: clicking a cell, not only the small box at the row's start, opens that row's fact."""
    page.goto(f"{server}/?tab=Matrix")
    page.wait_for_selector('[data-testid="stDataFrame"] [role="row"]', state="attached")
    settle(page)
    topic, box = matrix_row(page, row)
    page.mouse.click(box["x"] + x, box["y"] + 35 * (row + 1) + 17)
    page.get_by_text("What each source says").wait_for()
    settle(page)
    assert page.get_by_role("tab", name="Fact", exact=True).get_attribute("aria-selected") == "true"
    assert page.locator('[data-testid="stMain"] h3').first.inner_text().strip() == topic


def source_names(workspace: Path) -> dict[str, str]:
    with Workspace(workspace) as ws:
        return {s.name: s.text for s in ws.list_sources()}


def test_a_same_named_upload_is_a_second_source_unless_replacing(page, server: str, workspace: Path,
                                                                  tmp_path: Path) -> None:  # noqa: ANN001  # fmt: skip
    """Issue #10: a file named like a source, with another text, is added beside it; replaced only on request.

    A refused file in the same upload is named, with its reason, at the top of the page.
    """
    original = (ROOT / "demo" / "01_indian_ledger_galwan.txt").name
    before = source_names(workspace)
    assert original in before
    same_name = tmp_path / original
    same_name.write_text(UPLOAD_TEXT.replace("12 villagers", "11 villagers"), encoding="utf-8")  # a text of its own
    docx = tmp_path / "notes.docx"
    docx.write_bytes(b"PK\x03\x04 not really a word document")

    page.goto(f"{server}/?tab=Add%20sources")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([str(same_name), str(docx)])
    page.get_by_text("notes.docx").first.wait_for()
    page.get_by_role("button", name="Add and analyse").click()
    second = "01_indian_ledger_galwan (2).txt"
    added = page.locator('[data-testid="stAlertContentSuccess"]', has_text=second)
    added.wait_for(timeout=60_000)
    settle(page)
    refused = page.locator('[data-testid="stAlertContentError"]', has_text="notes.docx")
    assert "unsupported file type '.docx'" in refused.inner_text()
    assert "rashomon-upload" not in page.locator('[data-testid="stMain"]').inner_text()  # never the temporary copy
    uploader = page.locator('[data-testid="stFileUploader"]').bounding_box()
    for alert in (added, refused):  # at the top, above the form, not below the fold
        box = alert.bounding_box()
        assert box is not None and uploader is not None and box["y"] < uploader["y"]

    after = source_names(workspace)
    assert len(after) == len(before) + 1
    assert after[original] == before[original]  # the first source is untouched
    assert after[second].startswith("Shelling hits border villages")

    # Replacing is the user's choice: the box ticked, the same name replaces that source's text.
    replacement = tmp_path / "again" / original
    replacement.parent.mkdir()
    replacement.write_text(UPLOAD_TEXT.replace("12 villagers", "14 villagers"), encoding="utf-8")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(replacement))
    page.get_by_text(original).first.wait_for()
    page.get_by_test_id("stCheckbox").get_by_text("Replace a source of the same name").click()
    page.get_by_role("button", name="Add and analyse").click()
    page.locator('[data-testid="stAlertContentSuccess"]', has_text="replaced the text").wait_for(timeout=60_000)
    settle(page)
    replaced = source_names(workspace)
    assert set(replaced) == set(after)
    assert "14 villagers" in replaced[original]
