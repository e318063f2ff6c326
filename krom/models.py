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
