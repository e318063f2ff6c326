"""Reading Arbetsförmedlingen's results follow-up file, real and with a changed layout.

write_results_file() and results_row() build small files in AF's layout; the other results
tests use them too."""

import datetime
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from grades.results_file import REQUIRED_COLUMNS, ResultsFileError, read_results_file

REAL_FILE = Path(__file__).parents[1] / "data" / "af" / "resultatuppfoljning-maj-2026.xlsx"
MARCH, MAY = datetime.date(2026, 3, 1), datetime.date(2026, 5, 1)
WEIGHTS_MARCH = (0.708189, 0.966347, 1.325675)


def results_row(ka="10075146", period="2026-03", **changes):
    """KA 10075146's row for 2026-03 as AF published it; keyword arguments change columns
    (underscores for spaces: ANTAL_DELTAGARE=2)."""
    row = dict(
        zip(
            [*REQUIRED_COLUMNS, "RISKERAR HÄVNING"],
            [period, "Norrköping", "Performiq AB", int(ka), datetime.datetime(2025, 2, 6)]
            + ["Nej", "-", 1.326, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, "Nej"],
            strict=True,
        )
    )
    row.update({column.replace("_", " "): value for column, value in changes.items()})
    return row


def write_results_file(path, periods, *, weights=WEIGHTS_MARCH, weights_sheets=None):
    """An xlsx in AF's layout: periods maps a sheet's period ("2026-03") to its rows."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for period, rows in periods.items():
        sheet = workbook.create_sheet(f"Resultat {period}")
        columns = list(rows[0]) if rows else REQUIRED_COLUMNS
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(column) for column in columns])
    for period in periods if weights_sheets is None else weights_sheets:
        sheet = workbook.create_sheet(f"Beräkningssnurra {period}")
        sheet.append(["Beräkning av viktat resultatmått"])
        sheet.append([])
        for level, weight in zip("ABC", weights, strict=True):
            sheet.append([f"Vikt nivå {level}", None, weight])
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def real_file():
    return read_results_file(REAL_FILE, REAL_FILE.name)


def test_real_file_has_800_rows_for_march_and_756_for_may(real_file):
    assert [(s.period, len(s.rows)) for s in real_file.periods] == [(MARCH, 800), (MAY, 756)]
    assert real_file.edition == MAY
    assert real_file.row_count == 1556


def test_real_file_weights_are_read_from_the_calculation_sheets(real_file):
    march, may = real_file.periods
    assert march.weights == {
        "a": Decimal("0.708189"),
        "b": Decimal("0.966347"),
        "c": Decimal("1.325675"),
    }
    assert may.weights["c"] == Decimal("1.330332")


def test_every_weighted_measure_in_the_real_file_agrees_with_the_weights(real_file):
    assert real_file.disagreements == []
    march = real_file.periods[0]
    gaps = [row.weighted_result - row.computed_weighted_result(march.weights) for row in march.rows]
    assert max(abs(gap) for gap in gaps) < Decimal("0.0005")


def test_real_file_row_as_published(real_file):
    row = next(row for row in real_file.periods[0].rows if row.ka_number == "10075146")
    assert (row.area_name, row.supplier_name) == ("Norrköping", "Performiq AB")
    assert row.start_date == datetime.date(2025, 2, 6)
    assert (row.active_22_months, row.risks_termination, row.grade) == (False, False, None)
    assert row.weighted_result == Decimal("1.326")
    assert row.counts["participants"] == 1 and row.counts["rr2_c"] == 1


def test_risks_termination_is_unknown_in_a_period_without_the_column(real_file):
    march, may = real_file.periods
    assert march.has_risks_termination and not may.has_risks_termination
    assert {row.risks_termination for row in may.rows} == {None}
    assert sum(row.risks_termination is True for row in march.rows) == 117


def test_a_measure_off_by_more_than_rounding_is_reported(tmp_path):
    rows = [results_row(), results_row(ka="10075147", VIKTAT_RESULTATMÅTT=1.2)]
    file = read_results_file(write_results_file(tmp_path / "f.xlsx", {"2026-03": rows}), "f")
    [disagreement] = file.disagreements
    assert disagreement.row.ka_number == "10075147"
    assert str(disagreement) == (
        "2026-03, rad 3, KA 10075147: filen anger 1.2000, vikterna ger 1.3257"
    )


def test_a_measure_within_rounding_is_not_reported(tmp_path):
    rows = [results_row(VIKTAT_RESULTATMÅTT=1.3265)]
    file = read_results_file(write_results_file(tmp_path / "f.xlsx", {"2026-03": rows}), "f")
    assert file.disagreements == []


def test_optional_values_may_be_blank_or_a_dash(tmp_path):
    rows = [results_row(VIKTAT_RESULTATMÅTT="-", STARTDATUM_AVTAL=None, BETYG=3)]
    [row] = read_rows(tmp_path, rows).periods[0].rows
    assert (row.weighted_result, row.start_date, row.grade) == (None, None, 3)


def read_rows(tmp_path, rows, period="2026-03", **options):
    path = write_results_file(tmp_path / "f.xlsx", {period: rows}, **options)
    return read_results_file(path, "f.xlsx")


def without(row, column):
    return {key: value for key, value in row.items() if key != column}


@pytest.mark.parametrize(
    "rows, period, message",
    [
        ([without(results_row(), "ANTAL RR1 NIVÅ B")], "2026-03", "saknar kolumnerna ”ANTAL RR1"),
        ([results_row(ANTAL_RR2_NIVÅ_A="tre")], "2026-03", "ANTAL RR2 NIVÅ A ”tre” är inte ett"),
        ([results_row(ANTAL_DELTAGARE=-1)], "2026-03", "ANTAL DELTAGARE ”-1” är inte ett antal"),
        ([results_row(ANTAL_DELTAGARE=1.5)], "2026-03", "är inte ett antal"),
        ([results_row(BETYG=5)], "2026-03", "BETYG ”5” är inte 1–4"),
        ([results_row(RISKERAR_HÄVNING="Kanske")], "2026-03", "är inte Ja eller Nej"),
        ([results_row(**{"KA-NUMMER": "1007"})], "2026-03", "KA-NUMMER ”1007” är inte 8 siffror"),
        ([results_row(STARTDATUM_AVTAL="snart")], "2026-03", "”snart” är inte ett datum"),
        ([results_row(PERIOD="2026-05")], "2026-03", "PERIOD är ”2026-05” men bladet gäller"),
        ([results_row(PERIOD="2026-05")], "maj 2026", "”Resultat maj 2026” har inte en period"),
        ([results_row(), results_row()], "2026-03", "KA-nummer 10075146 står två gånger"),
    ],
)
def test_a_changed_layout_is_refused_with_a_message_in_swedish(tmp_path, rows, period, message):
    with pytest.raises(ResultsFileError, match=message):
        read_rows(tmp_path, rows, period)


def test_a_period_without_its_weights_sheet_is_refused(tmp_path):
    with pytest.raises(ResultsFileError, match="”Beräkningssnurra 2026-03” saknas"):
        read_rows(tmp_path, [results_row()], weights_sheets=[])


def test_a_weights_sheet_without_a_weight_is_refused(tmp_path):
    with pytest.raises(ResultsFileError, match="saknar ett tal för Vikt nivå C"):
        read_rows(tmp_path, [results_row()], weights=(0.7, 0.9, "x"))


def test_a_file_without_results_sheets_is_refused(tmp_path):
    path = tmp_path / "betyg.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ResultsFileError, match="inget blad som heter ”Resultat ÅÅÅÅ-MM”"):
        read_results_file(path, path.name)


def test_a_file_that_is_not_excel_is_refused(tmp_path):
    path = tmp_path / "resultat.xlsx"
    path.write_text("PERIOD;KA-NUMMER\n2026-03;10075146\n")
    with pytest.raises(ResultsFileError, match="går inte att läsa som en Excel-fil"):
        read_results_file(path, path.name)


def test_a_damaged_excel_file_is_refused(tmp_path):
    good = write_results_file(tmp_path / "good.xlsx", {"2026-03": [results_row()]})
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            cut = item.filename == "xl/worksheets/sheet1.xml"
            target.writestr(item, b"<worksheet><sheetData><row>" if cut else source.read(item))
    with pytest.raises(ResultsFileError, match="går inte att läsa som en Excel-fil"):
        read_results_file(damaged, damaged.name)


def test_many_bad_rows_are_summarised(tmp_path):
    rows = [results_row(ka=str(10075100 + n), BETYG="x") for n in range(15)]
    with pytest.raises(ResultsFileError, match="och 5 fel till"):
        read_rows(tmp_path, rows)
