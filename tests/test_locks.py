import pytest
from django.db import connection

from krom.locks import AF_WRITERS, af_writers_lock
from tests.postgres import second_connection

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.integration]


def test_while_one_writer_of_af_s_data_runs_no_other_can_start():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time by itself")
    other = second_connection()
    try:
        with af_writers_lock():
            taken = other.execute("SELECT pg_try_advisory_lock(%s)", [AF_WRITERS]).fetchone()
            assert taken == (False,)
        free = other.execute("SELECT pg_try_advisory_lock(%s)", [AF_WRITERS]).fetchone()
        assert free == (True,)
    finally:
        other.close()
