import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from offices.models import Office
from suppliers.models import Supplier

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:suppliers_supplier_changelist",
    "admin:suppliers_language_changelist",
    "admin:suppliers_industry_changelist",
    "admin:suppliers_resultgrade_changelist",
    "admin:suppliers_errorreport_changelist",
    "admin:offices_office_changelist",
    "admin:offices_municipality_changelist",
    "admin:offices_county_changelist",
    "admin:offices_deliveryarea_changelist",
    "admin:reviews_review_changelist",
]


def seed(suppliers):
    call_command(
        "seed_demo", suppliers=suppliers, seed=5, reviews=suppliers * 10, stdout=io.StringIO()
    )


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
    seed(3)
    few = count_queries(admin_client, url, django_assert_max_num_queries)
    seed(40)
    many = count_queries(admin_client, url, django_assert_max_num_queries)
    assert many == few
    assert many <= 12


def test_supplier_change_page_shows_offices_inline(admin_client):
    seed(3)
    supplier = Supplier.objects.prefetch_related("offices").first()
    response = admin_client.get(reverse("admin:suppliers_supplier_change", args=[supplier.pk]))
    assert response.status_code == 200
    for office in supplier.offices.all():
        assert office.ka_number in response.text


@pytest.mark.parametrize("name", ["add", "change"])
def test_office_and_review_admin_forms_render(admin_client, name):
    seed(2)
    office = Office.objects.first()
    review = office.supplier.reviews.first()
    for url in [
        reverse(f"admin:offices_office_{name}", args=[office.pk] if name == "change" else []),
        reverse(f"admin:reviews_review_{name}", args=[review.pk] if name == "change" else []),
    ]:
        assert admin_client.get(url).status_code == 200


def test_supplier_search_finds_organisation_number_typed_with_hyphen(admin_client):
    seed(3)
    supplier = Supplier.objects.first()
    response = admin_client.get(
        reverse("admin:suppliers_supplier_changelist"),
        {"q": supplier.organisation_number_display},
    )
    assert list(response.context["cl"].result_list) == [supplier]


def test_supplier_search_finds_ka_number_typed_with_prefix_and_spaces(admin_client):
    seed(3)
    office = Office.objects.select_related("supplier").first()
    typed = f"KA {office.ka_number[:3]} {office.ka_number[3:]}"
    response = admin_client.get(reverse("admin:suppliers_supplier_changelist"), {"q": typed})
    assert list(response.context["cl"].result_list) == [office.supplier]


def test_office_search_by_ka_number(admin_client):
    seed(3)
    office = Office.objects.first()
    response = admin_client.get(reverse("admin:offices_office_changelist"), {"q": office.ka_number})
    assert list(response.context["cl"].result_list) == [office]


def test_supplier_list_filters_by_county_of_its_offices(admin_client):
    seed(10)
    response = admin_client.get(reverse("admin:suppliers_supplier_changelist"), {"lan": "01"})
    listed = list(response.context["cl"].result_list)
    assert listed
    for supplier in listed:
        assert supplier.offices.filter(municipality__county__code="01").exists()


def test_suppliers_cannot_be_bulk_deleted_only_deactivated(admin_client):
    seed(3)
    supplier = Supplier.objects.first()
    url = reverse("admin:suppliers_supplier_changelist")
    response = admin_client.get(url)
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "delete_selected" not in actions
    admin_client.post(url, {"action": "deactivate", "_selected_action": [supplier.pk]})
    supplier.refresh_from_db()
    assert supplier.is_active is False
    assert Supplier.objects.count() == 3


def test_admin_requires_staff_login(client):
    response = client.get(reverse("admin:suppliers_supplier_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
