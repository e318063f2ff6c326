import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from suppliers.forms import ReportedPageForm
from suppliers.models import ErrorReport
from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def office():
    return OfficeFactory(supplier=SupplierFactory(name="Jobbcoach AB"), name="Kontor Luleå")


def url(office):
    return f"/leverantorer/{office.supplier.slug}/rapportera-fel/"


def test_every_supplier_page_links_to_rapportera_fel(client, office):
    text = client.get(office.supplier.get_absolute_url()).content.decode()
    assert f'href="{url(office)}">Rapportera fel</a>' in text


def test_report_is_saved_for_the_admins_and_the_visitor_is_thanked(client, office):
    response = client.post(
        url(office),
        {"office": office.pk, "what_is_wrong": "Fel adress.", "correction": "Storgatan 2"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/rapportera-fel/tack/")
    report = ErrorReport.objects.get()
    assert (report.supplier, report.office, report.status) == (
        office.supplier,
        office,
        ErrorReport.Status.OPEN,
    )
    assert report.contact_email == ""
    assert "Tack för din rapport" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"what_is_wrong": ""}, "Skriv vad som är fel."),
        ({"what_is_wrong": "x" * 2001}, "Skriv högst 2000 tecken"),
        ({"what_is_wrong": "Fel", "contact_email": "inte-en-adress"}, "Skriv en e-postadress"),
        ({"what_is_wrong": "Fel", "office": "99999999"}, "Välj ett av leverantörens kontor"),
        ({"what_is_wrong": "Fel", "office": "abc"}, "Välj ett av leverantörens kontor"),
    ],
)
def test_bad_input_re_renders_with_a_message_and_keeps_what_was_typed(
    client, office, data, message
):
    response = client.post(url(office), {"correction": "Behåll mig", **data})
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert "Behåll mig" in text
    assert 'class="error-summary"' in text
    assert ErrorReport.objects.count() == 0


def test_an_office_of_another_supplier_is_refused(client, office):
    other = OfficeFactory()
    response = client.post(url(office), {"what_is_wrong": "Fel", "office": other.pk})
    assert "Välj ett av leverantörens kontor" in response.content.decode()
    assert ErrorReport.objects.count() == 0


def test_markup_is_shown_escaped_in_the_admin(admin_client, office):
    Client().post(url(office), {"what_is_wrong": "<script>alert(1)</script>"})
    text = admin_client.get(reverse("admin:suppliers_errorreport_changelist")).content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_honeypot_pretends_success_and_saves_nothing(client, office):
    response = client.post(url(office), {"what_is_wrong": "Köp nu", "website": "http://spam"})
    assert response.status_code == 302
    assert ErrorReport.objects.count() == 0


def test_rate_limit_answers_429_and_keeps_the_text(client, office):
    for n in range(3):
        assert client.post(url(office), {"what_is_wrong": f"Fel {n}"}).status_code == 302
    response = client.post(url(office), {"what_is_wrong": "En till"})
    assert response.status_code == 429
    assert "Du har skickat många gånger på kort tid" in response.content.decode()
    assert "En till" in response.content.decode()
    assert ErrorReport.objects.count() == 3


def test_csrf_is_enforced(office):
    response = Client(enforce_csrf_checks=True).post(url(office), {"what_is_wrong": "Fel"})
    assert response.status_code == 403
    assert ErrorReport.objects.count() == 0


def test_unknown_or_inactive_supplier_is_404(client, office):
    assert client.get("/leverantorer/finns-inte/rapportera-fel/").status_code == 404
    office.supplier.is_active = False
    office.supplier.save()
    assert client.get(url(office)).status_code == 404


def test_admin_sees_open_reports_first_and_handling_can_update_the_checked_date(
    admin_client, office
):
    handled = ErrorReport.objects.create(
        supplier=office.supplier, what_is_wrong="Gammal", status=ErrorReport.Status.HANDLED
    )
    open_report = ErrorReport.objects.create(
        supplier=office.supplier, office=office, what_is_wrong="Ny"
    )
    changelist = reverse("admin:suppliers_errorreport_changelist")
    listed = list(admin_client.get(changelist).context["cl"].result_list)
    assert listed == [open_report, handled]
    admin_client.post(
        changelist, {"action": "mark_handled_and_verified", "_selected_action": [open_report.pk]}
    )
    open_report.refresh_from_db()
    office.refresh_from_db()
    office.supplier.refresh_from_db()
    assert open_report.status == ErrorReport.Status.HANDLED
    assert open_report.handled_by is not None and open_report.handled_at is not None
    assert office.verified_at is not None and office.data_source == "admin"
    assert office.supplier.verified_at is not None


def test_offices_are_offered_by_name_and_address_in_a_fixed_number_of_queries(
    client, office, django_assert_max_num_queries
):
    for n in range(10):
        OfficeFactory(supplier=office.supplier, contract=office.contract, name=f"Filial {n}")
    with django_assert_max_num_queries(6):
        text = client.get(url(office)).content.decode()
    assert f">Kontor Luleå, {office.full_address}</option>" in text


@pytest.mark.parametrize(
    ("sida", "page"),
    [
        ("/fa/fragor-och-svar/", "/fa/fragor-och-svar/"),
        (" /en/ ", "/en/"),
        ("", "/"),
        ("fragor-och-svar", "/"),
        ("//example.com/", "/"),
        ("https://example.com/", "/"),
        ("/" + "x" * 300, "/"),
        ("/a%00b", "/"),
    ],
)
def test_a_text_report_is_about_a_path_of_this_site_or_else_the_start_page(sida, page):
    assert ReportedPageForm(QueryDict(f"sida={sida}")).page() == page
