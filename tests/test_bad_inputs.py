"""The bad-input catalogue of issue #10, through `rashomon add` and `rashomon compare` as a user runs them.

Every input a new user may hand over: real files written here, real folders,
a real HTTP server on 127.0.0.1. A bad one gives one clear line on stderr
naming the input as the user typed it and the reason, the exit code says
whether anything was done, and the workspace still holds exactly what it held.
The good ones that used to go wrong (UTF-16, two folders' report.txt, a
sub-folder, French) are added, and said so.

How each format is read is tested in detail in test_sources_loaders.py,
test_sources_collect.py and test_sources_fetch.py; this is the user's view.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import cli
from tests.test_sources_loaders import PNG_HEADER, make_pdf

GOOD = "At least 40 people were killed when artillery shelled the market in Tromville on 4 March 2024."
OTHER = "Aid workers said some 3,000 residents fled Tromville as the fighting spread to the river district."
THIRD = "The northern command said its units withdrew from the ridge above Tromville on Monday night."
FRENCH = (
    "Au moins quarante personnes ont été tuées lorsque l'artillerie a bombardé le marché de Tromville, "
    "selon les autorités locales, et des milliers d'habitants ont fui vers le sud."
)
PAGE = (
    f"<html><head><title>Tromville</title></head><body><article><h1>Tromville</h1><p>{GOOD}</p></article></body></html>"
)
SHELL = (
    "<html><head><title>News</title><script>window.app = {articles: []}; render(app);</script></head>"
    "<body><div id='root'></div><noscript>Please enable JavaScript to read this article.</noscript></body></html>"
)
LIMIT = 20_000_000  # load_file's size limit


def run(*args: str, ws: Path) -> Result:
    return CliRunner().invoke(cli.app, [*args, "--workspace", str(ws)], env={"COLUMNS": "200"})


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def held(ws: Path) -> list[tuple]:
    """Everything the workspace holds about its sources, read straight from the file."""
    with sqlite3.connect(ws) as conn:
        sources = conn.execute("SELECT id, name, origin, sha256, language, text FROM sources ORDER BY id").fetchall()
        claims = conn.execute("SELECT id FROM claims ORDER BY id").fetchall()
    conn.close()
    return [*sources, *claims]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A workspace holding one account, added from its own folder."""
    first = tmp_path / "first"
    first.mkdir()
    (first / "report.txt").write_text(GOOD, encoding="utf-8")
    path = tmp_path / "ws.db"
    assert run("add", str(first / "report.txt"), ws=path).exit_code == 0
    return path


# -- files and folders that cannot be read --------------------------------------------------------

Maker = Callable[[Path], Path]


def _file(name: str, data: bytes) -> Maker:
    def make(base: Path) -> Path:
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return make


def _huge(base: Path) -> Path:
    path = base / "transcript.txt"
    with path.open("wb") as handle:
        handle.truncate(LIMIT + 1)  # sparse: the size is real, the disk is not used
    return path


def _empty_folder(base: Path) -> Path:
    (base / "articles").mkdir()
    return base / "articles"


def _folder_of_unsupported(base: Path) -> Path:
    (base / "drafts" / "old").mkdir(parents=True)
    (base / "drafts" / "old" / "notes.docx").write_bytes(b"PK\x03\x04 a word document")
    return base / "drafts"


_WHOLE_PDF = make_pdf([[GOOD, OTHER]])

