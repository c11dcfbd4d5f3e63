# radintel: `make demo` runs the whole pipeline on synthetic data, `make test` runs every check.
# The virtual environment is built once from requirements.lock; the stamp file records that,
# so later targets do not reinstall until requirements.lock or pyproject.toml change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := .venv.stamp
export PYTHONPATH := .

.PHONY: venv demo test lint

venv: $(STAMP)

$(STAMP): requirements.lock requirements-nodeps.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -r requirements.lock
	$(BIN)/pip install --no-deps -r requirements-nodeps.lock
	$(BIN)/pip install --no-deps -e .
	touch $@

demo: $(STAMP)
	$(BIN)/radintel demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# pytest exits 5 when it collected no tests: that fails this target like any other failure.
test: lint
	$(BIN)/pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; \
	exit $$status
