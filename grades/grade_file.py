"""Reading Arbetsförmedlingen's grade file as AF publishes it.

`betyg-rusta-och-matcha-<månad>-<år>.xlsx`: sheet "Betyg över tid", header row
`Leverantörsnamn, Leveransområde, Af Region, Ka-Nummer`, then one column per publication
named by Swedish month and year ("januari 2025"); cells 1–4 or "Betyg saknas". The same
wide layout saved as CSV (UTF-8, comma, semicolon or tab) is read too.

read_grade_file() checks the whole file before anything is imported: a file whose layout has
changed raises GradeFileError, with every problem named by row and column, in Swedish."""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from krom.tables import UNREADABLE_WORKBOOK
from offices.fields import AF_KA_NUMBER_PATTERN, normalize_ka_number
from suppliers.names import folded

SHEET = "Betyg över tid"
# The fixed columns, in AF's order: (field, AF's header, the header folded).
COLUMNS = [
    ("supplier_name", "Leverantörsnamn", "leverantorsnamn"),
    ("area_name", "Leveransområde", "leveransomrade"),
    ("region", "Af Region", "af region"),
    ("ka_number", "Ka-Nummer", "ka nummer"),
]
NO_GRADE = "betyg saknas"
MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
_MONTH = re.compile(r"(?P<name>[a-z]+) (?P<year>20[0-9]{2})")
_MAX_ERRORS = 20
ABSENT = object()  # an empty cell: AF did not publish the contract that month


class GradeFileError(ValueError):
    """The file is not AF's grade file as we know it; `errors` says where, in Swedish."""

    def __init__(self, errors):
        self.errors = list(errors)
        shown = self.errors[:_MAX_ERRORS]
        if len(self.errors) > _MAX_ERRORS:
            shown.append(_("… och %(count)d fel till.") % {"count": len(self.errors) - len(shown)})
        super().__init__("\n".join(shown))


@dataclass(frozen=True)
class GradeRow:
    line: int
    ka_number: str
    supplier_name: str
    area_name: str
    region: str
    grades: dict  # {first day of the month: 1–4, or None for "Betyg saknas"}


@dataclass(frozen=True)
class GradeFile:
    months: list  # first days of the publication months, oldest first
    rows: list

    @property
    def latest_month(self):
        return self.months[-1]

    @property
    def grade_count(self):
        return sum(len(row.grades) for row in self.rows)


def read_grade_file(data: bytes) -> GradeFile:
    """The grade file in `data` (xlsx or CSV bytes), checked from header to last cell."""
    if data.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise GradeFileError(
            [_("Filen är i det gamla Excel-formatet (.xls). Spara den som .xlsx.")]
        )
    else:
        rows = _csv_rows(data)
    header = next(rows, None)
    if header is None:
        raise GradeFileError([_("Filen är tom.")])
    header = [_text(value) for value in header]
    fixed, months = _columns(header)
    return _read_rows(rows, header, fixed, months)


def _xlsx_rows(data):
    try:
        return _read_xlsx_rows(data)
    except UNREADABLE_WORKBOOK as error:
        raise GradeFileError([_("Filen kunde inte läsas som Excel-fil (.xlsx).")]) from error


