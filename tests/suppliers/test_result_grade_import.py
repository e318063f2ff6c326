import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from suppliers.models import ResultGrade
from suppliers.resources import GradeFileError, GradeListCSV, ResultGradeResource
from tests.suppliers.factories import ResultGradeFactory, SupplierFactory, delivery_area

pytestmark = pytest.mark.django_db

HEADER = "organisationsnummer,leverantör,leveransområde,betyg,period från,period till,publicerad"


@pytest.fixture
def suppliers():
    return (
        SupplierFactory(name="Jobbcoach AB", organisation_number="5560360793"),
        SupplierFactory(name="Steg AB", organisation_number="5567037485"),
    )


def csv_bytes(*rows, header=HEADER, delimiter=",", encoding="utf-8", newline="\n"):
    lines = [header, *rows]
    return newline.join(line.replace(",", delimiter) for line in lines).encode(encoding) + b"\n"


GOOD_ROWS = [
    "556036-0793,Jobbcoach AB,Uppsala,3,2026-01-01,2026-06-30,2026-08-15",
    "5560360793,Jobbcoach AB,gotland,För få deltagare,2026-01-01,2026-06-30,2026-08-15",
    "556703-7485,Steg AB,Stockholm norr,-,2026-01-01,2026-06-30,2026-08-15",
]


def run_import(data, dry_run=False):
    dataset = GradeListCSV().create_dataset(data)
    return ResultGradeResource().import_data(dataset, dry_run=dry_run)


def grades():
    return sorted(
        ResultGrade.objects.values_list(
            "pk",
            "supplier__name",
            "delivery_area__code",
            "stars",
            "no_grade_reason",
            "period_start",
            "period_end",
            "published_on",
            "is_current",
        )
    )


def test_dry_run_reports_new_rows_and_writes_nothing(suppliers):
    result = run_import(csv_bytes(*GOOD_ROWS), dry_run=True)
    assert result.summary == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 0}
    assert ResultGrade.objects.count() == 0


def test_import_writes_every_row_with_org_numbers_areas_and_reasons_as_typed(suppliers):
    result = run_import(csv_bytes(*GOOD_ROWS))
    assert result.summary["new"] == 3
    assert [row[1:] for row in grades()] == [
        (
            "Jobbcoach AB",
            "uppsala",
            3,
            "",
            datetime.date(2026, 1, 1),
            datetime.date(2026, 6, 30),
            datetime.date(2026, 8, 15),
            True,
        ),
        (
            "Jobbcoach AB",
            "gotland",
            None,
            "too_few_participants",
            datetime.date(2026, 1, 1),
            datetime.date(2026, 6, 30),
            datetime.date(2026, 8, 15),
            True,
        ),
        (
            "Steg AB",
            "stockholm-norr",
            None,
            "not_measured",
            datetime.date(2026, 1, 1),
            datetime.date(2026, 6, 30),
            datetime.date(2026, 8, 15),
            True,
        ),
    ]


def test_reimporting_the_same_file_changes_nothing(suppliers):
    run_import(csv_bytes(*GOOD_ROWS))
    before = grades()
    result = run_import(csv_bytes(*GOOD_ROWS))
    assert result.summary == {"new": 0, "changed": 0, "unchanged": 3, "rejected": 0}
    assert grades() == before


def test_a_corrected_row_is_changed_in_place(suppliers):
    run_import(csv_bytes(*GOOD_ROWS))
    corrected = GOOD_ROWS[0].replace(",3,", ",4,")
    result = run_import(csv_bytes(corrected, *GOOD_ROWS[1:]))
    assert result.summary == {"new": 0, "changed": 1, "unchanged": 2, "rejected": 0}
    assert ResultGrade.objects.get(delivery_area__code="uppsala").stars == 4
    assert ResultGrade.objects.count() == 3


