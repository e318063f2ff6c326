"""AF's real grade file, and copies of it changed the way a test needs."""

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

GRADE_FILE = Path(__file__).parents[1] / "data" / "af" / "betyg-rusta-och-matcha-mars-2026.xlsx"


def real_grade_file():
    return GRADE_FILE.read_bytes()


def edited_grade_file(edit):
    """The real file after edit(sheet) has changed its sheet, as xlsx bytes."""
    workbook = load_workbook(GRADE_FILE)
    edit(workbook["Betyg över tid"])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def grade_file_as_csv(*, delimiter=",", bom=False):
    """The real file's sheet saved as CSV, as Excel would."""
    workbook = load_workbook(GRADE_FILE, read_only=True)
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    for row in workbook["Betyg över tid"].iter_rows(values_only=True):
        writer.writerow(["" if cell is None else cell for cell in row])
    workbook.close()
    return ("\ufeff" if bom else "").encode() + text.getvalue().encode()


def add_month(sheet, header, grade=2):
    """A newer file: one more publication column, every contract graded `grade`."""
    column = sheet.max_column + 1
    sheet.cell(row=1, column=column, value=header)
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=column, value=grade)


def row_of(sheet, ka_number):
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 4).value == ka_number)
