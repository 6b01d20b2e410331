#!/usr/bin/env bash
# Prints the raw and brotli (quality 11) bytes of the engine's .wasm, built as
# the Makefile builds it but with a fixed version. Run it from the
# repository's root; it takes the package to build, ./wasm by default.
#
#	web/bench/wasm-size.sh                       # one build, empty build ID
#	web/bench/wasm-size.sh -n 8                  # eight builds, random build IDs
#	web/bench/wasm-size.sh -n 8 ./web/bench/floor
#
# Brotli's output is chaotic: changing any bytes of the .wasm, the build ID's
# 83 at its start among them, moves the compressed size by up to about 1 KB
# either way (a standard deviation of about 400 B). An empty build ID makes
# one build reproducible; to compare two versions of the code, compare the
# means of -n builds with random build IDs (8 resolve about 0.5 KB).
set -euo pipefail

runs=0
if [[ ${1:-} == -n ]]; then
	runs=$2
	shift 2
fi
pkg=${1:-./wasm}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

build() { # build ID, file
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=x -buildid=$1" -o "$2" "$pkg"
}

if ((runs == 0)); then
	build "" "$out/0.wasm"
else
	for ((i = 1; i <= runs; i++)); do
		# A random ID shaped like Go's: four parts of 20 characters.
		id=$(head -c 60 /dev/urandom | base64 -w0 | tr '+/' '-_' | head -c 80 | sed -E 's#(.{20})(.{20})(.{20})#\1/\2/\3/#')
		build "$id" "$out/$i.wasm"
	done
fi
node -e '
const { readFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: 0 };
const files = process.argv.slice(1);
const raw = files.map((f) => readFileSync(f).length);
const br = files.map((f) => brotliCompressSync(readFileSync(f), { params }).length);
const mean = (xs) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
if (files.length === 1) {
  console.log(`raw ${raw[0]} brotli ${br[0]}`);
} else {
  console.log(`raw ${mean(raw)} brotli ${mean(br)} (mean of ${br.length} build IDs, ${Math.min(...br)} to ${Math.max(...br)})`);
}
' "$out"/*.wasm
