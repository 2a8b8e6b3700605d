"""collect and read_sidecar: folders, sidecar metadata, one bad file among good ones (issue #2)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sources.collect import collect
from sources.errors import (
    BadEncoding,
    BadSidecar,
    BinarySource,
    DuplicateSource,
    EmptyFolder,
    SkippedFiles,
    UnreadablePath,
    UnsupportedType,
)
from sources.models import SourceMeta
from sources.sidecar import read_sidecar

NORTH = "The northern command said its units withdrew from the ridge on Monday night."
SOUTH = "The southern ministry said the ridge was shelled for three hours before dawn."
THIRD = "A relief agency counted two hundred families on the road out of the valley."
PAGE = f"<html><head><title>Ridge report</title></head><body><article><p>{THIRD}</p></article></body></html>"

SIDECAR = [
    {
        "file": "a_north.txt",
        "publisher": "North Daily",
        "title": "Withdrawal from the ridge",
        "address": "https://north.example/ridge",
        "published": "2024-05-02",
        "side": "north",
        "note": "saved by hand",
    },
    {"file": "b_south.md", "publisher": "South Radio", "published": None, "note": ""},
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of three readable accounts, a sidecar, and a hidden file (never read, never named)."""
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "a_north.txt").write_text(NORTH, encoding="utf-8")
    (root / "b_south.md").write_text(f"# South\n\n{SOUTH}", encoding="utf-8")
    (root / "c_page.html").write_text(PAGE, encoding="utf-8")
    (root / "sources.json").write_text(json.dumps(SIDECAR), encoding="utf-8")
    (root / ".hidden.txt").write_text("A hidden file is never read by the collector at all.", encoding="utf-8")
    return root


def test_folder_with_sidecar(folder: Path) -> None:
    result = collect([folder])
    assert result.errors == []
    assert [(s.id, s.name) for s in result.sources] == [
        ("s1", "a_north.txt"),
        ("s2", "b_south.md"),
        ("s3", "c_page.html"),
    ]
    north, south, page = result.sources
    assert north.publisher == "North Daily"
    assert north.title == "Withdrawal from the ridge"
    assert north.address == "https://north.example/ridge"
    assert north.published == date(2024, 5, 2)
    assert north.side == "north"
    assert (south.publisher, south.title, south.published) == ("South Radio", "South", None)
    assert page.title == "Ridge report"  # no sidecar entry: the page's own metadata
    assert page.text == THIRD


def test_explicit_meta_beats_sidecar(folder: Path) -> None:
    result = collect([folder], meta=SourceMeta(side="observer"))
    assert [s.side for s in result.sources] == ["observer", "observer", "observer"]
    assert result.sources[0].publisher == "North Daily"


def test_explicit_file_gets_its_folder_sidecar(folder: Path) -> None:
    result = collect([str(folder / "a_north.txt")])
    assert [s.publisher for s in result.sources] == ["North Daily"]


def test_one_bad_file_among_good_ones(folder: Path) -> None:
    (folder / "b_broken.txt").write_bytes("na\u00efve".encode("latin-1"))
    result = collect([folder])
    assert [s.name for s in result.sources] == ["a_north.txt", "b_south.md", "c_page.html"]
    assert [s.id for s in result.sources] == ["s1", "s2", "s3"]
    assert len(result.errors) == 1
    assert isinstance(result.errors[0], BadEncoding)
    assert "b_broken.txt" in str(result.errors[0])


def test_explicit_paths_in_order_with_errors(tmp_path: Path, folder: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "z.txt").write_text(f"{THIRD} And a second sentence.", encoding="utf-8")
    paths = [
        tmp_path / "z.txt",
        tmp_path / "missing.txt",
        tmp_path / "notes.docx",
        tmp_path / "pic.txt",
        folder,
    ]
    result = collect(paths)
    assert [s.name for s in result.sources] == ["z.txt", "a_north.txt", "b_south.md", "c_page.html"]
    assert [s.id for s in result.sources] == ["s1", "s2", "s3", "s4"]
    assert [type(e) for e in result.errors] == [UnreadablePath, UnsupportedType, BinarySource]
    for error, name in zip(result.errors, ["missing.txt", "notes.docx", "pic.txt"], strict=True):
        assert name in str(error)


def test_duplicates_are_skipped(tmp_path: Path, folder: Path) -> None:
    (tmp_path / "copy.txt").write_text(f"\n{NORTH}   \n\n", encoding="utf-8")  # same once cleaned
    result = collect([folder, tmp_path / "copy.txt", folder / "a_north.txt"])
    assert [s.id for s in result.sources] == ["s1", "s2", "s3"]
    assert [type(e) for e in result.errors] == [DuplicateSource, DuplicateSource]
    assert str(result.errors[0]) == f"{tmp_path / 'copy.txt'}: same text as a_north.txt, skipped"
    assert result.errors[0].code == "E015"


def test_bad_sidecar_is_reported_once_and_files_still_load(folder: Path) -> None:
    (folder / "sources.json").write_text('[{"file": "a_north.txt",', encoding="utf-8")
    result = collect([folder])
    assert len(result.sources) == 3
    assert all(s.publisher is None for s in result.sources[:2])
    assert len(result.errors) == 1 and isinstance(result.errors[0], BadSidecar)
    assert "accounts" in str(result.errors[0])


def test_nothing_given() -> None:
    result = collect([])
    assert result.sources == [] and result.errors == []


# --- read_sidecar ------------------------------------------------------------


def test_sidecar_absent(tmp_path: Path) -> None:
    assert read_sidecar(tmp_path) == {}


