"""Add sources from the dashboard: files, pasted text or an address, with metadata (issues #4, #10).

Everything goes through workspace.ingest, as the CLI's `add` does. Each
input ends with one outcome named by the user's own file name (never the
temporary copy): added, a second source beside a same-named one, updated,
already there, or refused with the reason. The outcomes are shown at the top
of the page, so a refusal is never below the fold nor hidden behind "Nothing
to add". Claims are then extracted with a progress bar and the app reruns, so
every view shows the new sources without a restart.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import streamlit as st

from analysis.report.escape import md_escape
from dashboard import state
from sources.errors import RashomonError
from sources.models import Source, SourceMeta
from sources.sidecar import SIDECAR_NAME

FORM_KEY = "add.form"
RESULTS_KEY = "add.results"
REPLACE_KEY = "add.replace"
# The file box takes any type, up to server.maxUploadSize (.streamlit/config.toml: 200 MB), so
# that a .docx or a 30 MB file reaches us and is refused by name with its reason (issue #10).
ORIGIN_FIELD = "origin"  # the workspace's source identity once it has one (issue #10, see _with_origin)

Status = Literal["added", "renamed", "updated", "duplicate", "refused"]


@dataclass(frozen=True)
class Outcome:
    """What became of one input: `name` is what the user called it, `detail` the rest of the line."""

    name: str
    status: Status
    detail: str
    source_id: str | None = None
    note: str = ""  # said after the claim count


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
    top = st.container()  # the outcomes of this submission go here, above the form (issue #10)
    with top:
        show_results()

    with st.form(FORM_KEY, clear_on_submit=True, enter_to_submit=False):
        files = st.file_uploader(
            "Files (.txt, .md, .html, .pdf) — several at once. A sources.json among them supplies their metadata.",
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
        replace = st.checkbox(
            "Replace a source of the same name",
            key=REPLACE_KEY,
            help="Off: a file named like a source already here, with another text, is added beside it under a "
            "distinct name. On: it replaces that source's text (its claims are extracted again).",
        )
        with_demo = st.checkbox("Also add the 4 demo accounts", key="add.demo") if data.demo else False
        submitted = st.form_submit_button("Add and analyse", type="primary", key="add.submit")
    if submitted:
        inputs = {"files": files or [], "text": text, "name": name, "url": url, "with_demo": with_demo,
                  "replace": replace}  # fmt: skip
        added = run_add(target, inputs, _meta(title, publisher, published, side))
        if added:
            st.rerun()
        with top:  # nothing changed, so no rerun: show what happened where the user looks
            show_results()


# -- outcomes ---------------------------------------------------------------------------

_HEADINGS: dict[str, tuple[str, tuple[Status, ...]]] = {
    "success": ("Added", ("added", "renamed", "updated")),
    "error": ("Refused", ("refused",)),
    "info": ("Already in the workspace", ("duplicate",)),
}


def outcome_line(outcome: Outcome) -> str:
    """One Markdown line: the user's name in bold (escaped), then what happened."""
    note = f" — {md_escape(outcome.note)}" if outcome.note else ""
    return f"**{md_escape(outcome.name)}** — {md_escape(outcome.detail)}{note}"


def show_results() -> None:
    """What the last submission did, grouped by outcome; kept across the rerun that refreshes every view."""
    results = st.session_state.get(RESULTS_KEY)
    if not results:
        return
    outcomes: list[Outcome] = results["outcomes"]
    for level, (heading, statuses) in _HEADINGS.items():
        chosen = [o for o in outcomes if o.status in statuses]
        if not chosen:
            continue
        lines = "\n".join(f"- {outcome_line(o)}" for o in chosen)
        noun = "input" if len(chosen) == 1 else "inputs"
        {"success": st.success, "info": st.info, "error": st.error}[level](
            f"**{heading}: {len(chosen)} {noun}**\n\n{lines}"
        )
    if results.get("note"):
        st.error(md_escape(results["note"]))


def _store(outcomes: list[Outcome], note: str = "") -> None:
    st.session_state[RESULTS_KEY] = {"outcomes": outcomes, "note": note}


def refused(name: str, exc: RashomonError, *, temp: str | None = None) -> Outcome:
    """A refusal named by the user's name: the error's own line speaks of the temporary copy."""
    line = str(exc)
    if temp:
        line = line.replace(temp, name)
    prefix = f"{name}: "
    return Outcome(name, "refused", line[len(prefix) :] if line.startswith(prefix) else line)


# -- adding -----------------------------------------------------------------------------


def nothing_line() -> str:
    limit = st.get_option("server.maxUploadSize")
    return (
        "Nothing to add: choose files, paste a text or give an address. "
        f"(A file over {limit} MB never reaches Rashomon: the file box refuses it.)"
    )


def run_add(target: Path, inputs: dict[str, Any], meta: SourceMeta | None) -> bool:
    """Add every input, extract and align; True when the workspace changed."""
    if not (inputs["files"] or inputs["text"].strip() or inputs["url"].strip() or inputs["with_demo"]):
        _store([], nothing_line())
        return False
    try:
        ws = state.open_workspace(str(target))
    except RashomonError as exc:
        _store([], str(exc))
        return False
    with st.spinner("Reading the sources…"):
        outcomes = add_inputs(ws, inputs, meta)
    changed = [o for o in outcomes if o.status in ("added", "renamed", "updated")]
    if changed:
        state.refresh_with_progress(ws, f"Extracting claims from {len(changed)} source(s)…")
        counts = {o.source_id: len(ws.claims(o.source_id)) for o in changed}
        outcomes = [
            dataclasses.replace(o, detail=f"{o.detail}: {counts[o.source_id]} claims") if o.source_id in counts else o
            for o in outcomes
        ]
    _store(outcomes)
    return bool(changed)


