"""Kept for `python -m rashomon_cli` and `import rashomon_cli`: the command now lives in the `cli` package."""

from cli import app, main

__all__ = ["app", "main"]

if __name__ == "__main__":
    main()
