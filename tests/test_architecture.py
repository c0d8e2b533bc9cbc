"""The engine's shape: layers that point one way, no import cycles, small folders and
signatures, and argparse only in the command line."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "duosite"
# Lowest first: a module may import its own layer or any layer below, never one above.
LAYERS = (
    ("duosite", "duosite.problems", "duosite.parallel", "duosite.cache"),
    ("duosite.text",),
    ("duosite.markdown",),
    ("duosite.content",),
    ("duosite.generators",),
    ("duosite.render",),
    ("duosite.publish",),
    ("duosite.build",),
    ("duosite.check",),
    ("duosite.preview",),
    ("duosite.commands",),
    ("duosite.cli",),
)
MAX_MODULES = 12
MAX_PARAMETERS = 6


def module_name(path: Path) -> str:
    """`duosite/content/pages.py` -> `duosite.content.pages`."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the engine by its dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The engine's modules that `name` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    """Module -> the engine's modules it imports."""
    found = modules()
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def layer_of(name: str) -> int:
    """The index of the layer a module belongs to (its longest matching prefix)."""
    best, depth = -1, -1
    for index, members in enumerate(LAYERS):
        for member in members:
            if (name == member or name.startswith(member + ".")) and len(member) > depth:
                best, depth = index, len(member)
    assert best >= 0, f"{name} belongs to no layer: add it to LAYERS"
    return best


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_lower_layers_never_import_higher_ones():
    upward = [f"{name} imports {target}" for name, targets in graph().items()
              for target in sorted(targets)
              if layer_of(target) > layer_of(name) and not name.startswith(target + ".")]
    assert upward == []


def test_only_the_command_line_knows_argparse():
    users = [module_name(p) for p in PACKAGE.rglob("*.py")
             if "argparse" in {n.name for node in ast.walk(ast.parse(p.read_text()))
                               if isinstance(node, ast.Import) for n in node.names}
             | {node.module for node in ast.walk(ast.parse(p.read_text()))
                if isinstance(node, ast.ImportFrom)}]
    assert users == ["duosite.cli"]


def test_folders_stay_small():
    folders = {p.parent for p in PACKAGE.rglob("*.py")}
    crowded = {str(f.relative_to(ROOT)): n for f in folders
               if (n := len([p for p in f.glob("*.py") if p.name != "__init__.py"])) > MAX_MODULES}
    assert crowded == {}


def parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """How many parameters a function takes, `self` and `cls` aside."""
    args = function.args
    names = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    count = len(names) + (args.vararg is not None) + (args.kwarg is not None)
    return count - bool(names and names[0].arg in ("self", "cls"))


def test_no_function_takes_more_than_six_parameters():
    wide = [f"{module_name(p)}.{node.name}: {parameters(node)}" for p in PACKAGE.rglob("*.py")
            for node in ast.walk(ast.parse(p.read_text()))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and parameters(node) > MAX_PARAMETERS]
    assert wide == []


def test_every_folder_says_what_it_does():
    silent = [str(f.relative_to(ROOT)) for f in {p.parent for p in PACKAGE.rglob("*.py")}
              if not ast.get_docstring(ast.parse((f / "__init__.py").read_text()
                                                 if (f / "__init__.py").exists() else ""))]
    assert silent == []
