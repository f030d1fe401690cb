"""The package's layout holds: which part imports which, and Whoosh's insides in one module.

See docs/architecture.md for what each part owns and must not do.
"""

import ast
from pathlib import Path

import pytest

from archive_search.index import _whoosh

PACKAGE = Path(__file__).resolve().parent.parent / "archive_search"
PARTS = ("text", "articles", "index", "search", "output", "web")
# part → the parts it must not import
FORBIDDEN = {
    "text": {"articles", "index", "search", "output", "cli", "archive"},
    "articles": {"index", "search", "output", "cli", "archive"},
    "index": {"search", "output", "cli", "archive"},
    "search": {"articles", "output", "cli", "archive"},
    "output": {"index", "search", "articles", "cli", "archive"},
    # a face over Archive: what it shows comes from the library, never from the index itself
    "web": {"index", "articles", "cli"},
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _imported_parts(tree) -> set[str]:
    parts = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.startswith("archive_search."):
                parts.add(name.split(".")[1])
    return parts


@pytest.mark.parametrize("rel,tree", list(_modules()), ids=lambda v: str(v) if isinstance(v, Path) else "")
def test_each_part_imports_only_what_it_may(rel, tree):
    part = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    forbidden = FORBIDDEN.get(part, set())
    assert not (_imported_parts(tree) & forbidden), f"{rel} imports {_imported_parts(tree) & forbidden}"


def test_only_main_imports_the_cli():
    for rel, tree in _modules():
        if rel.name != "__main__.py" and rel.parts[0] != "cli":
            assert "cli" not in _imported_parts(tree), rel


def test_only_the_serve_command_imports_the_web():
    for rel, tree in _modules():
        if rel.parts[0] != "web" and rel != Path("cli/serving.py"):
            assert "web" not in _imported_parts(tree), rel


def test_whooshs_private_attributes_are_used_in_one_module():
    private = {name for names in [*_whoosh.RELIED_ON.values(), *_whoosh.SET_IN_INIT.values()]
               for name in names if name.startswith("_")}
    for rel, tree in _modules():
        if rel == Path("index/_whoosh.py"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in private and not (
                    isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                pytest.fail(f"{rel}:{node.lineno} reads Whoosh's {node.attr}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                assert not any(a.name.startswith("_") for a in node.names), f"{rel} imports a private name of Whoosh"


def test_modules_and_functions_stay_small():
    for rel, tree in _modules():
        lines = len((PACKAGE / rel).read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"{rel} has {lines} lines"
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                assert node.end_lineno - first < 60, f"{rel}:{node.lineno} {node.name} is over 60 lines"
