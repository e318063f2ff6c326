import html
import re
from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from reviews.services import recompute_rating_summaries
from tests.reviews.factories import ReviewFactory
from tests.reviews.test_submit import XSS_PAYLOADS
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def list_url(supplier, **params):
    url = reverse("reviews:list", kwargs={"slug": supplier.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def star_fill(text):
    """How far the participants' stars are filled, out of 100, for each star display."""
    return re.findall(r'class="participant-stars__filled" width="(\d+)"', text)


def without_tags(text):
    return re.sub(r"<[^>]+>", "", text)


def comments_in_order(response):
    return [review.comment for review in response.context["page"]]


def test_list_shows_only_approved_reviews_newest_first(client):
    supplier = SupplierFactory()
    now = timezone.now()
    ReviewFactory(supplier=supplier, comment="Äldst", created_at=now - timedelta(days=3))
    ReviewFactory(supplier=supplier, comment="Nyast", created_at=now - timedelta(days=1))
    ReviewFactory(supplier=supplier, comment="Väntar", pending=True)
    ReviewFactory(supplier=supplier, comment="Avslaget", rejected=True)
    ReviewFactory(comment="Annan leverantör")
    response = client.get(list_url(supplier))
    assert response.status_code == 200
    assert comments_in_order(response) == ["Nyast", "Äldst"]
    for hidden in ["Väntar", "Avslaget", "Annan leverantör"]:
        assert hidden not in response.text


def test_review_shows_rating_office_participation_month_and_comment(client):
    review = ReviewFactory(
        at_office=True,
        rating=3,
        participation_month=date(2026, 3, 1),
        comment="Rad ett\nRad två",
        office__name="Kontor Centrum",
    )
    response = client.get(list_url(review.supplier))
    text = response.text
    assert "Betyg 3 av 5" in text
    assert star_fill(text) == ["60"]
    assert '<dd><bdi lang="sv" dir="auto">Kontor Centrum</bdi></dd>' in text
    assert "<dd>mars 2026</dd>" in text
    assert "<p>Rad ett<br>Rad två</p>" in text


def test_review_without_office_or_month_shows_neither(client):
    review = ReviewFactory(office=None, participation_month=None, comment="")
    text = client.get(list_url(review.supplier)).text
    assert "<dt>Kontor</dt>" not in text
    assert "<dt>Slutade</dt>" not in text


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_approved_comment_with_markup_is_shown_escaped(client, payload):
    review = ReviewFactory(comment=f"Före\n{payload}\nefter")
    text = client.get(list_url(review.supplier)).text
    assert payload not in text
    assert html.escape(payload) in text


def test_list_is_paginated_20_per_page_with_sida(client, django_assert_max_num_queries):
    supplier = SupplierFactory()
    start = timezone.now()
    for n in range(45):
        ReviewFactory(supplier=supplier, comment=f"Nr {n}", created_at=start - timedelta(hours=n))
    with django_assert_max_num_queries(4):
        first = client.get(list_url(supplier))
    assert comments_in_order(first) == [f"Nr {n}" for n in range(20)]
    assert 'href="?sida=2"' in first.text
    assert "Sida 1 av 3" in first.text
    third = client.get(list_url(supplier, sida=3))
    assert comments_in_order(third) == [f"Nr {n}" for n in range(40, 45)]
    assert 'href="?sida=2" rel="prev"' in third.text


@pytest.mark.parametrize("sida", ["0", "99", "abc", "-1"])
def test_bad_page_number_shows_a_page_instead_of_an_error(client, sida):
    supplier = SupplierFactory()
    ReviewFactory.create_batch(3, supplier=supplier)
    response = client.get(list_url(supplier, sida=sida))
    assert response.status_code == 200
    assert len(response.context["page"]) == 3


@pytest.mark.parametrize(
    ("sida", "note"),
    [
        ("abc", "Sidnumret måste vara ett heltal från 1. Visar sida 1."),
        ("99", "Sidan finns inte. Visar sista sidan."),
        ("1", None),
    ],
)
def test_a_page_number_that_cannot_be_shown_says_which_page_is_shown(client, sida, note):
    supplier = SupplierFactory()
    ReviewFactory.create_batch(3, supplier=supplier)
    text = client.get(list_url(supplier, sida=sida)).text
    assert ("message--warning" in text) is (note is not None)
    if note:
        assert note in text


def test_list_query_count_does_not_grow_with_reviews(client, django_assert_num_queries):
    supplier = SupplierFactory()
    ReviewFactory(supplier=supplier, at_office=True)
    client.get("/")  # base.html's question about example data, answered once a minute
    with django_assert_num_queries(3):
        one = client.get(list_url(supplier))
    assert len(comments_in_order(one)) == 1
    ReviewFactory.create_batch(25, supplier=supplier, at_office=True)
    with django_assert_num_queries(3):
        many = client.get(list_url(supplier))
    assert len(comments_in_order(many)) == 20
    assert all(review.office.name in many.text for review in many.context["page"])


def test_summary_shows_average_with_stars_count_and_distribution():
    supplier = SupplierFactory()
    for rating in [5, 5, 4, 2]:
        ReviewFactory(supplier=supplier, rating=rating)
    recompute_rating_summaries()
    supplier.refresh_from_db()
    text = render_to_string("reviews/_summary.html", {"supplier": supplier})
    assert "4,0 av 5" in text
    assert "4 omdömen" in text
    assert star_fill(text) == ["80"]
    rows = re.findall(
        r'<th scope="row">(\d) stjärn[ao]r?</th>.*?__fill" width="(\d+)".*?count">(\d+)</td>',
        text,
        re.DOTALL,
    )
    assert rows == [
        ("5", "50", "2"),
        ("4", "25", "1"),
        ("3", "0", "0"),
        ("2", "25", "1"),
        ("1", "0", "0"),
    ]


def test_summary_of_a_supplier_without_reviews_says_so():
    text = render_to_string("reviews/_summary.html", {"supplier": SupplierFactory()})
    assert "0 omdömen" in text
    assert "inga godkända omdömen ännu" in text


def test_summary_uses_singular_for_one_review():
    supplier = SupplierFactory(review_count=1, rating_sum=5, rating_5_count=1)
    text = render_to_string("reviews/_summary.html", {"supplier": supplier})
    assert re.search(r"\b1 omdöme\b", text)


def test_star_display_shows_average_and_count():
    text = render_to_string("components/stars.html", {"average": 43 / 12, "count": 12})
    assert re.search(r"3,6 av 5</span>\s*<span[^>]*>\(12 omdömen\)", text)
    assert star_fill(text) == ["72"]


def test_list_page_reads_the_summary_from_the_supplier_not_the_review_table(client):
    supplier = SupplierFactory(review_count=7, rating_sum=28, rating_4_count=7)
    text = client.get(list_url(supplier)).text
    assert "7 omdömen" in text


def test_one_rounding_for_the_stars_on_the_card_the_supplier_page_and_the_review_list(client):
    from tests.offices.factories import OfficeFactory

    supplier = SupplierFactory()
    OfficeFactory(supplier=supplier)
    for rating in [5] * 11 + [4] * 7 + [3] * 2:  # 89 / 20 = 4.45: rounds to 4.5, not 4
        ReviewFactory(supplier=supplier, rating=rating)
    recompute_rating_summaries()
    pages = {
        "search card": client.get("/leverantorer/").text,
        "supplier page": client.get(supplier.get_absolute_url()).text,
        "review list": client.get(list_url(supplier)).text,
    }
    for name, text in pages.items():
        summary = text[text.index('class="participant-stars"') :]
        assert re.match(r'class="participant-stars">.*?4,5 av 5', summary, re.DOTALL), name
        assert star_fill(summary)[0] == "90", name


def test_afs_grade_is_a_bar_and_never_stars():
    text = render_to_string("components/result_grade.html", {"stars": 3, "month": None})
    assert "★" not in text and "participant-stars" not in text
    assert text.count("result-grade__step--on") == 3
    assert "Arbetsförmedlingens resultatbetyg: 3 av 4" in text
