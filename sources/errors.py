"""All of Rashomon's user-facing error messages, in one place, each with a code.

A message is one line that names the input and the reason, so that a user
adding twenty files sees at once which one failed and why (issue #2).
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL (terminal escapes, line breaks), and the bidi overrides and
# isolates that reorder what a terminal shows. Joiners (ZWJ, ZWNJ) stay: names use them.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralise(text: object) -> str:
    """`text` as one safe line: control characters shown as escapes (\\x1b, \\n), never obeyed (issue #10)."""
    return _UNSAFE.sub(_escape, str(text))


class RashomonError(Exception):
    """An error a user can act on; `str()` is the one line to show them.

    The line is neutralised when made, so that a file name holding a terminal
    escape or a line break stays one harmless line wherever the message goes:
    the terminal, the report's errors list, the dashboard (issue #10).
    """

    code = "E000"
    template = "{name}: {reason}"

    def __init__(self, name: str = "", **fields: object) -> None:
        self.name = name
        self.fields = fields
        super().__init__(neutralise(self.template.format(name=name, **fields)))

    def line(self) -> str:
        return f"[{self.code}] {self}"


class EmptySource(RashomonError):
    code = "E001"
    template = "{name}: empty: no text to analyse"


class BinarySource(RashomonError):
    code = "E002"
    template = "{name}: binary content, not text (is it an image or an archive?)"


class BadEncoding(RashomonError):
    code = "E003"
    template = "{name}: not valid UTF-8 text ({detail})"


class BrokenDocument(RashomonError):
    code = "E004"
    template = "{name}: cannot read this {fmt}: {detail}"


class UnreadablePath(RashomonError):
    code = "E005"
    template = "{name}: cannot read: {detail}"


class TooLarge(RashomonError):
    code = "E006"
    template = "{name}: too large ({size} bytes; the limit is {limit})"


class UnsupportedType(RashomonError):
    code = "E007"
    template = "{name}: unsupported file type {suffix!r} (use .txt, .md, .html or .pdf)"


class BadSidecar(RashomonError):
    code = "E008"
    template = "{name}: sources.json is not usable: {detail}"


class FetchFailed(RashomonError):
    code = "E009"
    template = "{name}: cannot fetch: {detail}"


class RefusedAddress(RashomonError):
    code = "E010"
    template = "{name}: refused: {detail}"


class ModelMissing(RashomonError):
    code = "E011"
    template = "{name}: spaCy pipeline is not installed ({detail})"


class NothingToAnalyse(RashomonError):
    code = "E012"
    template = "{name}: no source could be read"


class WorkspaceError(RashomonError):
    code = "E013"
    template = "{name}: workspace problem: {detail}"


class UnknownSource(RashomonError):
    code = "E014"
    template = "{name}: no such source in the workspace"


class DuplicateSource(RashomonError):
    code = "E015"
    template = "{name}: same text as {other}, skipped"


class EmptyFolder(RashomonError):
    code = "E016"
    template = "{name}: no .txt, .md, .html or .pdf files in this folder{detail}"

    def __init__(self, name: str = "", detail: str = "") -> None:
        super().__init__(name, detail=detail)


class UnwritablePath(RashomonError):
    code = "E017"
    template = "{name}: cannot write: {detail}"


class UnknownAlias(RashomonError):
    code = "E018"
    template = "{name}: no such alias in the workspace"


class NotEnglish(RashomonError):
    """A warning, not a refusal: the source is kept (and listed with its language) but gives no claims."""

    code = "E019"
    template = "{name}: written in {language}; only English is analysed, so it gives no claims ({need})"


class SkippedFiles(RashomonError):
    """A notice: files inside a folder that were not read, and why (issue #10)."""

    code = "E020"
    template = "{name}: skipped {detail}"


class BadAliasFile(RashomonError):
    code = "E021"
    template = "{name}: alias file is not usable: {detail}"


class BadDataFile(RashomonError):
    code = "E022"
    template = "{name}: built-in data is not usable: {detail}"


class BadSetting(RashomonError):
    code = "E023"
    template = "{name}: setting is not usable: {detail}"


class UnknownClaim(RashomonError):
    code = "E024"
    template = "{name}: no such claim or fact in the workspace (rashomon show SOURCE lists claims)"


class UnknownDecision(RashomonError):
    code = "E025"
    template = "decision {name}: no such review decision (rashomon review list)"


class BadReview(RashomonError):
    code = "E026"
    template = "{name}: cannot review: {detail}"


class SchedulerUnreachable(RashomonError):
    """`--engine dask --scheduler ADDRESS` (issue #11): nothing answers there."""

    code = "E027"
    template = "{name}: cannot reach the Dask scheduler: {detail}"


class DaskMissing(RashomonError):
    code = "E028"
    template = "{name}: Dask is not installed ({detail})"


class WorkerFailed(RashomonError):
    """A Dask worker that cannot read or align as this machine would, or that failed (issue #11)."""

    code = "E029"
    template = "{name}: a Dask worker cannot do this work: {detail}"
