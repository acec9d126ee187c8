"""Who may do what, as pure rules: roles and organisation subtrees by materialised path."""

from hypothesis import given
from hypothesis import strategies as st

from dashboard.access import ANONYMOUS, Principal, Role, operator

paths = st.lists(st.integers(1, 30), min_size=1, max_size=4).map(
    lambda ids: "/" + "/".join(map(str, ids)) + "/"
)


def _editor(*scope_paths: str) -> Principal:
    return Principal(
        "e", "E", Role.EDITOR, tuple(f"K{i}" for i in range(len(scope_paths))), scope_paths
    )


@given(scope=paths, org=paths)
def test_an_editor_may_edit_exactly_the_subtrees_of_their_scope(scope, org):
    assert _editor(scope).may_edit(org) is org.startswith(scope)


def test_a_sibling_with_a_longer_id_is_not_inside_the_subtree():
    assert not _editor("/1/4/").may_edit(
        "/1/41/"
    )  # the trailing slash keeps /1/4/ from matching /1/41/
    assert _editor("/1/4/").may_edit("/1/4/17/")


@given(org=paths)
def test_readers_and_anonymous_never_edit_and_admins_always_do(org):
    reader = Principal("p", "P", Role.READER)
    assert not reader.may_edit(org) and not ANONYMOUS.may_edit(org)
    assert operator("root").may_edit(org)


def test_an_unknown_organisation_is_outside_every_editors_scope():
    assert not _editor("/1/").may_edit(None) and not _editor("/1/").may_edit("")


def test_editors_undo_only_their_own_uploads_and_admins_any():
    editor = _editor("/1/")
    assert editor.may_undo("e") and not editor.may_undo("annan")
    assert operator("root").may_undo("annan")
    assert not Principal("p", "P", Role.READER).may_undo("p")


def test_an_editor_without_organisations_may_edit_nothing():
    assert not _editor().may_edit_something and _editor("/1/").may_edit_something
    assert not ANONYMOUS.may_edit_something and not ANONYMOUS.signed_in
