"""Change history: who changed suppliers, contracts, offices, grades and reviews, when, from
what to what; shown in the admin with the differences, and restorable."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from afsync.af_search import read_files
from afsync.sync import apply_sync, plan_sync
from grades.grade_file import read_grade_file
from grades.models import ContractResult, ResultGrade
from grades.results_file import read_results_file
from grades.results_services import import_results
from grades.services import import_grade_file, save_result_grades
from krom.history import AF_IMPORT, AF_SYNC, Author
from offices.models import Contract, Office
from reviews import services as review_services
from reviews.models import Review
from suppliers.models import Language, Supplier
from tests.grades.factories import ResultGradeFactory
from tests.grades.grade_files import edited_grade_file
from tests.grades.test_results_file import results_row, write_results_file
from tests.offices.factories import OfficeFactory
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

PAGES = [Path(__file__).parent / "data" / "af" / f"sokleverantor-sida-{n}.json" for n in (1, 2, 3)]


def form_data(form):
    """What a browser would post for an admin form as it was rendered (its initial values)."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
            if value:
                data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    return data


def history_page(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.text


def test_an_admin_action_records_the_admin_and_the_old_and_new_value(admin_client, admin_user):
    office = OfficeFactory(taking_participants=True)
    response = admin_client.post(
        reverse("admin:offices_office_changelist"),
        {"action": "taking_participants_off", "_selected_action": [office.pk]},
    )
    assert response.status_code == 302
    latest = office.history.latest()
    assert latest.history_user == admin_user
    assert latest.taking_participants is False
    page = history_page(admin_client, office)
    assert "Tar emot nya deltagare:</strong> Ja → Nej" in page
    assert admin_user.username in page


def test_the_history_names_choices_by_their_label(admin_client):
    office = OfficeFactory(step_free_entrance="unknown")
    office.step_free_entrance = "yes"
    office.save()
    assert "Entré utan trappsteg:</strong> Vet inte → Ja" in history_page(admin_client, office)


def test_an_admin_restores_an_earlier_version_of_an_office(admin_client, admin_user):
    office = OfficeFactory(street_address="Gamla vägen 1")
    first = office.history.get()
    office.street_address = "Fel gatan 9"
    office.save()
    url = reverse("admin:offices_office_simple_history", args=[office.pk, first.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Återställ den här versionen" in page.text
    response = admin_client.post(url, form_data(page.context["adminform"].form))
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.street_address == "Gamla vägen 1"
    restored = office.history.latest()
    assert restored.history_user == admin_user
    assert "Fel gatan 9 → Gamla vägen 1" in history_page(admin_client, office)


def test_restoring_a_supplier_restores_its_languages(admin_client):
    arabic, somali = Language.objects.get(code="ar"), Language.objects.get(code="so")
    supplier = SupplierFactory()
    supplier.languages.set([arabic])
    version = supplier.history.latest()
    supplier.languages.set([somali])
    url = reverse("admin:suppliers_supplier_simple_history", args=[supplier.pk, version.pk])
    page = admin_client.get(url)
    response = admin_client.post(url, form_data(page.context["adminform"].form))
    assert response.status_code == 302
    assert list(supplier.languages.all()) == [arabic]


def test_an_admin_save_of_a_supplier_and_its_languages_is_one_version(admin_client):
    supplier = SupplierFactory()
    versions = supplier.history.count()
    url = reverse("admin:suppliers_supplier_change", args=[supplier.pk])
    form = admin_client.get(url).context["adminform"].form
    data = form_data(form)
    data.update(
        {
            "short_description": "Ny beskrivning.",
            "languages": [str(Language.objects.get(code="ar").pk)],
            "name_variants-TOTAL_FORMS": "0",
            "name_variants-INITIAL_FORMS": "0",
            "contracts-TOTAL_FORMS": "0",
            "contracts-INITIAL_FORMS": "0",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert supplier.history.count() == versions + 1
    page = history_page(admin_client, supplier)
    assert "Ny beskrivning." in page
    assert "Språk utan tolk:</strong> – → [Arabiska]" in page


def test_the_grade_import_writes_history_as_the_af_import(admin_user):
    def keep_two_rows(sheet):
        sheet.delete_rows(4, sheet.max_row)

    grade_file = read_grade_file(edited_grade_file(keep_two_rows))
    import_grade_file(grade_file, source_note="betyg.xlsx", uploaded_by=admin_user)
    grade = ResultGrade.history.first()
    assert grade.history_user.username == AF_IMPORT
    assert grade.history_change_reason == (
        f"Arbetsförmedlingens betygsfil betyg.xlsx, uppladdad av {admin_user.username}"
    )
    contract = Contract.history.first()
    assert contract.history_user.username == AF_IMPORT
    assert Supplier.history.filter(history_user__username=AF_IMPORT).exists()
    assert ResultGrade.history.count() == ResultGrade.objects.count()


def test_a_corrected_grade_keeps_the_old_stars_in_the_history(admin_client, admin_user):
    grade = ResultGradeFactory(stars=2)
    grade.stars = 3
    save_result_grades([grade], author=Author(user=admin_user))
    assert [version.stars for version in grade.history.order_by("history_date")] == [2, 3]
    assert "Resultatbetyg (1–4):</strong> 2 → 3" in history_page(admin_client, grade)


def test_the_sync_writes_history_as_the_af_sync():
    apply_sync(plan_sync(read_files(PAGES)), source="sidor.json")
    office = Office.objects.first()
    created = office.history.get()
    assert created.history_user.username == AF_SYNC
    assert created.history_change_reason == "Arbetsförmedlingens Sök leverantör: sidor.json"
    office.verified_at = timezone.localdate() - datetime.timedelta(days=7)
    office.save()
    apply_sync(plan_sync(read_files(PAGES)), source="sidor.json")
    latest = office.history.latest()
    assert latest.history_user.username == AF_SYNC
    assert latest.verified_at == timezone.localdate()


def test_a_repeated_sync_writes_no_new_history():
    apply_sync(plan_sync(read_files(PAGES)), source="sidor.json")
    versions = Office.history.count() + Contract.history.count()
    apply_sync(plan_sync(read_files(PAGES)), source="sidor.json")
    assert Office.history.count() + Contract.history.count() == versions


def test_moderation_writes_history_with_the_moderator_but_never_the_client_hash(admin_user):
    review = ReviewFactory(pending=True, client_hash="a" * 64)
    review_services.approve(Review.objects.filter(pk=review.pk), by=admin_user)
    latest = review.history.latest()
    assert (latest.status, latest.history_user) == (Review.Status.APPROVED, admin_user)
    fields = {field.name for field in Review.history.model._meta.get_fields()}
    assert "client_hash" not in fields


def test_history_pages_answer_for_every_kind_of_object(admin_client):
    grade = ResultGradeFactory()
    review = ReviewFactory()
    for obj in [grade.contract.supplier, grade.contract, grade, review]:
        assert "Skapad" in history_page(admin_client, obj)


def test_an_office_history_page_takes_as_many_queries_for_many_versions_as_for_few(
    admin_client, django_assert_max_num_queries
):
    office = OfficeFactory()
    url = reverse("admin:offices_office_history", args=[office.pk])

    def queries():
        with django_assert_max_num_queries(40) as captured:
            assert admin_client.get(url).status_code == 200
        return len(captured)

    office.phone = "1"
    office.save()
    queries()  # the first request of a session asks once-a-minute questions too
    few = queries()
    for number in range(2, 12):
        office.phone = str(number)
        office.save()
    assert queries() == few


def test_ending_a_contract_is_one_version_with_both_fields(admin_client, admin_user):
    office = OfficeFactory()
    contract = office.contract
    admin_client.post(
        reverse("admin:offices_contract_changelist"),
        {"action": "end_contracts", "_selected_action": [contract.pk]},
    )
    versions = contract.history.order_by("-history_date")
    assert versions.count() == 2
    ended = versions.first()
    assert (ended.in_force, ended.ended_on) == (False, timezone.localdate())
    assert ended.history_user == admin_user


def test_the_results_import_writes_history_as_the_af_import(tmp_path, admin_user):
    name = "resultatuppfoljning-mars-2026.xlsx"
    first = write_results_file(tmp_path / name, {"2026-03": [results_row(ANTAL_DELTAGARE=1)]})
    import_results(read_results_file(first, name), uploaded_by=admin_user)
    second = write_results_file(tmp_path / name, {"2026-03": [results_row(ANTAL_DELTAGARE=2)]})
    import_results(read_results_file(second, name))
    result = ContractResult.objects.get()
    versions = list(result.history.order_by("history_date"))
    assert [version.participants for version in versions] == [1, 2]
    assert {version.history_user.username for version in versions} == {AF_IMPORT}
    assert versions[0].history_change_reason == (
        f"Arbetsförmedlingens resultatuppföljning ({name}), uppladdad av {admin_user.username}"
    )
