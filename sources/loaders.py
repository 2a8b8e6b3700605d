"""Turn a file, a pasted text or an HTML page into a cleaned `Source` (issue #2).

Every failure a user can cause (a missing file, a PNG renamed .txt, a PDF
with a password) becomes one of the errors in `sources.errors`, naming the
file, so that adding twenty files shows at once which one failed and why.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date
from pathlib import Path

from sources.clean import clean_text
from sources.errors import (
    BadEncoding,
    BinarySource,
    BrokenDocument,
    EmptySource,
    TooLarge,
    UnreadablePath,
    UnsupportedType,
)
from sources.language import detect_language
from sources.models import Source, SourceMeta, text_sha256

TEXT_SUFFIXES = frozenset({".txt"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Share of control bytes above which a file is not text even without a NUL.
_BINARY_SHARE = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\b\x1b")
# Share of plain characters (alphabetic scripts, printable) that makes bytes UTF-16 text.
_UTF16_PLAIN = 0.95


def is_supported(path: Path) -> bool:
    """True if `load_file` knows the file type of `path` (by suffix, any case)."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


# --- entry points ------------------------------------------------------------


def load_file(
    path: Path,
    *,
    source_id: str,
    meta: SourceMeta | None = None,
    max_bytes: int = 20_000_000,
) -> Source:
    """Read one file into a Source; `meta` overrides what the file itself says."""
    path = Path(path)
    label = str(path)
    suffix = path.suffix.lower()
    data = _read_bytes(path, label=label, max_bytes=max_bytes, known=suffix in SUPPORTED_SUFFIXES)
    # Identity is the full path, never the bare name: two folders' report.txt are two sources (issue #10).
    where = {"name": path.name, "label": label, "source_id": source_id, "origin": str(path.resolve())}
    if suffix in PDF_SUFFIXES:
        text, found = _pdf_text(data, label=label)
        return _build(text, found=found, meta=meta, **where)
    text = _decode_text(data, label=label)
    if suffix in HTML_SUFFIXES:
        return _load_html(text, meta=meta, address=None, **where)
    found = SourceMeta()
    if suffix in MARKDOWN_SUFFIXES:
        found = SourceMeta(title=_markdown_title(text))
        text = strip_markdown(text)
    return _build(text, found=found, meta=meta, **where)


def load_text(text: str, *, name: str, source_id: str, meta: SourceMeta | None = None,
              origin: str | None = None) -> Source:  # fmt: skip
    """A Source from pasted text (the same cleaning and checks as a .txt file)."""
    return _build(text, name=name, label=name, source_id=source_id, found=SourceMeta(), meta=meta, origin=origin)


def load_html(
    html: str,
    *,
    name: str,
    source_id: str,
    meta: SourceMeta | None = None,
    address: str | None = None,
    origin: str | None = None,
) -> Source:
    """A Source from an HTML page: its main text and the metadata it declares."""
    return _load_html(html, name=name, label=name, source_id=source_id, meta=meta, address=address, origin=origin)


# --- reading bytes -----------------------------------------------------------


