"""The limits on the public forms and the admin login (krom/abuse.py): a rule that stops
floods but lets a room of participants on shared computers through, counts that no cache
can cull, and an admin lockout an attacker cannot turn against the real admin."""

import re
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from krom import abuse
from krom.models import RateCounter
from reviews.models import Review
from suppliers.models import ErrorReport
from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

LIBRARY = "198.51.100.20"


def report_url(supplier):
    return f"/leverantorer/{supplier.slug}/rapportera-fel/"


def review_data(comment):
    return {
        "rating": "4",
        "office": "",
        "participation_month": "1",
        "participation_year": "2025",
        "comment": comment,
        "confirm_participation": "on",
        "website": "",
    }


class Browser:
    """A browser of its own (its own CSRF cookie), as a person at one computer has."""

    def __init__(self, address):
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)

    def post(self, url, data):
        page = self.client.get(url).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.client.post(url, {**data, "csrfmiddlewaretoken": token})


def test_a_room_of_twenty_on_one_network_may_each_write_a_review():
    supplier = SupplierFactory()
    url = reverse("reviews:create", kwargs={"slug": supplier.slug})
    statuses = [
        Browser(LIBRARY).post(url, review_data(f"Deltagare {n} tyckte att coachen var bra."))
        for n in range(abuse.PER_NETWORK)
    ]
    assert [response.status_code for response in statuses] == [302] * abuse.PER_NETWORK
    assert Review.objects.count() == abuse.PER_NETWORK
    # The network's limit stops a flood, whoever's browser it comes from, and says why.
    refused = Browser(LIBRARY).post(url, review_data("Ett omdöme för mycket."))
    assert refused.status_code == 429
    text = refused.content.decode()
    assert "högst 3 på en timme" in text
    assert "från ett och samma nätverk högst 20" in text
    assert "Ett omdöme för mycket." in text
    # Another network is not affected.
    assert Browser("198.51.100.21").post(url, review_data("Från ett annat nät.")).status_code == 302


def test_one_browser_may_send_three_even_when_its_network_may_send_more():
    supplier = SupplierFactory()
    url = reverse("reviews:create", kwargs={"slug": supplier.slug})
    browser = Browser(LIBRARY)
    for n in range(abuse.PER_BROWSER):
        assert browser.post(url, review_data(f"Text nummer {n}.")).status_code == 302
    assert browser.post(url, review_data("Text nummer fyra.")).status_code == 429
    assert Browser(LIBRARY).post(url, review_data("Grannen vid datorn bredvid.")).status_code == 302


def test_a_refused_duplicate_does_not_use_up_the_limit(client):
    supplier = SupplierFactory()
    url = reverse("reviews:create", kwargs={"slug": supplier.slug})
    assert client.post(url, review_data("Samma text."), REMOTE_ADDR=LIBRARY).status_code == 302
    for _ in range(5):
        duplicate = client.post(url, review_data("Samma text."), REMOTE_ADDR=LIBRARY)
        assert duplicate.status_code == 200
    assert client.post(url, review_data("Ny text."), REMOTE_ADDR=LIBRARY).status_code == 302


def test_blocked_clients_stay_blocked_however_many_other_clients_post():
    """The old cache-held limit forgot counts once 300 clients had posted (the database
    cache culls a third when full): the counts now live where nothing culls them."""
    supplier = OfficeFactory().supplier
    url = report_url(supplier)
    blocked = ["192.0.2.1", "192.0.2.2", "192.0.2.3"]
    for address in blocked:
        for n in range(abuse.PER_BROWSER):
            Client().post(url, {"what_is_wrong": f"Fel {n}"}, REMOTE_ADDR=address)
        assert Client().post(url, {"what_is_wrong": "x"}, REMOTE_ADDR=address).status_code == 429
    for n in range(350):
        address = f"10.{n // 250}.{n % 250}.1"
        assert Client().post(url, {"what_is_wrong": "Fel"}, REMOTE_ADDR=address).status_code == 302
    for address in blocked:
        assert Client().post(url, {"what_is_wrong": "x"}, REMOTE_ADDR=address).status_code == 429
    assert ErrorReport.objects.count() == 350 + 3 * abuse.PER_BROWSER


def test_expired_counters_are_purged_by_a_command(client, monkeypatch):
    from django.core.management import call_command

    supplier = OfficeFactory().supplier
    client.post(report_url(supplier), {"what_is_wrong": "Fel"})
    monkeypatch.setattr("krom.abuse.time.time", lambda: 1_700_000_000.0)  # November 2023
    client.post(report_url(supplier), {"what_is_wrong": "Fel, länge sedan"})
    assert RateCounter.objects.count() == 4  # the browser's and the network's, twice
    call_command("purge_rate_counters")
    assert RateCounter.objects.count() == 2  # the old ones have long expired


ADMIN_PASSWORD = "rätt-lösenord-för-test"


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("admin", "admin@example.org", ADMIN_PASSWORD)


def log_in(username, password, address):
    client = Client(REMOTE_ADDR=address)
    return client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )


def test_failed_logins_lock_the_username_only_from_the_attackers_address(admin_user):
    statuses = [log_in("admin", "fel", "203.0.113.66").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert log_in("admin", ADMIN_PASSWORD, "203.0.113.66").status_code == 429
    assert log_in("admin", ADMIN_PASSWORD, "198.51.100.7").status_code == 302


def test_one_address_guessing_many_usernames_is_stopped_too(admin_user):
    for n in range(abuse.ADMIN_LOGIN_FAILURES_PER_ADDRESS):
        assert log_in(f"user{n}", "fel", "203.0.113.66").status_code == 200
    refused = log_in("admin", ADMIN_PASSWORD, "203.0.113.66")
    assert refused.status_code == 429
    assert "För många misslyckade inloggningar" in refused.content.decode()
    assert log_in("admin", ADMIN_PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent transactions need PostgreSQL here; on SQLite the process test "
    "tests/processes/test_behind_proxy.py sends parallel posts to gunicorn instead.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_submissions_on_postgresql_cannot_beat_the_limit():
    visitor = abuse.Client(network="n" * 64, browser="b" * 64)
    barrier = threading.Barrier(12)
    accepted, refused, errors = [], [], []

    def submit(n):
        try:
            barrier.wait(timeout=10)
            with abuse.submission(visitor, "reviews"):
                time.sleep(0.05)  # the submission's own writes, holding the counter's row
            accepted.append(n)
        except abuse.RateLimited:
            refused.append(n)
        except Exception as error:  # reported after the threads join
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert (len(accepted), len(refused)) == (abuse.PER_BROWSER, 12 - abuse.PER_BROWSER)
