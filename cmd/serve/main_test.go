package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	javaScript = "text/javascript; charset=utf-8"
	immutable  = "public, max-age=31536000, immutable"
)

// builtFolder writes a small built folder, as cmd/build would, into a
// temporary folder, and returns its path: the loader, a hashed module with
// its .br and .gz, the hashed engine, a style sheet, an image, the pages
// (index.html with a .br), the host's _headers, and what must not be served:
// a dotfile, a dot folder, a sub-folder, a symbolic link out of the folder
// and, beside the folder, a secret. Each file's content names the file, so
// a test can tell which one was served.
func builtFolder(t *testing.T) string {
	parent := t.TempDir()
	dir := filepath.Join(parent, "dist")
	for _, name := range []string{
		"networking-roi.js",
		"widget.0746757c05.js", "widget.0746757c05.js.br", "widget.0746757c05.js.gz",
		"networking-roi.0123456789.wasm", "page.0123456789.css", "icon.svg",
		"index.html", "index.html.br", "embed.html",
		"_headers", ".hidden", ".git/config", "sub/file.js", "sub/index.html",
		"../secret.txt",
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte("content of "+name), 0o644))
	}
	require.NoError(t, os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "escape.txt")))
	return dir
}

// get sends a request to the handler of dir, with the headers given as
// name, value, ..., and returns the response.
func get(t *testing.T, dir, method, target string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	staticHandler(dir).ServeHTTP(rec, req)
	return rec
}

// assertHostingHeaders checks the headers internal/hosting gives every file.
func assertHostingHeaders(t *testing.T, h http.Header) {
	t.Helper()
	assert.Equal(t, "*", h.Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "cross-origin", h.Get("Cross-Origin-Resource-Policy"))
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
	assert.Equal(t, "Accept-Encoding", h.Get("Vary"))
}

func TestEveryFileIsServedWithItsTypeAndCaching(t *testing.T) {
	cases := []struct {
		about, path               string
		file                      string
		contentType, cacheControl string
	}{
		{"the loader is JavaScript and revalidates", "/networking-roi.js", "networking-roi.js", javaScript, "no-cache"},
		{"a hashed module is cached forever", "/widget.0746757c05.js", "widget.0746757c05.js", javaScript, immutable},
		{"the engine is application/wasm", "/networking-roi.0123456789.wasm", "networking-roi.0123456789.wasm", "application/wasm", immutable},
		{"a style sheet is css", "/page.0123456789.css", "page.0123456789.css", "text/css; charset=utf-8", immutable},
		{"an svg is an image", "/icon.svg", "icon.svg", "image/svg+xml", "no-cache"},
		{"the root is index.html", "/", "index.html", "text/html; charset=utf-8", "no-cache"},
		{"another page is html", "/embed.html", "embed.html", "text/html; charset=utf-8", "no-cache"},
		{"a query is no part of the name", "/embed.html?preset=weekly_group", "embed.html", "text/html; charset=utf-8", "no-cache"},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodGet, tc.path)

			require.Equal(t, http.StatusOK, rec.Code)
			assert.Equal(t, "content of "+tc.file, rec.Body.String())
			assertHostingHeaders(t, rec.Header())
			assert.Equal(t, tc.contentType, rec.Header().Get("Content-Type"))
			assert.Equal(t, tc.cacheControl, rec.Header().Get("Cache-Control"))
			assert.Empty(t, rec.Header().Get("Content-Encoding"))
		})
	}
}

