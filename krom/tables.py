"""Tables in files, for the register's import and export: a CSV or Excel (xlsx) upload read
into rows of text, and rows written as a CSV or xlsx download."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

# What openpyxl raises for a file that is not a readable xlsx (a damaged sheet's XML only
# while its rows are read).
UNREADABLE_WORKBOOK = (InvalidFileException, zipfile.BadZipFile, KeyError, ParseError, OSError)
# A cell starting with one of these is a formula to a spreadsheet: the CSV export puts an
# apostrophe before it (as spreadsheets do themselves), and the import takes it away.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TableError(ValueError):
    """A file that cannot be read as a table; `errors` says why, in Swedish."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(" ".join(self.errors))


@dataclass
class Table:
    header: list  # the first row's texts
    rows: list  # (line number in the file, [cell texts]) for each row that is not empty


def cell_text(value):
    """A cell as text: dates as 2026-03-01, whole numbers without decimals."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_START:
        text = text[1:]
    return text


def read_table(data):
    """The table in `data`: xlsx (its first sheet) or CSV in UTF-8 (comma, semicolon or
    tab between cells). Raises TableError."""
    if data.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError([_("Filen är i det gamla Excel-formatet (.xls). Spara den som .xlsx.")])
    else:
        rows = _csv_rows(data)
    rows = [[cell_text(value) for value in row] for row in rows]
    if not rows or not any(rows[0]):
        raise TableError([_("Filen är tom: första raden ska ha kolumnernas namn.")])
    body = [(line, row) for line, row in enumerate(rows[1:], start=2) if any(row)]
    return Table(header=rows[0], rows=body)


def _xlsx_rows(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    except UNREADABLE_WORKBOOK as error:
        raise TableError([_("Filen kunde inte läsas som Excel-fil (.xlsx).")]) from error


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(
            [_("Filen är varken en Excel-fil (.xlsx) eller en CSV-fil i UTF-8.")]
        ) from error
    if "\x00" in text:
        raise TableError([_("Filen är varken en Excel-fil (.xlsx) eller en CSV-fil i UTF-8.")])
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise TableError(
            [_("Filen kunde inte läsas som CSV: %(error)s") % {"error": error}]
        ) from error


def csv_response(file_name, header, rows):
    """A CSV download (UTF-8 with a byte order mark, so that Excel reads å, ä and ö)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([f"'{cell}" if cell.startswith(_FORMULA_START) else cell for cell in row])
    return response


def xlsx_response(file_name, sheet_title, header, rows):
    """An Excel download with one sheet; every cell is text, never a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    for row in [header, *rows]:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            cell.data_type = "s"
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name}.xlsx"'
    return response
