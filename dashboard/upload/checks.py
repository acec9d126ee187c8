"""Checks that need the whole upload or the database: keys across files, codes, the trees.

Each adds problems to the file it concerns; nothing is written. A tree is checked as it
will be after the file is applied: the stored rows with the file's rows over them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from dashboard.store import upload_rows
from dashboard.store.upload_rows import TABLES
from dashboard.upload.csv_formats import Layout
from dashboard.upload.known_codes import KnownCodes
from dashboard.upload.parsed_file import ParsedFile, describe_key, is_valid
from dashboard.upload.problems import ImportIssue, ImportProblem, Phrase
from dashboard.upload.value_types import GOAL_LEVEL, ORG_LEVEL, Choice

UNKNOWN = {
    "org_unit": Phrase.UNKNOWN_ORG_UNIT,
    "goal": Phrase.UNKNOWN_GOAL,
    "indicator": Phrase.UNKNOWN_INDICATOR,
    "activity": Phrase.UNKNOWN_ACTIVITY,
}


def check_across_files(files: Sequence[ParsedFile]) -> None:
    """Two files of one upload may not both give the same row."""
    by_table: dict[str, list[ParsedFile]] = defaultdict(list)
    for parsed in files:
        by_table[TABLES[parsed.layout.kind].table.name].append(parsed)
    for same_table in by_table.values():
        first: dict[tuple[Any, ...], tuple[str, int]] = {}
        for parsed in same_table if len(same_table) > 1 else ():
            layout: Layout = parsed.layout
            keys = list(zip(*(parsed.columns[name] for name in layout.key)))
            for index, key in enumerate(keys):
                if key in first:
                    other_file, other_row = first[key]
                    parsed.problems.append(
                        ImportProblem(
                            parsed.name,
                            parsed.rows[index],
                            ", ".join(parsed.header(name) for name in layout.key),
                            describe_key(layout, key),
                            ImportIssue.DUPLICATE_ACROSS_FILES,
                            {"other_file": other_file, "other_row": other_row},
                        )
                    )
            first.update((key, (parsed.name, row)) for key, row in zip(keys, parsed.rows))


def check_references(parsed: ParsedFile, codes: KnownCodes) -> None:
    """Every code must exist in the database or in a file of the same upload."""
    for name, table in TABLES[parsed.layout.kind].refs.items():
        values = parsed.columns.get(name, ())
        unknown = {value for value in set(values) if is_valid(value)} - codes.known(table)
        for index, value in enumerate(values):
            if value in unknown:
                parsed.problems.append(
                    parsed.problem(
                        index, name, value, ImportIssue.UNKNOWN_CODE, what=UNKNOWN[table.name]
                    )
                )


@dataclass(frozen=True)
class TreeRule:
    """Which level a parent must have, for organisation units and for goals."""

    levels: Choice
    fits: Callable[[int, int], bool]  # (parent level, own level)
    needs_parent: Callable[[int], bool]
    expected: Callable[[int], dict[str, Any]]  # what the parent of a level should be: params


TREE_RULES = {
    "org_units": TreeRule(
        ORG_LEVEL,
        lambda parent, own: parent < own,
        lambda own: own > 1,
        lambda own: (
            {"parent": Phrase.ORG_ABOVE, "own_level": ORG_LEVEL.format(own)}
            if own > 1
            else {"parent": Phrase.CITY_ON_TOP}
        ),
    ),
    "goals": TreeRule(
        GOAL_LEVEL,
        lambda parent, own: parent == own - 1,
        lambda own: False,
        lambda own: (
            {"parent": Phrase.GOAL_ABOVE, "level_above": GOAL_LEVEL.format(own - 1)}
            if own > 1
            else {"parent": Phrase.DIRECTION_ON_TOP}
        ),
    ),
}


def check_tree(conn: Connection, parsed: ParsedFile) -> None:
    """A parent must sit at the right level above its children, after this file is applied."""
    rule = TREE_RULES.get(parsed.layout.kind)
    if rule is None:
        return
    tree = upload_rows.tree(conn, TABLES[parsed.layout.kind].table)
    row_of: dict[str, int] = {}
    parents = parsed.columns.get("parent_code")
    for index, (code, level) in enumerate(zip(parsed.columns["code"], parsed.columns["level"])):
        if not is_valid(code):
            continue
        entry = tree.setdefault(code, [None, None])
        entry[0] = level
        if parents is not None:
            entry[1] = parents[index]
        row_of[code] = index
    for code, (level, parent_code) in tree.items():
        if code in row_of:
            _check_parent(parsed, rule, tree, row_of[code], level, parent_code)
        elif parent_code in row_of:
            _check_child(parsed, rule, row_of[parent_code], tree[parent_code][0], code, level)


def _check_child(
    parsed: ParsedFile, rule: TreeRule, index: int, parent_level: Any, code: str, level: int
) -> None:
    """A row below one in the file, itself not in it, must still fit that row's new level."""
    if is_valid(parent_level) and not rule.fits(parent_level, level):
        parsed.problems.append(
            parsed.problem(
                index,
                "level",
                rule.levels.format(parent_level),
                ImportIssue.CHILD_LEVEL,
                child=code,
                child_level=rule.levels.format(level),
            )
        )


def _check_parent(
    parsed: ParsedFile,
    rule: TreeRule,
    tree: dict[str, list[Any]],
    index: int,
    level: Any,
    parent_code: Any,
) -> None:
    if not is_valid(level):
        return
    if parent_code is None:
        if rule.needs_parent(level):
            parsed.problems.append(
                parsed.problem(
                    index, "parent_code", "", ImportIssue.PARENT_MISSING, **rule.expected(level)
                )
            )
        return
    parent_level = tree.get(parent_code, [None])[0]
    if is_valid(parent_level) and not rule.fits(parent_level, level):
        parsed.problems.append(
            parsed.problem(
                index,
                "parent_code",
                parent_code,
                ImportIssue.PARENT_LEVEL,
                parent_level=rule.levels.format(parent_level),
                **rule.expected(level),
            )
        )
