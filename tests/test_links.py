"""Links carry the validated filters, never the raw query string (krom/links.py)."""

import pytest

from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db

JUNK = "x" * 4000


@pytest.fixture
def offices():
    return OfficeFactory.create_batch(3)


def test_a_long_query_string_is_not_copied_into_the_links_of_the_search_page(client, offices):
    plain = client.get("/leverantorer/", {"kommun": "0380", "sprak": "ar"}).content.decode()
    page = client.get(
        "/leverantorer/", {"kommun": "0380", "sprak": ["ar", "zz"], "junk": JUNK, "q": "y" * 500}
    ).content.decode()
    assert "xxxxxxxxxxxxxxxxxxxx" not in page
    # The over-long name stays only in its own search box, with its error message.
    assert page.count("y" * 500) == 1
    assert len(page) < len(plain) + 2000
    assert 'href="/en/leverantorer/?kommun=0380&amp;sprak=ar"' in page


def test_pagination_carries_only_valid_filters(client):
    OfficeFactory.create_batch(21)
    page = client.get("/leverantorer/", {"avstand": "nej", "sortering": "namn", "junk": "1"}).text
    assert 'href="?sortering=namn&amp;sida=2"' in page


def test_the_supplier_page_and_the_comparison_carry_only_what_they_understood(client, offices):
    office = offices[0]
    for url in [
        f"/leverantorer/{office.supplier.slug}/",
        "/jamfor/",
    ]:
        page = client.get(
            url, {"kommun": "0380", "kontor": office.url_key, "junk": JUNK}
        ).content.decode()
        assert "xxxxxxxxxxxxxxxxxxxx" not in page, url
        assert "kommun=0380" in page, url


def test_a_404_under_a_language_prefix_cannot_link_to_another_site(client):
    response = client.get("/en//evil.example/x")
    assert response.status_code == 404
    text = response.content.decode()
    assert 'href="//evil.example' not in text
    assert 'href="/evil.example/x"' in text
