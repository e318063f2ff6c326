"""The register as a table: the columns of suppliers or offices, written out for export and
read back for import. An import is planned (the dry run shows new, changed and unchanged
rows, each change as old → new) and applied as a whole; any error, named by row and
column, stops all of it.

A RegisterTable subclass names its model, its columns and how a row finds its object
(match_row): suppliers.supplier_table and offices.office_table."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from krom.history import Author
from krom.tables import TableError, read_table
from suppliers.names import folded

MAX_ERRORS = 50  # shown of a file's errors; the rest are counted
YES = {"ja", "j", "yes", "y", "x", "1", "sant", "true"}
NO = {"nej", "n", "no", "0", "falskt", "false", ""}


class RowError(ValueError):
    """What is wrong with a cell or a row; the table adds where."""


@dataclass(frozen=True)
class Column:
    """One column: `header` in the file, the model `field` it reads and writes. kind is
    "text" (any field Django can clean), "bool" (ja/nej), "choice" (by label or value),
    "many" (a many-to-many field, names separated by commas) or "info" (exported only,
    ignored on import). `key` columns find the row's object and are not written."""

    header: str
    field: str
    kind: str = "text"
    key: bool = False


@dataclass
class RowPlan:
    line: int
    obj: object
    created: bool
    changes: list = field(default_factory=list)  # (header, old text, new text)
    many: dict = field(default_factory=dict)  # field: [related objects]


@dataclass
class RegisterPlan:
    rows: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def new(self):
        return [row for row in self.rows if row.created]

    @property
    def changed(self):
        return [row for row in self.rows if not row.created]


