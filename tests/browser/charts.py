"""Reading a chart the server drew (layouts/charts.py) as the browser shows it."""

from __future__ import annotations

from xml.etree import ElementTree

from playwright.sync_api import Locator, expect

from tests.shown import chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def drawn(image: Locator) -> ElementTree.Element:
    """The SVG the browser chose for this image (wide or narrow), once it is painted."""
    expect(image).to_be_visible()
    image.page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    source = image.evaluate("(img) => img.currentSrc")
    return chart_svg(source)


def drawn_text(image: Locator) -> str:
    """Every word in the chart, one text per line."""
    return "\n".join(t.text or "" for t in drawn(image).iter(f"{SVG}text"))
