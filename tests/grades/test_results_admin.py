"""The admin's results follow-up pages: the import (upload, dry run, confirm) and the lists."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from grades.models import ContractResult, ResultWeights
from grades.results_file import read_results_file
from grades.results_services import import_results
from offices.models import Contract
from tests.grades.test_results_file import REAL_FILE, results_row, write_results_file
from tests.offices.factories import ContractFactory

pytestmark = pytest.mark.django_db
IMPORT_URL = reverse("admin:grades_contractresult_import")


def upload(client, path, name=None):
    file = SimpleUploadedFile(name or path.name, path.read_bytes())
    return client.post(IMPORT_URL, {"file": file})


def confirm(client, dry_run):
    return client.post(IMPORT_URL, dry_run.context["confirm_form"].initial, follow=True)


def test_results_list_links_to_the_import(admin_client):
    response = admin_client.get(reverse("admin:grades_contractresult_changelist"))
    assert "Importera resultatuppföljning" in response.text
    assert IMPORT_URL in response.text


def test_import_page_asks_for_the_file(admin_client):
    response = admin_client.get(IMPORT_URL)
    assert response.status_code == 200
    assert "Resultatuppföljning (xlsx)" in response.text
    assert "Filen sparas inte på servern" in response.text


@pytest.mark.integration
def test_dry_run_of_the_real_file_shows_what_changes_and_writes_nothing(admin_client):
    response = upload(admin_client, REAL_FILE)

    assert response.status_code == 200
    text = response.text
    assert "Provkörning av resultatuppfoljning-maj-2026.xlsx" in text
    assert "<td>800</td>" in text and "<td>756</td>" in text
    assert "Alla rader stämmer med vikterna." in text
    assert "nej, sparas som okänt" in text  # 2026-05 has no RISKERAR HÄVNING column
    assert "10075146" in text  # listed among the new contracts
    assert not ContractResult.objects.exists()
    assert not Contract.objects.filter(ka_number="10075146").exists()


@pytest.mark.integration
def test_confirming_the_dry_run_imports_every_row(admin_client):
    dry_run = upload(admin_client, REAL_FILE)

    response = confirm(admin_client, dry_run)

    assert response.redirect_chain[-1][0] == reverse("admin:grades_contractresult_changelist")
    assert "Resultatuppföljningen är importerad: 1556 rader, 1556 nya" in response.text
    assert "Rader som inte stämmer med vikterna: 0." in response.text
    assert ContractResult.objects.filter(period=datetime.date(2026, 3, 1)).count() == 800
    assert ContractResult.objects.filter(period=datetime.date(2026, 5, 1)).count() == 756
    assert ResultWeights.objects.count() == 2


def test_dry_run_lists_rows_that_disagree_with_the_weights(admin_client, tmp_path):
    rows = [results_row(VIKTAT_RESULTATMÅTT=0.8)]
    path = write_results_file(tmp_path / "resultat.xlsx", {"2026-03": rows})

    response = upload(admin_client, path)

    assert "De importeras ändå som Arbetsförmedlingen har publicerat dem." in response.text
    assert "<td>10075146</td><td>0,8000</td><td>1,3257</td>" in response.text
    assert "Importera" in response.text


def test_a_broken_file_is_refused_with_its_reason_and_nothing_is_written(admin_client, tmp_path):
    rows = [results_row(ka="10075147"), results_row(ANTAL_RR1_NIVÅ_A="två")]
    path = write_results_file(tmp_path / "resultat.xlsx", {"2026-03": rows})

    response = upload(admin_client, path)

    assert response.status_code == 200
    assert "rad 3: ANTAL RR1 NIVÅ A ”två” är inte ett antal" in response.text
    assert "Provkörning" not in response.text
    assert not ContractResult.objects.exists()
    assert not Contract.objects.filter(ka_number="10075147").exists()


def test_a_file_that_is_not_excel_is_refused(admin_client):
    file = SimpleUploadedFile("betyg.csv", b"organisationsnummer;betyg\n5560360793;3\n")
    response = admin_client.post(IMPORT_URL, {"file": file})
    assert "går inte att läsa som en Excel-fil" in response.text


def test_a_file_too_large_to_carry_through_the_dry_run_is_refused(admin_client):
    file = SimpleUploadedFile("stor.xlsx", b"0" * 1_500_001)
    response = admin_client.post(IMPORT_URL, {"file": file})
    assert "Filen är större än 1,5 MB." in response.text


def test_submitting_without_a_file_asks_for_one(admin_client):
    response = admin_client.post(IMPORT_URL, {})
    assert response.status_code == 200
    assert "Detta fält måste fyllas i." in response.text


def test_a_confirmation_that_no_longer_fits_the_register_writes_nothing(admin_client, tmp_path):
    path = write_results_file(tmp_path / "resultat.xlsx", {"2026-03": [results_row()]})
    dry_run = upload(admin_client, path)
    ContractFactory(ka_number="10075146")  # in Stockholm Mitt, the file says Norrköping

    response = confirm(admin_client, dry_run)

    assert "Inget har sparats." in response.text
    assert "KA-nummer 10075146 hör till leveransområdet" in response.text
    assert not ContractResult.objects.exists()


def test_a_damaged_confirmation_writes_nothing(admin_client):
    response = admin_client.post(
        IMPORT_URL, {"content": "inte base64!", "file_name": "x.xlsx"}, follow=True
    )
    assert "Inget har sparats. Filen kom inte fram hel." in response.text
    assert not ContractResult.objects.exists()


def test_import_needs_permission_to_add_and_change_results(client, django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_contractresult"))
    client.force_login(user)

    assert client.get(IMPORT_URL).status_code == 403
    changelist = client.get(reverse("admin:grades_contractresult_changelist"))
    assert "Importera resultatuppföljning" not in changelist.text


@pytest.mark.integration
@pytest.mark.parametrize(
    "changelist",
    ["admin:grades_contractresult_changelist", "admin:grades_resultweights_changelist"],
)
def test_results_lists_show_the_imported_rows_in_few_queries(
    admin_client, changelist, django_assert_max_num_queries
):
    import_results(read_results_file(REAL_FILE, REAL_FILE.name))

    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse(changelist))

    assert response.status_code == 200
    assert "2026-05" in response.text


def test_result_page_is_read_only(admin_client, tmp_path):
    path = write_results_file(tmp_path / "resultat.xlsx", {"2026-03": [results_row()]})
    confirm(admin_client, upload(admin_client, path))
    result = ContractResult.objects.get()

    response = admin_client.get(reverse("admin:grades_contractresult_change", args=[result.pk]))

    assert response.status_code == 200
    assert "10075146" in response.text
    assert 'name="participants"' not in response.text
