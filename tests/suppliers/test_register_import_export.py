"""The supplier register out of and into the admin as CSV or Excel: export what the list
shows, import with a dry run (new, changed, unchanged; old → new), all or nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from suppliers.models import Supplier
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:suppliers_supplier_import")
CHANGELIST = reverse("admin:suppliers_supplier_changelist")
HEADER = ["organisationsnummer", "adressnamn", "namn", "kort beskrivning", "språk utan tolk"]


def csv_file(rows, delimiter=";"):
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    return text.getvalue().encode("utf-8")


def xlsx_file(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def upload(client, data, name="leverantorer.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(IMPORT, {name: form[name].value() for name in form.fields}, follow=True)


def export_rows(client, file_format, query=""):
    response = client.get(reverse("admin:suppliers_supplier_export", args=[file_format]) + query)
    assert response.status_code == 200
    if file_format == "csv":
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [["" if cell is None else cell for cell in row] for row in sheet.values]


def test_the_changelist_offers_export_of_what_it_shows(admin_client):
    response = admin_client.get(CHANGELIST, {"offers_remote__exact": "1"})
    export = reverse("admin:suppliers_supplier_export", args=["csv"])
    assert f'href="{export}?offers_remote__exact=1"' in response.text
    assert "Importera leverantörer" in response.text


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_follows_the_changelist_filter(admin_client, file_format):
    SupplierFactory(name="Nära AB", remote=False)
    SupplierFactory(name="Distans AB", remote=True, language_codes=["ar", "so"])
    rows = export_rows(admin_client, file_format, "?offers_remote__exact=1")
    header, *body = rows
    assert header[:3] == ["organisationsnummer", "adressnamn", "namn"]
    assert [row[header.index("namn")] for row in body] == ["Distans AB"]
    assert body[0][header.index("språk utan tolk")] == "Arabiska, Somaliska"
    assert body[0][header.index("delar på distans")] == "ja"


def test_export_keeps_a_formula_as_text(admin_client):
    SupplierFactory(name="=HYPERLINK(1)")
    header, row = export_rows(admin_client, "csv")
    assert row[header.index("namn")] == "'=HYPERLINK(1)"
    response = admin_client.get(reverse("admin:suppliers_supplier_export", args=["xlsx"]))
    cell = load_workbook(io.BytesIO(response.content)).active["C2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def test_a_round_trip_of_the_export_changes_nothing(admin_client):
    SupplierFactory(name="Åter AB", language_codes=["fa"], phone="+46 8 123 45")
    data = admin_client.get(reverse("admin:suppliers_supplier_export", args=["xlsx"])).content
    response = upload(admin_client, data, "leverantorer.xlsx")
    assert response.status_code == 200
    plan = response.context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (0, 0, 1)
    data = admin_client.get(reverse("admin:suppliers_supplier_export", args=["csv"])).content
    plan = upload(admin_client, data).context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (0, 0, 1)


def test_the_dry_run_shows_new_changed_and_unchanged_and_saves_nothing(admin_client):
    changed = SupplierFactory(short_description="Gammal text.")
    same = SupplierFactory()
    data = csv_file(
        [
            HEADER,
            [changed.organisation_number, "", changed.name, "Ny text.", "arabiska"],
            ["", same.slug, same.name, same.short_description, ""],
            ["", "ny-leverantor", "Ny Leverantör AB", "Vi hjälper dig.", "so, Persiska"],
        ]
    )
    response = upload(admin_client, data)
    plan = response.context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (1, 1, 1)
    assert "Gammal text. → Ny text." in response.text
    assert "språk utan tolk:</strong> – → Somaliska, Persiska" in response.text
    assert not Supplier.objects.filter(name="Ny Leverantör AB").exists()
    changed.refresh_from_db()
    assert changed.short_description == "Gammal text."


def test_confirming_saves_everything_with_the_admin_in_the_history(admin_client, admin_user):
    known = SupplierFactory(short_description="Gammal text.")
    data = csv_file(
        [
            HEADER,
            [known.organisation_number, "", known.name, "Ny text.", "arabiska, somaliska"],
            ["", "ny-lev", "Ny Leverantör AB", "Vi hjälper dig.", "fa"],
        ]
    )
    response = confirm(admin_client, upload(admin_client, data))
    assert "Importen är klar: 1 nya, 1 ändrade, 0 oförändrade." in response.text
    known.refresh_from_db()
    assert known.short_description == "Ny text."
    assert sorted(known.languages.values_list("code", flat=True)) == ["ar", "so"]
    new = Supplier.objects.get(slug="ny-lev")
    assert list(new.languages.values_list("code", flat=True)) == ["fa"]
    version = known.history.latest()
    assert (version.history_user, version.history_change_reason) == (
        admin_user,
        "Import: leverantorer.csv",
    )
    # One version with the text and the languages together.
    assert [row.language.code for row in version.languages.all()] == ["ar", "so"]


def test_a_known_address_name_gets_the_organisation_number_from_the_file(admin_client):
    supplier = SupplierFactory(organisation_number=None)
    rows = [HEADER[:3], ["556036-0793", supplier.slug, supplier.name]]
    confirm(admin_client, upload(admin_client, csv_file(rows)))
    supplier.refresh_from_db()
    assert supplier.organisation_number == "5560360793"


def test_a_row_without_organisation_number_or_address_name_is_refused(admin_client):
    response = upload(admin_client, csv_file([HEADER, ["", "", "Ny AB", "Text.", ""]]))
    errors = response.context["form"].errors["file"]
    assert errors == ["Rad 2: Ange organisationsnummer eller adressnamn."]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [HEADER, ["", "x", "X AB", "Text.", "klingonska"]],
            "Rad 2, kolumn ”språk utan tolk”: Okänt: ”klingonska”.",
        ),
        (
            [["adressnamn", "branscher"], ["x", "Rymdfart"]],
            "Rad 2, kolumn ”branscher”: Okänt: ”Rymdfart”.",
        ),
        ([["namn", "telefon"], ["X AB", "1"]], "Filen saknar kolumnen ”organisationsnummer”"),
        ([["adressnamn", "färg"], ["x", "blå"]], "Kolumnen ”färg” finns inte i registret."),
        ([["adressnamn", "Namn", "namn"], ["x", "A", "B"]], "Kolumnen ”namn” står två gånger."),
        ([["adressnamn", "delar på distans"], ["x", "kanske"]], "Skriv ”ja” eller ”nej”"),
        ([["organisationsnummer"], ["123"]], "Rad 2: ”123” är inget giltigt organisationsnummer."),
        (
            [["adressnamn", "namn", "kort beskrivning"], ["ny", "Ny AB", ""]],
            "Rad 2, kolumn ”kort beskrivning”:",
        ),
        (
            [["adressnamn", "uppgifterna kontrollerades"], ["x", "2026-13-45"]],
            "Rad 2, kolumn ”uppgifterna kontrollerades”:",
        ),
        ([["adressnamn", "webbplats"], ["x", "inte en adress"]], "kolumn ”webbplats”"),
    ],
)
def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_saved(admin_client, rows, message):
    SupplierFactory(slug="x", name="X AB")
    before = list(Supplier.objects.values_list("pk", "name", "short_description"))
    response = upload(admin_client, csv_file(rows))
    assert response.status_code == 200
    assert response.context["plan"] is None
    assert message in " ".join(response.context["form"].errors["file"])
    assert list(Supplier.objects.values_list("pk", "name", "short_description")) == before


def test_one_new_organisation_number_on_two_rows_is_an_error(admin_client):
    rows = [HEADER[:4], ["556036-0793", "en", "En AB", "Text."], ["5560360793", "tva", "Två", "T."]]
    response = upload(admin_client, csv_file(rows))
    errors = response.context["form"].errors["file"]
    assert errors == ["Rad 3: Organisationsnumret 556036-0793 står på två rader."]


def test_a_file_with_many_errors_lists_fifty_and_counts_the_rest(admin_client):
    rows = [["organisationsnummer"]] + [[f"12{n}"] for n in range(60)]
    errors = upload(admin_client, csv_file(rows)).context["form"].errors["file"]
    assert len(errors) == 51
    assert errors[-1] == "… och 10 fel till."


def test_one_bad_row_stops_the_good_ones_too(admin_client):
    supplier = SupplierFactory(short_description="Gammal text.")
    rows = [
        HEADER,
        [supplier.organisation_number, "", supplier.name, "Ny text.", ""],
        ["", "ny", "Ny AB", "Text.", "klingonska"],
    ]
    response = upload(admin_client, csv_file(rows))
    assert "Rad 3, kolumn ”språk utan tolk”" in " ".join(response.context["form"].errors["file"])
    supplier.refresh_from_db()
    assert supplier.short_description == "Gammal text."


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "tom.csv"),
        (b"\xd0\xcf\x11\xe0gammal", "gammal.xls"),
        (b"PK\x03\x04trasig", "trasig.xlsx"),
        (b"\xff\xfe\x00b\x00a\x00d", "utf16.csv"),
        (b'adressnamn\n"oavslutad', "citat.csv"),
    ],
)
def test_a_file_that_is_no_table_gives_an_error_not_a_500(admin_client, data, name):
    response = upload(admin_client, data, name)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_a_tampered_confirmation_saves_nothing(admin_client):
    rows = [HEADER, ["", "ny", "Ny AB", "Text.", ""]]
    response = admin_client.post(IMPORT, {"content": "inte base64!", "file_name": "x.csv"})
    assert response.status_code == 302
    assert not Supplier.objects.filter(slug="ny").exists()
    response = upload(admin_client, csv_file(rows))
    assert response.context["plan"] is not None


def test_excel_files_import_like_csv(admin_client):
    supplier = SupplierFactory(offers_remote=False)
    rows = [["organisationsnummer", "delar på distans"], [supplier.organisation_number, "Ja"]]
    confirm(admin_client, upload(admin_client, xlsx_file(rows), "lev.xlsx"))
    supplier.refresh_from_db()
    assert supplier.offers_remote is True