def _read_bytes(path: Path, *, label: str, max_bytes: int, known: bool) -> bytes:
    """The file's bytes, after the checks that need no parsing (issue #2)."""
    try:
        if path.is_dir():
            raise UnreadablePath(label, detail="it is a folder, not a file")
        if not path.exists():
            raise UnreadablePath(label, detail="no such file")
        if not known:
            raise UnsupportedType(label, suffix=path.suffix or "(no suffix)")
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(label, size=size, limit=max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise UnreadablePath(label, detail="permission denied") from None
    except OSError as exc:
        raise UnreadablePath(label, detail=exc.strerror or type(exc).__name__) from None
    if len(data) > max_bytes:  # grew between stat() and read()
        raise TooLarge(label, size=len(data), limit=max_bytes)
    if not data.strip():
        raise EmptySource(label)
    return data


def _decode_text(data: bytes, *, label: str) -> str:
    """Strict UTF-8 (a BOM is fine), or UTF-16: a wrong guess would corrupt names and numbers."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")  # the BOM says which byte order
        except UnicodeDecodeError as exc:
            raise BadEncoding(label, detail=f"UTF-16 text, damaged at offset {exc.start}") from None
    if _looks_binary(data):
        text = _utf16_without_bom(data)
        if text is None:
            raise BinarySource(label)
        return text
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise BadEncoding(label, detail=f"byte 0x{bad} at offset {exc.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools do), else None (issue #10).

    Read as UTF-16, English or Russian is almost all characters below U+0800 in
    the right byte order, and CJK-looking noise in the wrong one; an image or an
    archive is noise in both.
    """
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        plain = sum(1 for char in sample if char < "\u0800" and (char.isprintable() or char in "\n\r\t\f"))
        if sample.strip() and plain >= _UTF16_PLAIN * len(sample):
            return text
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _BINARY_SHARE * len(sample)


# --- building the Source -----------------------------------------------------


def _build(
    text: str,
    *,
    name: str,
    label: str,
    source_id: str,
    found: SourceMeta,
    meta: SourceMeta | None,
    origin: str | None,
) -> Source:
    """Clean, check and wrap; precedence: the document < `meta` (issue #2); its language detected (#10)."""
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise EmptySource(label)
    source = Source(id=source_id, name=name, text=cleaned, sha256=text_sha256(cleaned), origin=origin,
                    language=detect_language(cleaned))  # fmt: skip
    source = source.with_meta(found)
    return source.with_meta(meta) if meta is not None else source


# --- HTML --------------------------------------------------------------------

# Fewer words than this is a menu or a title, not an article: extraction failed.
_HTML_MIN_WORDS = 5
# A page this short that asks for JavaScript is an app shell without the article.
_SHELL_MAX_WORDS = 40
_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?|[\w.-]+:\d+")
_NEEDS_SCRIPT = re.compile(r"\b(?:enable|turn on|requires?|needs?)\s+javascript\b", re.I)


def _load_html(
    html: str,
    *,
    name: str,
    label: str,
    source_id: str,
    meta: SourceMeta | None,
    address: str | None,
    origin: str | None,
) -> Source:
    import trafilatura  # slow to import; only HTML needs it

    # trafilatura logs every page it discards; we raise our own error instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=address,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Markup only: a date found in the body is usually when the events
            # happened, and taking it for the publication date would mislead.
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": date.today().isoformat(),
            },
        )
    except Exception as exc:  # a parser crash on one page must not stop the others
        raise BrokenDocument(label, fmt="HTML page", detail=f"parser failed ({type(exc).__name__})") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    words = len(body.split())
    if words < _HTML_MIN_WORDS:
        raise BrokenDocument(label, fmt="HTML page", detail=f"no article text found ({words} words)")
    if words < _SHELL_MAX_WORDS and _NEEDS_SCRIPT.search(body):
        detail = "the page builds its text with JavaScript; save it from a browser instead"
        raise BrokenDocument(label, fmt="HTML page", detail=detail)
    # trafilatura puts one block (paragraph, heading, list item) per line.
    text = "\n\n".join(line for line in body.split("\n") if line.strip())
    found = SourceMeta(
        title=_nonblank(doc.title),
        publisher=_publisher(doc),
        published=_iso_date(doc.date),
        address=address or _nonblank(doc.url),
    )
    return _build(text, name=name, label=label, source_id=source_id, found=found, meta=meta, origin=origin)


def _publisher(doc: object) -> str | None:
    """The site's declared name, else the author; a bare host name only as a last resort."""
    site = _nonblank(getattr(doc, "sitename", None))
    author = _nonblank(getattr(doc, "author", None))
    if site and _HOST_NAME.fullmatch(site):  # trafilatura's fallback when the page names no site
        return author or site
    return site or author


