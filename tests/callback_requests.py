"""Dash callback requests built by hand, as a forged browser request would be: straight to
/_dash-update-component, whatever the page shows or hides."""

from __future__ import annotations

import json
from collections.abc import Sequence


def callback_payload(app, trigger: str, inputs: Sequence, state: Sequence = ()) -> dict:
    """The request of the callback whose first input is `trigger`, with these values in order.

    A pattern-matching input takes a list of (id dict, value) pairs, the first being the click."""
    key, spec = next(
        (k, v) for k, v in app.callback_map.items() if _names(v["inputs"][0]["id"], trigger)
    )
    parts = key.strip(".").split("...") if key.startswith("..") else [key]
    outputs = [dict(zip(("id", "property"), part.rsplit(".", 1))) for part in parts]
    entries = [_entry(dep, value) for dep, value in zip(spec["inputs"], inputs)]
    first = entries[0]
    first_id = _id(first[0]["id"]) if isinstance(first, list) else first["id"]
    changed = f"{first_id}.{spec['inputs'][0]['property']}"
    return {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": entries,
        "state": [_entry(dep, value) for dep, value in zip(spec["state"], state)],
        "changedPropIds": [changed],
    }


def _names(dep_id, trigger: str) -> bool:
    """Whether a dependency is the trigger: by id, or by the type of a pattern-matching id."""
    text = str(dep_id)
    return text == trigger or (text.startswith("{") and json.loads(text)["type"] == trigger)


def _entry(dep: dict, value):
    if str(dep["id"]).startswith("{"):  # pattern-matching: one entry per matched component
        return [{"id": id_, "property": dep["property"], "value": v} for id_, v in value]
    return {"id": str(dep["id"]), "property": dep["property"], "value": value}


def _id(id_dict: dict) -> str:
    return json.dumps(id_dict, sort_keys=True, separators=(",", ":"))
