"""The one way source text is escaped for Markdown and for HTML snippets (issue #7).

Source text is hostile input: an article scraped from the web may hold
"<script>", a file name may hold "*" or "$". The reports and the dashboard
escape it here; the HTML report itself goes through Jinja2's autoescape.
"""

from __future__ import annotations

import re
from html import escape

_SPACES = re.compile(r"\s+")
# CommonMark lets any ASCII punctuation be backslash-escaped; these start emphasis, code, links,
# tables, HTML, strikethrough or math ($, on GitHub and Streamlit), and a colon before a letter
# starts an emoji or a Streamlit directive (":material/inbox:"); "09:30" and "says: ..." stay.
_INLINE = re.compile(r"[\\`*_\[\]<>|~$]|:(?=[A-Za-z_])")
# Characters that only matter at the start of a line: headings, lists, quotes.
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def one_line(text: object) -> str:
    """Collapse line breaks and runs of spaces into one space; None is empty.

    Edge spaces stay, since a quote's surroundings are rendered in pieces.
    """
    return _SPACES.sub(" ", "" if text is None else str(text))


def md_escape(text: object) -> str:
    """Text that Markdown shows as is, on one line: no emphasis, links, HTML, math or lists."""
    escaped = _INLINE.sub(lambda m: "\\" + m.group(0), one_line(text))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def esc(text: object) -> str:
    """HTML-escape text and quotes, for the dashboard's HTML snippets; None shows as nothing."""
    return escape("" if text is None else str(text), quote=True)
