"""Loaders: every supported format read for real, every bad input a named error (issue #2)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from sources.errors import (
    BadEncoding,
    BinarySource,
    BrokenDocument,
    EmptySource,
    RashomonError,
    TooLarge,
    UnreadablePath,
    UnsupportedType,
)
from sources.loaders import join_pdf_pages, load_file, load_html, load_text, strip_markdown
from sources.models import SourceMeta, text_sha256

P1 = "Negotiators from both delegations met on Tuesday in the river town of Halden and left after ten hours."
P2 = "The mediators said the two sides disagreed about the line of withdrawal near the old stone bridge."
P3 = "A spokesperson for the northern delegation said another round would begin next week in the same town."

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Valley talks end without a deal</title>
<meta name="author" content="Dana Reyes">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Valley talks end without a deal</h1>
<p>{P1}</p>
<p>{P2}</p>
<p>{P3}</p>
</article></main>
<footer><p>Privacy policy</p><p>Terms of use</p><p>Contact the newsroom</p></footer>
</body></html>
"""

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def make_pdf(pages: list[list[str]], *, title: str | None = None, encrypt: object = None) -> bytes:
    """A real PDF drawn line by line with reportlab; "" leaves a blank line."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        y = 780
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


PDF_PAGES = [
    [
        "Negotiators from both delegations met in the river town of Hal-",
        "den on Tuesday and talked for eleven hours without reaching any",
        "agreement on the withdrawal line.",
        "",
        "The mediators said that the inter-",
        "national monitors would arrive at the crossing points next week",
        "and that both sides had agreed to let them",
    ],
    [
        "work without an armed escort.",
        "",
        "A third paragraph closes the short report on the talks.",
    ],
]


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


# --- formats -----------------------------------------------------------------


def test_txt(write) -> None:
    path = write("report.txt", f"{P1}\r\n\r\n\r\n\r\n{P2}\n")
    source = load_file(path, source_id="s1")
    assert source.id == "s1"
    assert source.name == "report.txt"
    assert source.text == f"{P1}\n\n{P2}"
    assert source.sha256 == text_sha256(source.text)
    assert source.title is None and source.publisher is None


def test_txt_with_bom_and_upper_case_suffix(write) -> None:
    source = load_file(write("REPORT.TXT", b"\xef\xbb\xbf" + P1.encode()), source_id="s2")
    assert source.text == P1
    assert source.name == "REPORT.TXT"


def test_txt_furniture_is_cleaned(write) -> None:
    source = load_file(write("page.txt", f"Home » World » Valley\nShare\n{P1}\nRead more\n"), source_id="s1")
    assert source.text == P1


def test_markdown(write) -> None:
    markdown = f"""# Valley talks end without a *deal*

![a photo of the bridge](bridge.jpg)

