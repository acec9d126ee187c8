"""A page as the browser gets it, as text a test can search, charts included."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote
from xml.etree import ElementTree

PREFIX = "data:image/svg+xml,"  # how layouts/charts.py's images travel (layouts/svg.data_uri)
CHART = re.compile(re.escape(PREFIX) + r"[^\"]*")


def page_text(component: Any) -> str:
    """The page's JSON, with each chart's image decoded so its words can be read."""
    sent = json.dumps(
        component.to_plotly_json(), default=lambda c: c.to_plotly_json(), ensure_ascii=False
    )
    return CHART.sub(lambda image: unquote(image[0]), sent)


def chart_svg(address: str) -> ElementTree.Element:
    """A chart's image address read back as its SVG."""
    assert address.startswith(PREFIX), address[:40]
    return ElementTree.fromstring(unquote(address.removeprefix(PREFIX)))
