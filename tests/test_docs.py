"""The repository's words stay true: every text is used, and every doc link stays inside the repo."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("dashboard", "layouts", "callbacks", "assets")


def _text_names() -> list[str]:
    """The upper-case constants that layouts/texts.py defines."""
    tree = ast.parse((ROOT / "layouts" / "texts.py").read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return names


def test_every_text_is_used_outside_the_tests():
    """A text only a test reads is dead: the UI never shows it."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in SOURCE_DIRS
        for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".js") and path.name != "texts.py"
    )
    texts = (ROOT / "layouts" / "texts.py").read_text(encoding="utf-8")
    unused = [
        name
        for name in _text_names()
        if not re.search(rf"\b{name}\b", sources)
        and len(re.findall(rf"\b{name}\b", texts)) < 2  # or built into another text
    ]
    assert unused == []
