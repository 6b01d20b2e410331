package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeadersFileGivesEveryWrittenFileItsExactPath(t *testing.T) {
	names := []string{"networking-roi.0746757c05.wasm", "networking-roi.js", "index.html"}
	want := `# Written by cmd/build from internal/hosting: the headers of every file.

/networking-roi.0746757c05.wasm
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=31536000, immutable
  Content-Type: application/wasm
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff

/networking-roi.js
  Access-Control-Allow-Origin: *
  Cache-Control: no-cache
  Content-Type: text/javascript; charset=utf-8
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff

/index.html
  Access-Control-Allow-Origin: *
  Cache-Control: no-cache
  Content-Type: text/html; charset=utf-8
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff

/
  Access-Control-Allow-Origin: *
  Cache-Control: no-cache
  Content-Type: text/html; charset=utf-8
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff
`
	assert.Equal(t, want, headersFile(names))
}

func TestTheHeadersFileIsNotCompressed(t *testing.T) {
	b := newBuilder("web", t.TempDir())
	require.NoError(t, b.write("networking-roi.js", []byte("loader")))
	require.NoError(t, b.writeHeaders())
	require.NoError(t, b.compress())

	assert.FileExists(t, filepath.Join(b.out, "_headers"))
	assert.FileExists(t, filepath.Join(b.out, "networking-roi.js.gz"))
	assert.NoFileExists(t, filepath.Join(b.out, "_headers.gz"))
	entries, err := os.ReadDir(b.out)
	require.NoError(t, err)
	assert.Len(t, entries, 3, "the loader, its .gz and _headers")
}