def test_sidecar_entries(folder: Path) -> None:
    found = read_sidecar(folder)
    assert set(found) == {"a_north.txt", "b_south.md"}
    assert found["b_south.md"] == SourceMeta(publisher="South Radio")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid JSON at line 1"),
        ('{"file": "a.txt"}', "expected a JSON list"),
        ('["a.txt"]', "entry 1 is not an object"),
        ('[{"publisher": "X"}]', 'entry 1 has no "file"'),
        ('[{"file": "a.txt", "published": "5 May 2024"}]', "YYYY-MM-DD"),
        ('[{"file": "a.txt", "published": 20240505}]', "YYYY-MM-DD"),
        ('[{"file": "a.txt", "publisher": 7}]', '"publisher" must be text'),
        ('[{"file": "a.txt"}, {"file": "a.txt"}]', "listed twice"),
        ('[{"file": "a.txt", "publised": "2024-05-05"}]', r'entry 1 \(a.txt\): "publised" is not a known field'),
        ('[{"file": "a.txt", "note": ["x"]}]', '"note" must be text'),
    ],
)
def test_bad_sidecar(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "sources.json").write_text(content, encoding="utf-8")
    with pytest.raises(BadSidecar, match=reason) as caught:
        read_sidecar(tmp_path)
    assert str(tmp_path) in str(caught.value)


# --- sub-folders, what is skipped, same names (issue #10) ----------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Accounts sorted into sub-folders, with things that are not read beside them."""
    root = tmp_path / "tree"
    (root / "north" / "2024").mkdir(parents=True)
    (root / "south").mkdir()
    (root / "a.txt").write_text(NORTH, encoding="utf-8")
    (root / "north" / "2024" / "report.txt").write_text(SOUTH, encoding="utf-8")
    (root / "south" / "report.txt").write_text(THIRD, encoding="utf-8")
    (root / "south" / "notes.docx").write_bytes(b"PK\x03\x04 a word document")
    (root / "page.html").write_text(PAGE.replace(THIRD, f"{THIRD} The page was saved whole."), encoding="utf-8")
    (root / "page_files").mkdir()
    (root / "page_files" / "frame.html").write_text(PAGE, encoding="utf-8")  # an advert's frame, not an account
    return root


def test_sub_folders_are_read_in_order_and_skips_are_named(tree: Path) -> None:
    result = collect([tree])
    names = [s.name for s in result.sources]
    assert names == ["a.txt", "page.html", "report.txt", "south/report.txt"]
    assert [s.origin for s in result.sources][2:] == [
        str((tree / "north" / "2024" / "report.txt").resolve()),
        str((tree / "south" / "report.txt").resolve()),
    ]
    [skipped] = [e for e in result.errors if isinstance(e, SkippedFiles)]
    assert skipped.line() == (
        f"[E020] {tree}: skipped south/notes.docx (not .txt, .md, .html or .pdf); "
        "folder page_files (a saved page's images and scripts)"
    )
    assert len(result.errors) == 1


def test_no_recursive_names_the_sub_folders_it_left(tree: Path) -> None:
    result = collect([tree], recursive=False)
    assert [s.name for s in result.sources] == ["a.txt", "page.html"]
    [skipped] = result.errors
    assert "sub-folders north, south (--no-recursive)" in str(skipped)


@pytest.mark.parametrize(
    ("files", "recursive", "says"),
    [
        ({}, True, "in this folder or its sub-folders"),
        ({"old/notes.docx": b"PK"}, True, "or its sub-folders; skipped old/notes.docx (not .txt, .md, .html or .pdf)"),
        ({"old/a.txt": NORTH.encode()}, False, "in this folder; skipped sub-folder old (--no-recursive)"),
        ({".DS_Store": b"\x00\x01"}, True, "skipped 1 hidden file"),
        ({f"img{n}.png": b"\x89PNG" for n in range(5)}, True, "skipped 5 files not .txt, .md, .html or .pdf (5 .png)"),
    ],
)
def test_a_folder_with_nothing_to_read_says_what_it_holds(tmp_path: Path, files: dict, recursive: bool, says: str):
    root = tmp_path / "named"
    root.mkdir()
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    result = collect([root], recursive=recursive)
    [error] = result.errors
    assert isinstance(error, EmptyFolder) and says in str(error), str(error)


def test_a_link_back_up_the_tree_is_read_once(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    (root / "in").mkdir(parents=True)
    (root / "in" / "a.txt").write_text(NORTH, encoding="utf-8")
    (root / "in" / "back").symlink_to(root, target_is_directory=True)
    result = collect([root])
    assert [s.name for s in result.sources] == ["a.txt"]
    assert "link in/back (back to a folder already read)" in str(result.errors[0])


def test_same_file_name_in_two_folders_gives_two_sources(tmp_path: Path) -> None:
    for folder, text in (("a", NORTH), ("b", SOUTH)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(PAGE.replace(THIRD, text), encoding="utf-8")
    result = collect([tmp_path / "a" / "index.html", tmp_path / "b" / "index.html"])
    assert [s.name for s in result.sources] == ["index.html", "b/index.html"]
    assert result.errors == []


@pytest.mark.parametrize("name", ["evil\x1b[2J.txt", "two\nlines.txt", "bidi\u202etxt.exe.txt", "bell\x07.txt"])
def test_error_lines_are_neutralised_where_they_are_made(tmp_path: Path, name: str) -> None:
    """Issue #10: the report's errors and the dashboard get the safe line, not only the terminal."""
    [error] = collect([tmp_path / name]).errors
    line = error.line()
    assert line.isprintable() and "\n" not in line, repr(line)
    assert line.endswith(": cannot read: no such file")
