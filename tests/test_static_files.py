"""The production static pipeline: hashed names, gzip and Brotli, far-future caching."""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

pytestmark = pytest.mark.integration

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def production_static(static_root):
    return {
        "STATIC_ROOT": static_root,
        "WHITENOISE_USE_FINDERS": False,
        "STORAGES": {**django_settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}},
    }


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic once: compressing htmx with Brotli takes seconds. Session-scoped, since
    pytest-django runs this module's database tests apart from its other test, and a
    module-scoped fixture would be torn down between them and collected twice."""
    static_root = tmp_path_factory.mktemp("static")
    with override_settings(**production_static(static_root)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return static_root


@pytest.fixture
def collected_static(settings, static_root):
    for name, value in production_static(static_root).items():
        setattr(settings, name, value)
    return static_root


def test_collectstatic_writes_hashed_gzip_and_brotli_files(collected_static):
    url = static("css/site.css")
    assert url != "/static/css/site.css"
    hashed = collected_static / url.removeprefix("/static/")
    for suffix in ["", ".gz", ".br"]:
        assert hashed.with_name(hashed.name + suffix).is_file()


@pytest.mark.django_db
@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_hashed_static_files_are_served_compressed_and_cached_for_years(
    collected_static, accept, encoding
):
    # A new client loads the middleware afresh, so whitenoise sees the collected files.
    response = Client().get(static("js/app.js"), headers={"accept-encoding": accept})
    response.close()
    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
