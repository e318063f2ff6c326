"""Writing a review: the form, its validation, the honeypot, the rate limit and duplicates
(long because each abuse rule has its own tests)."""

import html
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Review
from tests.offices.factories import OfficeFactory
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    '<a href="javascript:alert(1)">klicka</a>',
    "<!--<script>-->alert(1)",
]


@pytest.fixture(autouse=True)
def fixed_month(monkeypatch):
    """The form thinks it is June 2026, so 'a future month' is always July 2026."""
    monkeypatch.setattr("reviews.forms.this_month", lambda: date(2026, 6, 1))


def create_url(supplier):
    return reverse("reviews:create", kwargs={"slug": supplier.slug})


def valid_data(**overrides):
    data = {
        "rating": "4",
        "office": "",
        "participation_month": "3",
        "participation_year": "2026",
        "comment": "Min coach hjälpte mig att skriva ett bra CV.",
        "confirm_participation": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(client, supplier, remote_addr="127.0.0.1", **overrides):
    return client.post(create_url(supplier), valid_data(**overrides), REMOTE_ADDR=remote_addr)


def error_summary(response):
    match = re.search(r'<div class="error-summary".*?</div>', response.text, re.DOTALL)
    return html.unescape(match.group(0)) if match else ""


def test_form_page_has_the_wording_users_and_tests_rely_on(client):
    supplier = SupplierFactory(name="Kompasscoach Norr AB")
    response = client.get(create_url(supplier))
    assert response.status_code == 200
    text = html.unescape(response.text)
    for label in ["1 – Mycket dåligt", "2 – Dåligt", "3 – Okej", "4 – Bra", "5 – Mycket bra"]:
        assert re.search(rf'<span class="rating-input__text">{label}</span>', text)
    assert '<label for="id_comment">Kommentar</label>' in text
    assert ">Skicka omdöme</button>" in text
    assert "<legend>Betyg</legend>" in text
    assert "Jag har deltagit i Rusta och matcha hos Kompasscoach Norr AB." in text
    assert "vi sparar inte ditt namn, din e-post eller din IP-adress" in text
    assert 'name="csrfmiddlewaretoken"' in text


def test_form_offers_only_the_suppliers_active_offices(client):
    supplier = SupplierFactory()
    active = OfficeFactory(supplier=supplier, name="Kontor Centrum")
    OfficeFactory(supplier=supplier, name="Stängt kontor", is_active=False)
    OfficeFactory(name="Annans kontor")
    response = client.get(create_url(supplier))
    offered = {office.pk for office in response.context["form"].fields["office"].queryset}
    assert offered == {active.pk}
    assert "Stängt kontor" not in response.text
    assert "Annans kontor" not in response.text


def test_valid_review_is_stored_pending_and_the_writer_sees_a_confirmation(client):
    supplier = SupplierFactory()
    office = OfficeFactory(supplier=supplier)
    response = post(client, supplier, office=str(office.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:thanks", kwargs={"slug": supplier.slug})
    review = Review.objects.get()
    assert review.status == Review.Status.PENDING
    assert (review.rating, review.office, review.supplier) == (4, office, supplier)
    assert review.participation_month == date(2026, 3, 1)
    assert review.comment == "Min coach hjälpte mig att skriva ett bra CV."
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Vi läser alla omdömen innan de visas" in thanks.text


def test_pending_review_is_not_shown_and_not_counted(client):
    supplier = SupplierFactory()
    post(client, supplier, comment="Ännu inte granskad text.")
    supplier.refresh_from_db()
    assert supplier.review_count == 0
    page = client.get(reverse("reviews:list", kwargs={"slug": supplier.slug}))
    assert "Ännu inte granskad text." not in page.text


def test_review_without_office_or_comment_is_accepted(client):
    supplier = SupplierFactory()
    assert post(client, supplier, comment="").status_code == 302
    assert Review.objects.get().comment == ""


def test_line_breaks_typed_in_the_browser_count_as_one_character(client):
    supplier = SupplierFactory()
    comment = "a\r\n" * 1000  # 3,000 bytes from a browser, 2,000 characters
    assert post(client, supplier, comment=comment.strip()).status_code == 302
    assert len(Review.objects.get().comment) == 1999


def test_store_keeps_no_ip_address_only_a_salted_hash(client):
    supplier = SupplierFactory()
    post(client, supplier, remote_addr="198.51.100.23")
    review = Review.objects.get()
    assert len(review.client_hash) == 64
    stored = " ".join(str(value) for value in Review.objects.values().get().values())
    assert "198.51.100.23" not in stored


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"rating": "0"}, "rating", "Välj ett betyg från 1 till 5."),
        ({"rating": "6"}, "rating", "Välj ett betyg från 1 till 5."),
        ({"rating": "fyra"}, "rating", "Välj ett betyg från 1 till 5."),
        ({"rating": None}, "rating", "Välj ett betyg från 1 till 5."),
        ({"participation_month": "7"}, "participation_month", "kan inte ligga i framtiden"),
        ({"participation_year": "2027"}, "participation_year", "Välj ett år i listan."),
        ({"participation_month": "13"}, "participation_month", "Välj en månad i listan."),
        ({"participation_month": ""}, "participation_month", "Välj den månad då du slutade."),
        ({"office": "nej"}, "office", "Välj ett av leverantörens kontor i listan."),
        ({"office": "9" * 30}, "office", "Välj ett av leverantörens kontor i listan."),
        ({"participation_year": "9" * 40}, "participation_year", "Välj ett år i listan."),
        ({"comment": "x" * 2001}, "comment", "högst 2 000 tecken. Nu är den 2001 tecken."),
        ({"comment": "Bra <b>coach</b>"}, "comment", "utan HTML-kod"),
        ({"comment": "<script>alert(1)</script>"}, "comment", "utan HTML-kod"),
        ({"comment": "Null\x00tecken"}, "comment", "Null"),
        ({"confirm_participation": None}, "confirm_participation", "Kryssa i att du har"),
    ],
)
def test_bad_input_rerenders_the_form_with_a_clear_message(client, overrides, field, message):
    supplier = SupplierFactory()
    response = post(client, supplier, **overrides)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in error_summary(response)
    assert "<title>Fel:" in response.text
    assert Review.objects.count() == 0


