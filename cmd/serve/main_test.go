package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// builtFolder writes a small built folder, as cmd/build would, into a
// temporary folder: the loader, a hashed module with its .br and .gz, the
// hashed engine and the page. Each file's content names the file, so a test
// can tell which one was served.
func builtFolder(t *testing.T) string {
	dir := t.TempDir()
	for _, name := range []string{
		"networking-roi.js",
		"widget.0746757c05.js", "widget.0746757c05.js.br", "widget.0746757c05.js.gz",
		"networking-roi.0123456789.wasm",
		"index.html",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("content of "+name), 0o644))
	}
	return dir
}

func TestEveryFileIsServedWithTheHostingHeaders(t *testing.T) {
	const (
		javaScript = "text/javascript; charset=utf-8"
		immutable  = "public, max-age=31536000, immutable"
	)
	cases := []struct {
		about, path, acceptEncoding string
		file, contentEncoding       string
		contentType, cacheControl   string
	}{
		{"the loader revalidates", "/networking-roi.js", "", "networking-roi.js", "", javaScript, "no-cache"},
		{"a hashed module is cached forever", "/widget.0746757c05.js", "", "widget.0746757c05.js", "", javaScript, immutable},
		{"the engine is application/wasm", "/networking-roi.0123456789.wasm", "", "networking-roi.0123456789.wasm", "", "application/wasm", immutable},
		{"the page revalidates", "/", "", "index.html", "", "text/html; charset=utf-8", "no-cache"},
		{"brotli is served where accepted", "/widget.0746757c05.js", "gzip, deflate, br, zstd", "widget.0746757c05.js.br", "br", javaScript, immutable},
		{"gzip is served where brotli is not accepted", "/widget.0746757c05.js", "gzip", "widget.0746757c05.js.gz", "gzip", javaScript, immutable},
		{"a file without a .br is served as it is", "/networking-roi.js", "br", "networking-roi.js", "", javaScript, "no-cache"},
	}
	handler := staticHandler(builtFolder(t))
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			if tc.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tc.acceptEncoding)
			}
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)

			require.Equal(t, http.StatusOK, rec.Code)
			assert.Equal(t, "content of "+tc.file, rec.Body.String())
			h := rec.Header()
			assert.Equal(t, "*", h.Get("Access-Control-Allow-Origin"))
			assert.Equal(t, "cross-origin", h.Get("Cross-Origin-Resource-Policy"))
			assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
			assert.Equal(t, tc.contentType, h.Get("Content-Type"))
			assert.Equal(t, tc.cacheControl, h.Get("Cache-Control"))
			assert.Equal(t, tc.contentEncoding, h.Get("Content-Encoding"))
			assert.Equal(t, "Accept-Encoding", h.Get("Vary"))
		})
	}
}

func TestANotModifiedAnswerKeepsTheHostingHeaders(t *testing.T) {
	dir := builtFolder(t)
	modified := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, name := range []string{"widget.0746757c05.js", "widget.0746757c05.js.br"} {
		require.NoError(t, os.Chtimes(filepath.Join(dir, name), modified, modified))
	}
	cases := []struct{ about, acceptEncoding string }{
		{"of the file as it is", ""},
		{"of its .br", "br"},
	}
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/widget.0746757c05.js", nil)
			req.Header.Set("If-Modified-Since", modified.Format(http.TimeFormat))
			req.Header.Set("Accept-Encoding", tc.acceptEncoding)
			rec := httptest.NewRecorder()
			staticHandler(dir).ServeHTTP(rec, req)

			require.Equal(t, http.StatusNotModified, rec.Code)
			h := rec.Header()
			assert.Equal(t, "*", h.Get("Access-Control-Allow-Origin"))
			assert.Equal(t, "cross-origin", h.Get("Cross-Origin-Resource-Policy"))
			assert.Equal(t, "public, max-age=31536000, immutable", h.Get("Cache-Control"))
			assert.Equal(t, "Accept-Encoding", h.Get("Vary"))
		})
	}
}
