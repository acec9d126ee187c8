"""Plain Swedish on the demo's pages (issue 20), as a reader and as editors see them: no plural
after 1, no "−1 dagar", no "antal" after a number, no difference of shares in per cent, and no
action offered to someone who may not take it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from dash.development.base_component import Component

from callbacks.routes import page
from dashboard.access.accounts import principal
from layouts import urls
from tests.opened_parts import parts as opened_parts
from tests.opened_rows import details
from tests.shown import PREFIX, chart_svg
from tests.test_copy import PLURAL_WORDS

PAGES = (
    "/?org=SKA",
    "/?org=SKA&niva=namnd",
    "/?org=SKA&niva=enhet",
    "/?org=STAD",
    "/mal/KF1.5?org=SKA",
    "/mal/KF1.5?org=STAD",
    "/mal/KF1.2?org=SKA",
    "/mal/KF1.3?org=SKA-FSK-01",
    "/indikator/KF12?org=SKA",
    "/indikator/KF18?org=SKA",
    "/indikator/KF27?org=SKA",
    "/avvikelser?org=SKA",
    "/avvikelser?org=STAD",
    "/presentation?org=SKA",
    "/presentation?org=SKA&nr=3",
    "/prognoser?org=SKA",
    "/prognoser/KF12?org=SKA",
    "/kvinnor-och-man?org=SKA",
    "/mal/KF1.5/bedomning?org=SKA",
    "/aktivitet/SKA-1.5.1-A2026-1?org=SKA-AO",
    "/att-rapportera?org=SKA-FSK-01",
    "/rapportering?org=SKA",
    "/rapportera/SKA-FSK-01/2026/T2",
    "/uppladdning",
)
# The paths of forms that change data: never linked for someone who may not use them.
FORM_LINK = re.compile(r"/bedomning\b|^/rapportera/")
# Words of actions that change data (buttons and links).
ACTION_WORDS = re.compile(
    r"^(Registrera|Spara|Fyll i|Klarmarkera|Godkänn|Skicka tillbaka|Lägg till)"
)


def _parts(component: Any) -> Iterator[tuple[str, str, str | None]]:
    """(kind, text, href) of every text, link and button in a component tree."""
    if isinstance(component, (list, tuple)):
        for child in component:
            yield from _parts(child)
    elif isinstance(component, Component):
        kind = type(component).__name__
        if kind == "Img" and component.src.startswith(PREFIX):  # a chart drawn on the server
            for words in chart_svg(component.src).itertext():
                yield "text", words, None
        if kind in ("Link", "A", "Button"):
            yield (
                kind,
                _text(getattr(component, "children", None)),
                getattr(component, "href", None),
            )
        yield from _parts(getattr(component, "children", None))
    elif component is not None:
        yield "text", str(component), None


def _text(component: Any) -> str:
    return "".join(text for kind, text, _ in _parts(component) if kind == "text")


@pytest.fixture(scope="module")
def rendered(demo_store) -> dict[tuple[str, str], list[tuple[str, str, str | None]]]:
    """Every page for a reader and for two editors (one unit's, one nämnd's), Avvikelser
    with its rows opened, Prognoser with its tables."""
    found = {}
    for username in ("politiker", "enhetschef", "controller"):
        user = principal(demo_store, username)
        for address in PAGES:
            path, _, query = address.partition("?")
            shown = page(demo_store, path, f"?{query}", user)
            opened = (
                details(demo_store, shown, user)
                if path == urls.DEVIATIONS_PATH
                else opened_parts(demo_store, shown)
                if path == urls.ACCURACY_PATH
                else []
            )
            found[username, address] = [p for c in [shown, *opened] for p in _parts(c)]
    return found


def _texts(rendered) -> Iterator[tuple[str, str]]:
    for (username, address), parts in rendered.items():
        for kind, text, _ in parts:
            if kind == "text":
                yield f"{username} {address}", text.replace("\u00a0", " ")


def test_no_plural_follows_1(rendered):
    wrong = [
        (where, text)
        for where, text in _texts(rendered)
        for first, second in re.findall(r"(?<![\d,.\-−+])1 (?:ej |◌ )?(\w+) ?(\w*)", text)
        if {first.lower(), second.lower()} & PLURAL_WORDS
    ]
    assert wrong == []


def test_no_minus_one_dagar_and_no_antal_after_a_number(rendered):
    wrong = [
        (where, text)
        for where, text in _texts(rendered)
        if re.search(r"(?<![\d,])[−-]?1 (dagar|procentenheter)\b|\d antal\b|\d index\b", text)
    ]
    assert wrong == []


def test_a_signed_difference_of_shares_is_never_in_per_cent(rendered):
    """Prognoser's relative errors are per cent of the outcome, rightly (docs/followup.md)."""
    wrong = [
        (where, text)
        for where, text in _texts(rendered)
        if re.fullmatch(r"[+−]\d+(,\d+)? %", text.strip()) and "/prognoser" not in where
    ]
    assert wrong == []


def test_a_reader_is_offered_no_action(rendered):
    offered = [
        (address, kind, text, href)
        for (username, address), parts in rendered.items()
        if username == "politiker"
        for kind, text, href in parts
        if (href and FORM_LINK.search(href.split("?")[0]))
        or (kind != "text" and ACTION_WORDS.match(text))
    ]
    assert offered == []


def test_an_editor_is_offered_assessments_only_within_their_organisations(rendered):
    offered = [
        (address, href)
        for (username, address), parts in rendered.items()
        if username == "enhetschef" and address.startswith(("/avvikelser", "/presentation", "/mal"))
        for _, _, href in parts
        if href and "/bedomning" in href and "org=SKA-FSK-01" not in href
    ]
    assert offered == []
    controller = [
        href
        for (username, address), parts in rendered.items()
        if username == "controller" and address == "/avvikelser?org=SKA"
        for _, _, href in parts
        if href and "/bedomning" in href
    ]
    assert controller, "an editor of the nämnd is offered the assessments within it"
