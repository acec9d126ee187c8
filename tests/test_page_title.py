"""The browser's title of each drawn page (layouts/page_title.py; issue 20)."""

from dash import html

from callbacks.routes import serve, titled
from layouts import texts
from layouts.ids import ShellIds
from layouts.page_title import document_title, heading


def test_the_title_is_the_heading_then_organisation_period_and_app():
    page = html.Div([html.P("KF-mål"), html.Div(html.H1(["1.5 I Stockholm ", html.Em("har")]))])
    assert heading(page) == "1.5 I Stockholm har"
    assert document_title(page, "Skarpnäcks stadsdelsnämnd", 2026, "T2") == (
        "1.5 I Stockholm har – Skarpnäcks stadsdelsnämnd – T2 2026 – Kontrollrummet"
    )
    assert document_title(page, "Stockholms stad", 2025, "FY").endswith(
        "Helår 2025 – Kontrollrummet"
    )
    assert "Mars 2026" in document_title(page, "Stockholms stad", 2026, "M03")


def test_the_organisation_is_not_said_twice_and_a_page_without_heading_is_the_app():
    overview = html.Div(html.H1(texts.OVERVIEW_HEADING.format(org="Skarpnäcks stadsdelsnämnd")))
    assert document_title(overview, "Skarpnäcks stadsdelsnämnd", 2026, "T2").count("Skarpnäck") == 1
    assert document_title(html.Div("nothing")) == texts.APP_TITLE


def test_every_routed_page_carries_its_title_beside_it(demo_store):
    content, view = serve(demo_store, "/mal/KF1.5", "?org=SKA")
    assert view is not None and view.org.code == "SKA"
    store, page = titled(content, view).children
    assert store.id == ShellIds.PAGE_TITLE and page is content
    assert store.data.startswith(heading(content)) and "Skarpnäcks stadsdelsnämnd" in store.data
    missing, none = serve(demo_store, "/finns-inte", None)
    assert none is None
    assert titled(missing, none).children[0].data == f"{texts.NOT_FOUND_HEADING} – Kontrollrummet"
