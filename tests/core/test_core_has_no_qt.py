"""The core must run without a screen: nothing in prospect_desk/ imports Qt."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "prospect_desk"


def test_no_module_of_the_core_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    assert offenders == []
