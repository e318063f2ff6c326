# Matchningskollen: `make run` serves the site with demo data, `make test` runs every test.
SHELL := /bin/bash

# The first Python >= 3.11 on PATH.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=1 DJANGO_SECURE_SSL_REDIRECT=0
DEMO_SUPPLIERS ?= 60
DEMO_SEED ?= 1
PORT ?= 8000
# pip's own lines, shortened to one line per package as it is fetched; everything pip said
# is kept in .venv/pip.log and shown in full if the install fails.
PIP_PROGRESS = 2>&1 | tee $(VENV)/pip.log | sed -un 's/^Collecting \([^ ;<>=!~]*\).*/    \1/p' \
	|| { cat $(VENV)/pip.log; exit 1; }

.PHONY: install install-test run test test-fast lint lock migrate seed clean messages fonts

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (apt-get install python3)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
		rm -rf $(VENV); \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's python3-venv …"; \
			apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
		else \
			echo "Python's venv module is missing: run 'sudo apt-get install python3-venv'."; exit 1; \
		fi; }
	@echo "==> Updating pip in $(VENV) …"
	@$(BIN)/python -m pip install --quiet --upgrade pip

# requirements.lock pins the versions the tests passed with; pip takes it as constraints.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	@echo "==> Installing Matchningskollen's packages into $(VENV) (a minute or two the first time) …"
	@set -o pipefail; $(BIN)/pip install -c requirements.lock -e . $(PIP_PROGRESS)
	@echo "==> Installed."
	@touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock $(VENV)/.installed
	@echo "==> Installing the test tools into $(VENV) …"
	@set -o pipefail; $(BIN)/pip install -c requirements.lock -e ".[test]" $(PIP_PROGRESS)
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	@echo "==> Setting up the database and loading the reference data …"
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_reference_data

seed: migrate
	@echo "==> Creating $(DEMO_SUPPLIERS) example suppliers …"
	$(DEV_ENV) $(BIN)/python manage.py seed_demo --suppliers $(DEMO_SUPPLIERS) --seed $(DEMO_SEED)

run: seed
	@echo
	@echo "  Matchningskollen: http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/ — create a user first with:"
	@echo "    DJANGO_DEBUG=1 $(BIN)/python manage.py createsuperuser"
	@echo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SECRET_KEY=makemigrations-check $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The inner loop: everything but the browser tests and the heavy integration tests
# (markers in pyproject.toml), on every core (pytest-xdist, one test module per worker at a
# time); `make test` and CI still run them all.
test-fast: install-test
	$(BIN)/ruff check .
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-25} $(BIN)/python -m pytest -m "not browser and not integration" \
		-n auto --dist loadfile $(PYTEST_ARGS)

# Write requirements.lock anew: the newest versions pyproject.toml's ranges allow, installed
# in a throwaway virtualenv. Run it after changing pyproject.toml, then `make test`.
LOCK_VENV := .lock-venv
lock:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (apt-get install python3)."; exit 1; }
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/pip install --quiet ".[test]"
	{ sed -n '/^#/p' requirements.lock; $(LOCK_VENV)/bin/pip freeze --exclude matchningskollen; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf $(LOCK_VENV)

# Re-make the message catalogues of every language but Swedish (krom/settings.py LANGUAGES)
# from the Swedish source strings and compile them. Needs GNU gettext (apt-get install
# gettext); the compiled .mo files are committed, so running the site never does.
MESSAGES_IGNORE := --ignore='.venv/*' --ignore='tests/*' --ignore='bench/*' --ignore='docs/*' \
	--ignore='staticfiles/*' --ignore='templates/pages/design.html'
MESSAGE_LANGUAGES := en ar so ti fa uk
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages $(addprefix -l ,$(MESSAGE_LANGUAGES)) --add-location file $(MESSAGES_IGNORE)
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore='.venv'

# Re-make the font subsets in static/fonts/ (krom/fonts.py) after the Tigrinya catalogue or a
# language's own name changes. Needs Debian's fonts-noto-core (apt-get install fonts-noto-core).
fonts: install-test
	$(DEV_ENV) $(BIN)/python -m krom.fonts

clean:
	rm -rf $(VENV) $(LOCK_VENV) staticfiles db.sqlite3 .pytest_cache .ruff_cache