func TestAcceptEncodingChoosesTheVariantByItsQValues(t *testing.T) {
	cases := []struct {
		about, acceptEncoding, encoding string
	}{
		{"no header: the file as it is", "", ""},
		{"a browser's list: br", "gzip, deflate, br, zstd", "br"},
		{"br alone", "br", "br"},
		{"gzip alone", "gzip", "gzip"},
		{"x-gzip is gzip", "x-gzip", "gzip"},
		{"codings are read in any case", "GZip", "gzip"},
		{"br at q=0 is refused", "br;q=0", ""},
		{"br at q=0.000 is refused", "br;q=0.000", ""},
		{"br refused, gzip accepted", "br;q=0, gzip", "gzip"},
		{"the higher q-value wins", "gzip;q=1, br;q=0.5", "gzip"},
		{"spaces around the parameters", "br ; q=0.8 , gzip ;Q=0.9", "gzip"},
		{"br on a tie", "gzip;q=0.5, br;q=0.5", "br"},
		{"* accepts br", "*", "br"},
		{"* at q=0 refuses every coding", "*;q=0", ""},
		{"* with br refused: gzip", "*, br;q=0", "gzip"},
		{"* with gzip refused: br", "gzip;q=0, *", "br"},
		{"a named coding outweighs *", "*;q=0.1, gzip;q=0.5", "gzip"},
		{"identity alone", "identity", ""},
		{"identity refused: still the file as it is, no variant being accepted", "identity;q=0, deflate", ""},
		{"a q-value that is no number is left out", "br;q=high, gzip", "gzip"},
		{"a q-value above 1 is left out", "br;q=2", ""},
		{"an unknown coding", "zstd", ""},
		{"an empty value", " , ", ""},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodGet, "/widget.0746757c05.js", "Accept-Encoding", tc.acceptEncoding)

			require.Equal(t, http.StatusOK, rec.Code)
			ext := map[string]string{"": "", "br": ".br", "gzip": ".gz"}[tc.encoding]
			assert.Equal(t, "content of widget.0746757c05.js"+ext, rec.Body.String())
			assert.Equal(t, tc.encoding, rec.Header().Get("Content-Encoding"))
			assertHostingHeaders(t, rec.Header())
			assert.Equal(t, javaScript, rec.Header().Get("Content-Type"), "the type of the file, not of its variant")
			assert.Equal(t, immutable, rec.Header().Get("Cache-Control"))
		})
	}
}

func TestAVariantIsServedOnlyWhereItExists(t *testing.T) {
	cases := []struct {
		about, path, acceptEncoding, file, encoding string
	}{
		{"no .br and no .gz: the file as it is", "/networking-roi.js", "br, gzip", "networking-roi.js", ""},
		{"the root's .br", "/", "br, gzip", "index.html.br", "br"},
		{"no .gz beside the root: the file as it is", "/", "gzip", "index.html", ""},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodGet, tc.path, "Accept-Encoding", tc.acceptEncoding)

			require.Equal(t, http.StatusOK, rec.Code)
			assert.Equal(t, "content of "+tc.file, rec.Body.String())
			assert.Equal(t, tc.encoding, rec.Header().Get("Content-Encoding"))
			assertHostingHeaders(t, rec.Header())
		})
	}
}

func TestARangeIsOfTheRepresentationServed(t *testing.T) {
	const plain, brotli = "content of widget.0746757c05.js", "content of widget.0746757c05.js.br"
	cases := []struct {
		about, acceptEncoding, encoding, contentRange, body string
	}{
		{"of the file as it is", "", "", "bytes 0-6/" + strconv.Itoa(len(plain)), plain[:7]},
		{"of the compressed bytes, with their encoding", "br", "br", "bytes 0-6/" + strconv.Itoa(len(brotli)), brotli[:7]},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodGet, "/widget.0746757c05.js", "Accept-Encoding", tc.acceptEncoding, "Range", "bytes=0-6")

			require.Equal(t, http.StatusPartialContent, rec.Code)
			assert.Equal(t, tc.body, rec.Body.String())
			assert.Equal(t, tc.contentRange, rec.Header().Get("Content-Range"))
			assert.Equal(t, tc.encoding, rec.Header().Get("Content-Encoding"))
			assert.Equal(t, javaScript, rec.Header().Get("Content-Type"))
			assertHostingHeaders(t, rec.Header())
		})
	}
}

