"""The browser's title of a drawn page: its heading, organisation and period, then the app.

Taken from the page's own h1, so every page has a title without saying it twice; the shell's
script (assets/navigation.js) sets it and has the live region say it after each navigation.
"""

from __future__ import annotations

from typing import Any

from dash import html
from dash.development.base_component import Component

from layouts import texts


def heading(component: Any) -> str | None:
    """The text of the first h1 in a component tree, or None when it has none."""
    if isinstance(component, html.H1):
        return text(component).strip()
    children = getattr(component, "children", None) if isinstance(component, Component) else None
    for child in children if isinstance(children, list | tuple) else [children]:
        if isinstance(child, Component) and (found := heading(child)):
            return found
    return None


def text(component: Any) -> str:
    """All the text inside a component, as a screen reader would read it in one line."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return "".join(text(child) for child in component)
    return text(getattr(component, "children", None))


def document_title(
    content: Component, org_name: str | None = None, year: int | None = None, period: str = ""
) -> str:
    """E.g. "1.5 I Stockholm har äldre … – Skarpnäcks stadsdelsnämnd – T2 2026 – Kontrollrummet";
    the organisation is left out when the heading already names it."""
    first = heading(content) or texts.APP_TITLE
    parts = [first]
    if org_name and org_name not in first:
        parts.append(org_name)
    if year is not None and period:
        parts.append(f"{texts.TREND_PERIOD.get(period) or texts.PERIOD_LABEL[period]} {year}")
    if first != texts.APP_TITLE:
        parts.append(texts.APP_TITLE)
    return texts.TITLE_SEPARATOR.join(parts)
