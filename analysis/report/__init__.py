"""The report formats: one registry, rendering a Report to text, for the CLI and the app (issue #2, #7).

Each writer is imported when a report is first rendered in its format: the
dashboard reads `analysis.report.labels` and `.escape` before its first paint,
and importing this package must not load Jinja2 and every writer for that
(issue #11).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from analysis.models import Report

Format = Literal["json", "csv", "md", "html"]

# format -> (module, function) of its writer
_WRITERS: dict[str, tuple[str, str]] = {
    "json": ("analysis.report.to_json", "report_to_json"),
    "csv": ("analysis.report.to_csv", "report_to_csv"),
    "md": ("analysis.report.to_markdown", "report_to_markdown"),
    "html": ("analysis.report.to_html", "report_to_html"),
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
        module, function = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return getattr(import_module(module), function)(report)
