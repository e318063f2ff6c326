import pytest

from reviews.models import Review
from tests.offices.factories import ContractFactory, OfficeFactory, municipality
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
    office = OfficeFactory(supplier=supplier, name="Kontor Luleå", ka_number="10071234")
    rate(supplier, 5, 4, 4)
    response = client.get("/leverantorer/jobbcoach-norr-ab/")
    assert response.status_code == 200
    text = response.text
    for expected in [
        '<h1><bdi lang="sv" dir="auto">Jobbcoach Norr AB</bdi></h1>',
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
        '<bdi dir="ltr" class="ka-number">10071234</bdi>',
        "4,3 av 5",
        "3 omdömen",
        f"/leverantorer/jobbcoach-norr-ab/kontor/{office.url_key}/valj/",
        "Välj leverantör",
    ]:
        assert expected in text, expected


def test_supplier_without_an_organisation_number_says_it_is_not_known_yet(client):
    supplier = SupplierFactory(organisation_number=None, with_offices=1)
    text = client.get(supplier.get_absolute_url()).text
    assert "<dt>Organisationsnummer</dt><dd>Inte känt ännu</dd>" in text
    assert "None" not in text


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


def test_inactive_offices_and_ended_contracts_are_not_listed(client):
    supplier = SupplierFactory()
    OfficeFactory(supplier=supplier, name="Öppet kontor")
    OfficeFactory(supplier=supplier, name="Stängt kontor", is_active=False)
    ended = ContractFactory(supplier=supplier, ka_number="10079999", ended=True)
    OfficeFactory(supplier=supplier, contract=ended, name="Kontor i gammalt avtal")
    text = client.get(supplier.get_absolute_url()).text
    assert "Öppet kontor" in text
    assert "Stängt kontor" not in text
    assert "Kontor i gammalt avtal" not in text and "10079999" not in text


def test_offices_show_distance_from_the_municipality_in_the_query_nearest_first(client):
    supplier = SupplierFactory()
    OfficeFactory(supplier=supplier, name="Uppsala", municipality=municipality("0380"))
    OfficeFactory(supplier=supplier, name="Enköping", municipality=municipality("0381"))
    OfficeFactory(supplier=supplier, name="Knivsta", municipality=municipality("0330"))
    response = client.get(supplier.get_absolute_url(), {"kommun": "0381"})
    (contract,) = response.context["contracts"]
    assert [office.name for office in contract.active_offices] == [
        "Enköping",
        "Uppsala",
        "Knivsta",
    ]
    assert contract.active_offices[0].distance_km < 1
    assert "Avstånd räknas från mitten av Enköping" in response.text


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
