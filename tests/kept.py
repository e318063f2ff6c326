"""What the processes keep under the register's version (krom/register.py), forgotten."""

from krom import register

KEPT_CACHES = ("cards", "about", "filters", "pages")


def forget_everything_kept():
    for name in KEPT_CACHES:
        register.register_cache(name).clear()
