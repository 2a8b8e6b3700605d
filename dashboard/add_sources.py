"""Add sources from the dashboard: files, pasted text or an address, with metadata (issue #4).

Everything goes through workspace.ingest, as the CLI's `add` does;
each input that fails gives one line naming it and why, the others are still
added. Claims are then extracted with a progress bar and the app reruns, so
every view shows the new sources without a restart.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from analysis.report.escape import md_escape
from dashboard import state
from sources.errors import RashomonError
from sources.models import SourceMeta
from sources.sidecar import SIDECAR_NAME

FORM_KEY = "add.form"
RESULTS_KEY = "add.results"
FILE_TYPES = ["txt", "md", "markdown", "html", "htm", "pdf", "json"]


def _meta(title: str, publisher: str, published: date | None, side: str) -> SourceMeta | None:
    fields = {
        "title": title.strip() or None,
        "publisher": publisher.strip() or None,
        "published": published,
        "side": side.strip() or None,
    }
    return SourceMeta(**fields) if any(v is not None for v in fields.values()) else None


def _safe_name(name: str) -> str:
    """An uploaded file's own name, never a path: "../../x.txt" becomes "x.txt"."""
    return Path(name.replace("\\", "/")).name or "upload.txt"


def visualize_add_sources(data: state.Data) -> None:
    target = state.new_workspace_path()
    if data.demo:
        st.info(
            f"You are looking at the built-in demo corpus. Adding sources creates a workspace file "
            f"**{md_escape(target)}**, which the dashboard then shows. The demo accounts go into it only if you tick "
            "the box below.",
            icon=":material/info:",
        )
    else:
        st.caption(f"Sources are added to the workspace {md_escape(target)}.")
    show_results()

    with st.form(FORM_KEY, clear_on_submit=True, enter_to_submit=False):
        files = st.file_uploader(
            "Files (.txt, .md, .html, .pdf) — several at once. A sources.json among them supplies their metadata.",
            type=FILE_TYPES,
            accept_multiple_files=True,
            key="add.files",
        )
        st.markdown("**or** paste an article")
        text = st.text_area("Article text", key="add.text", height=160, label_visibility="collapsed",
                            placeholder="Paste the text of an article here")  # fmt: skip
        name = st.text_input("Name for the pasted text", key="add.name", placeholder="e.g. ledger-2020-06-24")
        url = st.text_input("**or** an address (URL)", key="add.url", placeholder="https://…")
        st.markdown("**About these sources** — optional; applies to everything added now and overrides what the "
                    "files themselves say")  # fmt: skip
        left, right = st.columns(2)
        title = left.text_input("Title", key="add.title")
        publisher = right.text_input("Publisher", key="add.publisher")
        published = left.date_input("Published", value=None, key="add.published", format="YYYY-MM-DD")
        side = right.text_input("Side", key="add.side", placeholder="e.g. India, China, neutral")
        with_demo = st.checkbox("Also add the 4 demo accounts", key="add.demo") if data.demo else False
        submitted = st.form_submit_button("Add and analyse", type="primary", key="add.submit")
    if submitted:
        inputs = {"files": files or [], "text": text, "name": name, "url": url, "with_demo": with_demo}
        added = run_add(target, inputs, _meta(title, publisher, published, side))
        if added:
            st.rerun()


def show_results() -> None:
    """What the last submission did; kept across the rerun that refreshes every view."""
    for level, line in st.session_state.get(RESULTS_KEY, []):
        # File names and error lines come from the user: shown as text, not as Markdown.
        {"success": st.success, "info": st.info, "error": st.error}[level](md_escape(line))


def run_add(target: Path, inputs: dict[str, Any], meta: SourceMeta | None) -> bool:
    """Add every input, extract and align; True when the workspace changed."""
    from workspace import ingest

    messages: list[tuple[str, str]] = []
    results = []
    if not (inputs["files"] or inputs["text"].strip() or inputs["url"].strip() or inputs["with_demo"]):
        st.session_state[RESULTS_KEY] = [("error", "Nothing to add: choose files, paste a text or give an address.")]
        show_results()
        return False
    try:
        ws = state.open_workspace(str(target))
    except RashomonError as exc:
        st.session_state[RESULTS_KEY] = [("error", str(exc))]
        show_results()
        return False
    with st.spinner("Reading the sources…"):
        if inputs["with_demo"]:
            found, errors = ingest.ingest_paths(ws, [state.DEMO_DIR])
            results += found
            messages += [("error", str(e)) for e in errors]
        if inputs["files"]:
            found, errors = _ingest_uploads(ws, inputs["files"], meta, messages)
            results += found
            messages += [("error", str(e)) for e in errors]
        if inputs["text"].strip():
            name = inputs["name"].strip() or ingest.pasted_name(inputs["text"])
            try:
                results.append(ingest.ingest_text(ws, inputs["text"], name=name, meta=meta))
            except RashomonError as exc:
                messages.append(("error", str(exc)))
        if inputs["url"].strip():
            try:
                results.append(ingest.ingest_url(ws, inputs["url"].strip(), meta=meta))
            except RashomonError as exc:
                messages.append(("error", str(exc)))
    changed = [r for r in results if r.status in ("added", "updated")]
    for r in results:
        if r.status == "duplicate":
            messages.append(("info", f"{r.name}: same text as source {r.existing_id}, not added again"))
    if changed:
        state.refresh_with_progress(ws, f"Extracting claims from {len(changed)} source(s)…")
        counts = {r.source_id: len(ws.claims(r.source_id)) for r in changed}
        lines = [f"{r.name} ({r.source_id}, {r.status}): {counts[r.source_id]} claims" for r in changed]
        messages.insert(0, ("success", f"Added {len(changed)} source(s) — " + "; ".join(lines)))
    st.session_state[RESULTS_KEY] = messages
    if not changed:
        show_results()
    return bool(changed)


def _ingest_uploads(
    ws: Any, files: list[Any], meta: SourceMeta | None, messages: list[tuple[str, str]]
) -> tuple[list, list]:
    """Write the uploads under their own names into a fresh folder, then add them like files from disk."""
    from workspace import ingest

    with tempfile.TemporaryDirectory(prefix="rashomon-upload-") as folder:
        paths = []
        for upload in files:
            path = Path(folder) / _safe_name(upload.name)
            path.write_bytes(upload.getvalue())
            if path.suffix.lower() == ".json":
                if path.name != SIDECAR_NAME:
                    messages.append(("error", f"{path.name}: only a file named {SIDECAR_NAME} is read, as metadata"))
                continue
            paths.append(path)
        if not paths:
            return [], []
        return ingest.ingest_paths(ws, paths, meta=meta)
