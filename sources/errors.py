"""All of Rashomon's user-facing error messages, in one place, each with a code.

A message is one line that names the input and the reason, so that a user
adding twenty files sees at once which one failed and why (issue #2).
"""

from __future__ import annotations


class RashomonError(Exception):
    """An error a user can act on; `str()` is the one line to show them."""

    code = "E000"
    template = "{name}: {reason}"

    def __init__(self, name: str = "", **fields: object) -> None:
        self.name = name
        self.fields = fields
        super().__init__(self.template.format(name=name, **fields))

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
    template = "{name}: no .txt, .md, .html or .pdf files in this folder"


class UnwritablePath(RashomonError):
    code = "E017"
    template = "{name}: cannot write: {detail}"


class UnknownAlias(RashomonError):
    code = "E018"
    template = "{name}: no such alias in the workspace"


class UnknownClaim(RashomonError):
    code = "E019"
    template = "{name}: no such claim or fact in the workspace (rashomon show SOURCE lists claims)"


class UnknownDecision(RashomonError):
    code = "E020"
    template = "decision {name}: no such review decision (rashomon review list)"


class BadReview(RashomonError):
    code = "E021"
    template = "{name}: cannot review: {detail}"
