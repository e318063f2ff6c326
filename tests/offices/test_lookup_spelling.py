"""One accent-folding rule for every search, and help when a search finds nothing."""

import pytest

from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory
from tests.suppliers.found import found_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def bjaerke():
    supplier = SupplierFactory(name="Bjærke Arbetsliv AB")
    return OfficeFactory(supplier=supplier, municipality=municipality("0380"))


@pytest.mark.parametrize("typed", ["bjaerke", "Bjærke", "BJÆRKE", "bjærke arbetsliv"])
def test_supplier_search_and_ka_lookup_fold_accents_the_same_way(client, bjaerke, typed):
    search = client.get("/leverantorer/", {"q": typed})
    assert found_names(search) == ["Bjærke Arbetsliv AB"]
    lookup = client.get("/ka/", {"q": typed, "format": "json"}).json()
    assert [c["supplier"]["name"] for c in lookup["contracts"]] == ["Bjærke Arbetsliv AB"]


@pytest.mark.parametrize(
    "typed, suggestion",
    [("götebrog", "Göteborg"), ("anakrvägen", "Ankarvägen"), ("ankarvägen kompetns", None)],
)
def test_ka_lookup_suggests_a_spelling_when_nothing_is_found(client, typed, suggestion):
    OfficeFactory(
        supplier=SupplierFactory(name="Ankarvägen Kompetens AB"), municipality=municipality("1480")
    )
    page = client.get("/ka/", {"q": typed}).content.decode()
    assert "Vi hittar inget avtal som matchar" in page
    if suggestion:
        assert f'Menade du: <a href="?q={suggestion}">{suggestion}</a>' in page.replace(
            "%C3%B6", "ö"
        ).replace("%C3%A4", "ä")
    else:
        assert "Menade du: <a" in page and ">ankarvägen Kompetens</a>" in page


def test_supplier_name_search_suggests_a_spelling_when_nothing_is_found(client):
    OfficeFactory(supplier=SupplierFactory(name="Ankarvägen Kompetens AB"))
    page = client.get("/leverantorer/", {"q": "anakrvägen", "sprak": "ar"}).content.decode()
    assert "Inga leverantörer matchar alla dina val." in page
    assert "Menade du:" in page and ">Ankarvägen</a>" in page
    assert "sprak=ar" in page.split("Menade du:")[1].split(">Ankarvägen")[0]
    assert "Menade du:" not in client.get("/leverantorer/", {"q": "ankarv"}).content.decode()


def test_part_of_a_ka_number_lists_the_contracts_whose_number_holds_it(client):
    office = OfficeFactory(ka_number="10072909", supplier=SupplierFactory(name="Nummer AB"))
    OfficeFactory(ka_number="10081234", supplier=SupplierFactory(name="Annat AB"))
    for typed in ["1007290", "KA 7290", "0729"]:
        page = client.get("/ka/", {"q": typed}).content.decode()
        assert "Här är avtal vars KA-nummer innehåller" in page, typed
        assert "Nummer AB" in page and "Annat AB" not in page
    assert office.contract.ka_number == "10072909"
    exact = client.get("/ka/", {"q": "10072909"})
    assert exact.status_code == 302
