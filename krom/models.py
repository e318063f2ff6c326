from django.db import models


class RateCounter(models.Model):
    """How many submissions one client made in one ten-minute step (krom/abuse.py).

    A row per (action, client, step), incremented in the database with one atomic upsert,
    so no cache eviction can forget a count and no two requests can both read the old one.
    The client is a salted hash, never an address."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


class RegisterVersion(models.Model):
    """One row whose `version` changes whenever the register changes (krom/register.py).

    Database triggers on every table the public pages show set it to a new random number
    in the same transaction as the change, however the change is made: a form, an admin
    bulk action, QuerySet.update(), an import, seed_demo or SQL by hand."""

    version = models.BigIntegerField()

    def __str__(self):
        return str(self.version)
