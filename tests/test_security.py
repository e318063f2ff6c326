import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(supplier__name="Jobbcoach AB", ka_number="10072909")


def responses(client, office):
    """One of each kind the public site sends."""
    return {
        "html": client.get("/leverantorer/"),
        "htmx-partial": client.get("/leverantorer/", HTTP_HX_REQUEST="true"),
        "dialog-partial": client.get(
            f"/leverantorer/{office.supplier.slug}/kontor/{office.url_key}/valj/",
            HTTP_HX_REQUEST="true",
        ),
        "json": client.get("/ka/10072909/", HTTP_ACCEPT="application/json"),
        "json-not-found": client.get("/ka/99999999/?format=json"),
        "not-found": client.get("/finns-inte/"),
        "text": client.get("/robots.txt"),
        "health": client.get("/healthz"),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "html",
        "htmx-partial",
        "dialog-partial",
        "json",
        "json-not-found",
        "not-found",
        "text",
        "health",
    ],
)
def test_every_response_carries_the_security_headers(client, office, kind):
    response = responses(client, office)[kind]
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_is_sent_over_https(client, office):
    response = client.get("/leverantorer/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_when_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/leverantorer/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_pages_have_no_inline_scripts_styles_or_event_handlers(client, office):
    for response in responses(client, office).values():
        text = response.content.decode()
        assert "<script>" not in text and "<script type" not in text
        assert " style=" not in text and "<style" not in text
        assert " onclick=" not in text and " onload=" not in text and "hx-on" not in text


def test_the_public_search_sets_only_the_neutral_order_cookie(client, office):
    response = client.get("/leverantorer/")
    assert set(response.cookies) == {"neutral_ordning"}
    cookie = response.cookies["neutral_ordning"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert client.get("/").cookies == {} or set(client.get("/").cookies) <= {"neutral_ordning"}


def test_admin_is_marked_noindex_and_left_out_of_the_sitemap(client, office):
    admin_login = client.get(reverse("admin:login"))
    assert admin_login["X-Robots-Tag"] == "noindex, nofollow"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/leverantorer/jobbcoach-ab/" in sitemap
    assert "admin" not in sitemap
    assert "admin" not in client.get("/robots.txt").content.decode()


def test_admin_login_is_locked_after_five_failed_attempts(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.invalid", "rätt-lösen-123")
    url = reverse("admin:login")
    statuses = [
        client.post(url, {"username": "admin", "password": "fel"}).status_code for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    locked = client.post(url, {"username": "admin", "password": "rätt-lösen-123"})
    assert locked.status_code == 429
    assert "För många misslyckade inloggningar" in locked.content.decode()


def test_admin_is_for_staff_only(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("vanlig"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_csrf_failure_is_a_friendly_403(office):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()


@pytest.mark.parametrize(
    ("status", "template", "text"),
    [
        (400, "400.html", "Vi förstod inte förfrågan"),
        (403, "403.html", "Du har inte behörighet"),
        (404, "404.html", "Vi hittar inte sidan"),
        (429, "429.html", "För många försök"),
        (500, "500.html", "Något gick fel hos oss"),
        (503, "503.html", "kort avbrott"),
    ],
)
def test_error_pages_render_in_the_site_design_without_the_database(
    status, template, text, django_assert_num_queries
):
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template(template).render({})
    assert text in html
    assert 'class="site-header"' in html


def raise_error(error):
    def view(*args, **kwargs):
        raise error

    return view


def test_an_unexpected_error_is_a_500_page_without_a_stack_trace(client, monkeypatch):
    monkeypatch.setattr("suppliers.views.SupplierFilter", raise_error(RuntimeError("boom")))
    client.raise_request_exception = False
    response = client.get("/leverantorer/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "Något gick fel hos oss" in text
    assert "Traceback" not in text and "boom" not in text


def test_database_down_is_a_friendly_503_that_asks_to_retry(client, monkeypatch):
    monkeypatch.setattr(
        "suppliers.views.SupplierFilter", raise_error(OperationalError("connection refused"))
    )
    client.raise_request_exception = False
    response = client.get("/leverantorer/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "kort avbrott" in response.content.decode()
    assert "connection refused" not in response.content.decode()


def test_pages_are_compressed_for_browsers_that_accept_gzip(client, office):
    response = client.get("/leverantorer/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    import gzip

    assert "Sök leverantör" in gzip.decompress(response.content).decode()