def test_a_new_publication_makes_the_previous_grade_history(suppliers):
    run_import(csv_bytes(GOOD_ROWS[0]))
    newer = "556036-0793,Jobbcoach AB,Uppsala,2,2026-03-01,2026-08-31,2026-10-15"
    run_import(csv_bytes(newer))
    assert list(
        ResultGrade.objects.order_by("published_on").values_list("stars", "is_current")
    ) == [(3, False), (2, True)]


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (
            "556677-8899,Okänd AB,Uppsala,3,2026-01-01,2026-06-30,2026-08-15",
            "Organisationsnummer: Ingen leverantör har organisationsnumret 556677-8899 (Okänd AB).",
        ),
        (
            "123,Fel AB,Uppsala,3,2026-01-01,2026-06-30,2026-08-15",
            "Organisationsnummer: ”123” är inget giltigt organisationsnummer.",
        ),
        (
            "556036-0793,Jobbcoach AB,Atlantis,3,2026-01-01,2026-06-30,2026-08-15",
            "Leveransområde: Det finns inget leveransområde ”Atlantis”.",
        ),
        (
            "556036-0793,Jobbcoach AB,Uppsala,5,2026-01-01,2026-06-30,2026-08-15",
            "Betyg: ”5” är inget betyg.",
        ),
        (
            "556036-0793,Jobbcoach AB,Uppsala,3,2026-01-01,30/6/2026,2026-08-15",
            "Period till: ”30/6/2026” är inget datum. Skriv ÅÅÅÅ-MM-DD",
        ),
        (
            "556036-0793,Jobbcoach AB,Uppsala,3,2026-02-30,2026-06-30,2026-08-15",
            "Period från: ”2026-02-30” är inget datum.",
        ),
        (
            "556036-0793,Jobbcoach AB,Malmö,3,2026-07-01,2026-06-30,2026-08-15",
            "Period till: Mätperioden slutar före den börjar.",
        ),
        (
            GOOD_ROWS[0],
            "Samma leverantör, leveransområde och publiceringsdatum står redan på rad 2.",
        ),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_written(suppliers, bad_row, message):
    result = run_import(csv_bytes(*GOOD_ROWS, bad_row))
    assert len(result.rejected_rows) == 1
    line, messages = result.rejected_rows[0]
    assert line == 5
    assert message in " ".join(messages)
    assert result.summary["rejected"] == 1
    assert ResultGrade.objects.count() == 0


def test_every_bad_row_is_reported_not_just_the_first(suppliers):
    result = run_import(
        csv_bytes(
            GOOD_ROWS[0],
            "556036-0793,Jobbcoach AB,Atlantis,3,2026-01-01,2026-06-30,2026-08-15",
            "",
            "556036-0793,Jobbcoach AB,Gotland,5,2026-01-01,2026-06-30,2026-08-15",
        )
    )
    assert [line for line, _ in result.rejected_rows] == [3, 5]


def test_a_missing_column_is_reported_and_nothing_is_written(suppliers):
    header = HEADER.replace(",publicerad", "")
    rows = [row.rsplit(",", 1)[0] for row in GOOD_ROWS]
    result = run_import(csv_bytes(*rows, header=header))
    assert [str(error.error) for error in result.base_errors] == [
        "Kolumnen ”publicerad” saknas. Filen ska ha kolumnerna ”organisationsnummer”, "
        "”leverantör”, ”leveransområde”, ”betyg”, ”period från”, ”period till”, ”publicerad”."
    ]
    assert ResultGrade.objects.count() == 0


def test_semicolon_separated_excel_export_with_bom_and_crlf_is_read(suppliers):
    header = (
        "Organisationsnummer;Leverantör;Leveransområde;Betyg;Period från;Period till;Publicerad;;"
    )
    rows = [row.replace(",", ";") + ";;" for row in GOOD_ROWS]
    data = "\ufeff".encode() + csv_bytes(*rows, header=header, delimiter=";", newline="\r\n")
    result = run_import(data)
    assert result.summary["new"] == 3
    assert not result.rejected_rows


def test_a_file_in_windows_1252_is_refused_with_a_clear_message(suppliers):
    with pytest.raises(GradeFileError, match="inte sparad som UTF-8: rad 1 .*CSV UTF-8"):
        GradeListCSV().create_dataset(csv_bytes(*GOOD_ROWS, encoding="cp1252"))


def test_a_file_in_utf_16_is_refused_with_a_clear_message(suppliers):
    with pytest.raises(GradeFileError, match="UTF-16"):
        GradeListCSV().create_dataset(csv_bytes(*GOOD_ROWS, encoding="utf-16"))


def test_an_empty_file_is_refused():
    with pytest.raises(GradeFileError, match="tom"):
        GradeListCSV().create_dataset(b"\n\n")


@pytest.mark.parametrize(
    ("typed", "stars", "reason"),
    [
        ("1", 1, ""),
        ("4", 4, ""),
        ("", None, "not_measured"),
        ("–", None, "not_measured"),
        ("Ej mätt", None, "not_measured"),
        ("För få deltagare", None, "too_few_participants"),
        ("Aktiv kortare än 12 månader", None, "active_less_than_12_months"),
    ],
)
def test_grade_column_takes_figures_dashes_and_reasons(suppliers, typed, stars, reason):
    run_import(
        csv_bytes(f"556036-0793,Jobbcoach AB,Uppsala,{typed},2026-01-01,2026-06-30,2026-08-15")
    )
    grade = ResultGrade.objects.get()
    assert (grade.stars, grade.no_grade_reason) == (stars, reason)


def test_command_dry_run_prints_the_counts_and_writes_nothing(suppliers, tmp_path):
    path = tmp_path / "betyg.csv"
    path.write_bytes(csv_bytes(*GOOD_ROWS))
    out = io.StringIO()
    call_command("import_result_grades", str(path), "--dry-run", stdout=out)
    assert "3 nya, 0 ändrade, 0 oförändrade, 0 kan inte importeras" in out.getvalue()
    assert "Provkörning: inget har sparats." in out.getvalue()
    assert ResultGrade.objects.count() == 0
    call_command("import_result_grades", str(path), stdout=io.StringIO())
    assert ResultGrade.objects.count() == 3


