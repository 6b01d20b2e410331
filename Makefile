# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
GOROOT := $(shell go env GOROOT)
DIST := dist
PORT ?= 8080
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
WASM_ENV := GOOS=js GOARCH=wasm
WASM_EXEC := -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec"
FUZZTIME ?= 5s
# make fuzz FUZZTIME=60s runs each fuzz target for a minute. GO_FUZZTIME is
# the Go targets' budget: make test gives them a count of executions, as Go
# 1.26's fuzzer can fail a time-bounded run at its deadline with "context
# deadline exceeded" when the machine is busy (go.dev/issue/75804, fixed in
# Go 1.27); a count has no deadline to race.
GO_FUZZTIME ?= $(FUZZTIME)
FUZZ_SHORT_EXECS ?= 50000x
CHROMIUM ?= /usr/bin/chromium

.PHONY: screenshots build run test test-go test-wasm test-browser browser-deps fuzz-short fuzz bench check clean

build:
	rm -rf $(DIST) && mkdir -p $(DIST) bin
	$(WASM_ENV) go build -trimpath -ldflags="-s -w -X main.version=$(VERSION)" -o bin/networking-roi.wasm ./wasm
	go run ./cmd/build -wasm bin/networking-roi.wasm -exec "$(GOROOT)/lib/wasm/wasm_exec.js" -web web -out $(DIST)
	node cmd/build/brotli.mjs $(DIST)

run: build
	PORT=$(PORT) go run ./cmd/serve -dir $(DIST)

test: check test-go test-wasm fuzz-short test-browser

# go vet ./... skips the packages built only for js/wasm (their files say
# //go:build js && wasm): the bridge and the bench's floor are vetted as wasm.
check:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need formatting"; exit 1; }
	go vet ./...
	$(WASM_ENV) go vet ./wasm ./web/bench/floor

test-go:
	go test -count=1 ./...

test-wasm:
	$(WASM_ENV) go test -count=1 $(WASM_EXEC) ./calc ./wasm

# Browser tests need Debian's chromium, poppler's pdftotext (the print tests
# read the words of the printed PDF's pages) and the npm packages of
# web/test; install them when missing.
browser-deps:
	@command -v $(CHROMIUM) >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v pdftotext >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }
	@test -d web/test/node_modules/playwright-core || (cd web/test && npm ci --no-audit --no-fund --loglevel=error)

# The panichook build is a test-only engine that panics on request
# (wasm/panichook.go), for reliability.test.mjs.
test-browser: build browser-deps
	go build -o bin/serve ./cmd/serve
	$(WASM_ENV) go build -trimpath -tags panichook -o bin/networking-roi-panichook.wasm ./wasm
	cd web/test && CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1 unit/*.test.mjs *.test.mjs

fuzz-short:
	$(MAKE) fuzz FUZZTIME=$(FUZZTIME) GO_FUZZTIME=$(FUZZ_SHORT_EXECS)

fuzz:
	@for target in $$(go test -list '^Fuzz' ./calc | grep '^Fuzz'); do \
	  echo "fuzz $$target for $(GO_FUZZTIME)"; \
	  go test -run='^$$' -fuzz="^$$target$$" -fuzztime=$(GO_FUZZTIME) ./calc || exit 1; \
	done
	node web/test/fuzz/share-fuzz.mjs $(FUZZTIME)

# Every performance figure of the README, each against its target, from one
# run: wire weight, host page cost, time to interactive, keystrokes, memory,
# and the engine's Go benchmarks natively and in node.
bench: build browser-deps
	go build -o bin/serve ./cmd/serve
	CHROMIUM=$(CHROMIUM) node web/bench/measure.mjs

# Screenshots of the page at 360 and 1280 px, light and dark, to look at.
screenshots: build browser-deps
	go build -o bin/serve ./cmd/serve
	cd web/test && node screenshots.mjs

clean:
	rm -rf $(DIST) bin
