from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Invented example data (`manage.py seed_demo`): on top of every other app, which it
    fills; nothing imports it."""

    name = "demo"
