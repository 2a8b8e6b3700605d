"""The Source model: one account of the conflict, cleaned text plus metadata."""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import BaseModel, ConfigDict, Field


def text_sha256(text: str) -> str:
    """Content hash used to recognise the same text added twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SourceMeta(BaseModel):
    """Metadata a user or a sidecar may state about a source; None = not stated."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    side: str | None = None
    address: str | None = None


class Source(BaseModel):
    """One account: its cleaned text and where it came from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str = Field(description="file name the source was added from (made distinct in the workspace), or the URL")
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    side: str | None = None
    address: str | None = None
    language: str = Field(default="en", description="ISO 639-1 code of the text's language, as detected")
    # Identity (issue #10): the resolved path of a file, the URL as given, "pasted:NAME" for pasted
    # text; None when unknown (a workspace from before origins were kept). Re-adding the same origin
    # updates that source; the same bare file name from elsewhere is another source. Left out of
    # model_dump, so a report shared onwards does not carry the user's folders.
    origin: str | None = Field(default=None, exclude=True)
    text: str
    sha256: str

    def with_meta(self, meta: SourceMeta) -> Source:
        """Return a copy where every field stated in `meta` overrides ours."""
        stated = meta.model_dump(exclude_none=True)
        return self.model_copy(update=stated)
