"""Reading claims out of text: a spaCy pipeline plus rules kept as data."""

# Bump when extraction rules change, so workspaces re-extract (issue #3).
EXTRACTOR_VERSION = "4"
