# The two commands of the README: `make run` and `make test`. Both set up what they
# need on a machine with Python 3.11 and nothing else.

PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench bench-tickets clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The ticket e-mail worker runs in the background beside the server and prints the
# e-mails (console backend); Ctrl-C reaches both, and the trap stops the worker
# whichever way the server ends.
run: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	$(PY) manage.py resume_ticket_deliveries
	$(PY) manage.py db_worker --backend=support --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	@[ -n "$$CHROMIUM_PATH" ] || command -v chromium >/dev/null 2>&1 || \
		echo "Browser tests skipped: Chromium is not installed (apt-get install chromium)."
	$(PY) -m pytest --ignore=extranet/tests/browser $(PYTEST_ARGS)
	@# The browser tests run in their own process: their transactional database
	@# restore does not survive the other tests' shared one.
	$(PY) -m pytest extranet/tests/browser $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

# Tickets per second through the form and POST-to-e-mail times, on a throwaway
# database; e.g. make bench-tickets BENCH_ARGS="--tickets 500 --workers 2".
bench-tickets: $(VENV)/.runtime
	$(PY) manage.py bench_tickets $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media staticfiles

# Seeds PostgreSQL (DATABASE_URL's server, databases extranet_bench and
# extranet_bench_10), serves with gunicorn and drives every page with wrk.
bench: $(VENV)/.dev
	@command -v wrk >/dev/null 2>&1 || { echo "make bench needs wrk (apt-get install wrk)"; exit 1; }
	$(PY) -m extranet.bench.run $(BENCH_ARGS)
