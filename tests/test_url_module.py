"""Every path is written once, in layouts/urls.py: no other module of the app types one.

Scans the string literals (docstrings aside: they document) of every .py and .js file in
dashboard/, layouts/, callbacks/ and assets/ for a path of the URL module; browser code reads
its paths from the page instead (layouts/shell.py renders them as <body>'s data attributes).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from layouts import shell, urls

ROOT = Path(__file__).resolve().parent.parent
URL_MODULE = ROOT / "layouts" / "urls.py"
FOLDERS = ("dashboard", "layouts", "callbacks", "assets")
JS_STRING = re.compile(r"""(["'`])((?:\\.|(?!\1).)*)\1""")


def url_paths() -> set[str]:
    """The fixed part of every path, pattern and prefix the URL module declares (not the bare
    "/")."""
    found = {
        urls.prefix(value)
        for name, value in vars(urls).items()
        if name.isupper() and isinstance(value, str) and value.startswith("/")
    }
    return found - {"/"}  # "/" is also a separator (str.strip("/")): not a path on its own


def mentions(text: str, path: str) -> bool:
    """Whether a literal holds the path: alone, or followed by more of a URL."""
    for found in re.finditer(re.escape(path), text):
        before = text[found.start() - 1 : found.start()]
        after = text[found.end() : found.end() + 1]
        starts = not before or not (before.isalnum() or before in "/-_.")
        ends = path[-1] in "/-" or not after or not (after.isalnum() or after in "-_.")
        if starts and ends:
            return True
    return False


def python_literals(source: str) -> list[str]:
    """Every string constant of a module but its docstrings."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def js_literals(source: str) -> list[str]:
    """Every quoted string of a script, its line comments left out."""
    code = "\n".join(line for line in source.splitlines() if not line.strip().startswith("//"))
    return [found.group(2) for found in JS_STRING.finditer(code)]


def literals_outside_url_module() -> list[tuple[str, str]]:
    """(file, literal) for every literal in the app's code, outside the URL module."""
    found = []
    for folder in FOLDERS:
        for file in sorted((ROOT / folder).rglob("*")):
            if file == URL_MODULE or file.suffix not in (".py", ".js"):
                continue
            source = file.read_text(encoding="utf-8")
            texts = python_literals(source) if file.suffix == ".py" else js_literals(source)
            found += [(str(file.relative_to(ROOT)), text) for text in texts]
    return found


def test_no_path_of_the_url_module_is_written_anywhere_else():
    paths = url_paths()
    assert {"/avvikelser", "/mal/", "/logga-in", "/_dash-", "/assets/"} <= paths
    written = [
        (file, text, path)
        for file, text in literals_outside_url_module()
        for path in paths
        if mentions(text, path)
    ]
    assert written == []


def test_the_check_finds_a_path_written_by_hand():
    """The scan itself: a literal path, in Python or in a script, is found; a docstring is not."""
    assert mentions("/avvikelser", "/avvikelser")
    assert mentions("/mal/K1", "/mal/")
    assert mentions('<a href="/logga-in?nasta=/">', "/logga-in")
    assert not mentions("/avvikelserna", "/avvikelser")
    assert not mentions("/api/presentation", "/presentation")
    source = 'def f():\n    """Serves /avvikelser."""\n    return "/avvikelser"\n'
    assert python_literals(source) == ["/avvikelser"]
    assert js_literals('// "/logga-in"\nlocation.assign("/logga-in?nasta=" + x);') == [
        "/logga-in?nasta="
    ]


def test_the_page_tells_its_scripts_the_paths():
    """assets/session.js reads the sign-in path, its query key and Dash's prefix from <body>."""
    for name, value in urls.BODY_DATA.items():
        assert f'{name}="{value}"' in shell.INDEX_STRING
    script = (ROOT / "assets" / "session.js").read_text(encoding="utf-8")
    assert "document.body.dataset" in script
