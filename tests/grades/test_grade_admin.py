import base64
import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from grades.models import ResultGrade
from offices.models import Contract, ContractName
from suppliers.models import Supplier
from tests.grades.factories import ResultGradeFactory
from tests.grades.grade_files import add_month, edited_grade_file, real_grade_file, row_of
from tests.offices.factories import ContractFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:grades_resultgrade_import")
CHANGELIST = reverse("admin:grades_resultgrade_changelist")
FILE_NAME = "betyg-rusta-och-matcha-mars-2026.xlsx"


def upload(client, data=None, name=FILE_NAME):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data or real_grade_file())})


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(IMPORT, {name: form[name].value() for name in form.fields}, follow=True)


def test_changelist_shows_ka_number_supplier_area_month_and_grade(
    admin_client, django_assert_max_num_queries
):
    contract = ContractFactory(ka_number="10079999", supplier__name="Jobbsteget AB")
    ResultGradeFactory(contract=contract, month=datetime.date(2026, 1, 1), missing=True)
    ResultGradeFactory(contract=contract, month=datetime.date(2026, 3, 1), stars=3)
    ResultGradeFactory.create_batch(20)

    with django_assert_max_num_queries(12):
        response = admin_client.get(CHANGELIST)

    text = response.content.decode()
    for shown in ["10079999", "Jobbsteget AB", "Stockholm Mitt", "2026-03", "3/4", "Betyg saknas"]:
        assert shown in text
    assert "Importera betygsfil" in text


def test_changelist_search_by_ka_number_and_filter_by_missing_grade(admin_client):
    contract = ContractFactory(ka_number="10079999")
    ResultGradeFactory(contract=contract, missing=True)
    ResultGradeFactory(contract=contract, month=datetime.date(2026, 5, 1), stars=2)
    ResultGradeFactory(stars=4)

    found = admin_client.get(CHANGELIST, {"q": "KA 1007 9999"}).context["cl"].result_list
    missing = admin_client.get(CHANGELIST, {"betyg": "saknas"}).context["cl"].result_list
    may = admin_client.get(CHANGELIST, {"manad": "2026-05"}).context["cl"].result_list

    assert {grade.contract for grade in found} == {contract}
    assert [grade.stars for grade in missing] == [None]
    assert [grade.stars for grade in may] == [2]


def test_correcting_a_grade_in_the_admin_updates_the_contracts_current_grade(admin_client):
    grade = ResultGradeFactory(stars=3)
    admin_client.post(
        reverse("admin:grades_resultgrade_change", args=[grade.pk]),
        {
            "contract": grade.contract.pk,
            "month": "2026-03-01",
            "stars": "2",
            "no_grade_reason": "",
        },
    )

    grade.contract.refresh_from_db()
    assert grade.contract.current_grade == 2


def test_import_page_explains_the_file_and_asks_for_it(admin_client):
    response = admin_client.get(IMPORT)

    assert response.status_code == 200
    assert "Betyg över tid" in response.content.decode()
    assert "Visa vad som ändras" in response.content.decode()


@pytest.mark.integration
def test_upload_shows_the_dry_run_with_new_contracts_and_suppliers_and_writes_nothing(
    admin_client,
):
    response = upload(admin_client)

    text = response.content.decode()
    assert f"Provkörning av {FILE_NAME}" in text
    assert "Filen har 983 avtal och betyg för 8 månader, januari 2025 till mars 2026." in text
    assert "983 nya avtal" in text
    assert "224 nya leverantörer (utan organisationsnummer)" in text
    assert "AB Ability Coaching" in text
    assert "10074736" in text
    assert response.context["plan"].summary["grades_new"] == 7864
    assert Contract.objects.count() == 0
    assert ResultGrade.objects.count() == 0


@pytest.mark.integration
def test_confirming_imports_everything_and_says_so(admin_client):
    response = confirm(admin_client, upload(admin_client))

    assert response.redirect_chain[-1][0] == CHANGELIST
    assert "Betygsfilen är importerad. Betyg: 7864 nya" in response.content.decode()
    assert Contract.objects.count() == 983
    assert Supplier.objects.count() == 224
    assert ResultGrade.objects.count() == 7864
    assert Contract.objects.get(ka_number="10072909").source_note == FILE_NAME


@pytest.mark.integration
def test_dry_run_of_a_newer_file_shows_renamed_contracts_and_revised_grades(admin_client):
    confirm(admin_client, upload(admin_client))

    def newer(sheet):
        add_month(sheet, "maj 2026")
        row = row_of(sheet, 10072909)
        sheet.cell(row, 1).value = "Nya Ägaren AB"
        sheet.cell(row, 11).value = 4

    response = upload(
        admin_client, edited_grade_file(newer), "betyg-rusta-och-matcha-maj-2026.xlsx"
    )

    text = response.content.decode()
    assert "1 känt avtal med nytt namn i filen" in text
    assert "Nya Ägaren AB" in text
    assert "1 betyg som Arbetsförmedlingen har ändrat" in text
    assert not ContractName.objects.filter(name="Nya Ägaren AB").exists()


@pytest.mark.integration
def test_reuploading_an_imported_file_says_it_changes_nothing(admin_client):
    confirm(admin_client, upload(admin_client))

    assert "Filen ändrar ingenting" in upload(admin_client).content.decode()


@pytest.mark.integration
def test_broken_file_is_refused_with_the_row_and_column_and_nothing_is_written(admin_client):
    def five(sheet):
        sheet.cell(3, 6).value = 5

    response = upload(admin_client, edited_grade_file(five))

    assert response.status_code == 200
    assert "Rad 3, kolumn F (mars 2025): ”5” är inget betyg." in response.content.decode()
    assert "confirm_form" not in response.context
    assert Contract.objects.count() == 0


@pytest.mark.integration
def test_file_that_contradicts_the_register_is_refused(admin_client):
    ContractFactory(ka_number="10072909")  # in Stockholm Mitt, the file says Avesta-Hedemora

    response = upload(admin_client)

    assert "KA-nummer 10072909 hör till leveransområdet Stockholm Mitt" in (
        response.content.decode()
    )
    assert Contract.objects.count() == 1


def test_confirmation_with_a_damaged_file_writes_nothing(admin_client):
    content = base64.b64encode(b"PK\x03\x04not a workbook").decode()

    response = admin_client.post(IMPORT, {"content": content, "file_name": FILE_NAME}, follow=True)

    assert "Inget har sparats." in response.content.decode()
    assert "kunde inte läsas som Excel-fil" in response.content.decode()
    assert Contract.objects.count() == 0


def test_staff_without_permission_to_change_grades_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("läsare", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_resultgrade"))
    client.force_login(user)

    assert "Importera betygsfil" not in client.get(CHANGELIST).content.decode()
    assert client.get(IMPORT).status_code == 403