class RegisterTable:
    model = None
    columns = []
    sheet_title = file_name = ""

    # Export

    def export_queryset(self, queryset):
        return queryset

    def export_rows(self, queryset):
        header = [str(column.header) for column in self.columns]
        rows = [
            [self.text(obj, column) for column in self.columns]
            for obj in self.export_queryset(queryset)
        ]
        return header, rows

    def text(self, obj, column):
        if column.kind == "many":
            return ", ".join(self.many_name(item) for item in getattr(obj, column.field).all())
        value = getattr(obj, column.field)
        return self.value_text(column, value)

    def value_text(self, column, value):
        if value is None:
            return ""
        if column.kind == "bool":
            return "ja" if value else "nej"
        if column.kind == "choice":
            return str(dict(self.model_field(column).flatchoices).get(value, value))
        return str(value)

    def many_name(self, item):
        return str(item)

    # Import

    def model_field(self, column):
        return self.model._meta.get_field(column.field)

    def many_lookup(self, column):
        """{folded name or code: object} for a "many" column."""
        raise NotImplementedError

    def match_row(self, keys, line):
        """(object, created) for a row whose key columns say `keys` ({field: text})."""
        raise NotImplementedError

    def read(self, data):
        """Read and check an upload: (table, {column index: Column}). Raises TableError."""
        table = read_table(data)
        by_header = {folded(column.header): column for column in self.columns}
        columns, errors = {}, []
        for index, header in enumerate(table.header):
            if not header:
                continue
            column = by_header.get(folded(header))
            if column is None:
                errors.append(
                    _("Kolumnen ”%(header)s” finns inte i registret. Kolumnerna är: %(all)s.")
                    % {"header": header, "all": ", ".join(str(c.header) for c in self.columns)}
                )
            elif column in columns.values():
                errors.append(_("Kolumnen ”%(header)s” står två gånger.") % {"header": header})
            else:
                columns[index] = column
        if not any(column.key for column in columns.values()):
            keys = [column.header for column in self.columns if column.key]
            errors.append(
                _("Filen saknar kolumnen %(keys)s, som säger vilken rad som är vilken.")
                % {"keys": _(" eller ").join(f"”{key}”" for key in keys)}
            )
        if errors:
            raise TableError(errors)
        return table, columns

    def plan(self, table, columns):
        """What the import would change. Raises TableError with every row's errors."""
        plan, errors, seen = RegisterPlan(), [], {}
        lookups = {c.field: self.many_lookup(c) for c in columns.values() if c.kind == "many"}
        for line, cells in table.rows:
            values = {
                column: cells[index].strip() if index < len(cells) else ""
                for index, column in columns.items()
            }
            try:
                keys = {column.field: text for column, text in values.items() if column.key}
                obj, created = self.match_row(keys, line)
            except RowError as error:
                errors.append(_("Rad %(line)s: %(error)s") % {"line": line, "error": error})
                continue
            if not created and obj.pk in seen:
                message = _("Rad %(line)s: samma som rad %(first)s.")
                errors.append(message % {"line": line, "first": seen[obj.pk]})
                continue
            if not created:
                seen[obj.pk] = line
            row = RowPlan(line=line, obj=obj, created=created)
            row_errors = self._plan_cells(row, values, lookups)
            errors.extend(
                _("Rad %(line)s, kolumn ”%(column)s”: %(error)s")
                % {"line": line, "column": header, "error": error}
                for header, error in row_errors
            )
            if row.created or row.changes:
                plan.rows.append(row)
            else:
                plan.unchanged += 1
        if errors:
            if len(errors) > MAX_ERRORS:
                more = len(errors) - MAX_ERRORS
                errors = [*errors[:MAX_ERRORS], _("… och %(count)s fel till.") % {"count": more}]
            raise TableError(errors)
        return plan

    def _plan_cells(self, row, values, lookups):
        errors = []
        for column, text in values.items():
            # A key column only fills in a key the object lacks (a new one's, or an
            # organisation number not known before).
            if column.kind == "info" or (
                column.key and (not text or getattr(row.obj, column.field))
            ):
                continue
            try:
                if column.kind == "many":
                    self._plan_many(row, column, text, lookups[column.field])
                else:
                    self._plan_value(row, column, text)
            except (RowError, ValidationError) as error:
                errors.append((column.header, " ".join(getattr(error, "messages", [str(error)]))))
        self.prepare(row)
        written = {column.field: column.header for column in values if column.kind != "info"}
        # A new object is checked whole; a known one in what the file writes (and the
        # constraints between those fields), not in what it leaves alone.
        exclude = {field.name for field in self.model._meta.get_fields() if field.many_to_many}
        if not row.created:
            exclude |= {field.name for field in self.model._meta.fields} - set(written)
        try:
            row.obj.full_clean(exclude=exclude)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                header = written.get(name) or self.header_for(name)
                errors.append((header, " ".join(messages)))
        return errors

    def prepare(self, row):
        """Fill in what the row leaves out, before the object is checked."""

    def header_for(self, name):
        column = next((c for c in self.columns if c.field == name), None)
        if column is not None:
            return column.header
        if name == NON_FIELD_ERRORS:
            return _("hela raden")
        return str(self.model._meta.get_field(name).verbose_name)

    def _plan_value(self, row, column, text):
        model_field = self.model_field(column)
        if column.kind == "bool":
            if folded(text) not in YES | NO:
                raise RowError(_("Skriv ”ja” eller ”nej”, inte ”%(text)s”.") % {"text": text})
            value = folded(text) in YES
        elif column.kind == "choice" and text == "" and model_field.blank:
            value = ""
        elif column.kind == "choice":
            choices = {folded(str(label)): value for value, label in model_field.flatchoices}
            choices |= {folded(value): value for value, _label in model_field.flatchoices}
            if folded(text) not in choices:
                labels = ", ".join(f"”{label}”" for _value, label in model_field.flatchoices)
                raise RowError(
                    _("”%(text)s” går inte att välja. Välj en av %(labels)s.")
                    % {"text": text, "labels": labels}
                )
            value = choices[folded(text)]
        elif text == "" and model_field.null:
            value = None
        else:
            value = model_field.to_python(text)
        old = getattr(row.obj, column.field)
        if old != value:
            row.changes.append(
                (column.header, self.value_text(column, old), self.value_text(column, value))
            )
            setattr(row.obj, column.field, value)

    def _plan_many(self, row, column, text, lookup):
        names = [name.strip() for name in text.replace(";", ",").split(",") if name.strip()]
        unknown = [name for name in names if folded(name) not in lookup]
        if unknown:
            raise RowError(
                _("Okänt: %(names)s. Skriv namnen som i registret, åtskilda med kommatecken.")
                % {"names": ", ".join(f"”{name}”" for name in unknown)}
            )
        wanted = list(dict.fromkeys(lookup[folded(name)] for name in names))
        current = [] if row.obj.pk is None else list(getattr(row.obj, column.field).all())
        if {item.pk for item in wanted} != {item.pk for item in current}:
            row.changes.append(
                (
                    column.header,
                    ", ".join(self.many_name(item) for item in current),
                    ", ".join(self.many_name(item) for item in wanted),
                )
            )
        row.many[column.field] = wanted

    # Writing

    @transaction.atomic
    def apply(self, plan, *, author: Author):
        """Write the plan, all of it or nothing; the history names `author`."""
        self.save_rows(plan.rows, author)

    def save_rows(self, rows, author):
        for row in rows:
            self.save_row(row, author)

    def save_row(self, row, author):
        author.mark(row.obj).save()
        for name, items in row.many.items():
            getattr(row.obj, name).set(items)
