# Production image: gunicorn serving Matchningskollen, static files by whitenoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system krom && useradd --system --gid krom --home-dir /app --shell /usr/sbin/nologin krom

WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY krom ./krom
COPY places ./places
COPY suppliers ./suppliers
COPY offices ./offices
COPY grades ./grades
COPY afsync ./afsync
COPY reviews ./reviews
COPY demo ./demo
COPY opendata ./opendata
RUN pip install -c requirements.lock .

COPY manage.py ./
COPY templates ./templates
COPY static ./static
COPY fixtures ./fixtures
COPY locale ./locale

# collectstatic needs settings, not secrets: a throwaway key for this one build step.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v0

# Behind a load balancer, name it so the client's address and scheme are believed from it
# alone (docs/deployment.md), e.g. `-e DJANGO_TRUSTED_PROXIES=10.0.0.0/16` or
# `-e DJANGO_TRUSTED_PROXY_HOPS=1`. Empty: no forwarding header is believed.
ENV DJANGO_TRUSTED_PROXIES="" \
    DJANGO_TRUSTED_PROXY_HOPS=""

USER krom
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"

# The access log leaves out addresses (personal data; templates/pages/privacy.html). Django
# itself decides which X-Forwarded-* headers to believe (krom.middleware), so gunicorn
# believes none: --forwarded-allow-ips="" .
CMD ["gunicorn", "krom.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--forwarded-allow-ips", "", \
     "--access-logfile", "-", "--access-logformat", "%(t)s \"%(r)s\" %(s)s %(B)s %(M)sms"]
