"""A second connection to the test database, for tests of what other sessions see."""

import psycopg
from django.db import connection


def second_connection():
    """A psycopg connection of its own (autocommit) to the database the tests use."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"],
        dbname=settings["NAME"],
        autocommit=True,
    )
