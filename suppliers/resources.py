"""Importing Arbetsförmedlingen's published results grades from CSV, with django-import-export.

The admin's import page and `manage.py import_result_grades` both read the file with
GradeListCSV and import it with ResultGradeResource: a dry run first, then all rows or none.
"""

import codecs
import csv
import datetime
import io
import re

import tablib
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import RowResult
from stdnum.se import orgnr

from offices.models import DeliveryArea
from suppliers.fields import format_organisation_number
from suppliers.models import ResultGrade, Supplier
from suppliers.names import folded
from suppliers.services import save_result_grades

# The columns of the published list, and other spellings people use for them (compared
# folded: lower case, without accents, "_" and "-" as spaces).
COLUMNS = {
    "organisationsnummer": ["organisationsnummer", "orgnr", "org nr", "org.nr"],
    "leverantör": ["leverantor", "leverantorens namn", "namn"],
    "leveransområde": ["leveransomrade", "omrade"],
    "betyg": ["betyg", "resultatbetyg"],
    "period från": ["period fran", "matperiod fran", "period start", "fran"],
    "period till": ["period till", "matperiod till", "period slut", "till"],
    "publicerad": ["publicerad", "publicerat", "publiceringsdatum"],
}
# The supplier's name is there for people reading the file; the organisation number decides.
OPTIONAL_COLUMNS = {"leverantör"}
NO_GRADE_MARKS = {"", "-", "–", "—"}
REASON_PATTERNS = [
    (re.compile(r"deltagare|fa start"), ResultGrade.NoGradeReason.TOO_FEW_PARTICIPANTS),
    (re.compile(r"12|manad|ny leverantor"), ResultGrade.NoGradeReason.ACTIVE_LESS_THAN_12_MONTHS),
    (re.compile(r"ej|inte|saknas|ingen"), ResultGrade.NoGradeReason.NOT_MEASURED),
]
_SPELLINGS = {spelling: column for column, names in COLUMNS.items() for spelling in names}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def canonical_column(header):
    """'Period_från ' → 'period från'; unknown headers come back folded."""
    key = " ".join(folded(str(header or "")).replace("_", " ").replace("-", " ").split())
    return _SPELLINGS.get(key, key)


class GradeFileError(ValueError):
    """The file cannot be read as a grade list; the message says why, in Swedish."""


class GradeListCSV(base_formats.CSV):
    """CSV as people save it: UTF-8 with or without a byte order mark, separated by commas,
    semicolons (Swedish Excel) or tabs. Read as bytes, so a wrong encoding gets a clear
    message instead of a decoding error."""

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        return dataset_from_text(decoded(in_stream))


