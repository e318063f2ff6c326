"""Settings for Matchningskollen, driven by environment variables (long because every
setting of the deployment is here, each with the reason it has its value).

DATABASE_URL           default: SQLite file db.sqlite3 in the project root
DJANGO_DEBUG           "1"/"true" turns debug on (default off)
DJANGO_SECRET_KEY      required when debug is off
DJANGO_ALLOWED_HOSTS   comma-separated host names
DJANGO_SECURE_SSL_REDIRECT  default on when debug is off; "0" turns it off
DJANGO_SECURE_COOKIES  cookies only over HTTPS (default on when debug is off; separate
                       from the redirect)
DJANGO_TRUSTED_PROXIES addresses or networks of the load balancers/proxies in front
DJANGO_TRUSTED_PROXY_HOPS  or: how many proxies stand in front of every request
DJANGO_ADMIN_PATH      where the admin lives (default "admin/")
REDIS_URL              shared cache in Redis instead of the database cache table
AF_SUPPLIER_SEARCH_URL the JSON address of Arbetsförmedlingen's "Sök leverantör" that
                       `manage.py sync_af_offices` fetches when given no saved pages
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-on"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "simple_history",
    "django_filters",
    "django_htmx",
    "template_partials",
    "krom",
    "places",
    "suppliers",
    "offices",
    "grades",
    "afsync",
    "reviews",
    "demo",
    "opendata",
]

MIDDLEWARE = [
    # First: the client's address and scheme from trusted proxies only (krom/middleware.py).
    "krom.middleware.ProxyHeadersMiddleware",
    # A body above MAX_REQUEST_BYTES gets 413 before anything reads it.
    "krom.middleware.RequestSizeLimitMiddleware",
    # Pages compressed for slow connections (Django pads gzip output against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Response headers first, so that every response carries them, /healthz's too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "krom.middleware.SecurityHeadersMiddleware",
    "krom.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "krom.middleware.AdminInSwedishMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The change history (django-simple-history) names the admin who made a change.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "krom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "krom.context_processors.language_links",
                "demo.context_processors.example_data",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["krom.bidi", "krom.af_pages"],
            # The component kit's filters ({% load components %}), shared by every app.
            "libraries": {"components": "krom.components"},
        },
    },
]

WSGI_APPLICATION = "krom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock from the start of a transaction instead of failing with
    # "database is locked" when two of them meet (the rate-limit counters, krom/abuse.py).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The search's subqueries make PostgreSQL's cost estimates large enough to start its
    # JIT compiler, which then spends seconds compiling a query that runs in milliseconds.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared between all workers and machines: cached reference data and pages (never the
# rate limits, which are counted in the database: krom/abuse.py). The database cache table
# (created by the migration krom 0002) unless Redis is given; when Redis is away, the cache
# misses and the site works on without it (krom/cache.py), and /healthz says so.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "krom.cache.ForgivingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "krom_cache",
        }
    }

# Rendered search cards (suppliers/cards.py), kept in each process: their keys say
# everything they show, so no process can serve another's stale copy. About 3 KB each
# (at most ~60 MB).
CACHES["cards"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "cards",
    "OPTIONS": {"MAX_ENTRIES": 20000},
}
# What a card shows of the supplier alone, one per supplier and language (suppliers/cards.py):
# about 1.5 KB each (at most ~30 MB).
CACHES["about"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "about",
    "OPTIONS": {"MAX_ENTRIES": 20000},
}
# The search's filter form and its long choice lists per value chosen (search.html): up to
# ~40 KB each (at most ~40 MB).
CACHES["filters"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "filters",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
# Whole pages and the suppliers each search found (krom/register.py), kept in each process
# under the register's version: up to ~100 KB each, so fewer of them (at most ~100 MB).
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}

AUTHENTICATION_BACKENDS = [
    # At most 20 failed logins an hour from one address, across usernames (krom/abuse.py).
    "krom.abuse.AddressLoginLimitBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login: after 5 failed attempts for a username from one address, locked for an hour;
# the address is the one krom.middleware.ProxyHeadersMiddleware found, as for the limits.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "krom.middleware.client_ip"
AXES_LOCKOUT_TEMPLATE = "429_login.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Change history: the reason (an import's file, who uploaded it) may be longer than 100
# characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
# Each language named in itself (the switcher shows these). Swedish at the root, the others
# under /<code>/: the languages that Rusta och matcha's participants read most.
LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
]
# Right to left: Arabic and Persian, from Django's default LANGUAGES_BIDI.
# Django knows Somali and Tigrinya only as language codes: give them their names, so that
# get_language_info() and the admin work as for the other languages.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}
LANG_INFO.update({code: info for code, info in EXTRA_LANG_INFO.items() if code not in LANG_INFO})
# locale/: the site's translations; krom/third_party_locale/ (not named "locale", so that
# makemessages keeps krom's own texts in locale/): Swedish for the admin texts of
# third-party apps without a Swedish catalogue (django-axes, django-simple-history).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "krom" / "third_party_locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security: production defaults; local production-mode runs over plain HTTP on 127.0.0.1
# set both DJANGO_SECURE_SSL_REDIRECT=0 and DJANGO_SECURE_COOKIES=0. The two are separate:
# turning the redirect off (say, because the load balancer redirects) keeps cookies Secure.
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers and Docker call the health check by IP address over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Believed only when it comes from a trusted proxy (krom.middleware.ProxyHeadersMiddleware).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"
AF_SUPPLIER_SEARCH_URL = os.environ.get("AF_SUPPLIER_SEARCH_URL", "").strip()
# Who runs the site and how to reach them: shown on /om-matchningskollen/ (also the data
# controller) and in the accessibility statement.
SITE_OPERATOR = os.environ.get("MATCHNINGSKOLLEN_OPERATOR", "").strip() or "Matchningskollen"
SITE_OPERATOR_ORGANISATION_NUMBER = os.environ.get("MATCHNINGSKOLLEN_ORGNR", "").strip()
SITE_CONTACT_EMAIL = (
    os.environ.get("MATCHNINGSKOLLEN_EMAIL", "").strip() or "kontakt@matchningskollen.se"
)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "krom.views.csrf_failure"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# No inline scripts or styles anywhere: behaviour lives in static/js, looks in static/css.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    },
}

# One JSON object a line on stderr, without request bodies, cookies or addresses.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "krom.logging.JsonFormatter"},
    },
    "filters": {
        "database_outage": {"()": "krom.logging.DatabaseOutageFilter"},
        "disallowed_host": {"()": "krom.logging.DisallowedHostFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["database_outage"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # A request for a host name not ours is the visitor's mistake (or a scanner's):
        # one warning line, no traceback (krom.logging.DisallowedHostFilter).
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "level": "WARNING",
            "filters": ["disallowed_host"],
            "propagate": False,
        },
    },
}

# Holding up in production (issue 16): who the client is, bounded requests, how long
# personal data is kept.

# The proxies in front of the app (krom.middleware.ProxyHeadersMiddleware): either their
# addresses/networks ("10.0.0.0/8,fd00::/8") or how many stand in front of every request.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")
TRUSTED_PROXY_HOPS = int(os.environ.get("DJANGO_TRUSTED_PROXY_HOPS") or 0)
if TRUSTED_PROXIES and TRUSTED_PROXY_HOPS:
    raise ImproperlyConfigured("Set DJANGO_TRUSTED_PROXIES or DJANGO_TRUSTED_PROXY_HOPS, not both.")

# Bounded requests: no body above 3 MB is read at all (RequestSizeLimitMiddleware, 413);
# below that, uploads stay in memory (never a temporary file on disk) and the form fields
# (the import's confirmation carries the file as base64) may fill 2.5 MB. The size of an
# imported file itself is checked in krom/admin_import.py (MAX_UPLOAD_SIZE, 1.5 MB).
MAX_REQUEST_BYTES = 3_000_000
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Admin sessions (the public site has none): 8 hours, and gone when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
