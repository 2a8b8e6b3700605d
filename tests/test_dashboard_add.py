"""The add page's uploads (issue #10): each file's outcome by its own name, a same name kept apart.

Real files of bytes into a real SQLite workspace; the uploads are the two
things the page reads of Streamlit's UploadedFile, a name and its bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard import add_sources as add
from dashboard import matrix
from workspace.store import Workspace

FIRST = "Shelling hit the village of Varna on 3 March 2021. At least 12 villagers were killed, officials said.\n"
SECOND = "A later account: at least 15 villagers were killed in Varna on 3 March 2021, the governor said.\n"
THIRD = "A third account: 9 villagers were killed in Varna on 3 March 2021, a hospital said.\n"


@dataclass
class Upload:
    """What dashboard/add_sources.py reads of an UploadedFile."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    with Workspace(tmp_path / "ws.db") as workspace:
        yield workspace


def page(text: str) -> bytes:
    return f"<html><body><article><h1>Varna</h1><p>{text}</p></article></body></html>".encode()


def names(ws: Workspace) -> list[str]:
    return [s.name for s in ws.list_sources()]


def test_a_same_named_file_with_other_text_is_a_second_source(ws: Workspace) -> None:
    [first] = add.add_uploads(ws, [Upload("report.txt", FIRST.encode())], None)
    assert first.status == "added" and first.name == "report.txt"
    [second] = add.add_uploads(ws, [Upload("report.txt", SECOND.encode())], None)
    assert second.status == "renamed" and second.name == "report.txt"
    assert "report (2).txt" in second.detail and "Replace" in second.note
    [third] = add.add_uploads(ws, [Upload("report.txt", THIRD.encode())], None)
    assert third.status == "renamed" and "report (3).txt" in third.detail
    assert names(ws) == ["report.txt", "report (2).txt", "report (3).txt"]
    texts = {s.name: s.text for s in ws.list_sources()}
    assert texts["report.txt"].startswith("Shelling") and texts["report (2).txt"].startswith("A later")


def test_the_same_file_again_is_already_there(ws: Workspace) -> None:
    add.add_uploads(ws, [Upload("report.txt", FIRST.encode())], None)
    [again] = add.add_uploads(ws, [Upload("report.txt", FIRST.encode())], None)
    assert again.status == "duplicate" and again.name == "report.txt" and "s1" in again.detail
    assert names(ws) == ["report.txt"]


def test_replacing_is_the_users_choice(ws: Workspace) -> None:
    add.add_uploads(ws, [Upload("report.txt", FIRST.encode())], None)
    [replaced] = add.add_uploads(ws, [Upload("report.txt", SECOND.encode())], None, replace=True)
    assert replaced.status == "updated" and replaced.source_id == "s1"
    assert names(ws) == ["report.txt"]
    assert ws.get_source("s1").text.startswith("A later")


def test_two_same_named_files_in_one_submission_both_go_in(ws: Workspace) -> None:
    pages = [Upload("index.html", page(FIRST)), Upload("index.html", page(SECOND))]  # saved pages often are
    outcomes = add.add_uploads(ws, pages, None)
    assert [o.status for o in outcomes] == ["added", "renamed"]
    assert names(ws) == ["index.html", "index (2).html"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("notes.docx", b"PK\x03\x04 a word document", "unsupported file type '.docx'"),
        ("huge.txt", b"x" * 20_000_001, "too large (20000001 bytes"),
        ("empty.txt", b"   \n", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        ("latin.txt", "Caf\u00e9 d\u00e9j\u00e0".encode("latin-1"), "not valid UTF-8"),
        ("meta.json", b"[]", "only a file named sources.json"),
    ],
)
def test_a_refused_file_is_named_by_its_own_name(ws: Workspace, name: str, data: bytes, reason: str) -> None:
    outcomes = add.add_uploads(ws, [Upload(name, data), Upload("good.txt", FIRST.encode())], None)
    bad, good = outcomes
    assert bad.status == "refused" and bad.name == name
    assert reason in bad.detail, bad.detail
    assert "rashomon-upload-" not in bad.detail and "/" not in bad.detail  # never the temporary copy
    assert good.status == "added"
    assert names(ws) == ["good.txt"]


def test_sources_json_supplies_the_metadata_and_a_bad_one_is_refused_once(ws: Workspace) -> None:
    sidecar = json.dumps([{"file": "ledger.txt", "publisher": "Morning Ledger", "side": "Kestria"}]).encode()
    add.add_uploads(ws, [Upload("sources.json", sidecar), Upload("ledger.txt", FIRST.encode())], None)
    assert ws.get_source("ledger.txt").publisher == "Morning Ledger"
    outcomes = add.add_uploads(ws, [Upload("sources.json", b"{not json"), Upload("wire.txt", SECOND.encode())], None)
    assert [(o.name, o.status) for o in outcomes] == [("sources.json", "refused"), ("wire.txt", "added")]
    assert "invalid JSON" in outcomes[0].detail


def test_a_path_in_an_uploaded_name_is_dropped(ws: Workspace) -> None:
    [outcome] = add.add_uploads(ws, [Upload("../../etc/report.txt", FIRST.encode())], None)
    assert outcome.name == "report.txt" and names(ws) == ["report.txt"]


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("report.txt", {"report.txt"}, "report (2).txt"),
        ("report.txt", {"report.txt", "report (2).txt"}, "report (3).txt"),
        ("README", {"README"}, "README (2)"),
        ("page.tar.gz", {"page.tar.gz"}, "page.tar (2).gz"),
    ],
)
def test_distinct_name(name: str, taken: set[str], expected: str) -> None:
    assert add.distinct_name(name, taken) == expected


def test_an_outcome_line_escapes_the_users_name() -> None:
    line = add.outcome_line(add.Outcome("*bold*_[x](y).txt", "added", "added as s1"))
    assert "\\*bold\\*" in line and line.endswith("added as s1")


# -- the matrix (issue #10) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("selection", "row"),
    [
        ({"rows": [3], "columns": [], "cells": []}, 3),
        ({"rows": [], "columns": [], "cells": [(5, "Meridian Wire")]}, 5),
        ({"rows": [], "columns": [], "cells": [[0, "Fact"]]}, 0),  # as it comes back from the browser
        ({"rows": [], "columns": [], "cells": []}, None),
        ({}, None),
    ],
)
def test_a_click_on_a_row_or_a_cell_chooses_that_row(selection: dict, row: int | None) -> None:
    assert matrix.clicked_row(selection) == row


@pytest.mark.parametrize(("sources", "pinned"), [(1, False), (4, False), (5, False), (6, False), (30, True)])
def test_five_sources_fit_at_1440_px_and_thirty_scroll_with_the_fact_pinned(sources: int, pinned: bool) -> None:
    width, pins = matrix.source_width(sources)
    assert pins is pinned
    assert width >= matrix.SOURCE_MIN_PX
    if not pinned:
        assert matrix.LEAD_PX + width * sources <= matrix.FIT_PX
