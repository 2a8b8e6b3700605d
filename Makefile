# Set-up and checks (issue #2). Needs only python3.11 (or python3 >= 3.11) and the package registries.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo demo-analysis report test lint install chromium bench clean

$(BIN)/rashomon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/rashomon

install: $(BIN)/rashomon

demo: report  ## the dashboard on the built-in demo corpus (or on ./rashomon.db if there is one)
	$(BIN)/streamlit run app.py

demo-analysis: install  ## rewrite demo/.analysis.json, the demo's analysis the dashboard shows at once (issue #11)
	$(BIN)/python -m dashboard.demo

report: install  ## analyse the built-in demo corpus and write out/report.{md,html,json,csv}
	mkdir -p out
	$(BIN)/rashomon compare demo --md out/report.md --html out/report.html --json out/report.json --csv out/report.csv
	@echo "Reports written to out/ (open out/report.html in a browser)"

# Browser tests drive Debian's chromium (never a downloaded build): installed here when missing and we are
# root, as the README says; otherwise those tests are skipped, and this says how to get it (issue #10).
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
			|| echo "could not install chromium: the browser tests will be skipped"; \
	else echo "chromium is missing: 'sudo apt-get install chromium' (Debian) runs the browser tests too"; fi

test: install chromium  ## lint, then the whole test suite
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