def _nonblank(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


# --- Markdown ----------------------------------------------------------------

# Markdown syntax that is not prose, each rewritten or removed (issue #2).
_MARKDOWN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Code fences: drop the ``` / ~~~ lines, keep what is between them.
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.M), ""),
    # HTML comments.
    (re.compile(r"<!--.*?-->", re.S), ""),
    # Images ![alt](url) go entirely: the alt text is not part of the account.
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),
    # Links [text](url) and [text][ref] keep their text.
    (re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]"), r"\1\2"),
    # Reference definitions "[ref]: https://...".
    (re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.M), ""),
    # Autolinks <https://...> keep the address.
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    # ATX headings "## Title" (and their optional closing #'s).
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),
    # Setext underlines and horizontal rules ("=====", "---", "* * *").
    (re.compile(r"^[ \t]{0,3}(?:=+|-{3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$", re.M), ""),
    # Block quotes "> text".
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),
    # List bullets "- item", "* item", "+ item".
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1"),
    # Strong/emphasis around words: **x**, __x__, *x*, _x_ (not snake_case).
    (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    # Inline code `x`.
    (re.compile(r"`([^`\n]+)`"), r"\1"),
)
_FIRST_HEADING = re.compile(r"\A\s*#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)


def strip_markdown(text: str) -> str:
    """Markdown reduced to its prose, so that no `#` or `](` reaches a claim."""
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text


def _markdown_title(text: str) -> str | None:
    match = _FIRST_HEADING.match(text.lstrip("\ufeff"))
    return (strip_markdown(match.group(1)).strip() or None) if match else None


# --- PDF ---------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_PARAGRAPH_END = re.compile(r"""[.!?:]["'”’)\]]*$""")
# Titles that word processors fill in from the file name ("Microsoft Word - notes.docx").
_FILE_NAME_TITLE = re.compile(r"^microsoft \w+ - |\.(?:docx?|odt|rtf|pdf|txt|pages)$", re.I)
# A line shorter than this share of the page's typical line ends its paragraph.
_SHORT_LINE = 0.75


def _pdf_text(data: bytes, *, label: str) -> tuple[str, SourceMeta]:
    """The text of every page, with line-end hyphens and wrapped lines rejoined."""
    if b"%PDF" not in data[:1024]:
        raise BrokenDocument(label, fmt="PDF", detail="no %PDF header (not a PDF file?)")
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypts_without_password(reader):
            raise BrokenDocument(label, fmt="PDF", detail="it is encrypted (password protected)")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except BrokenDocument:
        raise
    except Exception as exc:  # pypdf raises many kinds for damaged files
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BrokenDocument(label, fmt="PDF", detail=detail) from None
    if not pages:
        raise BrokenDocument(label, fmt="PDF", detail="it has no pages")
    if not any(page.strip() for page in pages):
        raise BrokenDocument(label, fmt="PDF", detail="no text layer (a scanned image? run OCR first)")
    return join_pdf_pages(pages), SourceMeta(title=_pdf_title(title))


def _pdf_title(title: object) -> str | None:
    """The PDF's own title, unless it is just the name of the file it was made from."""
    title = _nonblank(title)
    if title is None or _FILE_NAME_TITLE.search(title):
        return None
    return title


def _decrypts_without_password(reader: object) -> bool:
    """Some PDFs are encrypted only against editing; those open with an empty password."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:
        return False


def join_pdf_pages(pages: list[str]) -> str:
    """Rejoin lines the PDF layout broke; paragraphs end at short or blank lines."""
    paragraphs: list[str] = []
    for page in pages:
        found = _page_paragraphs(page)
        if found and paragraphs and _continues(paragraphs[-1], found[0]):
            # a paragraph that runs over the page break
            paragraphs[-1] = _join_line(paragraphs[-1], found.pop(0))
        paragraphs.extend(found)
    return "\n\n".join(paragraphs)


def _page_paragraphs(page: str) -> list[str]:
    lines = [line.strip() for line in page.split("\n")]
    lines = [line for line in lines if not _PAGE_NUMBER.fullmatch(line)]
    typical = _typical_length(lines)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if line:
            current = _join_line(current, line)
        if current and (not line or (len(line) < _SHORT_LINE * typical and not _HYPHENATED.search(line))):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _typical_length(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


def _join_line(current: str, line: str) -> str:
    if not current:
        return line
    if _HYPHENATED.search(current) and line[:1].islower():
        return current[:-1] + line  # "inter-" + "national"
    return f"{current} {line}"


def _continues(previous: str, current: str) -> bool:
    return not _PARAGRAPH_END.search(previous) and current[:1].islower()
