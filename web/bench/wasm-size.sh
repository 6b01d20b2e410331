#!/usr/bin/env bash
# Prints the raw and brotli (quality 11) bytes of the engine's .wasm, built as
# the Makefile builds it but with a fixed version and an empty build ID: the
# build ID alone moves the brotli size by about 1.5 KB, so two builds of
# different code are only comparable with the same one. Run it from the
# repository's root; it takes the package to build, ./wasm by default.
#
#	web/bench/wasm-size.sh                     # the engine
#	web/bench/wasm-size.sh ./web/bench/floor   # the floor
set -euo pipefail

pkg=${1:-./wasm}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=x -buildid=" -o "$out/a.wasm" "$pkg"
node -e '
const { readFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const data = readFileSync(process.argv[1]);
const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: 0 };
console.log(`raw ${data.length} brotli ${brotliCompressSync(data, { params }).length}`);
' "$out/a.wasm"
