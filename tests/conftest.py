import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make migrate` leaves it: migrated, with the reference data."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


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


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """admin_client makes a user with a password for each test: a hash made for speed, not
    for safety, keeps that from being the slowest part of the admin tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def example_data_asked_afresh():
    """Pages ask whether the register holds example data once a minute per process; each
    test builds its own register, so its first page asks again."""
    from demo.context_processors import forget_example_data

    forget_example_data()


@pytest.fixture(autouse=True)
def search_reference_loaded_afresh():
    """The searches keep their reference data and spelling vocabulary per process; a
    test's rolled-back contracts and languages must not linger in the next test."""
    from offices.suggestions import forget_vocabulary
    from suppliers.search_choices import forget_search_reference

    forget_search_reference()
    forget_vocabulary()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Swedish: a request under /en/ or /ar/ leaves its language
    active in the thread, and URLs reversed in the next test would carry its prefix."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