def test_office_of_another_supplier_is_refused(client):
    supplier = SupplierFactory()
    other_office = OfficeFactory()
    response = post(client, supplier, office=str(other_office.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["office"] == [
        "Välj ett av leverantörens kontor i listan."
    ]
    assert Review.objects.count() == 0


def test_inactive_office_of_the_supplier_is_refused(client):
    supplier = SupplierFactory()
    closed = OfficeFactory(supplier=supplier, is_active=False)
    response = post(client, supplier, office=str(closed.pk))
    assert "office" in response.context["form"].errors


def test_bad_input_keeps_everything_the_user_typed(client):
    supplier = SupplierFactory()
    office = OfficeFactory(supplier=supplier)
    response = post(
        client,
        supplier,
        rating="5",
        office=str(office.pk),
        participation_month="7",
        comment="Rad ett\r\nRad två & <3",
    )
    assert response.status_code == 200
    text = response.text
    assert re.search(r'<input type="radio" name="rating" value="5"[^>]*checked', text)
    assert re.search(rf'<option value="{office.pk}" selected>', text)
    assert '<option value="7" selected>' in text
    assert '<option value="2026" selected>' in text
    assert "Rad ett\r\nRad två &amp; &lt;3</textarea>" in text
    assert re.search(r'<input type="checkbox" name="confirm_participation"[^>]*checked', text)


def test_error_messages_are_linked_to_their_fields(client):
    supplier = SupplierFactory()
    response = post(client, supplier, rating=None, comment="<i>", confirm_participation=None)
    text = response.text
    assert '<fieldset class="review-form__group rating-input review-form__group--error"' in text
    assert 'aria-describedby="id_rating_error"' in text
    assert '<ul class="field-errors" id="id_rating_error">' in text
    assert re.search(r'<textarea[^>]*aria-describedby="id_comment_helptext id_comment_error"', text)
    assert re.search(
        r'<input type="checkbox"[^>]*aria-describedby="id_confirm_participation_error"', text
    )
    summary = error_summary(response)
    for anchor in ["#id_rating_0", "#id_comment", "#id_confirm_participation"]:
        assert f'href="{anchor}"' in summary


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_script_in_the_comment_is_refused_and_shown_back_escaped(client, payload):
    supplier = SupplierFactory()
    response = post(client, supplier, comment=payload)
    assert response.status_code == 200
    assert Review.objects.count() == 0
    assert payload not in response.text
    assert html.escape(payload) in response.text


def test_honeypot_filled_in_pretends_success_and_stores_nothing(client):
    supplier = SupplierFactory()
    response = post(client, supplier, website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"].endswith("/omdome/tack/")
    assert Review.objects.count() == 0


def test_honeypot_is_hidden_and_out_of_the_tab_order(client):
    response = client.get(create_url(SupplierFactory()))
    assert re.search(r'<div class="review-form__trap">\s*<label for="id_website">', response.text)
    assert re.search(r'<input type="text" name="website"[^>]*tabindex="-1"', response.text)


def test_fourth_review_within_an_hour_gets_429_with_a_swedish_message_and_keeps_the_text(
    client,
):
    suppliers = SupplierFactory.create_batch(4)
    for supplier in suppliers[:3]:
        assert post(client, supplier).status_code == 302
    response = post(client, suppliers[3], comment="Min fjärde text.")
    assert response.status_code == 429
    assert "Du har skickat många gånger på kort tid" in response.text
    # Counted in ten-minute steps: the first review stops counting 50–60 minutes on.
    minutes = int(re.search(r"Försök igen om (\d+) minuter", response.text).group(1))
    assert 50 <= minutes <= 60
    assert "högst 3 på en timme" in response.text
    assert "Min fjärde text.</textarea>" in response.text
    assert int(response["Retry-After"]) <= 3600
    assert Review.objects.count() == 3


def test_rate_limit_is_per_client(client):
    supplier = SupplierFactory()
    for n in range(3):
        post(client, supplier, comment=f"Text {n}", remote_addr="198.51.100.1")
    assert post(client, supplier, comment="x", remote_addr="198.51.100.1").status_code == 429
    assert post(client, supplier, comment="y", remote_addr="198.51.100.2").status_code == 302


def test_rate_limit_treats_an_ipv6_64_network_as_one_client(client):
    supplier = SupplierFactory()
    for n in range(3):
        post(client, supplier, comment=f"Text {n}", remote_addr=f"2001:db8:1:2::{n + 1}")
    assert post(client, supplier, comment="x", remote_addr="2001:db8:1:2::99").status_code == 429


def test_rate_limit_ends_after_an_hour(client, monkeypatch):
    supplier = SupplierFactory()
    now = 1_800_000_000.0
    monkeypatch.setattr("krom.abuse.time.time", lambda: now)
    for n in range(3):
        post(client, supplier, comment=f"Text {n}")
    assert post(client, supplier, comment="x").status_code == 429
    now += 3601
    assert post(client, supplier, comment="x").status_code == 302


def test_same_text_for_the_same_supplier_within_a_day_is_refused_politely(client):
    supplier = SupplierFactory()
    ReviewFactory(supplier=supplier, comment="Mycket  BRA coach.", pending=True)
    response = post(client, supplier, comment="mycket bra coach.")
    assert response.status_code == 200
    assert "Vi har redan fått ett omdöme med samma text" in error_summary(response)
    assert Review.objects.count() == 1


def test_same_text_is_accepted_for_another_supplier_or_after_a_day(client):
    supplier = SupplierFactory()
    old = ReviewFactory(supplier=supplier, comment="Bra coach.")
    Review.objects.filter(pk=old.pk).update(created_at=old.created_at.replace(year=2020))
    ReviewFactory(comment="Bra coach.")
    assert post(client, supplier, comment="Bra coach.").status_code == 302


def test_form_without_csrf_token_is_refused(db):
    supplier = SupplierFactory()
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(create_url(supplier), valid_data())
    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_form_with_csrf_token_is_accepted(db):
    supplier = SupplierFactory()
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(create_url(supplier))
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(create_url(supplier), valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["reviews:create", "reviews:thanks", "reviews:list"])
def test_inactive_or_unknown_supplier_gives_404(client, name):
    inactive = SupplierFactory(inactive=True)
    assert client.get(reverse(name, kwargs={"slug": inactive.slug})).status_code == 404
    assert client.get(reverse(name, kwargs={"slug": "finns-inte"})).status_code == 404


def test_posting_to_an_inactive_supplier_gives_404(client):
    inactive = SupplierFactory(inactive=True)
    assert post(client, inactive).status_code == 404
    assert Review.objects.count() == 0


def test_form_page_refuses_other_methods(client):
    response = client.put(create_url(SupplierFactory()))
    assert response.status_code == 405


def test_form_works_under_the_english_prefix(client):
    supplier = SupplierFactory()
    url = f"/en/leverantorer/{supplier.slug}/omdome/"
    response = client.get(url)
    assert response.status_code == 200
    assert f'action="{url}"' in response.text
    assert client.post(url, valid_data()).status_code == 302
