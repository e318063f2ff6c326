"""Limits hold across server processes: two gunicorn servers, one database.

Runs its own SQLite file (the test database of the other tests lives in one process);
the counts behind the limit live in that database (krom/abuse.py), as in production.
"""

import pytest

from tests.processes.servers import (
    Browser,
    demo_supplier_slug,
    free_port,
    prepare_site,
    review_data,
    site_environment,
    start_gunicorn,
    stop,
    wait_until_healthy,
)


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("shared-limits")
    env = site_environment(workdir)
    prepare_site(env)
    ports = [free_port(), free_port()]
    servers = [start_gunicorn(env, port) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            wait_until_healthy(url)
        yield urls
    finally:
        for server in servers:
            stop(server)


def test_review_rate_limit_holds_across_two_server_processes(two_servers):
    first, second = two_servers
    slug = demo_supplier_slug(first)
    browser = Browser()

    def submit(base_url, comment):
        return browser.post_form(f"{base_url}/leverantorer/{slug}/omdome/", review_data(comment))

    statuses = [
        submit(first, "Första omdömet."),
        submit(second, "Andra omdömet."),
        submit(first, "Tredje omdömet."),
    ]
    assert statuses == [302, 302, 302]
    assert submit(second, "Fjärde omdömet, för många.") == 429
    assert submit(first, "Femte omdömet, för många.") == 429
