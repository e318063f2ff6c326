import datetime

import pytest
from django.urls import reverse

from offices.models import Contract, Office
from suppliers.models import ErrorReport, Supplier, SupplierName
from tests.grades.factories import ResultGradeFactory
from tests.offices.factories import OfficeFactory, municipality
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:suppliers_supplier_changelist",
    "admin:suppliers_language_changelist",
    "admin:suppliers_industry_changelist",
    "admin:suppliers_errorreport_changelist",
    "admin:offices_contract_changelist",
    "admin:offices_office_changelist",
    "admin:places_municipality_changelist",
    "admin:places_county_changelist",
    "admin:places_deliveryarea_changelist",
    "admin:grades_resultgrade_changelist",
    "admin:reviews_review_changelist",
]


def register(suppliers):
    """Suppliers with offices in two areas (two contracts), grades, reviews and reports."""
    for _ in range(suppliers):
        supplier = SupplierFactory()
        for code in ["0180", "0180", "1480"]:
            office = OfficeFactory(supplier=supplier, municipality=municipality(code))
        for contract in supplier.contracts.all():
            for month in [1, 3]:
                ResultGradeFactory(contract=contract, month=datetime.date(2026, month, 1))
        ReviewFactory(supplier=supplier, office=office)
        ErrorReport.objects.create(supplier=supplier, office=office, what_is_wrong="Fel adress.")


def count_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("changelist", CHANGELISTS)
def test_admin_list_page_query_count_does_not_grow_with_rows(
    admin_client, changelist, django_assert_max_num_queries
):
    url = reverse(changelist)
    register(2)
    few = count_queries(admin_client, url, django_assert_max_num_queries)
    register(12)
    many = count_queries(admin_client, url, django_assert_max_num_queries)
    assert many == few
    assert many <= 12


def test_supplier_change_page_lists_its_contracts_with_their_ka_numbers(admin_client):
    register(1)
    supplier = Supplier.objects.get()
    response = admin_client.get(reverse("admin:suppliers_supplier_change", args=[supplier.pk]))
    assert response.status_code == 200
    contracts = list(supplier.contracts.all())
    assert len(contracts) == 2
    for contract in contracts:
        assert contract.ka_number in response.text


def test_contract_change_page_lists_its_offices(admin_client):
    register(1)
    contract = Contract.objects.get(delivery_area__code="stockholm-mitt")
    response = admin_client.get(reverse("admin:offices_contract_change", args=[contract.pk]))
    assert response.status_code == 200
    for office in contract.offices.all():
        assert office.name in response.text


@pytest.mark.parametrize("name", ["add", "change"])
def test_contract_office_and_review_admin_forms_render(admin_client, name):
    register(1)
    office = Office.objects.first()
    review = office.supplier.reviews.first()
    for url_name, obj in [
        ("offices_contract", office.contract),
        ("offices_office", office),
        ("reviews_review", review),
    ]:
        args = [obj.pk] if name == "change" else []
        assert admin_client.get(reverse(f"admin:{url_name}_{name}", args=args)).status_code == 200


def test_contract_form_explains_an_af_ka_number_has_8_digits(admin_client):
    supplier = SupplierFactory()
    area = OfficeFactory().contract.delivery_area
    response = admin_client.post(
        reverse("admin:offices_contract_add"),
        {
            "ka_number": "12345",
            "supplier": supplier.pk,
            "delivery_area": area.pk,
            "in_force": "on",
            **inline_management_forms(),
        },
    )
    assert response.status_code == 200
    assert "Ett KA-nummer består av 8 siffror, till exempel 10072909." in response.text
    assert not Contract.objects.filter(ka_number="12345").exists()


