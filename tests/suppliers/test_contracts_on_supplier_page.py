"""Arbetsförmedlingen's grades and results follow-up on the supplier page, per contract."""

import re

import pytest

from offices.models import Office
from tests.bidi import without_bidi
from tests.offices.factories import OfficeFactory, delivery_area, municipality
from tests.reviews.factories import rate
from tests.suppliers.af_data import follow_up, graded_contract
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

UPPSALA, KNIVSTA, STOCKHOLM = "0380", "0330", "0180"


def contract_section(text, ka_number):
    start = text.rindex('<section class="contract"', 0, text.index(f">{ka_number}</bdi>"))
    return without_bidi(text[start : text.index("</section>", start)])


@pytest.fixture
def supplier():
    supplier = SupplierFactory(name="Jobbcoach AB")
    contract = graded_contract(
        supplier=supplier, ka_number="10071234", delivery_area=delivery_area("uppsala")
    )
    OfficeFactory(supplier=supplier, contract=contract, municipality=municipality(UPPSALA))
    return supplier


def test_each_contract_shows_area_region_ka_number_and_todays_grade_with_its_month(
    client, supplier
):
    section = contract_section(client.get(supplier.get_absolute_url()).text, "10071234")
    assert "Leveransområde Uppsala</h3>" in section
    assert "<dt>Arbetsförmedlingens region</dt><dd>Mitt</dd>" in section
    assert "(samma för alla kontor i avtalet)" in section
    assert "Arbetsförmedlingens resultatbetyg: 4 av 4" in section
    assert "publicerat för mars 2026" in section


def test_grade_history_is_a_chart_with_each_figure_and_a_dash_for_betyg_saknas(client, supplier):
    section = contract_section(client.get(supplier.get_absolute_url()).text, "10071234")
    svg = section[section.index("<svg") : section.index("</svg>")]
    assert 'aria-hidden="true"' in svg
    figures = re.findall(r'class="grade-history__figure[^"]*"[^>]*>([^<]+)</text>', svg)
    assert figures == ["2", "–", "3", "3", "–", "4", "3", "4"]
    assert svg.count('<rect class="grade-history__bar"') == 6
    assert "style=" not in svg


def test_grade_history_has_a_table_for_screen_readers(client, supplier):
    section = contract_section(client.get(supplier.get_absolute_url()).text, "10071234")
    table = section[section.index("<table") : section.index("</table>")]
    caption = "Arbetsförmedlingens resultatbetyg för avtal KA 10071234, månad för månad"
    assert f"<caption>{caption}</caption>" in table
    rows = re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', table)
    assert rows[:2] == [("Januari 2025", "2 av 4"), ("Mars 2025", "Betyg saknas")]
    assert rows[-1] == ("Mars 2026", "4 av 4")


def test_a_missing_latest_grade_says_no_grade_yet_and_why_not(client):
    contract = graded_contract(history=[("2026-01", 3), ("2026-03", None)])
    OfficeFactory(supplier=contract.supplier, contract=contract)
    section = contract_section(
        client.get(contract.supplier.get_absolute_url()).text, contract.ka_number
    )
    assert "Arbetsförmedlingens resultatbetyg: Inget betyg ännu" in section
    assert "Arbetsförmedlingen skriver ”Betyg saknas” och anger inte varför" in section
    assert "3 av 4</span>" not in section


def test_a_contract_never_published_says_so(client):
    office = OfficeFactory(ka_number="10077777")
    section = contract_section(client.get(office.supplier.get_absolute_url()).text, "10077777")
    assert "(inget publicerat för avtalet)" in section
    assert "har inte publicerat något resultatbetyg för avtalet ännu" in section
    assert "<svg" not in section


def test_latest_results_follow_up_shows_participants_and_share_with_period_and_source(
    client, supplier
):
    contract = supplier.contracts.get()
    follow_up(contract, "2026-03", participants=30, rr1=(1, 1, 1))
    follow_up(contract, "2026-05", participants=48, rr1=(6, 4, 2))
    section = contract_section(client.get(supplier.get_absolute_url()).text, "10071234")
    assert "12 av 48 deltagare (25 procent) fick jobb eller började studera." in section
    assert "Period maj 2026. Källa: Arbetsförmedlingens resultatuppföljning." in section
    assert "av 30 deltagare" not in section


