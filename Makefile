# The two commands of the README: `make demo` installs and serves the product with the demo
# Department; `make test` runs the whole test suite. Both create .venv from the lock files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test install install-test lock clean screenshots openapi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed-base: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install -q -r requirements/base.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base requirements/test.txt
	$(BIN)/pip install -q -r requirements/test.txt
	touch $@

install: $(VENV)/.installed-base

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/motcua migrate --noinput
	$(BIN)/motcua load_demo
	@echo ""
	@echo "Motcua chạy tại http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	$(BIN)/motcua runserver 127.0.0.1:$(PORT) --noreload

# The dependency order of docs/architecture.md and the lint rules first: each fails in seconds.
test: install-test
	$(BIN)/lint-imports
	$(BIN)/ruff check src
	$(BIN)/ruff format --check src
	$(BIN)/pytest $(PYTEST_ARGS)

# Re-resolve the lock files after changing the dependencies in pyproject.toml.
lock:
	uv pip compile pyproject.toml -p 3.11 -q --no-header -o requirements/base.txt
	uv pip compile pyproject.toml --extra test -p 3.11 -q --no-header -o requirements/test.txt

# Refresh docs/openapi.json after changing an endpoint (a test checks it is current).
openapi: install
	$(BIN)/motcua export_openapi_schema --api motcua.api.api.api --indent 2 --sorted \
		--output docs/openapi.json

clean:
	rm -rf $(VENV) var

# Refresh the README's pictures from the browser tests.
screenshots: install-test
	MOTCUA_SCREENSHOT_DIR=docs/img $(BIN)/pytest -m browser $(PYTEST_ARGS)