BAD_FILES: dict[str, tuple[Maker, str, str]] = {
    # case: (make the input, error code, what the line says)
    "empty": (_file("empty.txt", b""), "E001", "empty"),
    "blank": (_file("blank.md", b" \n\t\n"), "E001", "empty"),
    "binary": (_file("photo.txt", PNG_HEADER), "E002", "binary content"),
    "invalid UTF-8": (_file("latin1.txt", "Caf\u00e9 owners fled.".encode("latin-1")), "E003", "not valid UTF-8"),
    "damaged UTF-16": (_file("cut16.txt", GOOD.encode("utf-16") + b"\x00\xd8"), "E003", "UTF-16"),
    "broken HTML": (_file("broken.html", b"<html><body><div><p>Tromville<p></div"), "E004", "no article text"),
    "HTML app shell": (_file("app.html", SHELL.encode()), "E004", "JavaScript"),
    "encrypted PDF": (_file("secret.pdf", make_pdf([[GOOD]], encrypt="secret")), "E004", "encrypted"),
    "truncated PDF": (_file("cut.pdf", _WHOLE_PDF[: len(_WHOLE_PDF) // 3]), "E004", "cannot read this PDF"),
    "not a PDF": (_file("fake.pdf", b"GIF89a not a pdf at all"), "E004", "no %PDF header"),
    "huge file": (_huge, "E006", f"the limit is {LIMIT}"),
    "missing path": (lambda base: base / "nowhere" / "report.txt", "E005", "no such file"),
    "unsupported type": (_file("notes.docx", b"PK\x03\x04 a word document"), "E007", "unsupported file type"),
    "empty folder": (_empty_folder, "E016", "no .txt, .md, .html or .pdf files"),
    "folder of .docx only": (_folder_of_unsupported, "E016", "skipped old/notes.docx (not .txt"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_add_bad_file_is_one_line_exit_1_and_the_workspace_unchanged(ws: Path, tmp_path: Path, case: str):
    make, code, reason = BAD_FILES[case]
    (tmp_path / "in").mkdir()
    path = make(tmp_path / "in")
    before = held(ws)
    result = run("add", str(path), ws=ws)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert lines(result.stderr) == [lines(result.stderr)[0]], result.stderr  # one line
    line = lines(result.stderr)[0]
    assert line.startswith(f"[{code}] {path}: "), line
    assert reason in line, line
    assert "Traceback" not in result.output
    assert held(ws) == before


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_compare_bad_file_is_one_line_exit_1_and_no_report(tmp_path: Path, case: str):
    make, code, reason = BAD_FILES[case]
    (tmp_path / "in").mkdir()
    path = make(tmp_path / "in")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli.app, ["compare", str(path), "--json", str(out)])
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [lines(result.stderr)[0]], result.stderr
    assert lines(result.stderr)[0].startswith(f"[{code}] {path}: ") and reason in result.stderr
    assert not out.exists()


def test_add_one_bad_file_among_good_ones_adds_the_good_and_names_the_bad(ws: Path, tmp_path: Path):
    good = _file("b/other.txt", OTHER.encode())(tmp_path)
    bad = _file("b/photo.txt", PNG_HEADER)(tmp_path)
    result = run("add", str(good), str(bad), ws=ws)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == ["added s2 other.txt"]
    assert lines(result.stderr)[0] == f"[E002] {bad}: binary content, not text (is it an image or an archive?)"


# -- inputs that are read, and what is said about them -------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_add_utf16_with_or_without_bom_is_read(ws: Path, tmp_path: Path, codec: str):
    path = _file("windows.txt", OTHER.encode(codec))(tmp_path)
    result = run("add", str(path), ws=ws)
    assert (result.exit_code, lines(result.stdout)) == (0, ["added s2 windows.txt"]), result.output
    assert held(ws)[1][-1] == OTHER


def test_add_the_same_text_from_anywhere_is_a_duplicate(ws: Path, tmp_path: Path):
    before = held(ws)
    copy = _file("elsewhere/copy.txt", f"\n{GOOD}  \n".encode())(tmp_path)
    result = run("add", str(copy), ws=ws)
    assert result.exit_code == 0
    assert lines(result.stdout) == ["duplicate copy.txt: same text as s1 report.txt, not added"]
    again = run("add", str(tmp_path / "first" / "report.txt"), ws=ws)
    assert lines(again.stdout) == ["duplicate of s1 report.txt: same text, not added again"]
    assert held(ws) == before


def test_add_same_name_in_two_folders_is_two_sources_and_an_edit_an_update(ws: Path, tmp_path: Path):
    """Issue #10 item 1: adding b/report.txt used to replace a/report.txt ("updated s1 report.txt")."""
    second = _file("second/report.txt", OTHER.encode())(tmp_path)
    result = run("add", str(second), ws=ws)
    assert lines(result.stdout) == ["added s2 second/report.txt (s1 has the same file name, from elsewhere)"]
    (tmp_path / "first" / "report.txt").write_text(f"{GOOD} Officials later said 45.", encoding="utf-8")
    edit = run("add", str(tmp_path / "first" / "report.txt"), ws=ws)
    assert lines(edit.stdout) == [f"updated s1 report.txt: {len(GOOD)} -> {len(GOOD) + 25} characters"]
    texts = {row[1]: row[-1] for row in held(ws) if len(row) > 1}
    assert texts == {"report.txt": f"{GOOD} Officials later said 45.", "second/report.txt": OTHER}


def test_add_saved_pages_all_named_index_html_are_all_kept(ws: Path, tmp_path: Path):
    pages = [
        _file(f"saved/{site}/index.html", PAGE.replace(GOOD, text).encode())(tmp_path)
        for site, text in (("herald", OTHER), ("ledger", THIRD))
    ]
    (tmp_path / "saved" / "herald" / "index_files").mkdir()
    (tmp_path / "saved" / "herald" / "index_files" / "ad.html").write_text(PAGE, encoding="utf-8")
    result = run("add", str(tmp_path / "saved"), ws=ws)
    assert lines(result.stdout) == [
        "added s2 index.html",
        "added s3 ledger/index.html",
    ]
    assert (
        lines(result.stderr)[0]
        == f"[E020] {tmp_path / 'saved'}: skipped folder herald/index_files (a saved page's images and scripts)"
    )
    assert [row[2] for row in held(ws)[1:3]] == [str(page.resolve()) for page in pages]


@pytest.mark.parametrize(
    ("flag", "added"),
    [((), ["added s2 other.txt", "added s3 third.txt"]), (("--no-recursive",), ["added s2 other.txt"])],
)
def test_add_nested_folder_reads_sub_folders_unless_told_not(ws: Path, tmp_path: Path, flag: tuple, added: list[str]):
    _file("nested/other.txt", OTHER.encode())(tmp_path)
    _file("nested/2024/march/third.txt", THIRD.encode())(tmp_path)
    result = run("add", str(tmp_path / "nested"), *flag, ws=ws)
    assert (result.exit_code, lines(result.stdout)) == (0, added), result.output
    if flag:
        assert lines(result.stderr)[0] == f"[E020] {tmp_path / 'nested'}: skipped sub-folder 2024 (--no-recursive)"


def test_add_non_english_is_kept_and_named_with_the_pipeline_it_needs(ws: Path, tmp_path: Path):
    path = _file("depeche.txt", FRENCH.encode())(tmp_path)
    result = run("add", str(path), ws=ws)
    assert (result.exit_code, lines(result.stdout)) == (0, ["added s2 depeche.txt"])
    assert lines(result.stderr)[0] == (
        "[E019] depeche.txt: written in French; only English is analysed, so it gives no claims "
        "(French would need the spaCy pipeline fr_core_news_sm and claim rules in French)"
    )
    assert held(ws)[1][4] == "fr"
    listed = run("list", ws=ws)
    assert "│ s2 │ depeche.txt" in listed.stdout and "│ fr " in listed.stdout


def test_file_name_with_control_characters_is_escaped_in_the_workspace_line(ws: Path, tmp_path: Path):
    path = tmp_path / "evil\x1b[2Jname\n.txt"
    result = run("add", str(path), ws=ws)
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"[E005] {tmp_path}/evil\\x1b[2Jname\\n.txt: cannot read: no such file"]


# -- web addresses, against a real server on 127.0.0.1 ---------------------------------------------


class Site(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        try:
            if self.path == "/article":
                self._send(200, PAGE.encode(), "text/html; charset=utf-8")
            elif self.path == "/broken":
                self._send(500, b"Internal error", "text/plain")
            elif self.path == "/huge":
                self._send(200, b"killed " * 750_000, "text/plain")  # 5.25 MB, over the 5 MB limit
            elif self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self._send(404, b"not here", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as a refusal does

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once closed: nothing listens there


BAD_URLS: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    # case: (path or full URL, extra options, error code, what the line says)
    "unreachable": (f"http://127.0.0.1:{_closed_port()}/article", ("--allow-private",), "E009", "cannot fetch"),
    "server error": ("/broken", ("--allow-private",), "E009", "the server answered 500"),
    "huge": ("/huge", ("--allow-private",), "E006", "too large"),
    "redirect loop": ("/loop", ("--allow-private",), "E009", "more than 5 redirects"),
    "not found": ("/missing", ("--allow-private",), "E009", "the server answered 404"),
    "private address": ("/article", (), "E010", "a private or local address"),
    "not http": ("ftp://127.0.0.1/article", (), "E010", "only http and https"),
}


@pytest.mark.parametrize("case", sorted(BAD_URLS))
def test_add_bad_url_is_one_line_exit_1_and_the_workspace_unchanged(ws: Path, site: str, case: str):
    where, options, code, reason = BAD_URLS[case]
    url = where if "://" in where else f"{site}{where}"
    before = held(ws)
    result = run("add", url, *options, "--timeout", "5", ws=ws)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert len(lines(result.stderr)) == 1, result.stderr
    assert lines(result.stderr)[0].startswith(f"[{code}] {url}: ") and reason in result.stderr, result.stderr
    assert held(ws) == before


def test_add_the_same_url_again_with_new_text_is_an_update(ws: Path, site: str):
    url = f"{site}/article"
    assert lines(run("add", url, "--allow-private", ws=ws).stdout) == [f"added s2 {url}"]
    with sqlite3.connect(ws) as conn:  # as if the page had been shorter when first fetched
        conn.execute("UPDATE sources SET text = 'An older version.', sha256 = 'old' WHERE id = 's2'")
    conn.close()
    again = run("add", url, "--allow-private", ws=ws)
    assert lines(again.stdout) == [f"updated s2 {url}: 17 -> {len(held(ws)[1][-1])} characters"]
    assert GOOD in held(ws)[1][-1]


# -- a report of English and French accounts ------------------------------------------------------


@pytest.mark.slow
def test_compare_names_the_french_account_in_the_report_instead_of_finding_nothing(tmp_path: Path):
    folder = tmp_path / "accounts"
    _file("english.txt", f"{GOOD} {OTHER}".encode())(folder)
    _file("depeche.txt", FRENCH.encode())(folder)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli.app, ["compare", str(folder), "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["name"], s["language"]) for s in report["sources"]] == [("depeche.txt", "fr"), ("english.txt", "en")]
    warning = "[E019] depeche.txt: written in French; only English is analysed"
    assert [e for e in report["errors"] if e.startswith(warning)] == report["errors"]
    assert lines(result.stderr)[0].startswith(warning)
    assert {c["source_id"] for c in report["claims"]} == {"s2"}