func TestHeadSendsTheHeadersAndNoBody(t *testing.T) {
	cases := []struct {
		about, acceptEncoding, file, encoding string
	}{
		{"of the file as it is", "", "widget.0746757c05.js", ""},
		{"of its .br", "br", "widget.0746757c05.js.br", "br"},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodHead, "/widget.0746757c05.js", "Accept-Encoding", tc.acceptEncoding)

			require.Equal(t, http.StatusOK, rec.Code)
			assert.Empty(t, rec.Body.String())
			assert.Equal(t, strconv.Itoa(len("content of "+tc.file)), rec.Header().Get("Content-Length"))
			assert.Equal(t, tc.encoding, rec.Header().Get("Content-Encoding"))
			assert.Equal(t, javaScript, rec.Header().Get("Content-Type"))
			assert.Equal(t, immutable, rec.Header().Get("Cache-Control"))
			assertHostingHeaders(t, rec.Header())
		})
	}
}

func TestWhatIsNoFileOfTheFolderIsNotFound(t *testing.T) {
	cases := []struct{ about, path string }{
		{"a missing file", "/missing.js"},
		{"a folder", "/sub"},
		{"a folder with its slash", "/sub/"},
		{"a file with a folder's slash", "/widget.0746757c05.js/"},
		{"a dotfile", "/.hidden"},
		{"a file in a dot folder", "/.git/config"},
		{"a dot folder", "/.git/"},
		{"the host's _headers", "/_headers"},
		{"a parent folder", "/../secret.txt"},
		{"a parent folder under a folder", "/sub/../../secret.txt"},
		{"a parent folder, percent-encoded", "/%2e%2e/secret.txt"},
		{"a parent folder behind an encoded slash", "/sub%2f..%2f..%2fsecret.txt"},
		{"a current folder", "/./index.html"},
		{"an empty segment", "//index.html"},
		{"a symbolic link out of the folder", "/escape.txt"},
		{"a nul byte", "/index.html%00"},
		{"a segment of 256 bytes", "/" + strings.Repeat("a", 256)},
		{"a path of 8 KB", strings.Repeat("/abcdefgh", 1024)},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodGet, tc.path, "Accept-Encoding", "br, gzip")

			assert.Equal(t, http.StatusNotFound, rec.Code)
			assert.NotContains(t, rec.Body.String(), "content of")
			assert.Empty(t, rec.Header().Get("Content-Encoding"))
		})
	}
}

func TestOnlyGetAndHeadAreAllowed(t *testing.T) {
	dir := builtFolder(t)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions} {
		t.Run(method, func(t *testing.T) {
			rec := get(t, dir, method, "/widget.0746757c05.js", "Accept-Encoding", "br")

			assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
			assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
			assert.NotContains(t, rec.Body.String(), "content of")
			assert.Empty(t, rec.Header().Get("Content-Encoding"))
		})
	}
}

func TestIndexHTMLRedirectsToTheRootWithNoEncoding(t *testing.T) {
	cases := []struct{ about, path, location string }{
		{"index.html", "/index.html", "/"},
		{"index.html with a query", "/index.html?x=1", "/?x=1"},
	}
	dir := builtFolder(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			rec := get(t, dir, http.MethodGet, tc.path, "Accept-Encoding", "br, gzip")

			assert.Equal(t, http.StatusMovedPermanently, rec.Code)
			assert.Equal(t, tc.location, rec.Header().Get("Location"))
			assert.Empty(t, rec.Header().Get("Content-Encoding"))
			assert.Empty(t, rec.Header().Get("Cache-Control"), "no header of the page's")
			assert.Empty(t, rec.Body.String())
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
			rec := get(t, dir, http.MethodGet, "/widget.0746757c05.js",
				"If-Modified-Since", modified.Format(http.TimeFormat), "Accept-Encoding", tc.acceptEncoding)

			require.Equal(t, http.StatusNotModified, rec.Code)
			assertHostingHeaders(t, rec.Header())
			assert.Equal(t, immutable, rec.Header().Get("Cache-Control"))
			assert.Empty(t, rec.Body.String())
		})
	}
}
