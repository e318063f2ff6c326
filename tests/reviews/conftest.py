import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_rate_limit():
    """The rate limit lives in the cache: every test starts with no submissions counted."""
    cache.clear()
    yield
    cache.clear()
