"""One writer at a time for Arbetsförmedlingen's data.

A grade import, a results import and a sync each read the register, plan, and write: two at
once could both create the same new contract, and the second would fail on the unique
KA-number. Each holds this lock from planning to commit."""

from contextlib import contextmanager

from django.db import connection, transaction

# Any fixed number, the same in every process: PostgreSQL's advisory locks are numbers.
AF_WRITERS = 7_302_415


@contextmanager
def af_writers_lock():
    """A transaction in which no other writer of AF's data runs (an advisory lock on
    PostgreSQL, released at commit or rollback; SQLite lets one writer in at a time)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AF_WRITERS])
        yield