def _read_xlsx_rows(data):
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets = {folded(name).strip(): name for name in workbook.sheetnames}
        name = sheets.get(folded(SHEET))
        if name is None and len(workbook.sheetnames) == 1:
            name = workbook.sheetnames[0]
        if name is None:
            raise GradeFileError(
                [
                    _("Fliken ”%(sheet)s” saknas. Filen har flikarna %(sheets)s.")
                    % {"sheet": SHEET, "sheets": ", ".join(workbook.sheetnames)}
                ]
            )
        rows = [list(row) for row in workbook[name].iter_rows(values_only=True)]
    finally:
        workbook.close()
    return iter(rows)


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GradeFileError(
            [_("Filen är varken en Excel-fil (.xlsx) eller en CSV-fil i UTF-8.")]
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    return iter(list(csv.reader(io.StringIO(text), delimiter=delimiter)))


def _header_key(value):
    return " ".join(re.sub(r"[-_]+", " ", folded(str(value or ""))).split())


def _column_name(index, header):
    return f"{get_column_letter(index + 1)} ({header})"


def _columns(header):
    """({field: column index}, [(column index, month)]) from the header row."""
    keys = [_header_key(value) for value in header]
    if "organisationsnummer" in keys:
        raise GradeFileError(
            [
                _(
                    "Filen ser ut som den gamla betygslistan med organisationsnummer, som inte "
                    "längre går att importera. Ladda upp Arbetsförmedlingens fil "
                    "betyg-rusta-och-matcha-<månad>-<år>.xlsx som den är."
                )
            ]
        )
    errors, fixed, months = [], {}, []
    for field, title, key in COLUMNS:
        if key in keys:
            fixed[field] = keys.index(key)
        else:
            errors.append(
                _(
                    "Kolumnen ”%(column)s” saknas. Första raden ska vara %(columns)s och sedan "
                    "en kolumn per månad, till exempel ”januari 2025”."
                )
                % {"column": title, "columns": ", ".join(title for _f, title, _k in COLUMNS)}
            )
    for index, (value, key) in enumerate(zip(header, keys, strict=True)):
        if index in fixed.values() or not key:
            continue
        month = _month(value, key)
        if month is None:
            errors.append(
                _("Kolumn %(column)s är ingen månad. Skriv månaden som ”januari 2025”.")
                % {"column": _column_name(index, value)}
            )
        elif month in {known for _index, known in months}:
            errors.append(
                _("Kolumn %(column)s: månaden finns redan i en annan kolumn.")
                % {"column": _column_name(index, value)}
            )
        else:
            months.append((index, month))
    if not months and not errors:
        errors.append(_("Filen har ingen kolumn med betyg för en månad, som ”januari 2025”."))
    if errors:
        raise GradeFileError(errors)
    return fixed, sorted(months, key=lambda column: column[1])


def _month(value, key):
    match = _MONTH.fullmatch(key)
    if match is None or match.group("name") not in MONTHS:
        return None
    return datetime.date(int(match.group("year")), MONTHS.index(match.group("name")) + 1, 1)


def _text(value):
    return " ".join(str(value).split()) if value is not None else ""


def _ka_number(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = normalize_ka_number(_text(value))
    return number if AF_KA_NUMBER_PATTERN.match(number) else None


def _grade(value):
    """(True, 1–4 or None) for a grade or "Betyg saknas", (True, absent) for an empty cell,
    (False, None) for anything else."""
    if isinstance(value, bool):
        return False, None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return (1 <= value <= 4), value
    text = _text(value)
    if not text:
        return True, ABSENT
    if folded(text) == NO_GRADE:
        return True, None
    if text in {"1", "2", "3", "4"}:
        return True, int(text)
    return False, None


def _read_rows(rows, header, fixed, months):
    errors, read, lines = [], [], {}
    for line, cells in enumerate(rows, start=2):
        cells = list(cells) + [None] * (max(fixed.values(), default=0) + len(months) + 1)
        if all(_text(cell) == "" for cell in cells):
            continue
        ka_cell = cells[fixed["ka_number"]]
        ka_number = _ka_number(ka_cell)
        if ka_number is None:
            errors.append(
                _("Rad %(line)d, kolumn %(column)s: ”%(value)s” är inget KA-nummer med 8 siffror.")
                % {
                    "line": line,
                    "column": _column_name(fixed["ka_number"], header[fixed["ka_number"]]),
                    "value": _text(ka_cell),
                }
            )
        elif ka_number in lines:
            errors.append(
                _("Rad %(line)d: KA-nummer %(ka)s finns redan på rad %(first)d.")
                % {"line": line, "ka": ka_number, "first": lines[ka_number]}
            )
        else:
            lines[ka_number] = line
        for field in ["supplier_name", "area_name"]:
            if not _text(cells[fixed[field]]):
                errors.append(
                    _("Rad %(line)d, kolumn %(column)s: tom.")
                    % {"line": line, "column": _column_name(fixed[field], header[fixed[field]])}
                )
        grades = {}
        for index, month in months:
            valid, stars = _grade(cells[index])
            if not valid:
                errors.append(
                    _(
                        "Rad %(line)d, kolumn %(column)s: ”%(value)s” är inget betyg. "
                        "Ett betyg är 1–4 eller ”Betyg saknas”."
                    )
                    % {
                        "line": line,
                        "column": _column_name(index, header[index]),
                        "value": _text(cells[index]),
                    }
                )
            elif stars is not ABSENT:
                grades[month] = stars
        if len(errors) > _MAX_ERRORS * 5:
            break
        read.append(
            GradeRow(
                line=line,
                ka_number=ka_number,
                supplier_name=_text(cells[fixed["supplier_name"]]),
                area_name=_text(cells[fixed["area_name"]]),
                region=_text(cells[fixed["region"]]),
                grades=grades,
            )
        )
    if errors:
        raise GradeFileError(errors)
    if not read:
        raise GradeFileError([_("Filen har inga rader med avtal under rubrikraden.")])
    return GradeFile(months=[month for _index, month in months], rows=read)
