"""One entry point for every report format, for the CLI and the app (issue #2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from analysis.models import Report
from analysis.report_csv import report_to_csv
from analysis.report_html import report_to_html
from analysis.report_json import report_to_json
from analysis.report_md import report_to_markdown

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


def write_report(report: Report, fmt: Format, path: Path | None = None) -> str:
    """Render `report` as `fmt`; also write it to `path` (UTF-8) when one is given."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    text = writer(report)
    if path is not None:
        # newline="" keeps the CSV's own line endings as written (issue #2).
        Path(path).write_text(text, encoding="utf-8", newline="")
    return text
