"""PostgreSQL's large inserts: foreign keys checked once per key, not per row; readers unblocked.

See `dialect._copy_then_check_references`: a role that may set session_replication_role
copies without the per-row triggers and checks the references itself; one that may not keeps
the triggers.
"""

import uuid
from collections.abc import Iterator

import pytest
from psycopg.errors import ForeignKeyViolation
from sqlalchemy import Connection, create_engine, func, select, text
from sqlalchemy.engine import make_url

from dashboard.store import Store, indicator_t, measurement_t, org_t, upload_t
from dashboard.store.database import create_database, make_engine
from dashboard.store.dialect import (
    LARGE_INSERT,
    MissingParent,
    MissingReferences,
    insert_columns,
    lock_writes,
)
from dashboard.tools.import_bench import outcome_file, setup_files
from dashboard.upload.change_sets import commit
from tests.digest import database_digest

ROWS = 2 * LARGE_INSERT
COLUMNS = (
    "indicator_id",
    "org_id",
    "year",
    "period",
    "gender",
    "value_status",
    "comment",
    "upload_id",
)


@pytest.fixture
def pg_store(postgres_url) -> Iterator[Store]:
    """A PostgreSQL store, connected as the superuser, with the import benchmark's city in it."""
    store = Store(make_engine(create_database(postgres_url, "bulk")))
    store.create_schema()
    commit(store, setup_files(), user_name="test")
    yield store
    store.engine.dispose()


def _admin(postgres_url: str, sql: str) -> None:
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(sql)
    engine.dispose()


@pytest.fixture(params=["not granted", "granted"])
def role_store(request, postgres_url) -> Iterator[Store]:
    """A store owned by a role that is no superuser, as docs/deployment.md sets one up.

    "granted": the role has SET on session_replication_role, as the deployment guide advises."""
    role = f"importer_{uuid.uuid4().hex[:12]}"
    _admin(postgres_url, f"CREATE ROLE {role} LOGIN")
    if request.param == "granted":
        _admin(postgres_url, f"GRANT SET ON PARAMETER session_replication_role TO {role}")
    url = make_url(create_database(postgres_url, "role"))
    _admin(postgres_url, f'ALTER DATABASE "{url.database}" OWNER TO {role}')
    store = Store(make_engine(url.set(username=role).render_as_string(hide_password=False)))
    store.create_schema()
    commit(store, setup_files(), user_name="test")
    yield store
    store.engine.dispose()


def _columns(conn: Connection, org_ids: list[int]) -> list[list]:
    """Measurement columns (COLUMNS) for ROWS new rows; row i's organisation is org_ids[i % len]."""
    indicator = conn.execute(select(func.min(indicator_t.c.id))).scalar()
    upload = conn.execute(select(func.max(upload_t.c.id))).scalar()
    values = [
        (
            indicator,
            org_ids[i % len(org_ids)],
            2000 + i // len(org_ids),
            "FY",
            "T",
            "ok",
            "",
            upload,
        )
        for i in range(ROWS)
    ]
    return [list(column) for column in zip(*values)]


def _org_ids(conn: Connection) -> list[int]:
    return list(conn.execute(select(org_t.c.id).order_by(org_t.c.id)).scalars())


def _insert_with_dangling_org(store: Store) -> None:
    """Insert ROWS measurement rows, one of them for an organisation id that does not exist."""
    with store.engine.begin() as conn:
        org_ids = _org_ids(conn)
        columns = _columns(conn, org_ids)
        columns[1][-1] = max(org_ids) + 1  # the last row's organisation
        insert_columns(conn, measurement_t, list(COLUMNS), columns)


def test_a_dangling_reference_in_a_large_insert_is_refused_and_nothing_is_written(pg_store):
    before = database_digest(pg_store)
    with pytest.raises(MissingReferences) as refused:  # checked after the COPY, not per row
        _insert_with_dangling_org(pg_store)
    [missing] = refused.value.missing
    assert missing == MissingParent("measurement", "org_id", "org_unit", (missing.ids[0],))
    assert database_digest(pg_store) == before


def test_a_large_upload_leaves_the_triggers_on_for_the_rest_of_its_transaction(pg_store):
    with pg_store.engine.begin() as conn:
        insert_columns(conn, measurement_t, list(COLUMNS), _columns(conn, _org_ids(conn)))
        assert conn.exec_driver_sql("SHOW session_replication_role").scalar() == "origin"
        with (
            pytest.raises(ForeignKeyViolation),
            conn.begin_nested(),
        ):  # a small insert: the triggers check it
            insert_columns(
                conn,
                org_t,
                ["code", "name", "level", "path", "parent_id"],
                [["X"], ["X"], [4], [""], [max(_org_ids(conn)) + 1000]],
            )


def test_readers_are_not_blocked_while_a_large_upload_is_open(pg_store):
    with pg_store.engine.connect() as reader:
        stored = reader.execute(select(func.count()).select_from(measurement_t)).scalar()
        reader.rollback()
        with pg_store.engine.begin() as writer:
            lock_writes(writer)
            insert_columns(writer, measurement_t, list(COLUMNS), _columns(writer, _org_ids(writer)))
            reader.exec_driver_sql(
                "SET LOCAL lock_timeout = '1s'"
            )  # a blocked SELECT fails instead of waiting
            assert (
                reader.execute(select(func.count()).select_from(measurement_t)).scalar() == stored
            )
            assert reader.execute(select(func.count()).select_from(org_t)).scalar() > 0
            held = reader.execute(
                text(
                    "SELECT DISTINCT mode FROM pg_locks WHERE pid = :pid AND relation IS NOT NULL"
                ),
                {"pid": writer.exec_driver_sql("SELECT pg_backend_pid()").scalar()},
            ).scalars()
            assert set(held) <= {
                "AccessShareLock",
                "RowShareLock",
                "RowExclusiveLock",
            }  # none stops a SELECT
            reader.rollback()
        assert (
            reader.execute(select(func.count()).select_from(measurement_t)).scalar()
            == stored + ROWS
        )


def test_a_role_without_the_privilege_keeps_the_per_row_checks(role_store, request):
    granted = request.node.callspec.params["role_store"] == "granted"
    before = database_digest(role_store)
    expected = (
        MissingReferences if granted else ForeignKeyViolation
    )  # the check after the COPY, or a trigger
    with pytest.raises(expected):
        _insert_with_dangling_org(role_store)
    assert database_digest(role_store) == before
    [saved] = commit(
        role_store, [outcome_file(ROWS)], user_name="test"
    )  # either way, an upload works
    assert saved.inserted == ROWS


def test_the_schema_has_no_triggers_or_rules_that_the_bulk_path_would_silence(pg_store):
    """session_replication_role = replica skips every trigger and rule, not only foreign keys'."""
    with pg_store.engine.connect() as conn:
        assert not conn.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        ).all()
        assert not conn.exec_driver_sql(
            "SELECT rulename FROM pg_rules WHERE schemaname = 'public'"
        ).all()
        # a deferrable unique or primary key is checked by an internal trigger too
        assert not conn.exec_driver_sql(
            "SELECT conname FROM pg_constraint WHERE condeferrable"
        ).all()
