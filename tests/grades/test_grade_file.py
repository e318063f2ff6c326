import datetime
import io
import zipfile

import pytest

from grades.grade_file import GradeFileError, read_grade_file
from tests.grades.grade_files import (
    edited_grade_file,
    grade_file_as_csv,
    real_grade_file,
    row_of,
)

JAN_2025 = datetime.date(2025, 1, 1)
MAR_2026 = datetime.date(2026, 3, 1)


def rows_by_ka(grade_file):
    return {row.ka_number: row for row in grade_file.rows}


def test_real_file_has_983_contracts_and_eight_months():
    grade_file = read_grade_file(real_grade_file())

    assert len(grade_file.rows) == 983
    assert grade_file.months == [
        datetime.date(2025, 1, 1),
        datetime.date(2025, 3, 1),
        datetime.date(2025, 5, 1),
        datetime.date(2025, 7, 1),
        datetime.date(2025, 9, 1),
        datetime.date(2025, 11, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 1),
    ]
    assert grade_file.grade_count == 983 * 8
    assert len({row.supplier_name for row in grade_file.rows}) == 224
    assert len({row.area_name for row in grade_file.rows}) == 64


def test_real_file_grades_and_betyg_saknas_as_published():
    rows = rows_by_ka(read_grade_file(real_grade_file()))

    ability = rows["10074736"]
    assert (ability.supplier_name, ability.area_name, ability.region) == (
        "AB Ability Coaching",
        "Avesta-Hedemora",
        "Mitt",
    )
    assert ability.grades[JAN_2025] is None
    assert ability.grades[MAR_2026] == 3
    assert list(rows["10072909"].grades.values()) == [3, 3, 3, 3, 2, 2, 2, 1]
    assert list(rows["10072236"].grades.values()) == [4, 4, 4, 4, 3, 3, 4, 4]


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(",", False), (";", True), ("\t", False), (";", False)]
)
def test_the_same_layout_saved_as_csv_reads_the_same(delimiter, bom):
    from_csv = read_grade_file(grade_file_as_csv(delimiter=delimiter, bom=bom))

    assert from_csv == read_grade_file(real_grade_file())


def test_empty_cell_means_no_publication_that_month():
    def clear(sheet):
        sheet.cell(row_of(sheet, 10072909), 5).value = None

    rows = rows_by_ka(read_grade_file(edited_grade_file(clear)))

    assert JAN_2025 not in rows["10072909"].grades
    assert len(rows["10072909"].grades) == 7


def test_ka_number_and_grades_as_text_are_read():
    def as_text(sheet):
        row = row_of(sheet, 10072909)
        sheet.cell(row, 4).value = "10072909"
        sheet.cell(row, 5).value = "3"
        sheet.cell(row, 6).value = "betyg SAKNAS"

    rows = rows_by_ka(read_grade_file(edited_grade_file(as_text)))

    assert list(rows["10072909"].grades.values())[:2] == [3, None]


def broken(edit):
    with pytest.raises(GradeFileError) as raised:
        read_grade_file(edited_grade_file(edit))
    return str(raised.value)


def test_missing_column_is_named():
    def drop_region(sheet):
        sheet.delete_cols(3)

    assert "Kolumnen ”Af Region” saknas" in broken(drop_region)


def test_column_that_is_not_a_month_is_named_with_its_letter():
    def comment(sheet):
        sheet.cell(1, 13).value = "Kommentar"
        sheet.cell(2, 13).value = "ny"

    assert "Kolumn M (Kommentar) är ingen månad" in broken(comment)


def test_misspelt_month_is_not_a_month():
    def misspelt(sheet):
        sheet.cell(1, 12).value = "march 2026"

    assert "Kolumn L (march 2026) är ingen månad" in broken(misspelt)


def test_a_month_twice_is_refused():
    def twice(sheet):
        sheet.cell(1, 12).value = "januari 2025"

    assert "Kolumn L (januari 2025): månaden finns redan" in broken(twice)


def test_grade_of_5_is_named_by_row_and_column():
    def five(sheet):
        sheet.cell(3, 6).value = 5

    assert "Rad 3, kolumn F (mars 2025): ”5” är inget betyg. Ett betyg är 1–4" in broken(five)


def test_ka_number_without_8_digits_is_named():
    def short(sheet):
        sheet.cell(4, 4).value = 1007223

    assert "Rad 4, kolumn D (Ka-Nummer): ”1007223” är inget KA-nummer med 8 siffror" in broken(
        short
    )


def test_duplicated_ka_number_names_both_rows():
    def duplicate(sheet):
        sheet.cell(5, 4).value = 10072909

    assert "Rad 5: KA-nummer 10072909 finns redan på rad 3." in broken(duplicate)


def test_every_problem_is_listed_not_only_the_first():
    def two(sheet):
        sheet.cell(3, 6).value = "bra"
        sheet.cell(9, 7).value = 0

    message = broken(two)
    assert "Rad 3, kolumn F" in message
    assert "Rad 9, kolumn G" in message


def test_old_csv_with_organisation_numbers_is_explained():
    old = "Organisationsnummer;Leverantör;Leveransområde;Betyg\n556036-0793;A;B;3\n"

    with pytest.raises(GradeFileError, match="gamla betygslistan med organisationsnummer"):
        read_grade_file(old.encode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Filen är tom"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "gamla Excel-formatet"),
        (b"PK\x03\x04broken zip", "kunde inte läsas som Excel-fil"),
        ("Leverantörsnamn".encode("utf-16"), "varken en Excel-fil"),
    ],
)
def test_unreadable_files_get_a_swedish_message(data, message):
    with pytest.raises(GradeFileError, match=message):
        read_grade_file(data)


def test_a_damaged_excel_file_is_refused_with_a_message():
    damaged = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(real_grade_file())) as source,
        zipfile.ZipFile(damaged, "w") as target,
    ):
        for item in source.infolist():
            cut = item.filename.startswith("xl/worksheets/sheet")
            target.writestr(item, b"<worksheet><sheetData><row>" if cut else source.read(item))
    with pytest.raises(GradeFileError, match="kunde inte läsas som Excel-fil"):
        read_grade_file(damaged.getvalue())
