"""The register's version (krom/register.py): a row, and triggers on every table the
public pages show that give it a new random number whenever one of them changes.

PostgreSQL: deferred constraint triggers, so the row is written once per transaction, at
commit, in the same transaction as the change; taking its lock that late means two
transactions that change the register in a different order cannot deadlock on it. A
TRUNCATE (flush) changes it at once. SQLite: a trigger per row and kind of change (SQLite
has neither statement nor deferred triggers; it writes one transaction at a time anyway).

A random number, not a counter: a transaction that rolls back leaves the old number, and a
number that was only ever seen inside the rolled-back transaction is never given again.

The tables are listed here, not read from the models, so that this migration stays what it
was; tests/test_register_version.py fails when a model of the register has no trigger.
"""

from django.db import migrations, models

REGISTER_TABLES = [
    "afsync_officesync",
    "grades_contractresult",
    "grades_resultgrade",
    "grades_resultweights",
    "offices_contract",
    "offices_contractname",
    "offices_county",
    "offices_deliveryarea",
    "offices_municipality",
    "offices_office",
    "reviews_review",
    "suppliers_industry",
    "suppliers_language",
    "suppliers_supplier",
    "suppliers_supplier_industries",
    "suppliers_supplier_languages",
    "suppliers_suppliername",
]

POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION krom_register_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Deferred row triggers fire once per changed row at commit: write the row once.
    IF TG_OP = 'TRUNCATE'
       OR coalesce(current_setting('krom.register_changed', true), '') <> 'yes' THEN
        PERFORM set_config('krom.register_changed', 'yes', true);
        INSERT INTO krom_registerversion (id, version)
        VALUES (1, (random() * 9e18)::bigint)
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
    END IF;
    RETURN NULL;
END
$$;
"""

SQLITE_BUMP = (
    "INSERT INTO krom_registerversion (id, version) VALUES (1, abs(random())) "
    "ON CONFLICT (id) DO UPDATE SET version = excluded.version;"
)


def create_triggers(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        execute(POSTGRESQL_FUNCTION)
        for table in REGISTER_TABLES:
            execute(
                f"CREATE CONSTRAINT TRIGGER krom_register_changed "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                f"EXECUTE FUNCTION krom_register_changed()"
            )
            execute(
                f"CREATE TRIGGER krom_register_truncated AFTER TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION krom_register_changed()"
            )
    elif schema_editor.connection.vendor == "sqlite":
        for table in REGISTER_TABLES:
            for change in ("INSERT", "UPDATE", "DELETE"):
                execute(
                    f"CREATE TRIGGER krom_register_{change.lower()}_{table} "
                    f"AFTER {change} ON {table} BEGIN {SQLITE_BUMP} END"
                )
    execute("INSERT INTO krom_registerversion (id, version) VALUES (1, 1)")


def drop_triggers(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for table in REGISTER_TABLES:
            execute(f"DROP TRIGGER IF EXISTS krom_register_changed ON {table}")
            execute(f"DROP TRIGGER IF EXISTS krom_register_truncated ON {table}")
        execute("DROP FUNCTION IF EXISTS krom_register_changed()")
    elif schema_editor.connection.vendor == "sqlite":
        for table in REGISTER_TABLES:
            for change in ("insert", "update", "delete"):
                execute(f"DROP TRIGGER IF EXISTS krom_register_{change}_{table}")


class Migration(migrations.Migration):
    dependencies = [
        ("krom", "0002_cache_table"),
        # The register's tables must exist for their triggers.
        ("afsync", "0001_initial"),
        ("grades", "0004_constraint_messages"),
        ("offices", "0014_office_coordinates_index"),
        ("places", "0001_initial"),
        ("reviews", "0006_history_of_redaction"),
        ("suppliers", "0013_error_report_constraint_message"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegisterVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
