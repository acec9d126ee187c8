"""An administrator's settings of the national comparison (docs/national.md): the municipality's
own Kolada id, which comparison group is shown, the groups themselves, and which Kolada KPI an
indicator is. Each decides here, writes through the one write path and is audited.

Problems are codes (`NationalProblem`); their Swedish words are in layouts/texts/national.py.
Only administrators may call these (the page checks; `Principal.is_admin`).
"""

from __future__ import annotations

import re
from enum import StrEnum

from dashboard.access import Principal
from dashboard.domain.national import HOME_KOLADA_ID
from dashboard.store import Store
from dashboard.store import national as stored

CHOSEN_GROUP = "chosen_group"  # the setting: the comparison group the pages show
_ID = re.compile(r"[0-9A-Za-z]{1,40}")
_SEPARATORS = re.compile(r"[\s,]+")


class NationalProblem(StrEnum):
    NOT_ADMIN = "not-admin"
    BAD_ID = "bad-id"
    NO_NAME = "no-name"
    UNKNOWN_KPI = "unknown-kpi"
    UNKNOWN_INDICATOR = "unknown-indicator"
    UNKNOWN_GROUP = "unknown-group"
    UNKNOWN_ORG = "unknown-org"


def kolada_id(text: str) -> str | None:
    """A Kolada municipality or unit id as typed; Excel's lost leading zeros come back."""
    text = text.strip()
    if not _ID.fullmatch(text):
        return None
    return text.zfill(4) if text.isdigit() and len(text) < 4 else text


def set_home(store: Store, actor: Principal, text: str) -> list[NationalProblem]:
    """Set the municipality's own Kolada id ("0180")."""
    value = kolada_id(text)
    if problems := _refused(actor, value is None):
        return problems
    assert value is not None
    with store.writing(actor.username) as w:
        stored.set_setting(w.conn, HOME_KOLADA_ID, value)
        w.audit(stored.SETTING, HOME_KOLADA_ID, value)
        w.results_untouched()
    return []


def choose_group(store: Store, actor: Principal, name: str) -> list[NationalProblem]:
    """Choose the comparison group whose median and ranking the pages show."""
    if problems := _refused(actor):
        return problems
    if name not in store.comparison_groups():
        return [NationalProblem.UNKNOWN_GROUP]
    with store.writing(actor.username) as w:
        stored.set_setting(w.conn, CHOSEN_GROUP, name)
        w.audit(stored.SETTING, CHOSEN_GROUP, name)
        w.results_untouched()
    return []


def save_group(store: Store, actor: Principal, name: str, members: str) -> list[NationalProblem]:
    """Make a group exactly these Kolada ids (separated by commas, spaces or lines); none
    removes it."""
    name = name.strip()
    ids = [kolada_id(part) for part in _SEPARATORS.split(members.strip()) if part]
    if problems := _refused(actor, None in ids, not name or len(name) > 200):
        return problems
    with store.writing(actor.username) as w:
        stored.replace_group(w.conn, name, [i for i in ids if i is not None])
        w.audit(stored.GROUP, name, ", ".join(sorted({i for i in ids if i})) or "borttagen")
        w.results_untouched()
    return []


def link_indicator(
    store: Store, actor: Principal, indicator_code: str, kpi: str
) -> list[NationalProblem]:
    """Make an indicator Kolada's KPI (one of the imported KPIs); an empty KPI unlinks it."""
    kpi = kpi.strip()
    if problems := _refused(actor):
        return problems
    if store.indicator(indicator_code) is None:
        return [NationalProblem.UNKNOWN_INDICATOR]
    if kpi and store.kolada_kpi(kpi) is None:
        return [NationalProblem.UNKNOWN_KPI]
    with store.writing(actor.username) as w:
        stored.link_indicator(w.conn, indicator_code, kpi or None)
        w.audit(stored.KPI_LINK, indicator_code, kpi or "ingen")
        w.results_untouched()
    return []


def link_unit(store: Store, actor: Principal, org_code: str, text: str) -> list[NationalProblem]:
    """Make an organisation unit a Kolada municipality or unit id ("V15E144001301"), so Kolada
    files' values for it become its outcomes; an empty id unlinks it."""
    value = kolada_id(text) if text.strip() else None
    if problems := _refused(actor, bool(text.strip()) and value is None):
        return problems
    if store.org(org_code.strip()) is None:
        return [NationalProblem.UNKNOWN_ORG]
    with store.writing(actor.username) as w:
        stored.link_unit(w.conn, org_code.strip(), value)
        w.audit(stored.UNIT_LINK, org_code.strip(), value or "ingen")
        w.results_untouched()
    return []


def _refused(
    actor: Principal, bad_id: bool = False, no_name: bool = False
) -> list[NationalProblem]:
    if not actor.is_admin:
        return [NationalProblem.NOT_ADMIN]
    return [NationalProblem.BAD_ID] * bad_id + [NationalProblem.NO_NAME] * no_name
