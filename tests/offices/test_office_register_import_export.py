"""The office register out of and into the admin: export what the list shows; import
changes contact details, accessibility and "taking participants" of known offices, never
their addresses, with a dry run first and all or nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from offices.models import Accessibility
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:offices_office_import")


def csv_file(rows):
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


def upload(client, data, name="kontor.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(IMPORT, {name: form[name].value() for name in form.fields}, follow=True)


def exported(client, query=""):
    response = client.get(reverse("admin:offices_office_export", args=["csv"]) + query)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_export_follows_the_changelist_filter(admin_client):
    OfficeFactory(name="Öppet", taking_participants=True)
    closed = OfficeFactory(name="Fullt", taking_participants=False)
    header, *rows = exported(admin_client, "?taking_participants__exact=0")
    assert [row[header.index("kontorets namn")] for row in rows] == ["Fullt"]
    assert rows[0][header.index("kontors-id")] == str(closed.pk)
    assert rows[0][header.index("KA-nummer")] == closed.contract.ka_number
    assert rows[0][header.index("entré utan trappsteg")] == "Vet inte"


def test_a_bad_filter_in_the_export_goes_back_to_the_list(admin_client):
    response = admin_client.get(
        reverse("admin:offices_office_export", args=["csv"]) + "?ingen_sadan=1"
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_import_changes_accessibility_and_contact_but_never_the_address(admin_client, admin_user):
    office = OfficeFactory(street_address="Storgatan 1", phone="", hearing_loop="unknown")
    header, row = exported(admin_client)
    row[header.index("telefon")] = "08-123 45 67"
    row[header.index("hörslinga")] = "ja"
    row[header.index("tar emot nya deltagare")] = "nej"
    row[header.index("gatuadress")] = "Annan gata 5"
    response = upload(admin_client, csv_file([header, row]))
    assert "Hörslinga" in response.text or "hörslinga" in response.text
    assert "Vet inte → Ja" in response.text
    [planned] = response.context["plan"].rows
    assert "gatuadress" not in [header for header, _old, _new in planned.changes]
    confirm(admin_client, response)
    office.refresh_from_db()
    assert (office.phone, office.hearing_loop) == ("08-123 45 67", Accessibility.YES)
    assert office.taking_participants is False
    assert office.street_address == "Storgatan 1"
    version = office.history.latest()
    assert (version.history_user, version.hearing_loop) == (admin_user, Accessibility.YES)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["999999", "Ja"], "Rad 2: Inget kontor har kontors-id 999999."),
        (["abc", "Ja"], "Rad 2: Kontors-id ska vara kontorets nummer"),
        (["{pk}", "kanske"], "Rad 2, kolumn ”hörslinga”: ”kanske” går inte att välja."),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_saved(admin_client, row, message):
    office = OfficeFactory(hearing_loop="unknown")
    row = [cell.format(pk=office.pk) for cell in row]
    response = upload(admin_client, csv_file([["kontors-id", "hörslinga"], row]))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    office.refresh_from_db()
    assert office.hearing_loop == "unknown"


def test_the_same_office_twice_is_an_error(admin_client):
    office = OfficeFactory()
    rows = [["kontors-id", "telefon"], [office.pk, "1"], [office.pk, "2"]]
    response = upload(admin_client, csv_file(rows))
    assert "Rad 3: samma som rad 2." in response.context["form"].errors["file"]
