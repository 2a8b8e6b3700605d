"""A standalone, printable HTML discrepancy report, rendered from report_view (issue #2, #7).

One file with inline CSS, no script and no external assets, so it opens
offline and prints as is. The page is the Jinja2 template
templates/report.html.j2, shipped inside this package, rendered with
autoescape on: a source that contains "<script>" shows it as text, and no
writer has to remember to escape. Its colours are labels.PALETTE, the
dashboard's.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from analysis.models import Report
from analysis.report.escape import one_line
from analysis.report.labels import CONTRADICTS, MUTED, PALETTE, RELATION_LABELS, UNCLEAR
from analysis.report.view import ReportView, build_view

TEMPLATE = "report.html.j2"


@cache
def _template() -> Template:
    """Loaded once: the template ships with the package, like the extraction rules."""
    env = Environment(
        loader=PackageLoader("analysis.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt field fails the tests instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["one_line"] = one_line
    return env.get_template(TEMPLATE)


def view_to_html(view: ReportView) -> str:
    h = view.header
    meta = [m for m in (f"Generated {h.generated}" if h.generated else "", h.pipeline) if m]
    return _template().render(
        view=view,
        meta=meta,
        palette=PALETTE,
        relation_colours={code: PALETTE[label] for code, label in RELATION_LABELS.items()},
        undecided=PALETTE[UNCLEAR],
        error=PALETTE[CONTRADICTS],
        muted=MUTED,
    )


def report_to_html(report: Report) -> str:
    return view_to_html(build_view(report))
