"""The repository's words stay true: every text is used, every doc link stays in the repo."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("dashboard", "layouts", "callbacks", "assets")


TEXTS = sorted((ROOT / "layouts" / "texts").glob("*.py"))  # the catalog's parts


def _text_names() -> list[str]:
    """The upper-case constants that layouts/texts/ defines."""
    names = []
    for node in (n for path in TEXTS for n in ast.parse(path.read_text(encoding="utf-8")).body):
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
        if path.suffix in (".py", ".js") and path not in TEXTS
    )
    texts = "\n".join(path.read_text(encoding="utf-8") for path in TEXTS)
    unused = [
        name
        for name in _text_names()
        if not re.search(rf"\b{name}\b", sources)
        and len(re.findall(rf"\b{name}\b", texts)) < 2  # or built into another text
    ]
    assert unused == []


def test_no_two_parts_of_the_catalog_define_the_same_text():
    """The parts are star-imported into one catalog: a later part would silently replace an
    earlier part's text of the same name (a report's "Försenad" once replaced " – försenad")."""
    names = _text_names()
    assert sorted({name for name in names if names.count(name) > 1}) == []


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) and ![alt](target); a target in <…> may hold spaces. Autolinks are not used.
LINK = re.compile(r"!?\[[^\]]*\]\((<[^>]+>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _links(path: Path) -> list[str]:
    """Every link target in a Markdown file, outside code blocks and code spans."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [target.strip("<>") for target in LINK.findall(text)]


def test_docs_link_only_to_files_inside_the_repository():
    """A link to ../shared or to one machine's path works for no one who clones the repo."""
    broken = []
    for doc in DOCS:
        for target in _links(doc):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # a web address or an anchor in the same page
            path = (doc.parent / target.split("#", 1)[0]).resolve()
            if not path.is_relative_to(ROOT) or not path.exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert broken == []


def test_readme_is_a_front_door():
    """The README keeps the two commands, the demo accounts and the way into docs/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for must in ("scripts/start", "scripts/test", "politiker", "demo-politiker"):
        assert must in readme
    linked = {target.split("#", 1)[0] for target in _links(ROOT / "README.md")}
    assert "docs/developing.md" in linked
    assert {f"docs/{doc.name}" for doc in DOCS[1:]} <= linked