def decoded(data):
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise GradeFileError(
            _(
                "Filen är sparad som UTF-16 (”Unicode-text”). Spara den i Excel som "
                "”CSV UTF-8 (kommaavgränsad)” och försök igen."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GradeFileError(
            _(
                "Filen är inte sparad som UTF-8: rad %(line)s har tecken som inte går att "
                "läsa (kanske å, ä eller ö). Spara den i Excel som ”CSV UTF-8 "
                "(kommaavgränsad)” och försök igen. Inget har sparats."
            )
            % {"line": line}
        ) from error


def dataset_from_text(text):
    """A Dataset of the file's rows, skipping blank lines; dataset.line_numbers holds the
    line in the file where each row starts, for error messages."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise GradeFileError(_("Filen är tom."))
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    dataset = tablib.Dataset()
    dataset.line_numbers = []
    end_of_previous = 0
    try:
        for record in reader:
            line, end_of_previous = end_of_previous + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if dataset.headers is None:
                dataset.headers = [cell.strip() for cell in record]
                continue
            width = len(dataset.headers)
            if any(cell.strip() for cell in record[width:]):
                raise GradeFileError(
                    _("Rad %(line)s har fler kolumner än rubrikraden.") % {"line": line}
                )
            dataset.append((record + [""] * width)[:width])
            dataset.line_numbers.append(line)
    except csv.Error as error:
        raise GradeFileError(
            _("Rad %(line)s går inte att läsa som CSV: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error
    return dataset


class SupplierWidget(widgets.Widget):
    """A supplier by organisation number, typed as '556036-0793' or '5560360793'."""

    def __init__(self):
        super().__init__()
        self.by_number = {}

    def clean(self, value, row=None, **kwargs):
        typed = str(value or "").strip()
        if not typed:
            raise ValueError(_("Organisationsnummer saknas."))
        if not orgnr.is_valid(typed):
            raise ValueError(
                _("”%(value)s” är inget giltigt organisationsnummer.") % {"value": typed}
            )
        supplier = self.by_number.get(orgnr.compact(typed))
        if supplier is None:
            name = str((row or {}).get("leverantör") or "").strip()
            raise ValueError(
                _("Ingen leverantör har organisationsnumret %(number)s%(name)s.")
                % {
                    "number": format_organisation_number(orgnr.compact(typed)),
                    "name": f" ({name})" if name else "",
                }
            )
        return supplier

    def render(self, value, obj=None, **kwargs):
        return f"{value.organisation_number_display} {value.name}" if value else ""


class DeliveryAreaWidget(widgets.Widget):
    """A delivery area by code or name, in any case and with or without å, ä and ö."""

    def __init__(self):
        super().__init__()
        self.by_key = {}

    def clean(self, value, row=None, **kwargs):
        typed = " ".join(str(value or "").split())
        area = self.by_key.get(folded(typed))
        if area is None:
            if not typed:
                raise ValueError(_("Leveransområde saknas."))
            raise ValueError(_("Det finns inget leveransområde ”%(value)s”.") % {"value": typed})
        return area

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class GradeWidget(widgets.Widget):
    """'1'–'4' is a grade; '', '-' or a reason in words ('För få deltagare', 'Aktiv kortare
    än 12 månader') is no grade and why. Cleans to (stars, no_grade_reason)."""

    def clean(self, value, row=None, **kwargs):
        typed = str(value if value is not None else "").strip()
        if typed in {"1", "2", "3", "4"}:
            return int(typed), ""
        if typed in NO_GRADE_MARKS:
            return None, ResultGrade.NoGradeReason.NOT_MEASURED
        text = folded(typed)
        if not any(char.isdigit() for char in text.replace("12", "")):
            for pattern, reason in REASON_PATTERNS:
                if pattern.search(text):
                    return None, reason
        raise ValueError(
            _(
                "”%(value)s” är inget betyg. Skriv 1, 2, 3 eller 4, eller lämna tomt eller "
                "skriv orsaken när betyg saknas (till exempel ”För få deltagare”)."
            )
            % {"value": typed}
        )

    def render(self, value, obj=None, **kwargs):
        stars, reason = value
        if stars:
            return str(stars)
        return str(ResultGrade.NoGradeReason(reason).label) if reason else ""


class GradeField(fields.Field):
    """The one 'betyg' column sets both stars and the reason there are none."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.stars, instance.no_grade_reason = self.clean(row, **kwargs)

    def get_value(self, instance):
        return instance.stars, instance.no_grade_reason


class IsoDateWidget(widgets.Widget):
    """Dates as ÅÅÅÅ-MM-DD, the way Swedish Excel writes them."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.date):
            return value
        typed = str(value or "").strip()
        if not typed:
            raise ValueError(_("Datum saknas."))
        try:
            if not _ISO_DATE.match(typed):
                raise ValueError(typed)
            return datetime.date.fromisoformat(typed)
        except ValueError:
            raise ValueError(
                _("”%(value)s” är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-06-30.")
                % {"value": typed}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class PreloadedGradeLoader(BaseInstanceLoader):
    """Finds a row's grade from an earlier import by supplier, area and publication date,
    among grades loaded once per import instead of one query per row."""

    def get_instance(self, row):
        try:
            key = self.resource.key_of_row(row)
        except ValueError:
            return None
        return self.resource.existing_grades.get(key)


class ResultGradeResource(resources.ModelResource):
    supplier = fields.Field(
        attribute="supplier", column_name="organisationsnummer", widget=SupplierWidget()
    )
    delivery_area = fields.Field(
        attribute="delivery_area", column_name="leveransområde", widget=DeliveryAreaWidget()
    )
    stars = GradeField(attribute="stars", column_name="betyg", widget=GradeWidget())
    period_start = fields.Field(
        attribute="period_start", column_name="period från", widget=IsoDateWidget()
    )
    period_end = fields.Field(
        attribute="period_end", column_name="period till", widget=IsoDateWidget()
    )
    published_on = fields.Field(
        attribute="published_on", column_name="publicerad", widget=IsoDateWidget()
    )

    class Meta:
        model = ResultGrade
        name = gettext_lazy("Arbetsförmedlingens resultatbetyg (CSV)")
        fields = [
            "supplier",
            "delivery_area",
            "stars",
            "period_start",
            "period_end",
            "published_on",
        ]
        import_id_fields = ["supplier", "delivery_area", "published_on"]
        instance_loader_class = PreloadedGradeLoader
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        # Saved in batches through save_result_grades(), not with queries per row.
        use_bulk = True
        batch_size = 1000

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.existing_grades = {}
        self.line_numbers = []
        self.first_line_of_key = {}

    def import_data(self, dataset, **kwargs):
        """All rows or none: any rejected row rolls the whole import back."""
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def before_import(self, dataset, **kwargs):
        dataset.headers = [canonical_column(header) for header in dataset.headers or []]
        self.line_numbers = getattr(dataset, "line_numbers", None) or [
            number + 1 for number in range(1, len(dataset) + 1)
        ]
        missing = [c for c in COLUMNS if c not in dataset.headers and c not in OPTIONAL_COLUMNS]
        if missing:
            del dataset[:]
            raise GradeFileError(
                _("Kolumnen %(missing)s saknas. Filen ska ha kolumnerna %(columns)s.")
                % {
                    "missing": ", ".join(f"”{c}”" for c in missing),
                    "columns": ", ".join(f"”{c}”" for c in COLUMNS),
                }
            )
        self.fields["supplier"].widget.by_number = {
            supplier.organisation_number: supplier
            for supplier in Supplier.objects.only("pk", "name", "organisation_number")
        }
        areas = {area.pk: area for area in DeliveryArea.objects.all()}
        self.fields["delivery_area"].widget.by_key = {
            folded(key): area for area in areas.values() for key in (area.code, area.name)
        }
        suppliers = {}
        for row in dataset.dict:
            try:
                supplier = self.fields["supplier"].clean(row)
            except ValueError:
                continue
            suppliers[supplier.pk] = supplier
        self.existing_grades = {}
        for grade in ResultGrade.objects.filter(supplier_id__in=suppliers):
            # The related objects from memory, not a query each when rows are compared.
            grade.supplier = suppliers[grade.supplier_id]
            grade.delivery_area = areas[grade.delivery_area_id]
            self.existing_grades[grade.supplier_id, grade.delivery_area_id, grade.published_on] = (
                grade
            )

    def key_of_row(self, row):
        supplier, area, published_on = (
            self.fields[name].clean(row) for name in self.get_import_id_fields()
        )
        return supplier.pk, area.pk, published_on

    def line_of(self, row_number):
        return self.line_numbers[row_number - 1]

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        key = (instance.supplier.pk, instance.delivery_area.pk, instance.published_on)
        line = self.line_of(kwargs["row_number"])
        first_line = self.first_line_of_key.setdefault(key, line)
        if first_line != line:
            raise ValidationError(
                _(
                    "Samma leverantör, leveransområde och publiceringsdatum står redan på "
                    "rad %(line)s."
                )
                % {"line": first_line}
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if not errors:
            try:
                instance.clean()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._save_batch(self.create_instances, using_transactions, dry_run, raise_errors, result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._save_batch(self.update_instances, using_transactions, dry_run, raise_errors, result)

    def _save_batch(self, grades, using_transactions, dry_run, raise_errors, result):
        if grades and (using_transactions or not dry_run):
            try:
                save_result_grades(grades)
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                grades.clear()

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.rejected_rows = self.rejected_rows(result)
        result.summary = {
            "new": result.totals[RowResult.IMPORT_TYPE_NEW],
            "changed": result.totals[RowResult.IMPORT_TYPE_UPDATE],
            "unchanged": result.totals[RowResult.IMPORT_TYPE_SKIP],
            "rejected": len(result.rejected_rows),
        }

    def rejected_rows(self, result):
        """[(line in the file, [messages])], in file order."""
        labels = {name: field.column_name.capitalize() for name, field in self.fields.items()}
        rejected = []
        for row in result.invalid_rows:
            messages = [
                f"{labels[name]}: {message}" if name in labels else message
                for name, field_messages in row.error_dict.items()
                for message in field_messages
            ]
            rejected.append((self.line_of(row.number), messages))
        for row in result.error_rows:
            messages = [
                _("Raden kunde inte sparas: %(error)s") % {"error": e.error} for e in row.errors
            ]
            rejected.append((self.line_of(row.number), messages))
        return sorted(rejected)