def inline_management_forms():
    return {
        f"{prefix}-{field}": value
        for prefix in ["names", "offices"]
        for field, value in [("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0)]
    }


def test_supplier_search_finds_organisation_number_typed_with_hyphen(admin_client):
    register(3)
    supplier = Supplier.objects.first()
    response = admin_client.get(
        reverse("admin:suppliers_supplier_changelist"),
        {"q": supplier.organisation_number_display},
    )
    assert list(response.context["cl"].result_list) == [supplier]


def test_supplier_search_finds_ka_number_typed_with_prefix_and_spaces(admin_client):
    register(3)
    contract = Contract.objects.select_related("supplier").first()
    typed = f"KA {contract.ka_number[:4]} {contract.ka_number[4:]}"
    response = admin_client.get(reverse("admin:suppliers_supplier_changelist"), {"q": typed})
    assert list(response.context["cl"].result_list) == [contract.supplier]


def test_office_search_by_ka_number_lists_the_contract_s_offices(admin_client):
    register(3)
    contract = Contract.objects.get(
        delivery_area__code="stockholm-mitt", supplier=Supplier.objects.first()
    )
    response = admin_client.get(
        reverse("admin:offices_office_changelist"), {"q": contract.ka_number}
    )
    assert set(response.context["cl"].result_list) == set(contract.offices.all())
    assert len(response.context["cl"].result_list) == 2


def test_supplier_list_filters_by_county_of_its_offices(admin_client):
    in_stockholm = OfficeFactory(municipality=municipality("0180")).supplier
    OfficeFactory(municipality=municipality("1480"))
    response = admin_client.get(reverse("admin:suppliers_supplier_changelist"), {"lan": "01"})
    assert list(response.context["cl"].result_list) == [in_stockholm]


def test_suppliers_cannot_be_bulk_deleted_only_deactivated(admin_client):
    register(3)
    supplier = Supplier.objects.first()
    url = reverse("admin:suppliers_supplier_changelist")
    response = admin_client.get(url)
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "delete_selected" not in actions
    admin_client.post(url, {"action": "deactivate", "_selected_action": [supplier.pk]})
    supplier.refresh_from_db()
    assert supplier.is_active is False
    assert Supplier.objects.count() == 3


def test_contracts_can_be_ended_in_bulk_but_not_deleted(admin_client):
    register(1)
    response = admin_client.get(reverse("admin:offices_contract_changelist"))
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "end_contracts" in actions
    assert "delete_selected" not in actions


def test_admin_requires_staff_login(client):
    response = client.get(reverse("admin:suppliers_supplier_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_moving_a_contract_to_another_supplier_in_the_admin_moves_its_offices(admin_client):
    office = OfficeFactory()
    contract, buyer = office.contract, SupplierFactory(name="Köparen AB")
    url = reverse("admin:offices_contract_change", args=[contract.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(supplier=buyer.pk, in_force="on", **inline_management_forms())
    data["offices-INITIAL_FORMS"] = data["offices-TOTAL_FORMS"] = 1
    data["offices-0-id"] = office.pk
    data["offices-0-contract"] = contract.pk
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    office.refresh_from_db()
    assert office.supplier == buyer


def test_a_name_variant_another_supplier_has_is_refused_with_a_message(admin_client):
    first, second = SupplierFactory(), SupplierFactory()
    SupplierName.objects.create(supplier=first, name="Jobbresurs AB")
    url = reverse("admin:suppliers_supplier_change", args=[second.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data.update(
        {
            "name_variants-TOTAL_FORMS": 1,
            "name_variants-INITIAL_FORMS": 0,
            "name_variants-0-name": "JOBBRESURS",
            "contracts-TOTAL_FORMS": 0,
            "contracts-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert f"Namnet är redan en namnvariant för {first.name}." in response.text


@pytest.mark.parametrize("model", ["suppliers_supplier", "offices_contract", "offices_office"])
def test_suppliers_contracts_and_offices_cannot_be_deleted_only_ended(admin_client, model):
    office = OfficeFactory()
    obj = {"suppliers_supplier": office.supplier, "offices_contract": office.contract}.get(
        model, office
    )
    response = admin_client.post(reverse(f"admin:{model}_delete", args=[obj.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_ending_contracts_keeps_them_ended_today_and_not_choosable(admin_client):
    office = OfficeFactory()
    admin_client.post(
        reverse("admin:offices_contract_changelist"),
        {"action": "end_contracts", "_selected_action": [office.contract.pk]},
    )
    contract = Contract.objects.get(pk=office.contract.pk)
    assert (contract.in_force, contract.ended_on) == (False, datetime.date.today())
    assert not Office.objects.active().filter(pk=office.pk).exists()


def test_offices_not_checked_in_six_months_can_be_listed_and_marked_checked(admin_client):
    stale = OfficeFactory(verified_at=datetime.date.today() - datetime.timedelta(days=200))
    OfficeFactory(verified_at=datetime.date.today())
    url = reverse("admin:offices_office_changelist")
    listed = admin_client.get(url, {"kontrollerat": "gammalt"}).context["cl"].result_list
    assert list(listed) == [stale]
    admin_client.post(url, {"action": "mark_checked_today", "_selected_action": [stale.pk]})
    stale.refresh_from_db()
    assert stale.verified_at == datetime.date.today()


def test_taking_new_participants_is_switched_for_the_chosen_offices(admin_client):
    office = OfficeFactory(taking_participants=True)
    url = reverse("admin:offices_office_changelist")
    admin_client.post(url, {"action": "taking_participants_off", "_selected_action": [office.pk]})
    office.refresh_from_db()
    assert office.taking_participants is False


def test_the_admin_start_page_says_what_needs_attention(admin_client):
    register(2)
    ReviewFactory(pending=True)
    OfficeFactory(verified_at=datetime.date.today() - datetime.timedelta(days=400))
    text = admin_client.get(reverse("admin:index")).text
    assert "Att göra" in text
    assert "Omdömen som väntar på granskning</a></th><td>1<" in text
    assert "Öppna felrapporter</a></th><td>2<" in text
    assert "Aktiva kontor som inte kontrollerats på 6 månader</a></th><td>7<" in text
    assert "betyg för mars 2026" in text


def test_the_admin_start_page_needs_a_staff_login(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
