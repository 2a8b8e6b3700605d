"""fetch_url against a real local HTTP server: pages, time-outs, size limits, redirects (issue #3)."""

from __future__ import annotations

import gzip
import re
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sources.errors import FetchFailed, RefusedAddress, TooLarge
from sources.fetch import check_url, fetch_url
from sources.models import SourceMeta

P1 = "Observers at the crossing counted forty trucks of flour entering the valley on Sunday."
P2 = "The convoy had waited two days at the checkpoint while both sides argued over inspections."
P3 = "Aid workers said a second convoy was planned for the end of the month if the road stays open."
ARTICLE = f"""<html><head><title>Convoy reaches the valley</title>
<meta name="author" content="Lee Marsh">
<meta property="article:published_time" content="2024-06-09">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Convoy reaches the valley</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<footer>About us. Contact. Privacy.</footer></body></html>"""

SLOW_SECONDS = 1.5
TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    """Routes for every behaviour fetch_url must handle."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        try:
            route = ROUTES.get(self.path)
            if route is None:
                self.send(404, b"not here", "text/plain")
            elif isinstance(route, tuple):
                self.send(*route)
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as some tests intend

    # -- routes that do more than send a fixed body ---------------------------------

    def latin1(self) -> None:
        text = f"Caf\u00e9 owners in the old town said {P1}"
        self.send(200, text.encode("latin-1"), "text/plain; charset=ISO-8859-1")

    def meta_charset(self) -> None:
        page = ARTICLE.replace("<head>", '<head><meta charset="windows-1252">').replace("Lee", "L\u00e9e")
        self.send(200, page.encode("cp1252"), "text/html")

    def gzip_page(self) -> None:
        self.send(200, gzip.compress(ARTICLE.encode()), "text/html", Content_Encoding="gzip")

    def gzip_bomb(self) -> None:
        self.send(200, gzip.compress(b" " * 3_000_000), "text/html", Content_Encoding="gzip")

    def slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        self.send(200, ARTICLE.encode(), "text/html")

    def drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(int(SLOW_SECONDS / 0.1)):
            self.wfile.write(b"word ")
            self.wfile.flush()
            time.sleep(0.1)

    def big_unsized(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        for _ in range(50):
            self.wfile.write(b"y" * 1000)

    def untyped(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def to_article(self) -> None:
        self.redirect(f"http://127.0.0.1:{self.server.server_port}/article")


# Every behaviour fetch_url must handle: a path -> a fixed (status, body, type) or a Handler method.
ROUTES: dict[str, tuple[int, bytes, str] | Callable[[Handler], None]] = {
    "/article": (200, ARTICLE.encode(), "text/html; charset=utf-8"),
    "/latin1.txt": Handler.latin1,
    "/meta-charset": Handler.meta_charset,
    "/notes.md": (200, f"# Convoy\n\n**{P1}** See [map](http://x.example).".encode(), "text/markdown"),
    "/gzip": Handler.gzip_page,
    "/gzip-bomb": Handler.gzip_bomb,
    "/slow": Handler.slow,
    "/drip": Handler.drip,
    "/big": (200, b"x" * 50_000, "text/plain"),
    "/big-unsized": Handler.big_unsized,
    "/image": (200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    "/untyped": Handler.untyped,
    "/r1": lambda handler: handler.redirect("/r2"),
    "/r2": Handler.to_article,
    "/loop": lambda handler: handler.redirect("/loop"),
    "/to-file": lambda handler: handler.redirect("file:///etc/hostname"),
}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def fetch(url: str, **options: object):
    return fetch_url(url, source_id="s1", allow_private=True, **options)


# --- pages -------------------------------------------------------------------


def test_article(base: str) -> None:
    url = f"{base}/article"
    source = fetch(url)
    assert (source.id, source.name, source.address) == ("s1", url, url)
    assert source.title == "Convoy reaches the valley"
    assert source.publisher == "Lee Marsh"
    assert source.published == date(2024, 6, 9)
    assert f"{P1}\n\n{P2}\n\n{P3}" in source.text
    assert "Privacy" not in source.text


def test_meta_overrides_the_page(base: str) -> None:
    source = fetch(f"{base}/article", meta=SourceMeta(publisher="Valley Wire", address="https://wire.example/1"))
    assert source.publisher == "Valley Wire"
    assert source.address == "https://wire.example/1"
    assert source.title == "Convoy reaches the valley"


def test_declared_charset(base: str) -> None:
    source = fetch(f"{base}/latin1.txt")
    assert source.text.startswith("Caf\u00e9 owners")
    assert source.address == f"{base}/latin1.txt"


def test_charset_from_html_meta(base: str) -> None:
    assert fetch(f"{base}/meta-charset").publisher == "L\u00e9e Marsh"


def test_markdown_body(base: str) -> None:
    assert fetch(f"{base}/notes.md").text == f"Convoy\n\n{P1} See map."


def test_gzip_body(base: str) -> None:
    assert P2 in fetch(f"{base}/gzip").text


def test_redirect_chain(base: str) -> None:
    source = fetch(f"{base}/r1")
    assert source.name == f"{base}/r1"
    assert source.address == f"{base}/article"
    assert P1 in source.text


# --- failures ----------------------------------------------------------------


def test_loopback_refused_without_allow_private(base: str) -> None:
    url = f"{base}/article"
    with pytest.raises(RefusedAddress) as caught:
        fetch_url(url, source_id="s1")
    assert url in str(caught.value)
    assert "127.0.0.1" in str(caught.value)


def test_slow_server_times_out(base: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="timed out") as caught:
        fetch(f"{base}/slow", timeout=TIMEOUT)
    assert time.monotonic() - started < SLOW_SECONDS
    assert "/slow" in str(caught.value)


def test_dripping_server_hits_the_overall_time_out(base: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="timed out"):
        fetch(f"{base}/drip", timeout=TIMEOUT)
    assert time.monotonic() - started < SLOW_SECONDS


@pytest.mark.parametrize("route", ["/big", "/big-unsized", "/gzip-bomb"])
def test_oversized_body(base: str, route: str) -> None:
    with pytest.raises(TooLarge, match="the limit is 10000") as caught:
        fetch(f"{base}{route}", max_bytes=10_000)
    assert route in str(caught.value)


@pytest.mark.parametrize(("route", "named"), [("/image", "image/png"), ("/untyped", "(none)")])
def test_wrong_content_type(base: str, route: str, named: str) -> None:
    with pytest.raises(FetchFailed, match=re.escape(f"content type '{named}'")) as caught:
        fetch(f"{base}{route}")
    assert route in str(caught.value)


def test_not_found(base: str) -> None:
    with pytest.raises(FetchFailed, match="404"):
        fetch(f"{base}/nowhere")


@pytest.mark.parametrize(("route", "limit"), [("/loop", 5), ("/r1", 1)])
def test_too_many_redirects(base: str, route: str, limit: int) -> None:
    with pytest.raises(FetchFailed, match=f"more than {limit} redirects"):
        fetch(f"{base}{route}", max_redirects=limit)


def test_redirect_to_another_scheme_is_refused(base: str) -> None:
    with pytest.raises(RefusedAddress, match="only http and https") as caught:
        fetch(f"{base}/to-file")
    assert "/to-file" in str(caught.value)


def test_connection_refused() -> None:
    with pytest.raises(FetchFailed, match="^http://127.0.0.1:9/x: cannot fetch"):
        fetch("http://127.0.0.1:9/x", timeout=TIMEOUT)


# --- check_url ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://127.0.0.1:8080/a",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
def test_private_addresses_refused(url: str) -> None:
    with pytest.raises(RefusedAddress, match="private or local"):
        check_url(url)
    check_url(url, allow_private=True)  # allowed when asked for


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/a.txt",
        "file:///etc/hostname",
        "javascript:alert(1)",
        "example.org/page",
        "http:///x",
    ],
)
def test_not_a_web_address_refused(url: str) -> None:
    with pytest.raises(RefusedAddress):
        check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["http://93.184.215.14/", "https://8.8.8.8/dns", "http://[2606:4700::1111]/"])
def test_public_addresses_pass(url: str) -> None:
    check_url(url)
