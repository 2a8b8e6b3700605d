"""The layers import one way (issue #7): each package imports only the ones above it.

    sources -> claims -> analysis -> workspace -> faces (CLI, dashboard, app.py)

Walks every import statement, including those inside functions, so a lazy
import that runs back up the layers fails here too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["sources", "claims", "analysis", "workspace", "faces"]
FACES = {"dashboard", "rashomon_cli", "app", "cli"}
# The SQL store holds what the stages computed but calls none of them: only their models.
STORE_MODULES = ["db", "schema", "source_store", "analysis_store", "digest_store", "store"]
# sources.naming too: the store makes a new source's name distinct inside its transaction (issue #10).
STORE_MAY_IMPORT = {"analysis.models", "claims.models", "sources.models", "sources.errors", "sources.naming"}
# analysis is pure: no files, no network, no database.
# The CLI is a thin face (issue #7): it parses options and calls the library, nothing heavier.
CLI_MAY_NOT_IMPORT = {"sqlite3", "spacy", "rapidfuzz"}
CLI_MAX_LINES = 300
IO_MODULES = {"sqlite3", "httpx", "urllib", "socket", "subprocess", "shutil", "workspace", "sources.collect",
              "sources.loaders", "sources.fetch", "sources.sidecar"}  # fmt: skip


def layer_of(module: str) -> str | None:
    top = module.split(".")[0]
    if top in FACES:
        return "faces"
    return top if top in LAYERS else None


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            # "from workspace import pipeline" imports the module workspace.pipeline
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def project_files() -> list[Path]:
    files = [p for layer in [*LAYERS[:4], "dashboard", "cli"] for p in (ROOT / layer).rglob("*.py")]
    return files + [p for p in (ROOT / "rashomon_cli.py", ROOT / "app.py") if p.exists()]


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize("path", project_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_layers_import_only_upward(path: Path):
    own = layer_of(module_name(path))
    assert own is not None
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name} ({layer_of(name)} is below {own})"
        for line, name in imports_of(path)
        if layer_of(name) is not None and LAYERS.index(layer_of(name)) > LAYERS.index(own)  # type: ignore[arg-type]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", STORE_MODULES)
def test_layers_store_imports_no_stage(name: str):
    path = ROOT / "workspace" / f"{name}.py"
    stages = [
        (line, mod)
        for line, mod in imports_of(path)
        if layer_of(mod) in ("claims", "analysis") or mod.startswith("workspace.pipeline")
    ]
    allowed = sorted(STORE_MAY_IMPORT)
    wrong = [
        f"{name}.py:{line} imports {mod}"
        for line, mod in stages
        if not any(mod == ok or mod.startswith(ok + ".") for ok in allowed)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", sorted((ROOT / "analysis").rglob("*.py")), ids=lambda p: p.name)
def test_layers_analysis_is_pure(path: Path):
    wrong = [
        f"{path.name}:{line} imports {mod}"
        for line, mod in imports_of(path)
        if any(mod == io or mod.startswith(io + ".") for io in IO_MODULES)
    ]
    assert not wrong, "\n".join(wrong)
    assert "open(" not in path.read_text(encoding="utf-8").replace("_open(", ""), f"{path.name} opens a file"


CLI_FILES = sorted((ROOT / "cli").glob("*.py"))


@pytest.mark.parametrize("path", CLI_FILES, ids=lambda p: p.name)
def test_layers_cli_is_thin(path: Path):
    wrong = [
        f"cli/{path.name}:{line} imports {mod}"
        for line, mod in imports_of(path)
        if mod.split(".")[0] in CLI_MAY_NOT_IMPORT
    ]
    assert not wrong, "\n".join(wrong)
    text = path.read_text(encoding="utf-8")
    assert "SELECT " not in text and "INSERT " not in text, f"cli/{path.name} holds SQL"
    assert len(text.splitlines()) < CLI_MAX_LINES, f"cli/{path.name} has grown past {CLI_MAX_LINES} lines: split it"


def test_layers_checker_catches_an_upward_import(tmp_path: Path):
    """The walker itself: a lazy import of the workspace inside a claims function is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from workspace.store import Workspace\n    return Workspace\n", encoding="utf-8")
    assert (2, "workspace.store") in imports_of(bad)
    assert layer_of("workspace.store") == "workspace"
    assert LAYERS.index("workspace") > LAYERS.index("claims")
