# Two commands from a fresh clone:  make serve  (build and preview)  and  make test  (every test).
# Each creates .venv and installs the exact versions pinned in pyproject.toml + constraints.txt.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1:8000

BASE   ?= origin/main
ORG    ?=
BODY   ?=
FILES  ?=
ARGS   ?=

.PHONY: install install-test validate schema site serve preview diff test test-fast golden fuzz clean bench \
	new-org new-program new-training new-case from-issue stale confirm-request check-setup

$(VENV)/.site-deps: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/.site-deps
install-test: $(VENV)/.test-deps

validate: install                 ## check every file in orgs/, list every problem
	$(PY) -m generator validate

check-setup: install              ## the stand-in values to replace before publishing (README)
	$(PY) -m generator check-setup

schema: install                   ## regenerate schema/ from the model
	$(PY) -m generator schema

site: install                     ## build into site/ (replaced only when the build succeeds)
	$(PY) -m generator build --output site

serve: site                       ## build, then serve with live reload on http://$(HOST)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --livereload --dev-addr $(HOST)

preview: install                  ## serve the site and print the address of each listing you changed
	$(PY) -m generator preview --dev-addr $(HOST) $(FILES)

new-org: install                  ## start orgs/<id>/organization.yml: asks for the essentials
	$(PY) -m generator new org $(ARGS)

new-program new-training new-case: install  ## start a listing: make new-program ORG=<organization-id>
	@if [ -z "$(ORG)" ]; then echo "make $@ needs the organization's id (its folder \
	name in orgs/): make $@ ORG=<organization-id>" >&2; exit 2; fi
	$(PY) -m generator new $(@:new-%=%) "$(ORG)" $(ARGS)

from-issue: install               ## a submitted issue form as a data file: make from-issue BODY=<file>
	@if [ -z "$(BODY)" ]; then echo "make from-issue needs the file with the issue's text: \
	make from-issue BODY=<file>" >&2; exit 2; fi
	$(PY) -m generator from-issue "$(BODY)" --write $(ARGS)

stale: install                    ## listings past or near their freshness window, by organization
	$(PY) -m generator stale $(ARGS)

confirm-request: install          ## the message asking an organization to confirm its listings: ORG=<id>
	@if [ -z "$(ORG)" ]; then echo "make confirm-request needs the organization's id (its \
	folder name in orgs/): make confirm-request ORG=<organization-id>" >&2; exit 2; fi
	$(PY) -m generator confirm-request "$(ORG)" $(ARGS)

diff: install                     ## what your change does to the directory, against $(BASE)
	$(PY) -m generator diff $(BASE) $(ARGS)

test: install-test                ## every test, browser tests included
	$(PY) -m pytest

test-fast: install-test           ## the edit-test loop: no browser, no MkDocs build (make test runs all)
	PROBONO_TEST_FAST=1 FUZZ_EXAMPLES=50 PRIVACY_EXAMPLES=50 \
		$(PY) -m pytest -m "not browser and not slow" -n auto -p no:cacheprovider -q $(ARGS)

fuzz: install-test                ## the loader and validator on new random files, 20x the suite's
	FUZZ_EXAMPLES=$(or $(EXAMPLES),100000) HYPOTHESIS_PROFILE=explore \
		$(PY) -m pytest tests/core/test_fuzz.py -p no:cacheprovider $(ARGS)

golden: install-test              ## rewrite tests/golden/ (the pages as generated) after a meant change
	PROBONO_UPDATE_GOLDEN=1 $(PY) -m pytest tests/site/test_golden.py -p no:cacheprovider -q

clean:
	rm -rf site .site-* $(VENV)

bench: install-test               ## speed and size at 100, 1,000 and 10,000 listings (minutes)
	$(PY) -m bench.run
