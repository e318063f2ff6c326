from urllib.parse import urlsplit

import pytest

from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_pages_load_nothing_from_another_origin(live_server, page):
    office = OfficeFactory()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/leverantorer/", office.supplier.get_absolute_url(), "/ar/ka/"]:
        page.goto(live_server.url + path, wait_until="networkidle")
    origin = urlsplit(live_server.url).netloc
    assert requested
    assert [url for url in requested if urlsplit(url).netloc != origin] == []
