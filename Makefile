# Two entry points: `make run` serves the site with demo content; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev assets migrate demo lint format clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml constraints.txt
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

frontend/build/frontend/site.css: node_modules/.package-lock.json frontend/build.mjs frontend/src/site.css frontend/src/site.js
	npm run --silent build

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
assets: frontend/build/frontend/site.css

# The front end first: Django's checks look for its build folder.
migrate: install assets
	$(PY) manage.py migrate --no-input

demo: migrate assets
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py load_demo

run: demo
	HOST=$(HOST) PORT=$(PORT) bash scripts/run

test: install-dev assets
	bash scripts/test

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules frontend/build var
