"""A Redis cache that the site can do without.

The cache holds only what can be computed again (reference data, pages); the rate limits
are counted in the database (krom/abuse.py). So when Redis is down or restarting, a read
misses, a write is dropped, a warning is logged, and the page is served all the same;
/healthz reports the cache as unavailable (krom/middleware.py)."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _forgiving(name, fallback):
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            logger.warning("Cache unavailable (%s: %s); going on without it.", name, error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    call.__name__ = name
    return call


def _default(key, default=None, *args, **kwargs):
    return default


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params}
        # A dead Redis must cost a request a second at most, not a worker.
        params["OPTIONS"] = {
            "socket_connect_timeout": 1,
            "socket_timeout": 1,
            **params.get("OPTIONS", {}),
        }
        super().__init__(server, params)

    def ping(self):
        """Raises RedisError when Redis does not answer (for /healthz)."""
        self._cache.get_client(write=True).ping()

    get = _forgiving("get", _default)
    set = _forgiving("set", None)
    add = _forgiving("add", False)
    touch = _forgiving("touch", False)
    delete = _forgiving("delete", False)
    has_key = _forgiving("has_key", False)
    get_many = _forgiving("get_many", {})
    set_many = _forgiving("set_many", lambda data, *a, **k: list(data))
    delete_many = _forgiving("delete_many", None)
    clear = _forgiving("clear", False)