def add_inputs(ws: Any, inputs: dict[str, Any], meta: SourceMeta | None) -> list[Outcome]:
    """Add the demo, files, pasted text and address of one submission; one outcome each."""
    from workspace import ingest

    outcomes: list[Outcome] = []
    if inputs.get("with_demo"):
        found, errors = ingest.ingest_paths(ws, [state.DEMO_DIR])
        outcomes += [_added(r, r.name) for r in found]
        outcomes += [refused(e.name, e) for e in errors]
    if inputs["files"]:
        outcomes += add_uploads(ws, inputs["files"], meta, replace=bool(inputs.get("replace")))
    if inputs["text"].strip():
        name = inputs["name"].strip() or ingest.pasted_name(inputs["text"])
        try:
            outcomes.append(_added(ingest.ingest_text(ws, inputs["text"], name=name, meta=meta), name))
        except RashomonError as exc:
            outcomes.append(refused(name, exc))
    if inputs["url"].strip():
        address = inputs["url"].strip()
        try:
            outcomes.append(_added(ingest.ingest_url(ws, address, meta=meta), address))
        except RashomonError as exc:
            outcomes.append(refused(address, exc))
    return outcomes


def _added(result: Any, name: str, renamed_from: str | None = None) -> Outcome:
    """The outcome of one AddResult, named `name` as the user knows the input."""
    if result.status == "duplicate":
        return Outcome(name, "duplicate", f"same text as source {result.existing_id}, not added again")
    if result.status == "updated":
        return Outcome(name, "updated", f"replaced the text of {result.source_id}", result.source_id)
    if renamed_from is not None:
        note = (
            f"a source named {renamed_from} already holds another text; to replace it instead, tick "
            "“Replace a source of the same name”"
        )
        return Outcome(name, "renamed", f"added as {result.source_id} “{result.name}”", result.source_id, note)
    return Outcome(name, "added", f"added as {result.source_id}", result.source_id)


def distinct_name(name: str, taken: set[str]) -> str:
    """`report.txt` -> `report (2).txt`, the first number not taken (as browsers name a second download)."""
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if path.stem else (name, "")
    number = 2
    while f"{stem} ({number}){suffix}" in taken:
        number += 1
    return f"{stem} ({number}){suffix}"


def _with_origin(source: Source, name: str, existing: dict[str, Any] | None) -> Source:
    """Where the workspace keys sources by origin (issue #10), an upload's origin is its name and text.

    `upload:<name>:<sha256 prefix>` differs for another text under the same
    name; replacing reuses the replaced source's origin. Until the workspace
    has the field, the (distinct) name is the identity and this does nothing.
    """
    if ORIGIN_FIELD not in Source.model_fields:
        return source
    origin = (existing or {}).get(ORIGIN_FIELD) or f"upload:{name}:{source.sha256[:12]}"
    return source.model_copy(update={ORIGIN_FIELD: origin})


def add_uploads(ws: Any, files: list[Any], meta: SourceMeta | None, *, replace: bool = False) -> list[Outcome]:
    """Read each upload under its own name, then add it: a same-named source with another text is kept.

    `files` are Streamlit UploadedFiles (anything with `.name` and `.getvalue()`).
    Without `replace`, a file named like a source already in the workspace but
    with another text becomes a second source, named `name (2).ext`.
    """
    from workspace import ingest

    sidecar = next((f.getvalue() for f in files if _safe_name(f.name) == SIDECAR_NAME), None)
    rows = {row["name"]: row for row in ws.source_rows()}
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="rashomon-upload-") as folder:
        if sidecar is not None and (problem := _sidecar_problem(Path(folder) / "sidecar", sidecar)):
            outcomes.append(problem)
            sidecar = None
        for number, upload in enumerate(files):
            name = _safe_name(upload.name)
            if name == SIDECAR_NAME:
                continue
            if Path(name).suffix.lower() == ".json":
                outcomes.append(Outcome(name, "refused", f"only a file named {SIDECAR_NAME} is read, as metadata"))
                continue
            try:
                source = _read_upload(Path(folder) / str(number), name, upload.getvalue(), sidecar, meta)
            except RashomonError as exc:
                outcomes.append(refused(name, exc, temp=str(Path(folder) / str(number) / name)))
                continue
            existing = rows.get(name)
            renamed = None
            if existing is not None and existing["sha256"] != source.sha256 and not replace:
                renamed, name = name, distinct_name(name, set(rows))
                source = source.model_copy(update={"name": name})
            source = _with_origin(source, name, existing if renamed is None else None)
            result = ingest.ingest(ws, [source])[0]
            if result.status != "duplicate":
                rows[name] = {"name": name, "sha256": source.sha256}
            outcomes.append(_added(result, renamed or name, renamed))
    return outcomes


def _sidecar_problem(folder: Path, data: bytes) -> Outcome | None:
    """A sources.json that cannot be used is refused once, by its name; the files still go in."""
    from sources.sidecar import read_sidecar

    folder.mkdir()
    (folder / SIDECAR_NAME).write_bytes(data)
    try:
        read_sidecar(folder)
    except RashomonError as exc:
        return refused(SIDECAR_NAME, exc, temp=str(folder))
    return None


def _read_upload(folder: Path, name: str, data: bytes, sidecar: bytes | None, meta: SourceMeta | None) -> Source:
    """One upload, loaded as a file from disk would be (same checks, same sources.json metadata)."""
    from sources.collect import collect

    folder.mkdir()
    (folder / name).write_bytes(data)
    if sidecar is not None:
        (folder / SIDECAR_NAME).write_bytes(sidecar)
    found = collect([folder / name], meta=meta)
    if found.errors:
        raise found.errors[0]
    return found.sources[0]
