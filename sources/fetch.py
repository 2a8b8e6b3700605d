"""Fetch one article by URL into a Source, refusing internal addresses (issue #3).

Rashomon may run on a machine with access to an internal network (a laptop
on a VPN, a server next to a metadata service). A URL pasted from somewhere
must not become a way to read those, so every hop of a redirect chain is
resolved and checked before it is requested.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import socket
import time
from urllib.parse import urlsplit

import httpx

from sources.errors import FetchFailed, RefusedAddress, TooLarge
from sources.loaders import load_html, load_text, strip_markdown
from sources.models import Source, SourceMeta

ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_USER_AGENT = "Rashomon/0.1 (compares news accounts; one page per request)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def fetch_url(
    url: str,
    *,
    source_id: str,
    meta: SourceMeta | None = None,
    allow_private: bool = False,
    timeout: float = 15.0,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
) -> Source:
    """Download `url` (following at most `max_redirects` checked hops) into a Source.

    The Source's name is `url` as given; its address is where the text was
    finally found, unless `meta` states another.
    """
    deadline = time.monotonic() + timeout
    current = url
    with httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(timeout),
        headers={
            "User-Agent": _USER_AGENT,
            "Accept": ", ".join(sorted(ACCEPTED_TYPES)),
            "Accept-Encoding": "gzip, deflate",  # the ones _decompressed() handles
        },
    ) as client:
        for _hop in range(max_redirects + 1):
            check_url(current, allow_private=allow_private, label=url)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        current = str(response.url.join(response.headers["location"]))
                        continue
                    if response.status_code >= 400:
                        detail = f"the server answered {response.status_code} {response.reason_phrase}".rstrip()
                        raise FetchFailed(url, detail=detail)
                    kind, charset = _content_type(response, label=url)
                    body = _read_body(response, label=url, max_bytes=max_bytes, deadline=deadline)
                    final = str(response.url)
            except httpx.TimeoutException:
                raise FetchFailed(url, detail=f"timed out after {timeout:g} s") from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchFailed(url, detail=str(exc) or type(exc).__name__) from None
            return _to_source(body, kind, charset, url=url, final=final, source_id=source_id, meta=meta)
    raise FetchFailed(url, detail=f"more than {max_redirects} redirects")


def check_url(url: str, *, allow_private: bool = False, label: str | None = None) -> None:
    """Raise RefusedAddress unless `url` is http(s) to a public address (issue #3).

    Every address the host resolves to must be public: an attacker who
    controls a DNS name can list a public and a private one. (A DNS answer
    that changes between this check and httpx's own lookup is not caught.)
    """
    label = label or url
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise RefusedAddress(label, detail=f"not a valid address ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise RefusedAddress(label, detail=f"only http and https addresses are fetched, not {parts.scheme or url!r}")
    host = parts.hostname
    if not host:
        raise RefusedAddress(label, detail="the address has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchFailed(label, detail=f"cannot resolve host {host!r} ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not _is_public(address):
            raise RefusedAddress(
                label,
                detail=f"{host} resolves to {address}, a private or local address",
            )


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return _is_public(mapped)
    return address.is_global and not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def _content_type(response: httpx.Response, *, label: str) -> tuple[str, str | None]:
    header = response.headers.get("content-type", "")
    kind, _, params = header.partition(";")
    kind = kind.strip().lower()
    if kind not in ACCEPTED_TYPES:
        raise FetchFailed(label, detail=f"content type {kind or '(none)'!r} is not a web page or text")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    return kind, match.group(1) if match else None


def _read_body(response: httpx.Response, *, label: str, max_bytes: int, deadline: float) -> bytes:
    """The body, refused past `max_bytes` and past the overall time-out."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(label, size=int(declared), limit=max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(label, size=f"more than {max_bytes}", limit=max_bytes)
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("overall time-out", request=response.request)
        chunks.append(chunk)
    return _decompressed(response, b"".join(chunks), label=label, max_bytes=max_bytes)


def _decompressed(response: httpx.Response, raw: bytes, *, label: str, max_bytes: int) -> bytes:
    """Undo Content-Encoding ourselves so a small gzip bomb cannot pass the size check."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return raw
    import zlib

    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchFailed(label, detail=f"unsupported content encoding {encoding!r}")
    try:
        inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, detected
        body = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as exc:
        raise FetchFailed(label, detail=f"damaged {encoding} body ({exc})") from None
    if len(body) > max_bytes or inflater.unconsumed_tail:
        raise TooLarge(label, size=f"more than {max_bytes}", limit=max_bytes)
    return body


def _decode(body: bytes, kind: str, charset: str | None) -> str:
    """Decode with the declared charset (header, then HTML meta), else UTF-8."""
    if charset is None and kind in _HTML_TYPES:
        match = _META_CHARSET.search(body[:4096])
        charset = match.group(1).decode("ascii", "replace") if match else None
    try:
        codec = codecs.lookup(charset or "utf-8").name
    except LookupError:
        codec = "utf-8"
    if body.startswith(codecs.BOM_UTF8):
        codec, body = "utf-8", body[len(codecs.BOM_UTF8) :]
    return body.decode(codec, errors="replace")


def _to_source(
    body: bytes,
    kind: str,
    charset: str | None,
    *,
    url: str,
    final: str,
    source_id: str,
    meta: SourceMeta | None,
) -> Source:
    text = _decode(body, kind, charset)
    if kind in _HTML_TYPES:
        return load_html(text, name=url, source_id=source_id, meta=meta, address=final, origin=url)
    if kind == "text/markdown":
        text = strip_markdown(text)
    source = load_text(text, name=url, source_id=source_id, origin=url)  # the same URL again updates it (#10)
    source = source.with_meta(SourceMeta(address=final))
    return source.with_meta(meta) if meta is not None else source
