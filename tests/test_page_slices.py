"""Every page is three files of one name: layouts/X.py, callbacks/X.py and dashboard/pages/X.py.

A page with no data of its own says so in its callbacks module's docstring instead of an empty
dashboard/pages module; no dashboard/pages module imports Dash (they test without an app).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from callbacks.routes import ROUTES

ROOT = Path(__file__).resolve().parent.parent
NO_DATA = "no dashboard/pages module"


def page_names() -> set[str]:
    """X of every callbacks/X.py that serves a route."""
    return {route.handler.__module__.removeprefix("callbacks.") for route in ROUTES}


def test_every_route_is_served_by_a_page_module_with_its_layout():
    for name in page_names():
        assert (ROOT / "callbacks" / f"{name}.py").exists(), name
        assert (ROOT / "layouts" / f"{name}.py").exists(), name


def test_every_page_has_its_data_module_or_says_why_not():
    for name in page_names():
        doc = sys.modules[f"callbacks.{name}"].__doc__ or ""
        has_data = (ROOT / "dashboard" / "pages" / f"{name}.py").exists()
        assert has_data != (NO_DATA in " ".join(doc.split())), name


def test_no_data_module_imports_dash():
    for file in (ROOT / "dashboard" / "pages").glob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [
            m for m in imported if m.split(".")[0] in ("dash", "flask", "layouts", "callbacks")
        ], file
