import pytest

from reviews.models import Review
from tests.offices.factories import OfficeFactory, municipality
from tests.reviews.factories import ReviewFactory, rate
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def test_supplier_page_shows_what_a_job_seeker_compares(client):
    supplier = SupplierFactory(
        name="Jobbcoach Norr AB",
        short_description="Vi hjälper dig till jobb i norr.",
        how_we_work="Rad ett.\nRad två.",
        organisation_number="5560360793",
        website="https://jobbcoach.example",
        phone="010-123 45 67",
        email="info@jobbcoach.example",
        language_codes=["sv", "ar"],
        industry_slugs=["data-it"],
        remote=True,
    )
    OfficeFactory(supplier=supplier, name="Kontor Luleå", ka_number="123456")
    rate(supplier, 5, 4, 4)
    response = client.get("/leverantorer/jobbcoach-norr-ab/")
    assert response.status_code == 200
    text = response.text
    for expected in [
        "<h1>Jobbcoach Norr AB</h1>",
        "Vi hjälper dig till jobb i norr.",
        "Rad ett.<br>Rad två.",
        "Arabiska",
        "Data/IT",
        "Ja, delar av tjänsten kan göras på distans.",
        "556036-0793",
        "https://jobbcoach.example",
        "010-123 45 67",
        "info@jobbcoach.example",
        "Kontor Luleå",
        "123456",
        "4,3 av 5",
        "3 omdömen",
        "/leverantorer/jobbcoach-norr-ab/kontor/123456/valj/",
        "Välj leverantör",
    ]:
        assert expected in text, expected


def test_rating_distribution_counts_each_rating(client):
    supplier = rate(SupplierFactory(with_offices=1), 5, 5, 4, 1)
    response = client.get(supplier.get_absolute_url())
    assert [(r, c) for r, c, _ in response.context["supplier"].rating_distribution] == [
        (5, 2),
        (4, 1),
        (3, 0),
        (2, 0),
        (1, 1),
    ]
    assert '<td class="rating-distribution__count">2</td>' in response.text
    assert 'class="rating-distribution__fill" width="50"' in response.text


def test_only_approved_reviews_are_shown_newest_first_and_escaped(client):
    supplier = SupplierFactory(with_offices=1)
    ReviewFactory(supplier=supplier, comment="Äldre omdöme")
    ReviewFactory(supplier=supplier, comment="<script>alert('x')</script>\nNy rad")
    ReviewFactory(supplier=supplier, comment="Väntar på granskning", pending=True)
    ReviewFactory(supplier=supplier, comment="Avslaget", status=Review.Status.REJECTED)
    text = client.get(supplier.get_absolute_url()).text
    assert "Väntar på granskning" not in text and "Avslaget" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>Ny rad" in text
    assert text.index("Ny rad") < text.index("Äldre omdöme")


def test_inactive_offices_are_not_listed(client):
    supplier = SupplierFactory()
    OfficeFactory(supplier=supplier, name="Öppet kontor")
    OfficeFactory(supplier=supplier, name="Stängt kontor", is_active=False)
    text = client.get(supplier.get_absolute_url()).text
    assert "Öppet kontor" in text and "Stängt kontor" not in text


def test_offices_show_distance_from_the_municipality_in_the_query_nearest_first(client):
    supplier = SupplierFactory()
    OfficeFactory(supplier=supplier, name="Kiruna", municipality=municipality("2584"))
    OfficeFactory(supplier=supplier, name="Enköping", municipality=municipality("0381"))
    response = client.get(supplier.get_absolute_url(), {"kommun": "0380"})
    offices = response.context["offices"]
    assert [office.name for office in offices] == ["Enköping", "Kiruna"]
    assert 30 < offices[0].distance_km < 50
    assert "Avstånd räknas från mitten av Uppsala" in response.text


@pytest.mark.parametrize("kommun", ["9999", "abc", "%00", "0180" * 100])
def test_unknown_municipality_in_the_query_is_ignored(client, kommun):
    supplier = SupplierFactory(with_offices=1)
    response = client.get(f"{supplier.get_absolute_url()}?kommun={kommun}")
    assert response.status_code == 200
    assert "Avstånd" not in response.text


def test_inactive_supplier_answers_404(client):
    supplier = SupplierFactory(inactive=True, with_offices=1)
    response = client.get(supplier.get_absolute_url())
    assert response.status_code == 404
    assert "Sök bland alla leverantörer" in response.text


def test_unknown_supplier_answers_404(client):
    assert client.get("/leverantorer/finns-inte/").status_code == 404


def test_supplier_page_query_budget(client, django_assert_max_num_queries):
    supplier = SupplierFactory(
        language_codes=["sv", "ar", "so"], industry_slugs=["data-it"], with_offices=30
    )
    rate(supplier, *([4] * 20))
    with django_assert_max_num_queries(7):
        client.get(supplier.get_absolute_url(), {"kommun": "0180"})
