"""Personal data in a review: the writer is warned before sending, nothing typed is lost,
and a review sent anyway is flagged for the moderator."""

import html
from datetime import date

import pytest

from reviews.models import Review
from reviews.personal_data import personal_data_kinds
from tests.reviews.test_submit import create_url, error_summary, post, valid_data
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_month(monkeypatch):
    monkeypatch.setattr("reviews.forms.this_month", lambda: date(2026, 6, 1))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Ring Anna på 070-123 45 67 om du undrar", ["phone"]),
        ("Mitt nummer är 0701234567", ["phone"]),
        ("Nås på +46 70 123 45 67", ["phone"]),
        ("Kontoret: 08-123 456 78", ["phone"]),
        ("Skriv till anna.svensson@example.se", ["email"]),
        ("anna (at) example.se", ["email"]),
        ("Mitt personnummer 850412-1234", ["personnummer"]),
        ("198504121234", ["personnummer"]),
        ("Samordningsnummer 850472-1234", ["personnummer"]),
        ("Hon bor på Storgatan 12", ["address"]),
        ("070-123 45 67 eller kalle@example.com", ["phone", "email"]),
    ],
)
def test_shapes_of_personal_data_are_found(text, kinds):
    assert personal_data_kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Jag fick jobb 2024 efter 3 månader.",
        "Bra! 5 av 5, 100 % nöjd.",
        "KA 10072909 var kontoret i Göteborg.",
        "Organisationsnummer 559222-8208.",
        "Mellan 2023-03-15 och 2024-01-10 var jag där varje vecka.",
        "",
    ],
)
def test_ordinary_figures_are_not_taken_for_personal_data(text):
    assert personal_data_kinds(text) == []


def test_a_comment_with_a_phone_number_comes_back_with_a_warning_and_nothing_lost(client):
    supplier = SupplierFactory()
    comment = "Min coach Anna var bra, ring henne på 070-123 45 67."
    response = post(client, supplier, comment=comment, rating="5", participation_month="2")
    assert response.status_code == 200
    assert not Review.objects.exists()
    assert "ser ut som att kommentaren innehåller telefonnummer" in error_summary(response)
    text = html.unescape(response.text)
    assert comment in text  # the textarea keeps what was typed
    form = response.context["form"]
    assert form["rating"].value() == "5" and form["participation_month"].value() == "2"
    assert 'name="confirm_personal_data"' in response.text
    assert "Skicka kommentaren ändå" in text


def test_the_box_is_not_shown_to_someone_who_wrote_no_personal_data(client):
    supplier = SupplierFactory()
    assert 'name="confirm_personal_data"' not in client.get(create_url(supplier)).text
    response = post(client, supplier, comment="Bra stöd.", confirm_participation=None)
    assert response.status_code == 200
    assert 'name="confirm_personal_data"' not in response.text


def test_sent_anyway_the_review_is_flagged_for_the_moderator(client):
    supplier = SupplierFactory()
    comment = "Mejla mig: kalle@example.com eller 070-123 45 67"
    response = post(client, supplier, comment=comment, confirm_personal_data="on")
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.status == Review.Status.PENDING
    assert review.comment == comment
    assert review.personal_data_kinds() == ["phone", "email"]


def test_removing_the_personal_data_sends_the_review_unflagged(client):
    supplier = SupplierFactory()
    post(client, supplier, comment="Ring mig på 070-123 45 67")
    response = post(client, supplier, comment="Ring min coach, hon var bra.")
    assert response.status_code == 302
    assert Review.objects.get().personal_data == ""


def test_valid_data_has_no_personal_data():
    assert personal_data_kinds(valid_data()["comment"]) == []
