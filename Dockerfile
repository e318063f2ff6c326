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

USER krom
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"

CMD ["gunicorn", "krom.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
