"""A page as the browser gets it, as text a test can search, charts included."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

CHART = re.compile(r"data:image/svg\+xml,[^\"]*")  # layouts/charts.py's images


def page_text(component: Any) -> str:
    """The page's JSON, with each chart's image decoded so its words can be read."""
    sent = json.dumps(
        component.to_plotly_json(), default=lambda c: c.to_plotly_json(), ensure_ascii=False
    )
    return CHART.sub(lambda image: unquote(image[0]), sent)
