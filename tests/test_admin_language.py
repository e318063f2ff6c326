"""The admin speaks Swedish, whatever the browser or the public site's language choice says,
including the texts of django-axes and django-simple-history; and a database constraint
reaches the admin as a clear Swedish form error, never as its raw name."""

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.db.models import CheckConstraint, UniqueConstraint
from django.urls import reverse

from offices.models import Office
from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory
from tests.test_history import form_data

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


@pytest.fixture
def english_visitor(client):
    """A browser that prefers English and chose English on the public site."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_login_page_is_swedish_for_an_english_browser(english_visitor):
    response = english_visitor.get(reverse("admin:login"), **ENGLISH_BROWSER)
    assert '<html lang="sv"' in response.text
    assert "Användarnamn" in response.text
    assert "Matchningskollen – administration" in response.text
    assert "Username" not in response.text


def test_the_lockout_page_is_swedish_for_an_english_browser(english_visitor, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.invalid", "rätt-lösen-1")
    url = reverse("admin:login")
    for _ in range(5):
        response = english_visitor.post(
            url, {"username": "admin", "password": "fel"}, **ENGLISH_BROWSER
        )
    assert response.status_code == 429
    assert "För många misslyckade inloggningar" in response.text


def test_the_admin_pages_are_swedish_for_an_english_browser(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    index = admin_client.get(reverse("admin:index"), **ENGLISH_BROWSER).text
    for swedish in ["Inloggningsförsök", "Misslyckade inloggningar", "Leverantörer", "Logga ut"]:
        assert swedish in index
    for english in ["Access attempts", "Access failures", "Log out"]:
        assert english not in index
    AccessAttempt.objects.create(
        user_agent="Firefox",
        ip_address="127.0.0.1",
        username="admin",
        http_accept="text/html",
        path_info="/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    attempts = admin_client.get(reverse("admin:axes_accessattempt_changelist"), **ENGLISH_BROWSER)
    assert "IP-adress" in attempts.text
    importing = admin_client.get(reverse("admin:suppliers_supplier_import"), **ENGLISH_BROWSER)
    assert "Hem" in importing.text
    assert "Visa vad som ändras" in importing.text


def test_the_history_page_is_swedish(admin_client):
    supplier = SupplierFactory()
    url = reverse("admin:suppliers_supplier_history", args=[supplier.pk])
    text = admin_client.get(url, **ENGLISH_BROWSER).text
    for swedish in ["Historik", "Ändrad av", "Skapad", "Ändringar (före → efter)"]:
        assert swedish in text
    for english in ["Changed by", "Change reason", "Created"]:
        assert english not in text


def test_the_public_site_still_follows_the_language_choice(english_visitor):
    response = english_visitor.get("/en/")
    assert '<html lang="en"' in response.text


# The places (counties, municipalities, delivery areas) move to an app of their own.
PLACES = {"County", "Municipality", "DeliveryArea"}


def named_constraints():
    for app in ["suppliers", "offices", "grades", "reviews"]:
        for model in apps.get_app_config(app).get_models():
            if model.__name__ in PLACES or model.__name__.startswith("Historical"):
                continue
            for constraint in model._meta.constraints:
                # A unique constraint on plain fields says which fields, in words.
                plain_unique = isinstance(constraint, UniqueConstraint) and not (
                    constraint.condition or constraint.expressions
                )
                if isinstance(constraint, CheckConstraint) or not plain_unique:
                    yield model, constraint


@pytest.mark.parametrize(
    ("model", "constraint"),
    list(named_constraints()),
    ids=lambda value: getattr(value, "name", getattr(value, "__name__", "")),
)
def test_every_constraint_a_form_can_break_has_a_message_of_its_own(model, constraint):
    message = str(constraint.violation_error_message)
    assert message != str(constraint.default_violation_error_message)
    assert constraint.name not in message


def change_office(client, office, **changes):
    url = reverse("admin:offices_office_change", args=[office.pk])
    data = form_data(client.get(url).context["adminform"].form)
    return client.post(url, {**data, **changes})


def test_half_a_position_is_a_swedish_form_error(admin_client):
    office = OfficeFactory()
    response = change_office(admin_client, office, latitude="59.3", longitude="")
    assert response.status_code == 200
    assert "Ange både latitud (−90 till 90) och longitud (−180 till 180)" in response.text
    assert "office_coordinates_both_or_none_on_earth" not in response.text


def test_a_second_office_at_the_same_af_address_is_a_swedish_form_error(admin_client):
    first = OfficeFactory(af_address_id="A-1")
    second = OfficeFactory(supplier=first.supplier)
    assert second.contract == first.contract
    response = change_office(admin_client, second, af_address_id="A-1")
    assert response.status_code == 200
    assert "Avtalet har redan ett kontor med det här adress-id:t" in response.text
    assert "office_af_address_once_per_contract" not in response.text
    assert Office.objects.filter(af_address_id="A-1").count() == 1


def test_a_rating_out_of_range_is_a_swedish_form_error(admin_client):
    supplier = SupplierFactory()
    response = admin_client.post(
        reverse("admin:reviews_review_add"),
        {"supplier": supplier.pk, "rating": "7", "status": "pending", "comment": "Bra."},
    )
    assert response.status_code == 200
    assert "Betyget ska vara 1–5." in response.text
    assert "review_rating_1_to_5" not in response.text