@pytest.mark.parametrize(
    ("stated", "shown"),
    [
        ({"2026-05": True}, "period maj 2026"),
        ({"2026-03": True, "2026-05": None}, "period mars 2026"),
        ({"2026-03": True, "2026-05": False}, None),
        ({"2026-05": False}, None),
        ({"2026-05": None}, None),
    ],
)
def test_termination_risk_is_stated_only_where_af_said_so(client, supplier, stated, shown):
    contract = supplier.contracts.get()
    for period, risks in stated.items():
        follow_up(contract, period, risks_termination=risks)
    section = contract_section(client.get(supplier.get_absolute_url()).text, "10071234")
    if shown:
        assert f"Arbetsförmedlingen har angett att avtalet riskerar hävning ({shown})." in section
    else:
        assert "hävning" not in section


def test_contracts_are_listed_with_the_chosen_municipalitys_area_first(client):
    supplier = SupplierFactory()
    for ka_number, code in [("10070001", STOCKHOLM), ("10070002", UPPSALA)]:
        OfficeFactory(supplier=supplier, ka_number=ka_number, municipality=municipality(code))
    response = client.get(supplier.get_absolute_url(), {"kommun": KNIVSTA})
    areas = [contract.delivery_area.name for contract in response.context["contracts"]]
    assert areas == ["Uppsala", "Stockholm Mitt"]
    assert 'Leveransområde Uppsala <span class="contract__yours">(här ligger Knivsta)' in (
        without_bidi(response.text)
    )


def test_af_grades_and_participants_ratings_are_drawn_differently(client, supplier):
    rate(supplier, 4, 4)
    text = client.get(supplier.get_absolute_url()).text
    section = contract_section(text, "10071234")
    assert "result-grade__step" in section and "av 4" in section
    assert "participant-stars" not in section and "av 5" not in section
    assert "★" not in section
    reviews = text[text.index('id="reviews-heading"') :]
    assert "4,0 av 5" in reviews and "result-grade" not in reviews
    assert "<summary>Vad betyder betygen?</summary>" in text


def test_supplier_page_makes_the_same_queries_however_much_it_shows(
    client, django_assert_num_queries
):
    def supplier_with(contracts, offices):
        supplier = SupplierFactory(language_codes=["sv", "ar"], industry_slugs=["data-it"])
        for n, area in enumerate(["uppsala", "stockholm-mitt", "gotland", "malmo"][:contracts]):
            contract = graded_contract(supplier=supplier, delivery_area=delivery_area(area))
            follow_up(contract, "2026-03")
            follow_up(contract, "2026-05", risks_termination=n % 2 == 0)
            area_municipality = contract.delivery_area.municipalities.first()
            for _ in range(offices):
                OfficeFactory(supplier=supplier, contract=contract, municipality=area_municipality)
        rate(supplier, *([4] * 8))
        return supplier

    small, large = supplier_with(1, 1), supplier_with(4, 8)
    # The register's version (krom/register.py), supplier, languages, industries,
    # contracts, offices, grades, results follow-up, the municipality, reviews (base.html's
    # question about example data is answered by then, and the search's reference data,
    # which the way back to the search checks, is loaded once per process).
    client.get("/leverantorer/")
    for supplier, contracts, offices in [(small, 1, 1), (large, 4, 32)]:
        with django_assert_num_queries(10):
            response = client.get(supplier.get_absolute_url(), {"kommun": UPPSALA})
        assert response.status_code == 200
        assert supplier.name in response.text
        shown = supplier.contracts.values_list("ka_number", flat=True)
        assert len(shown) == contracts
        assert all(ka_number in response.text for ka_number in shown)
        assert response.context["office_count"] == offices


def test_offices_and_contracts_af_no_longer_lists_are_not_offered_on_the_supplier_page(client):
    listed = OfficeFactory(name="Kontor Kvar")
    gone = OfficeFactory(supplier=listed.supplier, contract=listed.contract, name="Kontor Borta")
    Office.objects.filter(pk=gone.pk).update(no_longer_listed_on="2026-11-02")
    text = client.get(listed.supplier.get_absolute_url()).text
    assert "Kontor Kvar" in text
    assert "Kontor Borta" not in text
