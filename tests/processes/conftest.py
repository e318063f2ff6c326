import pytest


def pytest_collection_modifyitems(config, items):
    """Tests that start servers of their own are integration tests (make test-fast skips them)."""
    for item in items:
        if "tests/processes/" in item.nodeid:
            item.add_marker(pytest.mark.integration)