def test_command_reports_bad_rows_and_fails(suppliers, tmp_path):
    path = tmp_path / "betyg.csv"
    path.write_bytes(
        csv_bytes(
            GOOD_ROWS[0], "556036-0793,Jobbcoach AB,Uppsala,5,2026-01-01,2026-06-30,2026-09-15"
        )
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="Inget har sparats"):
        call_command("import_result_grades", str(path), stdout=io.StringIO(), stderr=err)
    assert "Rad 3: Betyg: ”5” är inget betyg." in err.getvalue()
    assert ResultGrade.objects.count() == 0


def test_command_refuses_a_file_in_the_wrong_encoding(tmp_path):
    path = tmp_path / "betyg.csv"
    path.write_bytes(csv_bytes(*GOOD_ROWS, encoding="cp1252"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_result_grades", str(path))


IMPORT_URL = "/admin/suppliers/resultgrade/import/"


def upload(admin_client, data):
    file = SimpleUploadedFile("betyg.csv", data, content_type="text/csv")
    return admin_client.post(IMPORT_URL, {"import_file": file, "format": "0", "resource": "0"})


def test_admin_import_shows_a_dry_run_then_imports_on_confirmation(admin_client, suppliers):
    ResultGradeFactory(supplier=suppliers[0], delivery_area=delivery_area("uppsala"), stars=2)
    response = upload(admin_client, csv_bytes(*GOOD_ROWS))
    assert response.status_code == 200
    assert "Nya: 2. Ändrade: 1. Oförändrade: 0. Kan inte importeras: 0." in response.text
    assert response.text.count('<td class="import-type">Ny</td>') == 2
    assert response.text.count('<td class="import-type">Ändrad</td>') == 1
    assert ResultGrade.objects.get().stars == 2
    confirm = response.context["confirm_form"].initial
    response = admin_client.post(
        "/admin/suppliers/resultgrade/process_import/", {**confirm, "confirm": "1"}
    )
    assert response.status_code == 302
    assert ResultGrade.objects.count() == 3
    assert ResultGrade.objects.get(delivery_area__code="uppsala").stars == 3


def test_admin_import_lists_bad_rows_and_offers_no_confirmation(admin_client, suppliers):
    bad = "556677-8899,Okänd AB,Uppsala,3,2026-01-01,2026-06-30,2026-08-15"
    response = upload(admin_client, csv_bytes(*GOOD_ROWS, bad))
    assert "Rad 5: Organisationsnummer: Ingen leverantör har organisationsnumret" in response.text
    assert "Inget har sparats." in response.text
    assert "confirm_form" not in response.context
    assert ResultGrade.objects.count() == 0


def test_admin_import_names_a_missing_column(admin_client, suppliers):
    response = upload(admin_client, csv_bytes("5560360793,Uppsala,3", header="orgnr,område,betyg"))
    assert "Kolumnen ”period från”, ”period till”, ”publicerad” saknas." in response.text
    assert ResultGrade.objects.count() == 0


def test_admin_import_explains_a_file_in_the_wrong_encoding(admin_client, suppliers):
    response = upload(admin_client, csv_bytes(*GOOD_ROWS, encoding="cp1252"))
    assert "Filen är inte sparad som UTF-8" in response.text
    assert ResultGrade.objects.count() == 0


def test_admin_result_grade_list_and_import_link(admin_client):
    ResultGradeFactory()
    response = admin_client.get("/admin/suppliers/resultgrade/")
    assert response.status_code == 200
    assert IMPORT_URL in response.text


def test_admin_confirmation_saves_nothing_if_rows_went_bad_since_the_dry_run(
    admin_client, suppliers
):
    response = upload(admin_client, csv_bytes(*GOOD_ROWS))
    confirm = response.context["confirm_form"].initial
    suppliers[1].delete()
    response = admin_client.post(
        "/admin/suppliers/resultgrade/process_import/", {**confirm, "confirm": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == IMPORT_URL
    assert "Inget har sparats. Rad 4: Organisationsnummer: Ingen leverantör" in response.text
    assert ResultGrade.objects.count() == 0


def test_admin_confirmation_says_what_was_imported_in_swedish(admin_client, suppliers):
    response = upload(admin_client, csv_bytes(*GOOD_ROWS))
    response = admin_client.post(
        "/admin/suppliers/resultgrade/process_import/",
        {**response.context["confirm_form"].initial, "confirm": "1"},
        follow=True,
    )
    assert "Importen är klar: 3 nya, 0 ändrade och 0 oförändrade resultatbetyg." in response.text
