import pytest


@pytest.fixture
def htmx_client(client):
    """A test client whose requests say they come from htmx."""
    client.defaults["HTTP_HX_REQUEST"] = "true"
    return client


@pytest.fixture(autouse=True)
def static_files_without_collectstatic(settings):
    """Serve static files from the source folders, so tests need no collectstatic run.

    The production pipeline (hashed, compressed files) has tests of its own.
    """
    settings.WHITENOISE_USE_FINDERS = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
