"""The pages' markup: valid HTML (the Nu validator finds no error), htmx attributes in
their valid data-hx-* form, and absolute hreflang alternates."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.offices.factories import OfficeFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR",
        Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar",
    )
)


@pytest.fixture
def pages():
    office = OfficeFactory(name="Centrum", supplier__name="Validera AB")
    ReviewFactory(supplier=office.supplier, comment="Bra.")
    supplier = office.supplier
    return [
        "/",
        "/leverantorer/",
        "/leverantorer/?kommun=0380&sprak=ar&distans=on",
        supplier.get_absolute_url(),
        f"{supplier.get_absolute_url()}kontor/{office.url_key}/valj/",
        f"{supplier.get_absolute_url()}omdome/",
        f"{supplier.get_absolute_url()}omdomen/",
        f"/jamfor/?kontor={office.url_key}",
        "/ka/",
        f"/ka/{office.contract.ka_number}/",
        "/ar/leverantorer/",
    ]


def test_htmx_attributes_are_written_as_valid_data_attributes(client, htmx_client, pages):
    for url in pages:
        text = client.get(url).text
        assert not re.search(r"[\s\"']hx-[a-z-]+=", text), url
    partial = htmx_client.get("/leverantorer/", {"sprak": "ar"}).text
    assert "data-hx-swap-oob=" in partial
    assert not re.search(r"\shx-[a-z-]+=", partial)


def test_hreflang_alternates_are_absolute_addresses(client):
    text = client.get("/leverantorer/?sprak=ar").text
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', text)
    assert ("sv", "http://testserver/leverantorer/?sprak=ar") in alternates
    assert ("en", "http://testserver/en/leverantorer/?sprak=ar") in alternates
    assert all(href.startswith("http://testserver/") for _code, href in alternates)


def test_the_nu_validator_finds_no_error_on_the_pages(client, pages, tmp_path):
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        message = f"The Nu validator needs java and {VNU_JAR} (npm install vnu-jar, or VNU_JAR=)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    files = []
    for n, url in enumerate(pages):
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page{n}.html"
        path.write_bytes(response.content)
        files.append((str(path), url))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[f for f, _ in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    by_file = dict(files)
    errors = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}"
        f" ({m.get('extract', '').strip()[:80]})"
        for m in messages
    ]
    assert errors == [], "\n".join(errors)
