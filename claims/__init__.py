"""Reading claims out of text: a spaCy pipeline plus rules kept as data."""

# Bump when the extraction code changes, so workspaces re-extract (issue #3). Editing the
# data in claims/data needs no bump: the pipeline version also carries a hash of it (issue #7).
EXTRACTOR_VERSION = "310"
