"""Property-based fuzzing of every public endpoint: no 5xx, no reflected unescaped input.

FUZZ_EXAMPLES sets the examples per test (default 150 in `make test`; e.g. 5000 for a
thorough run: `make test PYTEST_ARGS="tests/test_fuzz.py" FUZZ_EXAMPLES=5000`).
"""

import os
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
fuzz_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PARAMETERS = [
    "kommun",
    "sprak",
    "bransch",
    "distans",
    "betyg",
    "q",
    "sortering",
    "sida",
    "avstand",
    "format",
    "kontor",
    "resultatbetyg",
]
NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "'; DROP TABLE suppliers_supplier; --",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${7*7}",
    "\x00",
    "a\x00b",
    "%",
    "%zz",
    "%ff%fe",
    "%00",
    "%C0%AE",
    "../../../etc/passwd",
    "١٢٣٤٥",
    "KA 123 45",
    "0180",
    "ar",
    "-1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "x" * 5000,
]

raw_values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50).map(quote),
)
raw_pairs = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=20)), raw_values),
    max_size=12,
)


@pytest.fixture
def office():
    return OfficeFactory(
        supplier=SupplierFactory(name="Jobbcoach Norr AB", language_codes=["sv", "ar"]),
        ka_number="10072909",
    )


def public_get_paths(office):
    slug = office.supplier.slug
    return [
        "/",
        "/leverantorer/",
        f"/leverantorer/{slug}/",
        f"/leverantorer/{slug}/kontor/{office.url_key}/valj/",
        "/ka/",
        "/ka/10072909/",
        "/om-rusta-och-matcha/",
        "/fragor-och-svar/",
        "/en/leverantorer/",
        "/ar/ka/",
    ]


def query_string(pairs):
    """Joined as typed: values may hold invalid percent-encoding, NULs and non-ASCII."""
    raw = "&".join(f"{key}={value}" for key, value in pairs)
    return raw.encode("utf-8", "surrogatepass").decode("latin-1")


def assert_safe(response, typed_values):
    assert response.status_code < 500, response.status_code
    if response.get("Content-Type", "").startswith("text/html"):
        body = response.content.decode("utf-8", "replace")
        for value in typed_values:
            if len(value) >= 4 and any(char in value for char in "<>\"'"):
                assert value not in body, f"unescaped: {value!r}"


@fuzz_settings
@given(pairs=raw_pairs, path_index=st.integers(min_value=0, max_value=9), htmx=st.booleans())
def test_public_get_endpoints_survive_any_query_string(client, office, pairs, path_index, htmx):
    path = public_get_paths(office)[path_index]
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.get(path, QUERY_STRING=query_string(pairs), **headers)
    assert_safe(response, [value for _, value in pairs])


@fuzz_settings
@given(segment=st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=100)))
def test_any_path_segment_is_answered_without_a_server_error(client, office, segment):
    slug = office.supplier.slug
    for path in [
        f"/leverantorer/{quote(segment, safe='')}/",
        f"/leverantorer/{slug}/kontor/{quote(segment, safe='')}/valj/",
        f"/ka/{quote(segment, safe='')}/",
    ]:
        response = client.get(path)
        assert_safe(response, [segment])


@fuzz_settings
@given(pairs=raw_pairs, path_index=st.integers(min_value=0, max_value=9))
def test_posting_to_get_only_pages_is_refused_politely(client, office, pairs, path_index):
    path = public_get_paths(office)[path_index]
    response = client.post(
        path, query_string(pairs), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 405


REVIEW_FIELDS = [
    "rating",
    "office",
    "participation_month",
    "participation_year",
    "comment",
    "confirm_participation",
    "website",
    "csrfmiddlewaretoken",
]
review_pairs = st.lists(
    st.tuples(st.one_of(st.sampled_from(REVIEW_FIELDS), st.text(max_size=20)), raw_values),
    max_size=12,
)


@fuzz_settings
@given(pairs=review_pairs)
def test_review_form_survives_any_body(client, office, pairs):
    from django.core.cache import cache

    cache.clear()
    url = f"/leverantorer/{office.supplier.slug}/omdome/"
    response = client.post(
        url, query_string(pairs), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 302, 400, 429)
    assert_safe(response, [value for _, value in pairs])
