"""Writing and deleting example data by the hundred thousand rows: each table in one
statement (or one COPY), without signals or change history.

bulk_create() prepares every value of every row through its field and, on PostgreSQL,
sends each column as an array: for 200,000 reviews that took 27 s, COPY takes 4 s.
Deleting through the ORM loads every row and writes a deletion version for each (one
INSERT a row: 4 minutes for 2,000 suppliers); example data is written without history,
and removed without it too."""

from functools import partial

from django.db import connection

# Column types the database drivers take as Python gives them (int, str, bool, date,
# Decimal, None). A datetime goes through the backend's adapter (SQLite stores naive UTC
# text), any other column through its field's preparation.
_AS_GIVEN = {
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DecimalField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
}


def insert_rows(model, fields, rows):
    """Insert `rows`, tuples of values for the named `fields` (foreign keys by their
    attname, `supplier_id`); every other column gets its field's default, taken once.
    COPY on PostgreSQL, one prepared INSERT for all rows elsewhere. Like bulk_create(),
    no save(), signals or history. Returns how many rows were written."""
    given = [model._meta.get_field(name) for name in fields]
    defaults = [
        field
        for field in model._meta.concrete_fields
        if field not in given and not field.primary_key
    ]
    tail = tuple(prepared(field, default_value(field)) for field in defaults)
    prepare = [(index, p) for index, p in enumerate(map(preparation, given)) if p is not None]

    def complete(row):
        if prepare:
            row = list(row)
            for index, p in prepare:
                row[index] = p(row[index])
        return (*row, *tail)

    columns = ", ".join(connection.ops.quote_name(field.column) for field in given + defaults)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            count = 0
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in map(complete, rows):
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * (len(given) + len(defaults)))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        cursor.executemany(sql, map(complete, rows))
        return max(cursor.rowcount, 0)


def insert_objects(model, objs):
    """insert_rows() for instances of `model` built in memory: each column as the instance
    holds it (a foreign key by the object it was given, saved since), auto_now columns
    stamped now."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not is_stamped(field)
    ]
    return insert_rows(
        model,
        [field.attname for field in fields],
        (tuple(column_value(obj, field) for field in fields) for obj in objs),
    )


def column_value(obj, field):
    value = getattr(obj, field.attname)
    if value is None and field.is_relation:
        related = getattr(obj, field.name)
        value = None if related is None else related.pk
    return value


def is_stamped(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def default_value(field):
    """What bulk_create() would write into a column the caller leaves out."""
    if is_stamped(field):
        return field.pre_save(field.model(), add=True)
    return field.get_default()


def preparation(field):
    """None where the driver takes a column's values as they are, else what prepares them."""
    kind = field.get_internal_type()
    if kind in _AS_GIVEN:
        return None
    if kind == "DateTimeField":
        return connection.ops.adapt_datetimefield_value
    return partial(field.get_db_prep_save, connection=connection)


def prepared(field, value):
    prepare = preparation(field)
    return value if prepare is None else prepare(value)


def delete_rows(queryset):
    """Delete the queryset's rows in one statement, as Django's own cascade does for a
    model without signals: no rows loaded, no signals, no deletion versions, no cascade
    (delete the rows that point at them first; the foreign keys refuse otherwise)."""
    return queryset._raw_delete(queryset.db)