{P1} See [the full statement](https://example.org/statement) for **details**.

## Background

> {P2}

- first _point_ of the plan
- second point with snake_case_word kept

```
{P3}
```
"""
    source = load_file(write("notes.md", markdown), source_id="s1")
    assert source.title == "Valley talks end without a deal"
    assert source.text == (
        "Valley talks end without a deal\n\n"
        f"{P1} See the full statement for details.\n\n"
        "Background\n\n"
        f"{P2}\n\n"
        "first point of the plan\n"
        "second point with snake_case_word kept\n\n"
        f"{P3}"
    )
    for syntax in ("#", "](", "![", "**", "```"):
        assert syntax not in source.text


def test_markdown_suffix_variants(write) -> None:
    assert load_file(write("a.markdown", f"## {P1}"), source_id="s1").text == P1
    assert load_file(write("b.MD", f"*{P2}*"), source_id="s2").text == P2


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Title\n=====\n\nBody.", "Title\n\nBody."),
        ("a [link][ref] here\n\n[ref]: https://example.org", "a link here"),
        ("see <https://example.org/x> now", "see https://example.org/x now"),
        ("a `code` word", "a code word"),
        ("before\n\n---\n\nafter", "before\n\nafter"),
        ("2 * 3 * 4 stays arithmetic", "2 * 3 * 4 stays arithmetic"),
    ],
)
def test_strip_markdown(markdown: str, text: str) -> None:
    from sources.clean import clean_text

    assert clean_text(strip_markdown(markdown)) == text


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html(write, suffix: str) -> None:
    source = load_file(write(f"article{suffix}", ARTICLE_HTML), source_id="s1")
    assert source.name == f"article{suffix}"
    assert source.title == "Valley talks end without a deal"
    assert source.publisher == "Dana Reyes"
    assert source.published == date(2024, 3, 5)
    assert f"{P1}\n\n{P2}\n\n{P3}" in source.text
    for junk in ("Sport", "Privacy policy", "Terms of use"):
        assert junk not in source.text


def test_html_metadata_precedence(write) -> None:
    meta = SourceMeta(title="Stated title", side="north")
    source = load_file(write("article.html", ARTICLE_HTML), source_id="s1", meta=meta)
    assert source.title == "Stated title"
    assert source.side == "north"
    assert source.publisher == "Dana Reyes"  # not stated: the page's own value stays
    assert source.published == date(2024, 3, 5)


def test_html_date_in_the_body_is_not_the_publication_date() -> None:
    html = ARTICLE_HTML.replace('<meta property="article:published_time" content="2024-03-05T08:00:00Z">', "")
    html = html.replace(f"<p>{P3}</p>", "<p>The shelling began on 12 March 2022, residents of the town said.</p>")
    source = load_html(html, name="page", source_id="s1")
    assert source.published is None


def test_html_site_name_is_the_publisher() -> None:
    html = ARTICLE_HTML.replace("<title>", '<meta property="og:site_name" content="Valley Courier"><title>')
    source = load_html(html, name="page", source_id="s1", address="https://example.org/talks")
    assert source.publisher == "Valley Courier"
    assert source.address == "https://example.org/talks"
    assert source.name == "page"


def test_pdf(write) -> None:
    path = write("report.pdf", make_pdf(PDF_PAGES, title="Report on the valley talks"))
    source = load_file(path, source_id="s1")
    assert source.title == "Report on the valley talks"
    assert source.text == (
        "Negotiators from both delegations met in the river town of Halden on Tuesday and talked for"
        " eleven hours without reaching any agreement on the withdrawal line.\n\n"
        "The mediators said that the international monitors would arrive at the crossing points next"
        " week and that both sides had agreed to let them work without an armed escort.\n\n"
        "A third paragraph closes the short report on the talks."
    )


def test_pdf_encrypted_for_editing_only_still_reads(write) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    lock = StandardEncryption("", ownerPassword="owner", canModify=0)
    source = load_file(write("locked.pdf", make_pdf([[P1]], encrypt=lock)), source_id="s1")
    assert source.text == P1


def test_join_pdf_pages_drops_page_numbers() -> None:
    assert join_pdf_pages([f"{P1}\n3", f"Page 4 of 9\n{P2}"]) == f"{P1}\n\n{P2}"


def test_load_text() -> None:
    source = load_text(f"  {P1}  \n\n\n\n{P2}", name="pasted", source_id="s9", meta=SourceMeta(publisher="Me"))
    assert source.text == f"  {P1}\n\n{P2}"
    assert (source.id, source.name, source.publisher) == ("s9", "pasted", "Me")


# --- bad inputs --------------------------------------------------------------


BAD_FILES = [
    ("empty.txt", b"", EmptySource),
    ("blank.txt", b"  \n\t\r\n  ", EmptySource),
    ("furniture.txt", b"Share\nRead more\nAdvertisement\n", EmptySource),
    ("image.txt", PNG_HEADER, BinarySource),
    ("controls.txt", b"\x01\x02\x03\x04\x05 abc " * 20, BinarySource),
    ("latin1.txt", "Caf\u00e9 in the valley".encode("latin-1"), BadEncoding),
    ("utf16.txt", P1.encode("utf-16") + b"\x00\xd8", BadEncoding),  # ends in half a surrogate pair
    ("empty.pdf", b"", EmptySource),
    ("garbage.pdf", b"%PDF-1.4\nthis is not really a document at all", BrokenDocument),
    ("image.pdf", PNG_HEADER, BrokenDocument),
    (
        "notext.html",
        b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        BrokenDocument,
    ),
    ("report.docx", b"PK\x03\x04 pretend this is a word document", UnsupportedType),
    ("noext", b"plain words", UnsupportedType),
]


@pytest.mark.parametrize(("name", "content", "error"), BAD_FILES)
def test_bad_file(write, name: str, content: bytes, error: type[RashomonError]) -> None:
    path = write(name, content)
    with pytest.raises(error) as caught:
        load_file(path, source_id="s1")
    assert name in str(caught.value)
    assert caught.value.line().startswith(f"[{error.code}] ")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        P1,
        "\u0412\u043e\u0435\u043d\u043d\u044b\u0435 \u0443\u0431\u0438\u043b\u0438 30 \u0447\u0435\u043b\u043e\u0432\u0435\u043a.",
    ],
)
def test_utf16_with_and_without_bom_is_read(write, codec: str, text: str) -> None:
    """Issue #10: UTF-16 saved without a byte-order mark was called "binary ... an image?"."""
    assert load_file(write("notes.txt", text.encode(codec)), source_id="s1").text == text


def test_bad_encoding_gives_the_offset(write) -> None:
    with pytest.raises(BadEncoding, match="0xe9 at offset 3"):
        load_file(write("latin1.txt", "Caf\u00e9".encode("latin-1")), source_id="s1")


def test_truncated_pdf(write) -> None:
    whole = make_pdf(PDF_PAGES)
    with pytest.raises(BrokenDocument) as caught:
        load_file(write("cut.pdf", whole[: len(whole) // 3]), source_id="s1")
    assert "cut.pdf" in str(caught.value)


def test_password_pdf(write) -> None:
    with pytest.raises(BrokenDocument, match="encrypted") as caught:
        load_file(write("secret.pdf", make_pdf([[P1]], encrypt="secret")), source_id="s1")
    assert "secret.pdf" in str(caught.value)


def test_pdf_without_text_layer(write) -> None:
    with pytest.raises(BrokenDocument, match="no text layer"):
        load_file(write("scan.pdf", make_pdf([[""]])), source_id="s1")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UnreadablePath, match="no such file") as caught:
        load_file(tmp_path / "gone.txt", source_id="s1")
    assert "gone.txt" in str(caught.value)


def test_directory_given_as_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(UnreadablePath, match="folder") as caught:
        load_file(folder, source_id="s1")
    assert "folder.txt" in str(caught.value)


def test_too_large(write) -> None:
    with pytest.raises(TooLarge) as caught:
        load_file(write("long.txt", P1 * 10), source_id="s1", max_bytes=100)
    assert "long.txt" in str(caught.value)
    assert "limit is 100" in str(caught.value)


@pytest.mark.parametrize("text", ["", "   \n\t", "Share\n\nAdvertisement"])
def test_empty_pasted_text(text: str) -> None:
    with pytest.raises(EmptySource, match="^pasted: "):
        load_text(text, name="pasted", source_id="s1")


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><body></body></html>", "no article text"),
        ("<html><body><div>Loading</div></body></html>", "no article text"),
        (
            "<html><body><noscript><p>You need to enable JavaScript to run this app.</p></noscript>"
            '<div id="root"></div></body></html>',
            "JavaScript",
        ),
    ],
)
def test_html_without_text(html: str, reason: str) -> None:
    with pytest.raises(BrokenDocument, match=f"^page.html: .*{reason}"):
        load_html(html, name="page.html", source_id="s1")
