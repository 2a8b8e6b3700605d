"""The report formats: one registry, rendering a Report to text, for the CLI and the app (issue #2, #7)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from analysis.models import Report
from analysis.report.to_csv import report_to_csv
from analysis.report.to_html import report_to_html
from analysis.report.to_json import report_to_json
from analysis.report.to_markdown import report_to_markdown

Format = Literal["json", "csv", "md", "html"]

_WRITERS: dict[str, Callable[[Report], str]] = {
    "json": report_to_json,
    "csv": report_to_csv,
    "md": report_to_markdown,
    "html": report_to_html,
}
FORMATS: tuple[str, ...] = tuple(_WRITERS)
# For download buttons and HTTP responses.
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv",
    "md": "text/markdown",
    "html": "text/html",
}


def render(report: Report, fmt: Format) -> str:
    """`report` as the text of `fmt`; writing it anywhere is the caller's (analysis does no I/O)."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(report)
